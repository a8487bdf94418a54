"""``petaflop serve``: the Oxigraph SPARQL server (the ``oxigraph`` binary from the venv) over the graph.

The server is the real ``oxigraph`` command line from PyPI's ``oxigraph`` package. The built
graph is bulk-loaded into a store directory with ``oxigraph load`` while no server runs
(again only when ``atlas.nq`` changed: a stamp file records its size and mtime), then
``oxigraph serve-read-only --union-default-graph`` answers SPARQL at ``/query``, so queries
see the union of the named graphs exactly as the embedded store does. It binds 127.0.0.1
unless told otherwise.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from foundation.errors import EnvironmentProblem, UserError
from foundation.paths import BUILD_DIR

SERVE_LOCATION = BUILD_DIR / "oxigraph"
DEFAULT_PORT = 7878
STAMP = ".petaflop-loaded-from"


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
    stamp = location / STAMP
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == _stamp_of(nq_path):
        return location
    if location.exists():
        shutil.rmtree(location)
    location.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [str(oxigraph_binary()), "load", "--location", str(location), "--file", str(nq_path)],
        capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
        raise EnvironmentProblem(f"oxigraph load failed (exit {proc.returncode}): {last}")
    stamp.write_text(_stamp_of(nq_path), encoding="utf-8")
    return location


def port_is_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


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
    if not port_is_free(host, port):
        raise EnvironmentProblem(f"port {port} on {host} is in use; choose another with --port")
    cmd = [str(oxigraph_binary()), "serve-read-only" if read_only else "serve", "--location", str(location),
           "--bind", f"{host}:{port}", "--union-default-graph"]
    if timeout_s:
        cmd += ["--timeout-s", str(int(timeout_s))]
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL)
    try:
        wait_for_http(f"http://{_url_host(host)}:{port}/query?query=ASK%7B%7D", proc, what="oxigraph")
    except BaseException:
        stop_process(proc)
        raise
    return proc


def _url_host(host: str) -> str:
    if host in ("0.0.0.0", ""):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


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


def _interrupt(_signum, _frame) -> None:
    raise KeyboardInterrupt


def serve(nq_path: Path | None = None, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
          location: Path = SERVE_LOCATION, say: Callable[[str], None] = print) -> int:
    """Load if needed, serve until Ctrl-C (or SIGTERM), stop the server, return 0."""
    from petaflop.store import NQ_PATH

    if not 0 < port < 65536:
        raise UserError(f"--port {port}: not a TCP port (1–65535)")
    nq = Path(nq_path or NQ_PATH)
    say(f"loading {nq} into {location} …")
    prepare_location(nq, location)
    proc = start_oxigraph(location, host, port)
    say(f"SPARQL endpoint: {query_url(host, port)}  (read-only, union default graph; Ctrl-C stops)")
    previous = signal.signal(signal.SIGTERM, _interrupt)  # `kill PID` stops it as cleanly as Ctrl-C
    try:
        code = proc.wait()
        raise EnvironmentProblem(f"oxigraph exited unexpectedly with code {code}")
    except KeyboardInterrupt:
        stop_process(proc)
        say("stopped")
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if proc.poll() is None:
            stop_process(proc)
