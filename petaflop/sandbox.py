"""The query sandbox: SPARQL a user typed is parsed and evaluated in worker processes that can be killed.

pyoxigraph 0.5 cannot cancel a running query, and its parser and optimiser work on the calling
thread: a runaway ``ORDER BY`` over a cross product kept a core busy and grew the app to 10 GB
after its time-out, and a query of 3,000 nested ``{`` crashed the whole process. So the text of
every user query goes to a worker process:

* the worker loads the graph once (an N-Quads file; or small data sent with the request) and
  answers one request at a time, over its stdin/stdout, as length-prefixed pickles;
* it runs under ``RLIMIT_AS`` (the memory ceiling, :func:`memory_limit_mb`): an allocation over
  it fails inside the worker, which dies or answers "memory", never the caller;
* the caller waits until its deadline and then ``SIGKILL``\\ s the worker — the only way that
  provably frees the CPU and the memory — and a fresh one is started in the background;
* a worker whose query has run for :data:`SLOW_AFTER_S` is re-niced, so that short queries keep
  their share of the CPU next to runaway ones, and is retired when it answers;
* a worker dies with the process that started it (``PR_SET_PDEATHSIG``, set by the worker; the
  workers are started from one long-lived thread because that signal follows the *thread*) and
  ignores Ctrl-C (its parent handles that).

Pools are per data source (file path, size and mtime) and hold up to :func:`max_workers`
processes; a caller that finds every worker busy waits for one within its own deadline.
"""

from __future__ import annotations

import atexit
import collections
import contextlib
import hashlib
import os
import pickle
import queue
import select
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from foundation.errors import EnvironmentProblem

SLOW_AFTER_S = 1.0
SLOW_NICE = 15
DEFAULT_WORKERS = 4
MIN_MEMORY_MB = 1024
INLINE_LIMIT = 4 * 1024 * 1024  # data sent with each request up to this size; a snapshot file beyond
_HEADER = struct.Struct("!Q")
_PR_SET_PDEATHSIG = 1


class SandboxError(Exception):
    """A request the worker could not answer: ``kind`` is timeout, busy, memory, crash or an error
    kind the worker reported (syntax, query)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def max_workers() -> int:
    """Workers per data source: ``$PETAFLOP_QUERY_WORKERS``, default 4."""
    return _env_int("PETAFLOP_QUERY_WORKERS", DEFAULT_WORKERS, 1, 64)


def memory_limit_mb(source: Path | None = None) -> int:
    """Address-space ceiling of one worker: ``$PETAFLOP_QUERY_MEMORY_MB``, else 1024 MB or
    12 × the graph file plus 512 MB, whichever is larger (the report graph, 33 MB of N-Quads,
    takes 140 MB resident and peaks at 320 MB of address space while loading)."""
    size_mb = (source.stat().st_size / 2**20) if source is not None and source.is_file() else 0
    default = max(MIN_MEMORY_MB, int(12 * size_mb + 512))
    return _env_int("PETAFLOP_QUERY_MEMORY_MB", default, 256, 1 << 20)


def _env_int(name: str, default: int, low: int, high: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise EnvironmentProblem(f"${name}={raw!r}: not a whole number") from None
    if not low <= value <= high:
        raise EnvironmentProblem(f"${name}={value}: must be between {low} and {high}")
    return value


# --------------------------------------------------------------------------- frames


def _write_frame(fh, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    fh.write(_HEADER.pack(len(data)) + data)
    fh.flush()


def _read_exact(fd: int, n: int, deadline: float | None) -> bytes:
    chunks, got = [], 0
    while got < n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _read_frame(fd: int, deadline: float | None) -> Any:
    (n,) = _HEADER.unpack(_read_exact(fd, _HEADER.size, deadline))
    return pickle.loads(_read_exact(fd, n, None if deadline is None else max(deadline, time.monotonic() + 5)))


# --------------------------------------------------------------------------- the caller's side


class _Spawner:
    """One long-lived thread starts every worker (``PR_SET_PDEATHSIG`` fires when the starting thread ends)."""

    def __init__(self) -> None:
        self.requests: queue.Queue = queue.Queue()
        threading.Thread(target=self._loop, name="petaflop-sandbox-spawner", daemon=True).start()

    def _loop(self) -> None:
        while True:
            cmd, stderr, box, done = self.requests.get()
            try:
                box["proc"] = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
                                               close_fds=True)
            except OSError as exc:
                box["error"] = exc
            done.set()

    def spawn(self, cmd: list[str], stderr) -> subprocess.Popen:
        box: dict[str, Any] = {}
        done = threading.Event()
        self.requests.put((cmd, stderr, box, done))
        done.wait()
        if "error" in box:
            raise EnvironmentProblem(f"cannot start a query worker: {box['error']}")
        return box["proc"]


_spawner: _Spawner | None = None
_spawner_lock = threading.Lock()


def _spawn(cmd: list[str], stderr) -> subprocess.Popen:
    global _spawner
    with _spawner_lock:
        if _spawner is None:
            _spawner = _Spawner()
    return _spawner.spawn(cmd, stderr)


@dataclass(eq=False)
class _Worker:
    proc: subprocess.Popen
    stderr: Any
    ready: bool = False
    niced: bool = False
    served: int = 0

    @property
    def pid(self) -> int:
        return self.proc.pid

    def kill(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.proc.pid, signal.SIGKILL)
        with contextlib.suppress(Exception):
            self.proc.wait(10)
        for fh in (self.proc.stdin, self.proc.stdout, self.stderr):
            with contextlib.suppress(Exception):
                fh.close()

    def stderr_text(self) -> str:
        """The last 4 KB the worker wrote to stderr (a Rust panic or allocation failure says why there)."""
        try:
            self.stderr.seek(0, os.SEEK_END)
            size = self.stderr.tell()
            self.stderr.seek(max(0, size - 4096))
            return self.stderr.read().decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return ""

    def stderr_tail(self) -> str:
        lines = self.stderr_text().splitlines()
        return lines[-1][:200] if lines else ""


@dataclass(eq=False)
class Pool:
    """The workers for one data source (``path`` None: an empty store, data sent with requests)."""

    path: Path | None
    size: int = field(default_factory=max_workers)
    memory_mb: int = 0
    idle: list[_Worker] = field(default_factory=list)
    busy: set[_Worker] = field(default_factory=set)
    starting: int = 0
    closed: bool = False

    def __post_init__(self) -> None:
        self.memory_mb = self.memory_mb or memory_limit_mb(self.path)
        self.cond = threading.Condition()

    # ---------------------------------------------------------------- workers
    def _command(self) -> list[str]:
        return [sys.executable, "-m", "petaflop.sandbox", "--worker", str(self.path) if self.path else "-",
                str(self.memory_mb)]

    def _start(self) -> _Worker:
        """Start a worker and wait until it has loaded the data (counts in ``starting`` meanwhile)."""
        stderr = tempfile.TemporaryFile()
        proc = _spawn(self._command(), stderr)
        worker = _Worker(proc, stderr)
        try:
            hello = _read_frame(proc.stdout.fileno(), time.monotonic() + 600)
        except (EOFError, TimeoutError, OSError, pickle.UnpicklingError):
            tail = worker.stderr_tail()
            worker.kill()
            raise EnvironmentProblem(f"a query worker did not start (exit {proc.returncode}): {tail or 'no message'}"
                                     ) from None
        if hello[0] != "ready":
            worker.kill()
            raise SandboxError(hello[1] if len(hello) > 2 else "query", hello[-1])
        worker.ready = True
        return worker

    def _start_in_background(self) -> None:
        def run() -> None:
            try:
                worker = self._start()
            except Exception:
                with self.cond:
                    self.starting -= 1
                    self.cond.notify_all()
                return
            with self.cond:
                self.starting -= 1
                if self.closed:
                    worker.kill()
                else:
                    self.idle.append(worker)
                self.cond.notify_all()

        threading.Thread(target=run, name="petaflop-sandbox-start", daemon=True).start()

    def warm(self) -> None:
        """Start one worker now if none exists (so the first query does not wait for the load)."""
        with self.cond:
            if self.idle or self.busy or self.starting:
                return
            self.starting += 1
        self._start_in_background()

    def acquire(self, deadline: float | None) -> _Worker:
        with self.cond:
            while True:
                while self.idle:
                    worker = self.idle.pop()
                    if worker.proc.poll() is None:
                        self.busy.add(worker)
                        return worker
                    worker.kill()
                if len(self.busy) + self.starting < self.size:
                    self.starting += 1
                    break
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    raise SandboxError("busy", f"all {self.size} query workers stayed busy")
                self.cond.wait(left)
        try:
            worker = self._start()
        except BaseException:
            with self.cond:
                self.starting -= 1
                self.cond.notify_all()
            raise
        with self.cond:
            self.starting -= 1
            self.busy.add(worker)
        return worker

    def release(self, worker: _Worker, retire: bool = False) -> None:
        with self.cond:
            self.busy.discard(worker)
            keep = not (retire or worker.niced or self.closed) and worker.proc.poll() is None
            if keep:
                self.idle.append(worker)
            replace = not keep and not self.closed and not self.idle and not self.starting
            if replace:
                self.starting += 1
            self.cond.notify_all()
        if not keep:
            worker.kill()
        if replace:
            self._start_in_background()

    def close(self) -> None:
        with self.cond:
            self.closed = True
            workers = self.idle + list(self.busy)
            self.idle, self.busy = [], set()
            self.cond.notify_all()
        for worker in workers:
            worker.kill()

    # ---------------------------------------------------------------- one request
    def call(self, request: tuple, timeout_s: float | None) -> Any:
        """Send ``request`` to a worker; its answer, or SandboxError (timeout, busy, memory, crash, …)."""
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        worker = self.acquire(deadline)
        retire = True
        try:
            try:
                _write_frame(worker.proc.stdin, request)
            except (BrokenPipeError, OSError):
                raise self._died(worker) from None
            answer = self._wait(worker, deadline)
            retire = False
        finally:
            self.release(worker, retire=retire)
        if answer[0] == "ok":
            worker.served += 1
            return answer[1]
        raise SandboxError(answer[1], answer[2])

    def _wait(self, worker: _Worker, deadline: float | None) -> tuple:
        fd = worker.proc.stdout.fileno()
        slow_at = time.monotonic() + SLOW_AFTER_S
        while True:
            step = slow_at if not worker.niced else deadline
            if deadline is not None and (step is None or step > deadline):
                step = deadline
            try:
                return _read_frame(fd, step)
            except TimeoutError:
                now = time.monotonic()
                if deadline is not None and now >= deadline:
                    worker.kill()
                    raise SandboxError("timeout", "did not finish in time") from None
                if not worker.niced and now >= slow_at:
                    with contextlib.suppress(OSError):
                        os.setpriority(os.PRIO_PROCESS, worker.pid, SLOW_NICE)
                    worker.niced = True
            except (EOFError, OSError, pickle.UnpicklingError):
                raise self._died(worker) from None

    def _died(self, worker: _Worker) -> SandboxError:
        with contextlib.suppress(Exception):
            worker.proc.wait(5)
        code, text = worker.proc.returncode, worker.stderr_text()
        tail = next((ln for ln in text.splitlines() if "panicked" in ln or "memory allocation" in ln),
                    text.splitlines()[-1] if text else "")[:200]
        if (code == -signal.SIGABRT and "memory allocation" in text) or (code == -signal.SIGKILL and not text):
            return SandboxError("memory", f"needed more than the memory limit of {self.memory_mb} MB")
        if code is not None and code < 0:
            name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else str(-code)
            return SandboxError("crash", f"crashed the query worker ({name}){': ' + tail if tail else ''}")
        return SandboxError("crash", f"the query worker exited with code {code}{': ' + tail if tail else ''}")


# --------------------------------------------------------------------------- pools by source

_pools: collections.OrderedDict[tuple, Pool] = collections.OrderedDict()
_pools_lock = threading.Lock()
MAX_POOLS = 4


def pool_for(path: Path | None) -> Pool:
    """The pool for a graph file (keyed by path, size and mtime) or, for ``None``, the shared one."""
    if path is None:
        key: tuple = ("inline",)
    else:
        st = Path(path).stat()
        key = (str(Path(path).resolve()), st.st_size, st.st_mtime_ns)
    stale: list[Pool] = []
    with _pools_lock:
        pool = _pools.get(key)
        if pool is None or pool.closed:
            pool = Pool(Path(path) if path is not None else None)
            _pools[key] = pool
            while len(_pools) > MAX_POOLS:
                stale.append(_pools.popitem(last=False)[1])
        _pools.move_to_end(key)
    for old in stale:
        old.close()
    return pool


def close_all() -> None:
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.close()


atexit.register(close_all)

_snapshots: dict[tuple, Path] = {}
_snapshot_dir: list[str] = []


def snapshot(key: tuple, dump) -> Path:
    """A file holding ``dump()`` (N-Quads bytes) for a store too big to send with each request."""
    if key in _snapshots and _snapshots[key].is_file():
        return _snapshots[key]
    if not _snapshot_dir:
        _snapshot_dir.append(tempfile.mkdtemp(prefix="petaflop-sandbox-"))
        atexit.register(lambda: __import__("shutil").rmtree(_snapshot_dir[0], ignore_errors=True))
    path = Path(_snapshot_dir[0]) / (hashlib.sha1(repr(key).encode()).hexdigest()[:16] + ".nq")
    path.write_bytes(dump())
    _snapshots[key] = path
    return path


# --------------------------------------------------------------------------- the worker's side


def _limit_self(memory_mb: int) -> None:
    import ctypes
    import resource

    limit = memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if os.getppid() == 1:  # the parent died before the signal was set
        os._exit(0)


def worker_main(source: str, memory_mb: int) -> int:
    _limit_self(memory_mb)
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr  # nothing but frames on the pipe
    import pyoxigraph as ox

    from petaflop import query as q

    try:
        store = ox.Store()
        if source != "-":
            store.bulk_load(path=source, format=ox.RdfFormat.N_QUADS)
    except MemoryError:
        _write_frame(out, ("error", "memory", "loading the graph needed more than the memory limit"))
        return 1
    except (OSError, SyntaxError, ValueError) as exc:
        _write_frame(out, ("error", "query", f"cannot load {source}: {exc}"))
        return 1
    _write_frame(out, ("ready", os.getpid()))
    inline: collections.OrderedDict[str, Any] = collections.OrderedDict()
    fd = sys.stdin.fileno()
    while True:
        try:
            request = _read_frame(fd, None)
        except (EOFError, OSError):
            return 0
        try:
            op = request[0]
            if op == "query":
                _, prepared, row_limit, digest, data = request
                target = store
                if digest is not None:
                    target = inline.get(digest)
                    if target is None:
                        target = ox.Store()
                        target.bulk_load(data, format=ox.RdfFormat.N_QUADS)
                        inline[digest] = target
                        while len(inline) > 8:
                            inline.popitem(last=False)
                answer = ("ok", q.evaluate(target, prepared, row_limit))
            elif op == "check":
                _, text, prefixes = request
                answer = ("ok", q.syntax_verdict(text, prefixes))
            else:
                answer = ("error", "query", f"unknown request {op!r}")
        except MemoryError:
            answer = ("error", "memory", "needed more than the memory limit")
        except q.QuerySyntaxError as exc:
            answer = ("error", "syntax", str(exc))
        except q.QueryError as exc:
            answer = ("error", "query", str(exc))
        except BaseException as exc:  # pyo3's PanicException is a BaseException
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            answer = ("error", "query", f"query failed: {type(exc).__name__}: {exc}"[:500])
        try:
            _write_frame(out, answer)
        except (BrokenPipeError, OSError):
            return 0
        except (pickle.PicklingError, TypeError) as exc:
            _write_frame(out, ("error", "query", f"the answer cannot be sent back: {exc}"))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        sys.exit(worker_main(sys.argv[2], int(sys.argv[3])))
    print("usage: python -m petaflop.sandbox --worker PATH|- MEMORY_MB", file=sys.stderr)
    sys.exit(2)
