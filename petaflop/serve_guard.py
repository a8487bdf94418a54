"""The guard in front of ``oxigraph serve-read-only``: what ``petaflop serve`` listens with.

Oxigraph's server has a query time-out (``--timeout-s``) but it does not stop everything: a
runaway ``ORDER BY`` over a cross product kept computing (and growing) after its client had
gone, abandoned queries kept both CPUs busy, and ~400 half-open connections kept other clients
out. The guard is a small asyncio HTTP server on the public address that forwards ``/query``
to an Oxigraph on a private loopback port, and enforces (:class:`petaflop.serve.Limits`):

* **what may run**: only ``GET``/``POST /query``; the query text is checked before it is sent
  (too long, too many tokens or too deep → 400; ``SERVICE``/``LOAD`` to a host not allowed →
  403; an update → 403, the server is read-only);
* **connections**: at most ``max_connections`` open at once (more are answered 503 at once);
  a request must arrive whole within ``header_timeout_s`` (idle and half-open connections are
  closed then); one request per connection;
* **queries**: at most ``max_queries`` evaluated at once; others wait, within their own time. A
  query still running after :data:`SLOW_AFTER_S` moves to one of ``max_queries`` slow slots (so
  runaways cannot hold the slots short queries need: at most twice ``max_queries`` run at once),
  and its Oxigraph thread is re-niced so that short queries keep the CPUs;
* **time**: each request has ``timeout_s``. Oxigraph cancels what it can at that time; if it has
  still not answered ``grace_s`` later, the query cannot be cancelled, and the guard restarts
  Oxigraph (``SIGKILL``: the CPU and memory are back for certain). Requests that were in flight
  on the killed server are sent again once, within their own time;
* **memory**: Oxigraph runs under ``RLIMIT_AS`` = ``memory_mb``; when it dies of it (or of
  anything) the guard restarts it and answers 503;
* **stopping**: SIGINT or SIGTERM, at any moment, closes the listener, gives requests in flight
  a short grace, cancels them and kills Oxigraph (:func:`run_guard`);
* the Oxigraph process dies with the guard (``PR_SET_PDEATHSIG``, set by a tiny exec wrapper),
  so a ``kill -9`` of ``petaflop serve`` frees its port.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

from petaflop.serve_cache import AnswerCache, marked

CANCELLED = b"The SPARQL operation has been cancelled"
FORM = "application/x-www-form-urlencoded"
SLOW_AFTER_S = 1.0
SLOW_NICE = 15
_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "proxy-connection", "upgrade", "te",
        "trailer"}


@dataclass
class Request:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes

    @property
    def path(self) -> str:
        return urllib.parse.urlsplit(self.target).path


class Reject(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def query_text(req: Request) -> str | None:
    """The SPARQL text of a protocol request (GET ``?query=``, POST form or ``application/sparql-query``)."""
    parts = urllib.parse.urlsplit(req.target)
    found = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
    ctype = req.headers.get("content-type", "").split(";")[0].strip().lower()
    if req.method == "POST":
        if ctype == "application/sparql-query":
            return req.body.decode("utf-8", "replace")
        if ctype == FORM:
            found = {**found, **urllib.parse.parse_qs(req.body.decode("utf-8", "replace"), keep_blank_values=True)}
        if "update" in found:
            raise Reject(403, "this server is read-only: updates are refused")
    texts = found.get("query")
    if texts is None:
        return None
    if len(texts) != 1:
        raise Reject(400, "give exactly one query parameter")
    return texts[0]


def check_request(req: Request, allowed_hosts: tuple[str, ...]) -> None:
    """Refuse what must not reach Oxigraph (see the module docstring); passes silently otherwise."""
    from foundation.namespaces import PREFIXES
    from queries.safety import complexity_problem, outbound_problem
    from queries.sparql import analyse

    if req.method not in ("GET", "POST"):
        raise Reject(405, f"{req.method} is not allowed: send GET or POST to /query")
    if req.path.rstrip("/") != "/query":
        if req.path.rstrip("/") in ("/update", "/store"):
            raise Reject(403, "this server is read-only")
        raise Reject(404, "not found: the SPARQL endpoint is /query")
    text = query_text(req)
    if text is None:
        return  # the service description
    problem = complexity_problem(text)
    if problem:
        raise Reject(400, problem)
    problem = outbound_problem(text, frozenset(allowed_hosts), dict(PREFIXES))
    if problem:
        raise Reject(403, problem)
    if analyse(text).is_update:
        raise Reject(403, "this server is read-only: updates are refused")


def protocol_params(req: Request) -> list[tuple[str, str]]:
    """The protocol parameters of a request: its URL's, then a posted form's."""
    form = req.method == "POST" and req.headers.get("content-type", "").split(";")[0].strip().lower() == FORM
    return urllib.parse.parse_qsl(urllib.parse.urlsplit(req.target).query, keep_blank_values=True) + (
        urllib.parse.parse_qsl(req.body.decode("utf-8", "replace"), keep_blank_values=True) if form else [])


def for_oxigraph(req: Request) -> Request:
    """The request Oxigraph is sent: OPTIONAL groups of plain patterns evaluated per row
    (:func:`queries.sparql.lateral_optionals`, as the embedded store runs them), posted as the
    query text with the other protocol parameters kept in the URL; any other request unchanged."""
    from queries.sparql import lateral_optionals

    text = query_text(req)
    if text is None or "OPTIONAL" not in text.upper():
        return req
    rewritten = lateral_optionals(text)
    if rewritten == text:
        return req
    params = [(k, v) for k, v in protocol_params(req) if k != "query"]
    headers = {k: v for k, v in req.headers.items() if k != "content-type"}
    headers["content-type"] = "application/sparql-query; charset=utf-8"
    target = req.path + ("?" + urllib.parse.urlencode(params) if params else "")
    return Request("POST", target, headers, rewritten.encode("utf-8"))


async def read_request(reader: asyncio.StreamReader, header_timeout_s: float, max_body: int) -> Request:
    try:
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), header_timeout_s)
    except asyncio.LimitOverrunError:
        raise Reject(431, "request header too large") from None
    lines = head.decode("latin-1").split("\r\n")
    try:
        method, target, _version = lines[0].split(" ", 2)
    except ValueError:
        raise Reject(400, "malformed request line") from None
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        raise Reject(411, "send the body with a Content-Length")
    try:
        length = int(headers.get("content-length", "0") or 0)
    except ValueError:
        raise Reject(400, "bad Content-Length") from None
    if length < 0 or length > max_body:
        raise Reject(413, f"request body over {max_body} bytes")
    body = await asyncio.wait_for(reader.readexactly(length), header_timeout_s) if length else b""
    return Request(method.upper(), target, headers, body)


def decode_response(raw: bytes) -> tuple[int, dict[str, str], bytes, bool]:
    """Status, headers, body and whether the body was complete (a chunked stream cut short is not)."""
    head, _, rest = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    try:
        status = int(lines[0].split(" ", 2)[1])
    except (IndexError, ValueError):
        return 502, {}, b"", False
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    if "chunked" not in headers.get("transfer-encoding", "").lower():
        return status, headers, rest, True
    body, pos = bytearray(), 0
    while True:
        end = rest.find(b"\r\n", pos)
        if end < 0:
            return status, headers, bytes(body), False
        try:
            size = int(rest[pos:end].split(b";")[0], 16)
        except ValueError:
            return status, headers, bytes(body), False
        if size == 0:
            return status, headers, bytes(body), True
        chunk = rest[end + 2:end + 2 + size]
        body += chunk
        if len(chunk) < size:
            return status, headers, bytes(body), False
        pos = end + 2 + size + 2


def response(status: int, body: bytes, ctype: str = "text/plain; charset=utf-8",
             headers: dict[str, str] | None = None) -> bytes:
    reason = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
              411: "Length Required", 413: "Payload Too Large", 431: "Request Header Fields Too Large",
              500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}.get(status, "Status")
    out = [f"HTTP/1.1 {status} {reason}", f"Content-Type: {ctype}", f"Content-Length: {len(body)}",
           "Connection: close", "Server: petaflop-serve (Oxigraph)"]
    out += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(out) + "\r\n\r\n").encode("latin-1") + body


class Upstream:
    """The Oxigraph process behind the guard: started, watched, restarted."""

    def __init__(self, start: Callable[[int], subprocess.Popen], free_port: Callable[[], int],
                 wait_ready: Callable[[str, subprocess.Popen], None]):
        self._start, self._free_port, self._wait_ready = start, free_port, wait_ready
        self.proc: subprocess.Popen | None = None
        self.port = 0
        self.generation = 0
        self.restarts = 0
        self.ready = asyncio.Event()
        self._lock = asyncio.Lock()
        self.closed = False  # stopping: nothing starts Oxigraph again

    async def start(self) -> None:
        self.port = self._free_port()
        self.proc = self._start(self.port)  # from the event-loop (main) thread: the death signal follows it
        await asyncio.to_thread(self._wait_ready, f"http://127.0.0.1:{self.port}/query?query=ASK%7B%7D", self.proc)
        self.generation += 1
        self.ready.set()

    async def restart(self, seen_generation: int) -> None:
        """Kill and start again, unless someone already did since ``seen_generation``."""
        async with self._lock:
            if self.generation != seen_generation or self.closed:
                return
            self.ready.clear()
            self.kill()
            self.restarts += 1
            await self.start()

    def close(self) -> None:
        """Kill Oxigraph for good: a restart asked for later does nothing."""
        self.closed = True
        self.kill()

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(10)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None


class Guard:
    def __init__(self, upstream: Upstream, limits, log: Callable[[str], None] = lambda _m: None):
        self.up, self.limits, self.log = upstream, limits, log
        self.connections = 0
        self.queries = asyncio.Semaphore(limits.max_queries)
        self.slow_free = limits.max_queries  # slots of queries that have run for SLOW_AFTER_S
        self.niced: dict[int, tuple[int, int]] = {}  # thread id -> (CPU ticks at last look, busy looks)
        self.in_flight: dict[int, int] = {}  # id(task) -> upstream generation
        self.stats = {"answered": 0, "refused": 0, "timeouts": 0, "restarts": 0, "retried": 0}
        budget = limits.cache_mb << 20
        self.cache = AnswerCache(budget, min(limits.max_response, budget // 4)) if budget else None

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            if self.connections > self.limits.max_connections:
                self.stats["refused"] += 1
                writer.write(response(503, b"too many open connections; try again\n"))
                return
            try:
                req = await read_request(reader, self.limits.header_timeout_s, self.limits.max_body)
                key = AnswerCache.key(query_text(req), protocol_params(req), req.headers.get("accept", "")) \
                    if self.cache is not None and req.path.rstrip("/") == "/query" else None
            except Reject as exc:
                writer.write(self.refuse(exc))
                return
            except (TimeoutError, asyncio.IncompleteReadError, ConnectionError):
                return  # idle, half-open or gone: just close
            if self.cache is None or key is None:
                writer.write(await self.checked(req))
            else:  # read-only: an answer kept (its query passed the checks), or the one being computed now
                raw, how = await self.cache.answer(key, lambda: self.checked(req))
                writer.write(raw if how == "miss" else marked(raw, how))
            with contextlib.suppress(ConnectionError, asyncio.TimeoutError):
                await asyncio.wait_for(writer.drain(), self.limits.timeout_s)
        finally:
            self.connections -= 1
            with contextlib.suppress(Exception):
                writer.close()

    def refuse(self, exc: Reject) -> bytes:
        self.stats["refused"] += 1
        return response(exc.status, (str(exc) + "\n").encode("utf-8"))

    async def checked(self, req: Request) -> bytes:
        """Oxigraph's answer to a request that passes the checks; the refusal of one that does not."""
        try:
            check_request(req, self.limits.allow_service)
            req = for_oxigraph(req)
        except Reject as exc:
            return self.refuse(exc)
        return await self.forward(req)

    async def forward(self, req: Request) -> bytes:
        lim = self.limits
        deadline = time.monotonic() + lim.timeout_s
        try:
            await asyncio.wait_for(self.queries.acquire(), lim.timeout_s)
        except TimeoutError:
            self.stats["timeouts"] += 1
            return response(503, f"all {lim.max_queries} query slots stayed busy for {lim.timeout_s:g} s\n".encode())
        slot = {"fast": True}
        try:
            return await self._attempts(req, deadline, slot)
        finally:
            if slot["fast"]:
                self.queries.release()
            else:
                self.slow_free += 1

    async def _run_once(self, req: Request, deadline: float, slot: dict) -> bytes:
        """One exchange with Oxigraph; after ``SLOW_AFTER_S`` the query moves from its slot to a slow one
        (when one is free), so that runaways do not hold the slots short queries need."""
        task = asyncio.ensure_future(self._exchange(req))
        try:
            if slot["fast"]:
                with contextlib.suppress(TimeoutError):
                    return await asyncio.wait_for(asyncio.shield(task), min(SLOW_AFTER_S, deadline - time.monotonic()))
                if self.slow_free > 0:
                    self.slow_free -= 1
                    slot["fast"] = False
                    self.queries.release()
            return await asyncio.wait_for(task, deadline - time.monotonic() + self.limits.grace_s)
        finally:
            if not task.done():
                task.cancel()

    async def _attempts(self, req: Request, deadline: float, slot: dict) -> bytes:
        lim = self.limits
        for attempt in range(2):
            left = deadline - time.monotonic()
            if left <= 0:
                break
            try:
                await asyncio.wait_for(self.up.ready.wait(), left)
            except TimeoutError:
                break
            generation = self.up.generation
            started = time.monotonic()
            try:
                raw = await self._run_once(req, deadline, slot)
            except TimeoutError:
                # Oxigraph did not cancel it: only a restart stops that work
                self.stats["timeouts"] += 1
                self.stats["restarts"] += 1
                self.log(f"a query ran past {lim.timeout_s:g} s + {lim.grace_s:g} s: restarting Oxigraph")
                asyncio.get_running_loop().create_task(self.up.restart(generation))
                return response(503, f"query did not finish within {lim.timeout_s:g} s; it was stopped\n".encode())
            except (ConnectionError, OSError, asyncio.IncompleteReadError):
                raw = b""
            status, headers, body, complete = decode_response(raw) if raw else (0, {}, b"", False)
            if body.rstrip().endswith(CANCELLED):  # Oxigraph's own time-out, written into a 200 answer
                self.stats["timeouts"] += 1
                return response(503, f"query did not finish within {lim.timeout_s:g} s; it was stopped\n".encode())
            if status and complete:
                self.stats["answered"] += 1
                keep = {k: v for k, v in headers.items() if k not in _HOP and k != "content-type" and k != "server"}
                return response(status, body, headers.get("content-type", "application/octet-stream"), keep)
            if CANCELLED in body or time.monotonic() - started >= lim.timeout_s * 0.9:
                self.stats["timeouts"] += 1
                return response(503, f"query did not finish within {lim.timeout_s:g} s; it was stopped\n".encode())
            if not self.up.alive():  # it died under this request (memory ceiling, crash): restart, retry once
                self.stats["restarts"] += 1
                await self.up.restart(generation)
                if attempt == 0:
                    self.stats["retried"] += 1
                    continue
                return response(503, (f"the server stopped while answering (memory ceiling "
                                      f"{lim.memory_mb} MB?); it was restarted\n").encode())
            if attempt == 0 and self.up.generation != generation:  # restarted for another query: retry
                self.stats["retried"] += 1
                continue
            return response(502, b"incomplete answer from Oxigraph\n")
        self.stats["timeouts"] += 1
        return response(503, f"query did not finish within {lim.timeout_s:g} s\n".encode())

    async def _exchange(self, req: Request) -> bytes:
        reader, writer = await asyncio.open_connection("127.0.0.1", self.up.port)
        try:
            headers = {k: v for k, v in req.headers.items() if k not in _HOP and k != "host"}
            head = [f"{req.method} {req.target} HTTP/1.1", f"Host: 127.0.0.1:{self.up.port}", "Connection: close",
                    f"Content-Length: {len(req.body)}"] + [f"{k}: {v}" for k, v in headers.items()]
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + req.body)
            await writer.drain()
            chunks = []
            size = 0
            while True:
                chunk = await reader.read(1 << 16)
                if not chunk:
                    break
                size += len(chunk)
                if size > self.limits.max_response:
                    raise ConnectionError("answer too large")
                chunks.append(chunk)
            return b"".join(chunks)
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    async def watch(self) -> None:
        """Restart Oxigraph if it dies between requests; re-nice its threads that compute for long."""
        while True:
            await asyncio.sleep(0.5)
            if self.up.ready.is_set() and not self.up.alive():
                self.log("Oxigraph exited: restarting it")
                self.stats["restarts"] += 1
                await self.up.restart(self.up.generation)
            elif self.up.alive():
                self.renice_busy_threads(self.up.proc.pid)

    def renice_busy_threads(self, pid: int, interval_s: float = 0.5) -> None:
        """Oxigraph answers each connection on its own thread: a thread that used most of a CPU over
        two looks in a row (a query running for over a second) gets nice 15, so short queries keep
        the CPUs. The thread ends with its connection (one request per connection)."""
        ticks_per_s = os.sysconf("SC_CLK_TCK")
        seen: dict[int, tuple[int, int]] = {}
        try:
            tids = [int(t) for t in os.listdir(f"/proc/{pid}/task")]
        except OSError:
            return
        for tid in tids:
            try:
                with open(f"/proc/{pid}/task/{tid}/stat", encoding="ascii") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            ticks = int(fields[11]) + int(fields[12])
            last, busy = self.niced.get(tid, (ticks, 0))
            busy = busy + 1 if ticks - last >= 0.6 * interval_s * ticks_per_s else 0
            if busy == 2:
                with contextlib.suppress(OSError):
                    os.setpriority(os.PRIO_PROCESS, tid, SLOW_NICE)
            seen[tid] = (ticks, busy)
        self.niced = seen


async def run_guard(host: str, port: int, upstream: Upstream, limits, on_ready: Callable[[], None],
                    log: Callable[[str], None], on_stop: Callable[[], None] = lambda: None,
                    grace_s: float = 3.0) -> None:
    """Serve until SIGINT or SIGTERM, then stop in bounded time: the listener closes, requests in
    flight get ``grace_s`` to finish and are then cancelled, Oxigraph is killed.

    The signals are the loop's own (``add_signal_handler``) from the first line on, so a signal
    arriving while Oxigraph starts stops the start-up too; the caller's handlers are put back."""
    import signal

    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()
    previous = {}

    def stop_now() -> None:
        if not stopping.is_set():
            stopping.set()
            on_stop()

    for sig in (signal.SIGINT, signal.SIGTERM):
        previous[sig] = signal.getsignal(sig)
        loop.add_signal_handler(sig, stop_now)
    server = None
    watcher = None
    handlers: set[asyncio.Task] = set()
    try:
        if await _until_stopped(upstream.start(), stopping):
            return
        guard = Guard(upstream, limits, log)

        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            task = asyncio.current_task()
            handlers.add(task)
            try:
                await guard.handle(reader, writer)
            except asyncio.CancelledError:
                pass  # stopped at shutdown: the connection is closed, nothing to report (3.11 would print it)
            finally:
                handlers.discard(task)

        server = await asyncio.start_server(handle, host, port, limit=64 * 1024, backlog=1024)
        watcher = loop.create_task(guard.watch())
        on_ready()
        await stopping.wait()
    finally:
        if watcher is not None:
            watcher.cancel()
        if server is not None:
            server.close()  # no new connections
        if handlers:
            await asyncio.wait(set(handlers), timeout=grace_s)
            for task in handlers:
                task.cancel()
            await asyncio.wait(set(handlers), timeout=1.0)
        upstream.close()
        for sig, handler in previous.items():
            loop.remove_signal_handler(sig)
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)


async def _until_stopped(work, stopping: asyncio.Event) -> bool:
    """Run ``work`` unless ``stopping`` is set first (then cancel it and say True)."""
    task = asyncio.ensure_future(work)
    stop = asyncio.ensure_future(stopping.wait())
    try:
        await asyncio.wait({task, stop}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stop.cancel()
    if task.done():
        task.result()
        return False
    task.cancel()
    return True


def exec_limited(argv: list[str], memory_mb: int | None) -> list[str]:
    """The command that runs ``argv`` under ``RLIMIT_AS`` and dies with its parent (see :func:`_exec_main`)."""
    import sys

    return [sys.executable, "-m", "petaflop.serve_guard", "--exec", str(memory_mb or 0), "--", *argv]


def _exec_main(memory_mb: int, argv: list[str]) -> None:
    import ctypes
    import os
    import resource
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    if os.getppid() == 1:
        os._exit(0)
    if memory_mb:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the guard, which stops this
    os.execv(argv[0], argv)


if __name__ == "__main__":
    import sys

    if len(sys.argv) > 4 and sys.argv[1] == "--exec" and sys.argv[3] == "--":
        _exec_main(int(sys.argv[2]), sys.argv[4:])
    print("usage: python -m petaflop.serve_guard --exec MEMORY_MB -- PROGRAM ARGS…", file=sys.stderr)
    sys.exit(2)

