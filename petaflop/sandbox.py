"""The query sandbox: SPARQL a user typed is parsed and evaluated in worker processes that can be killed.

pyoxigraph 0.5 cannot cancel a running query, and its parser and optimiser work on the calling
thread: a runaway ``ORDER BY`` over a cross product kept a core busy and grew the app to 10 GB
after its time-out, and a query of 3,000 nested ``{`` crashed the whole process. So the text of
every user query goes to a worker process (:mod:`petaflop.sandbox_worker`):

* per data source (a graph file, or an empty store for data sent along) a *zygote* loads the
  graph once, under ``RLIMIT_AS`` (the memory ceiling, :func:`memory_limit_mb`), and forks
  workers on demand: a worker costs milliseconds, not the second and a half of a graph load;
* a worker answers one request at a time; the caller waits until its deadline and then
  ``SIGKILL``-s it — the only way that provably frees the CPU and the memory — and forks a fresh
  one; an allocation over the ceiling fails inside the worker, never the caller;
* a worker whose query has run for :data:`SLOW_AFTER_S` is re-niced, so that short queries keep
  their share of the CPU next to runaway ones, and stops counting against the cap (up to twice
  :func:`max_workers` run at once); when it answers it gets its priority back (or, where that is
  not allowed, it is retired);
* the zygote dies with the process that started it (``PR_SET_PDEATHSIG``, set by the zygote: it
  is started from one long-lived thread because that signal follows the *thread*), its workers
  die with it, and all of them ignore Ctrl-C (the caller handles that).

Pools hold up to :func:`max_workers` busy workers; a caller that finds every one busy waits for
one within its own deadline.
"""

from __future__ import annotations

import atexit
import collections
import contextlib
import hashlib
import os
import pickle
import queue
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from foundation.errors import EnvironmentProblem
from petaflop.sandbox_frames import EXIT_MARK, PID, read_frame, write_frame

SLOW_AFTER_S = 1.0
SLOW_NICE = 15
DEFAULT_WORKERS = 4
MIN_MEMORY_MB = 1024
INLINE_LIMIT = 4 * 1024 * 1024  # data sent with each request up to this size; a snapshot file beyond


class SandboxError(Exception):
    """A request the worker could not answer: ``kind`` is timeout, busy, memory, crash or an error
    kind the worker reported (syntax, query)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def max_workers() -> int:
    """Busy workers per data source (re-niced ones aside): ``$PETAFLOP_QUERY_WORKERS``, default 4."""
    return _env_int("PETAFLOP_QUERY_WORKERS", DEFAULT_WORKERS, 1, 64)


def memory_limit_mb(source: Path | None = None) -> int:
    """Address-space ceiling of a zygote and of each of its workers: ``$PETAFLOP_QUERY_MEMORY_MB``,
    else 1024 MB or 12 × the graph file plus 512 MB, whichever is larger (the report graph, 35 MB of
    N-Quads, takes 140 MB resident and peaks at 320 MB of address space while loading)."""
    if source is not None and source.is_dir():  # a built store: its files (the SST tables it maps)
        size_mb = sum(f.stat().st_size for f in source.rglob("*") if f.is_file()) / 2**20
    else:
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


# --------------------------------------------------------------------------- starting processes


class _Spawner:
    """One long-lived thread starts every zygote (``PR_SET_PDEATHSIG`` fires when the starting thread ends)."""

    def __init__(self) -> None:
        self.requests: queue.Queue = queue.Queue()
        threading.Thread(target=self._loop, name="petaflop-sandbox-spawner", daemon=True).start()

    def _loop(self) -> None:
        while True:
            cmd, keep_fd, stderr, box, done = self.requests.get()
            try:
                box["proc"] = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                               stderr=stderr, pass_fds=(keep_fd,), env=_worker_env())
            except OSError as exc:
                box["error"] = exc
            done.set()

    def spawn(self, cmd: list[str], keep_fd: int, stderr) -> subprocess.Popen:
        box: dict[str, Any] = {}
        done = threading.Event()
        self.requests.put((cmd, keep_fd, stderr, box, done))
        done.wait()
        if "error" in box:
            raise EnvironmentProblem(f"cannot start the query sandbox: {box['error']}")
        return box["proc"]


def _worker_env() -> dict[str, str]:
    """The zygote's environment: glibc's malloc capped at two arenas. Each thread that finds the arenas
    busy gets a new one reserving 64 MB of address space (up to 8 per core): under load, a worker's
    threads (the store's, the query's) could reserve the whole ``RLIMIT_AS`` ceiling that way, and the
    next thread failed to start ('Resource temporarily unavailable', SIGABRT) — seen on a loaded CI run."""
    return {**os.environ, "MALLOC_ARENA_MAX": os.environ.get("MALLOC_ARENA_MAX", "2")}


_spawner: _Spawner | None = None
_spawner_lock = threading.Lock()


def _spawn(cmd: list[str], keep_fd: int, stderr) -> subprocess.Popen:
    global _spawner
    with _spawner_lock:
        if _spawner is None:
            _spawner = _Spawner()
    return _spawner.spawn(cmd, keep_fd, stderr)


class _Zygote:
    """The process that loaded the graph and forks workers (:mod:`petaflop.sandbox_worker`)."""

    def __init__(self, path: Path | None, memory_mb: int):
        ours, theirs = socket.socketpair()
        self.stderr = tempfile.TemporaryFile()
        cmd = [sys.executable, "-m", "petaflop.sandbox_worker", str(path) if path else "-", str(memory_mb),
               str(theirs.fileno())]
        try:
            self.proc = _spawn(cmd, theirs.fileno(), self.stderr)
        finally:
            theirs.close()
        self.ctl = ours
        self.lock = threading.Lock()
        try:
            hello = read_frame(ours.fileno(), time.monotonic() + 600)
        except (EOFError, TimeoutError, OSError, pickle.UnpicklingError):
            self.close()
            raise EnvironmentProblem(f"the query sandbox did not start: {_tail(self.stderr) or 'no message'}"
                                     ) from None
        if hello[0] != "ready":
            self.close()
            raise SandboxError(hello[1], hello[2])

    def alive(self) -> bool:
        return self.proc.poll() is None

    def fork(self) -> _Worker:
        ours, theirs = socket.socketpair()
        err = tempfile.TemporaryFile()
        try:
            with self.lock:
                socket.send_fds(self.ctl, [b"F"], [theirs.fileno(), err.fileno()])
                reply = b""
                while len(reply) < PID.size:
                    chunk = self.ctl.recv(PID.size - len(reply))
                    if not chunk:
                        raise EOFError
                    reply += chunk
        except (OSError, EOFError):
            ours.close()
            err.close()
            raise EnvironmentProblem(f"the query sandbox stopped: {_tail(self.stderr) or 'no message'}") from None
        finally:
            theirs.close()
        return _Worker(PID.unpack(reply)[0], ours, err)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.ctl.close()
        if self.proc.poll() is None:
            self.proc.kill()
        with contextlib.suppress(Exception):
            self.proc.wait(10)
        with contextlib.suppress(Exception):
            self.stderr.close()


def _tail(fh) -> str:
    try:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        fh.seek(max(0, size - 4096))
        return fh.read().decode("utf-8", "replace").strip()
    except (OSError, ValueError):
        return ""


@dataclass(eq=False)
class _Worker:
    pid: int
    sock: socket.socket
    stderr: Any
    niced: bool = False
    served: int = 0

    @property
    def fd(self) -> int:
        return self.sock.fileno()

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(self.pid, signal.SIGKILL)
        self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()
        with contextlib.suppress(Exception):
            self.stderr.close()

    def alive(self) -> bool:
        try:
            os.kill(self.pid, 0)
        except OSError:
            return False
        return self.sock.fileno() >= 0

    def exit_code(self, wait_s: float = 2.0) -> tuple[int | None, str]:
        """How it ended (the zygote writes it into its stderr file) and what it wrote before."""
        deadline = time.monotonic() + wait_s
        while True:
            text = _tail(self.stderr)
            mark = text.rfind(EXIT_MARK.decode())
            if mark >= 0:
                code = text[mark + len(EXIT_MARK):].split()[0]
                return (int(code) if code.lstrip("-").isdigit() else None), text[:mark].strip()
            if time.monotonic() > deadline:
                return None, text
            time.sleep(0.02)


# --------------------------------------------------------------------------- a pool per source


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
        self._zygote: _Zygote | None = None
        self._zygote_lock = threading.Lock()

    def zygote(self) -> _Zygote:
        with self._zygote_lock:
            if self._zygote is None or not self._zygote.alive():
                if self._zygote is not None:
                    self._zygote.close()
                self._zygote = _Zygote(self.path, self.memory_mb)
            return self._zygote

    def _start(self) -> _Worker:
        return self.zygote().fork()

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
        """Load the graph and fork one worker now, so that the first query does not wait for them."""
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
                    if worker.alive():
                        self.busy.add(worker)
                        return worker
                    worker.kill()
                # a worker re-niced for running long does not count against the cap for new queries
                # (so runaways cannot starve the short ones); all of them together stay under twice it
                active = sum(1 for w in self.busy if not w.niced)
                if active + self.starting < self.size and len(self.busy) + self.starting < 2 * self.size:
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
        if worker.niced and not retire and _renice(worker.pid, 0):
            worker.niced = False  # back to normal priority (allowed for root)
        with self.cond:
            self.busy.discard(worker)
            keep = not (retire or worker.niced or self.closed) and worker.alive()
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
        with self._zygote_lock:
            if self._zygote is not None:
                self._zygote.close()
                self._zygote = None

    # ---------------------------------------------------------------- one request
    def call(self, request: tuple, timeout_s: float | None) -> Any:
        """Send ``request`` to a worker; its answer, or SandboxError (timeout, busy, memory, crash, …)."""
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        worker = self.acquire(deadline)
        retire = True
        try:
            try:
                write_frame(worker.fd, request)
            except OSError:
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
        slow_at = time.monotonic() + SLOW_AFTER_S
        while True:
            step = slow_at if not worker.niced else deadline
            if deadline is not None and (step is None or step > deadline):
                step = deadline
            try:
                return read_frame(worker.fd, step)
            except TimeoutError:
                now = time.monotonic()
                if deadline is not None and now >= deadline:
                    worker.kill()
                    raise SandboxError("timeout", "did not finish in time") from None
                if not worker.niced and now >= slow_at:
                    _renice(worker.pid, SLOW_NICE)
                    with self.cond:
                        worker.niced = True
                        self.cond.notify_all()  # a waiting caller may start a worker beside it
            except (EOFError, OSError, pickle.UnpicklingError):
                raise self._died(worker) from None

    def _died(self, worker: _Worker) -> SandboxError:
        code, text = worker.exit_code()
        return worker_death(code, text, self.memory_mb)


def worker_death(code: int | None, text: str, memory_mb: int) -> SandboxError:
    """What a query worker's death (exit ``code``, negative for a signal; its stderr ``text``) means: an abort
    under the memory cap — the allocator's message ("memory allocation of N bytes failed"), or none when even
    writing it needed memory (seen in CI: SIGABRT, empty stderr, on a runaway sort) — or a kill by the cap with
    nothing said is ``memory``; anything else a crash, with the line that says why."""
    if (code == -signal.SIGABRT and ("memory allocation" in text or not text)) or (code == -signal.SIGKILL and not text):
        return SandboxError("memory", f"needed more than the memory limit of {memory_mb} MB")
    tail = next((ln for ln in text.splitlines() if "panicked" in ln or "memory allocation" in ln),
                text.splitlines()[-1] if text else "")[:200]
    if code is not None and code < 0:
        name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else str(-code)
        return SandboxError("crash", f"crashed the query worker ({name}){': ' + tail if tail else ''}")
    return SandboxError("crash", f"the query worker exited with code {code}{': ' + tail if tail else ''}")


def _renice(pid: int, nice: int) -> bool:
    try:
        os.setpriority(os.PRIO_PROCESS, pid, nice)
    except OSError:
        return False
    return True


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
