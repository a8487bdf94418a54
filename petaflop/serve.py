"""``petaflop serve``: the Oxigraph SPARQL server (the ``oxigraph`` binary from the venv) over the graph.

The server is the real ``oxigraph`` command line from PyPI's ``oxigraph`` package. The built
graph is bulk-loaded into a store directory with ``oxigraph load`` while no server runs
(again only when ``atlas.nq`` changed: a stamp file records its size and mtime), then
``oxigraph serve-read-only --union-default-graph`` answers SPARQL at ``/query``, so queries
see the union of the named graphs exactly as the embedded store does.

Clients never talk to Oxigraph directly: :mod:`petaflop.serve_guard` listens on the public
address (127.0.0.1 unless told otherwise) and enforces :class:`Limits` — a per-request
time-out that really stops the work, a cap on queries evaluated at once and on open
connections, a memory ceiling, and no ``SERVICE``/``LOAD`` to other hosts.

``--location`` is only ever a store this command made (it holds the stamp file) or an empty
folder: anything else is refused, never deleted.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from foundation.errors import EnvironmentProblem, UserError
from foundation.paths import BUILD_DIR

SERVE_LOCATION = BUILD_DIR / "oxigraph"
DEFAULT_PORT = 7878
STAMP = ".petaflop-loaded-from"


@dataclass(frozen=True)
class Limits:
    """What the guard in front of Oxigraph enforces (see :mod:`petaflop.serve_guard`)."""

    timeout_s: float = 30.0
    max_queries: int = 4
    max_connections: int = 256
    memory_mb: int = 4096
    allow_service: tuple[str, ...] = ()
    header_timeout_s: float = 10.0
    grace_s: float = 2.0
    max_body: int = 1 << 20
    max_response: int = 256 << 20
    cache_mb: int = 256  # answers kept in memory (the store is read-only: petaflop.serve_cache); 0: none
    warm: bool = True  # with answers kept: the catalogue's answers are computed at start (petaflop.serve_warm)


def oxigraph_binary() -> Path:
    """The ``oxigraph`` CLI beside this Python (the venv's bin), else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file() and os.access(here, os.X_OK):
        return here
    found = shutil.which("oxigraph")
    if found:
        return Path(found)
    raise EnvironmentProblem("the oxigraph server is not installed; run `make venv` (pip package 'oxigraph')")


def _stamp_of(nq_path: Path) -> str:
    st = nq_path.stat()
    return f"{nq_path.resolve()} {st.st_size} {st.st_mtime_ns}\n"


def prepare_location(nq_path: Path, location: Path = SERVE_LOCATION) -> Path:
    """Bulk-load ``nq_path`` into an Oxigraph store directory, unless it already holds it."""
    from petaflop.store import GraphNotBuilt

    nq_path = Path(nq_path)
    if not nq_path.is_file():
        raise GraphNotBuilt(f"no graph at {nq_path}; run `petaflop build` (or `make run`) first")
    location = Path(location)
    stamp = location / STAMP
    if location.exists() and not location.is_dir():
        raise UserError(f"--location {location}: is a file; give a folder for the Oxigraph store")
    if location.is_dir() and not stamp.is_file() and any(location.iterdir()):
        raise UserError(f"--location {location}: the folder is not empty and is not a store made by petaflop serve; "
                        "give an empty or new folder (nothing was deleted)")
    try:
        if stamp.is_file() and stamp.read_text(encoding="utf-8") == _stamp_of(nq_path):
            return location
        location.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"--location {location}: {exc.strerror or exc}") from None
    # Loaded beside the location and renamed into place: a load stopped half-way (Ctrl-C, a crash)
    # leaves no half-made store that the next start would refuse as "not a store".
    loading = location.parent / f".{location.name}.loading-{os.getpid()}"
    try:
        shutil.rmtree(loading, ignore_errors=True)
        from petaflop.serve_guard import exec_limited

        proc = subprocess.run(  # Ctrl-C is this process's to handle; the loader dies with it
            exec_limited([str(oxigraph_binary()), "load", "--location", str(loading), "--file", str(nq_path)], None),
            capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL,
        )
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
            raise EnvironmentProblem(f"oxigraph load failed (exit {proc.returncode}): {last}")
        (loading / STAMP).write_text(_stamp_of(nq_path), encoding="utf-8")
        if location.exists():
            shutil.rmtree(location)  # a store this command made (stale stamp) or an empty folder
        os.rename(loading, location)
    except OSError as exc:
        raise UserError(f"--location {location}: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(loading, ignore_errors=True)
    return location


def port_is_free(host: str, port: int) -> bool:
    return bind_problem(host, port) == ""


def bind_problem(host: str, port: int) -> str:
    """Why ``host:port`` cannot be listened on ("" if it can): in use, or an address of another machine."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return f"--host {host}: not an address or host name this machine can resolve"
    family, _type, _proto, _name, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(addr)
        except OSError as exc:
            if exc.errno == errno.EADDRNOTAVAIL:
                return f"--host {host}: not an address of this machine; cannot listen there"
            if exc.errno == errno.EADDRINUSE:
                return f"port {port} on {host} is in use; choose another with --port"
            if exc.errno == errno.EACCES:
                return f"port {port} on {host}: permission denied; choose a port above 1023"
            return f"cannot listen on {host}:{port}: {exc.strerror or exc}"
    return ""


def free_port(host: str = "127.0.0.1") -> int:
    """A port the OS says is free now (tests start servers on these)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def wait_for_http(url: str, proc: subprocess.Popen | None = None, timeout_s: float = 30.0,
                  ok: Callable[[int], bool] = lambda status: status < 500, what: str = "server") -> None:
    """Poll ``url`` until it answers; fail early if ``proc`` exits."""
    deadline = time.monotonic() + timeout_s
    while True:
        if proc is not None and proc.poll() is not None:
            raise EnvironmentProblem(f"{what} exited with code {proc.returncode} before answering at {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if ok(resp.status):
                    return
        except urllib.error.HTTPError as exc:
            if ok(exc.code):
                return
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            raise EnvironmentProblem(f"{what} did not answer at {url} within {timeout_s:g} s")
        time.sleep(0.1)


def start_oxigraph(location: Path, host: str = "127.0.0.1", port: int = DEFAULT_PORT, *, read_only: bool = True,
                   stdout=None, stderr=None, timeout_s: float | None = None) -> subprocess.Popen:
    """Start ``oxigraph serve[-read-only] --union-default-graph`` and wait until it answers."""
    problem = bind_problem(host, port)
    if problem:
        raise (UserError if problem.startswith("--host") else EnvironmentProblem)(problem)
    proc = _spawn_oxigraph(location, host, port, read_only=read_only, stdout=stdout, stderr=stderr,
                           timeout_s=timeout_s)
    try:
        wait_for_http(f"http://{_url_host(host)}:{port}/query?query=ASK%7B%7D", proc, what="oxigraph")
    except BaseException:
        stop_process(proc)
        raise
    return proc


def _spawn_oxigraph(location: Path, host: str, port: int, *, read_only: bool = True, stdout=None, stderr=None,
                    timeout_s: float | None = None, memory_mb: int | None = None) -> subprocess.Popen:
    """Start Oxigraph through the exec wrapper: it dies with this process and stays under ``memory_mb``."""
    from petaflop.serve_guard import exec_limited

    cmd = [str(oxigraph_binary()), "serve-read-only" if read_only else "serve", "--location", str(location),
           "--bind", f"{host}:{port}", "--union-default-graph"]
    if timeout_s:
        cmd += ["--timeout-s", str(max(1, int(timeout_s)))]
    return subprocess.Popen(exec_limited(cmd, memory_mb), stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL)


def _url_host(host: str) -> str:
    if host in ("0.0.0.0", ""):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def _own_host(host: str) -> str:
    """The address this machine reaches a server bound to ``host`` at (a wildcard: loopback)."""
    return {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)


def stop_process(proc: subprocess.Popen, grace_s: float = 5.0) -> int:
    """SIGTERM, wait, then SIGKILL: the process is gone when this returns."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(grace_s)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.returncode


def query_url(host: str, port: int) -> str:
    return f"http://{_url_host(host)}:{port}/query"


class _StopSignals:
    """SIGINT and SIGTERM stop ``serve`` from the moment it starts, whatever it inherited.

    A process started as a background job of a non-interactive shell (``make test &``, a CI
    runner's script) inherits SIGINT *ignored*; Python then keeps it ignored and ``asyncio.run``
    installs no Ctrl-C handler, so ``serve`` never stopped on SIGINT (the CI time-out of issue 20).
    These handlers are installed before the store is loaded and before any child starts: the
    first signal raises :class:`KeyboardInterrupt` (the event loop replaces them with its own while
    it runs, see :func:`petaflop.serve_guard.run_guard`); later ones are ignored, because stopping
    is already bounded by :data:`STOP_WITHIN_S`."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.requested = False
        self.previous = {sig: signal.signal(sig, self._handle) for sig in self.SIGNALS}

    def _handle(self, _signum, _frame) -> None:
        if not self.requested:
            self.requested = True
            raise KeyboardInterrupt

    def restore(self) -> None:
        for sig, handler in self.previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)


STOP_WITHIN_S = 20.0  # after Ctrl-C the process is gone within this, whatever hangs


def _hard_stop_after(seconds: float, upstream, say: Callable[[str], None]) -> threading.Timer:
    """The last resort: a stop that has not finished in ``seconds`` kills Oxigraph and exits."""

    def force() -> None:
        with contextlib.suppress(Exception):
            upstream.close()
        with contextlib.suppress(Exception):
            say(f"stopped (forced after {seconds:g} s)")
            sys.stdout.flush()
        os._exit(0)

    timer = threading.Timer(seconds, force)
    timer.daemon = True
    timer.start()
    return timer


def serve(nq_path: Path | None = None, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
          location: Path = SERVE_LOCATION, say: Callable[[str], None] = print, limits: Limits | None = None) -> int:
    """Load if needed, serve behind the guard until Ctrl-C (or SIGTERM), stop everything, return 0.

    Ctrl-C or SIGTERM at any moment (while loading, while Oxigraph starts, while serving, during a
    query) stops it: "stopped", exit code 0, no Oxigraph left, within :data:`STOP_WITHIN_S`."""
    import asyncio

    from petaflop.serve_guard import Upstream, run_guard
    from petaflop.store import NQ_PATH

    limits = limits or Limits()
    if not 0 < port < 65536:
        raise UserError(f"--port {port}: not a TCP port (1–65535)")
    problem = bind_problem(host, port)
    if problem:
        raise (UserError if problem.startswith("--host") else EnvironmentProblem)(problem)
    nq = Path(nq_path or NQ_PATH)
    stop = _StopSignals()  # before the load and before any child: Ctrl-C works from here on
    upstream = None
    log = None
    timer = None
    try:
        say(f"loading {nq} into {location} …")
        prepare_location(nq, location)
        log = open(Path(location) / "oxigraph.log", "ab")  # open for the server's life

        def start(private_port: int) -> subprocess.Popen:
            return _spawn_oxigraph(location, "127.0.0.1", private_port, stdout=log, stderr=subprocess.STDOUT,
                                   timeout_s=limits.timeout_s, memory_mb=limits.memory_mb)

        def ready(url: str, proc: subprocess.Popen) -> None:
            wait_for_http(url, proc, what="oxigraph")

        upstream = Upstream(start, lambda: free_port("127.0.0.1"), ready)

        warming = threading.Event()  # set: stop warming

        def announce() -> None:
            say(f"SPARQL endpoint: {query_url(host, port)}  (read-only, union default graph; time-out "
                f"{limits.timeout_s:g} s, {limits.max_queries} queries at once, {limits.max_connections} "
                f"connections, memory ceiling {limits.memory_mb} MB; answers kept: "
                f"{f'{limits.cache_mb} MB' if limits.cache_mb else 'none'}; Ctrl-C stops)")
            if limits.cache_mb and limits.warm:
                from petaflop.serve_warm import start_warming

                say("computing the catalogue's answers (default parameters) in the background …")
                start_warming(query_url(_own_host(host), port), limits.timeout_s, say, warming)

        def on_stop() -> None:
            nonlocal timer
            warming.set()
            stop.requested = True
            timer = _hard_stop_after(STOP_WITHIN_S, upstream, say)

        asyncio.run(run_guard(host, port, upstream, limits, announce, lambda m: say(m), on_stop=on_stop))
        if not stop.requested:
            raise EnvironmentProblem("the server stopped unexpectedly")
    except KeyboardInterrupt:
        stop.requested = True
    except OSError as exc:
        raise EnvironmentProblem(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None
    finally:
        if stop.requested and timer is None:
            timer = _hard_stop_after(STOP_WITHIN_S, upstream, say)
        if upstream is not None:
            upstream.close()
        if log is not None:
            log.close()
        stop.restore()
    say("stopped")
    if timer is not None:
        timer.cancel()
    return 0
