"""One query, one forked worker: how ``petaflop query`` runs a query without starting the sandbox's zygote.

The sandbox (:mod:`petaflop.sandbox`) starts a zygote — a new Python process that imports the
query code and opens the graph — and forks workers from it: right for the app and the server,
which answer many queries. A command-line query answers one, and the zygote's start-up (a
Python interpreter and its imports, 0.2–0.4 s) was most of its time. So the command line forks
*itself* (it has loaded the query code already and runs no thread yet): the child limits its
address space, opens the built store read-only (or loads the N-Quads file), answers through
:func:`petaflop.sandbox_worker.serve_requests` — the workers' own code, so errors are mapped the
same way — and is killed at the time-out. The guarantees are the sandbox's: the caller never runs
the query, a runaway is stopped for certain (``SIGKILL``), and memory is capped per worker.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import tempfile
import time
from pathlib import Path
from typing import Any

from petaflop.sandbox_frames import read_frame, write_frame


def safe_to_fork() -> bool:
    """Whether this process runs one thread only: forking a process with other threads (a store's
    background threads, a test runner's) copies their locks but not the threads, and the child can
    abort. A process with threads uses the sandbox's pool instead."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def call(source: Path, request: tuple, timeout_s: float | None) -> Any:
    """Answer ``request`` in a forked child over ``source`` (a store folder or an N-Quads file)."""
    from petaflop.sandbox import SandboxError, memory_limit_mb

    memory_mb = memory_limit_mb(source if source.is_file() else None)
    ours, theirs = socket.socketpair()
    err = tempfile.TemporaryFile()
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    pid = os.fork()
    if pid == 0:  # the worker
        code = 1
        try:
            ours.close()
            os.dup2(err.fileno(), 2)
            from petaflop.sandbox_worker import limit_self, serve_requests
            from petaflop.store import source_store

            limit_self(memory_mb)
            try:
                store = source_store(str(source))
            except (OSError, SyntaxError, ValueError) as exc:  # as the zygote says it (petaflop.sandbox_worker)
                read_frame(theirs.fileno(), None)
                write_frame(theirs.fileno(), ("error", "query", f"cannot load {source}: "
                                              + " ".join(str(exc).split())[:200]))
                os._exit(0)
            code = serve_requests(store, theirs.fileno())
        except MemoryError:
            code = 3
        finally:
            os._exit(code)
    theirs.close()
    try:
        write_frame(ours.fileno(), request)
        answer = read_frame(ours.fileno(), deadline)
    except TimeoutError:
        _kill(pid)
        raise SandboxError("timeout", "did not finish in time") from None
    except (EOFError, OSError):
        raise _died(pid, err, memory_mb) from None
    finally:
        ours.close()
    _kill(pid)
    err.close()
    if answer[0] == "ok":
        return answer[1]
    raise SandboxError(answer[1], answer[2])


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _died(pid: int, err, memory_mb: int):
    from petaflop.sandbox import SandboxError, worker_death

    _pid, status = os.waitpid(pid, 0)
    code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    err.seek(0)
    text = err.read().decode("utf-8", "replace").strip()
    err.close()
    if code == 3:  # the child's own word for a MemoryError
        return SandboxError("memory", f"needed more than the memory limit of {memory_mb} MB")
    return worker_death(code, text, memory_mb)
