"""The worker side of :mod:`petaflop.sandbox`: a zygote that loads the graph once and forks workers.

``python -m petaflop.sandbox_worker SOURCE MEMORY_MB CONTROL_FD`` is the *zygote*: it limits
itself (``RLIMIT_AS``, death with its parent, Ctrl-C ignored), loads the graph (``SOURCE``: an
N-Quads file, or ``-`` for an empty store), says ``ready`` on its control socket, then waits.
For each request on that socket — one byte and two file descriptors (a socket to talk to the
caller, a file for the worker's stderr) passed with ``SCM_RIGHTS`` — it forks a *worker* that
answers the caller's requests one at a time on that socket and replies with the worker's pid.

Forking costs milliseconds where loading the report graph costs a second and a half (fifteen on
a loaded machine): a worker killed at its time-out is replaced at once, and its replacement
shares the loaded graph with the zygote page by page (copy-on-write). The zygote reaps its
workers and appends how each one ended to its stderr file (``petaflop-worker-exit: CODE``,
negative for a signal), which is how the caller tells a memory failure from a crash.

Frames are length-prefixed pickles, in both directions (:mod:`petaflop.sandbox_frames`).
"""

from __future__ import annotations

import collections
import contextlib
import os
import pickle
import signal
import socket
import sys
from typing import Any

from petaflop.sandbox_frames import EXIT_MARK, HEADER, PID, read_frame, write_frame

_PR_SET_PDEATHSIG = 1
_M_ARENA_MAX = -8  # mallopt(3): the most arenas glibc's malloc makes


# --------------------------------------------------------------------------- the zygote


def limit_self(memory_mb: int) -> None:
    """``RLIMIT_AS``, death with the parent, Ctrl-C left to the parent; glibc's malloc kept to two arenas.

    The arenas: a thread that finds them busy gets a new one reserving 64 MB of address space (up to 8 per
    core), so under load the store's threads could reserve the whole ceiling and the next thread failed to
    start ('Resource temporarily unavailable', SIGABRT). The zygote has ``MALLOC_ARENA_MAX`` in its
    environment (petaflop.sandbox); a command line's forked worker (petaflop.query_fork) inherits its
    parent's malloc, so the cap is set here, before the store starts its threads (seen on a loaded CI run)."""
    import ctypes
    import resource

    if memory_mb:
        limit = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).mallopt(_M_ARENA_MAX, 2)
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if os.getppid() == 1:  # the parent died before the signal was set
        os._exit(0)


def zygote_main(source: str, memory_mb: int, control_fd: int) -> int:
    limit_self(memory_mb)
    ctl = socket.socket(fileno=control_fd)
    from petaflop import query  # noqa: F401  (imported once here: the workers inherit it)
    from petaflop.store import source_store

    try:
        store = source_store(source)  # an N-Quads file loaded, or a store folder each worker opens read-only
    except MemoryError:
        _send_control(ctl, ("error", "memory", "loading the graph needed more than the memory limit"))
        return 1
    except (OSError, SyntaxError, ValueError) as exc:
        detail = " ".join(str(exc).split())[:200]
        _send_control(ctl, ("error", "query", f"cannot load {source}: {detail}"))
        return 1
    stderr_of: dict[int, int] = {}
    ended: dict[int, int] = {}

    def reap(_signum, _frame) -> None:
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
            fd = stderr_of.pop(pid, None)
            if fd is None:
                ended[pid] = code
            else:
                _note_exit(fd, code)

    signal.signal(signal.SIGCHLD, reap)
    _send_control(ctl, ("ready", os.getpid()))
    while True:
        try:
            msg, fds, _flags, _addr = socket.recv_fds(ctl, 16, 2)
        except InterruptedError:
            continue
        except OSError:
            return 0
        if not msg:
            return 0
        if len(fds) != 2:
            for fd in fds:
                os.close(fd)
            continue
        talk, err = fds
        pid = os.fork()
        if pid == 0:
            ctl.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            limit_self(0)  # the zygote is its parent now: die with it
            os.dup2(err, 2)
            os.close(err)
            code = 1
            try:
                code = serve_requests(store, talk)
            finally:
                os._exit(code)
        os.close(talk)
        if pid in ended:
            _note_exit(err, ended.pop(pid))
        else:
            stderr_of[pid] = err
        with contextlib.suppress(OSError):
            ctl.sendall(PID.pack(pid))


def _note_exit(fd: int, code: int) -> None:
    with contextlib.suppress(OSError):
        os.write(fd, b"\n" + EXIT_MARK + str(code).encode() + b"\n")
    with contextlib.suppress(OSError):
        os.close(fd)


def _send_control(ctl: socket.socket, message: tuple) -> None:
    data = pickle.dumps(message)
    ctl.sendall(HEADER.pack(len(data)) + data)


# --------------------------------------------------------------------------- a worker


def serve_requests(store, fd: int) -> int:
    """Answer requests on ``fd`` until the caller closes it: ``("query", prepared, row_limit, digest, data)``
    or ``("check", text, prefixes)``; each answer is ``("ok", value)`` or ``("error", kind, message)``."""
    import pyoxigraph as ox

    from petaflop import query as q

    inline: collections.OrderedDict[str, Any] = collections.OrderedDict()
    while True:
        try:
            request = read_frame(fd, None)
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
            write_frame(fd, answer)
        except (BrokenPipeError, OSError):
            return 0
        except (pickle.PicklingError, TypeError) as exc:
            write_frame(fd, ("error", "query", f"the answer cannot be sent back: {exc}"))


if __name__ == "__main__":
    if len(sys.argv) == 4:
        sys.exit(zygote_main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
    print("usage: python -m petaflop.sandbox_worker SOURCE|- MEMORY_MB CONTROL_FD", file=sys.stderr)
    sys.exit(2)
