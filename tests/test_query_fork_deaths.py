"""How a query worker's death is told to the analyst (petaflop/query_fork.py ``_died``)."""

import faulthandler
import os
import signal
import tempfile

from petaflop.query_fork import _died


def _death(sig: int, stderr: bytes):
    pid = os.fork()
    if pid == 0:  # the child dies of the signal at once (without pytest's fault handler printing)
        faulthandler.disable()
        signal.signal(sig, signal.SIG_DFL)
        os.kill(os.getpid(), sig)
        os._exit(0)
    err = tempfile.TemporaryFile()
    err.write(stderr)
    return _died(pid, err, 512)


def test_an_abort_under_the_memory_cap_is_the_memory_limit_with_or_without_the_allocators_message():
    for text in (b"memory allocation of 1048576 bytes failed\n", b""):
        e = _death(signal.SIGABRT, text)
        assert (e.kind, str(e)) == ("memory", "needed more than the memory limit of 512 MB")


def test_an_abort_with_another_message_is_a_crash_that_names_it():
    e = _death(signal.SIGABRT, b"thread 'main' panicked at src/x.rs:1: boom\n")
    assert e.kind == "crash"
    assert "SIGABRT" in str(e) and "panicked" in str(e)


ARENAS = """
import ctypes, sys, tempfile, threading
if sys.argv[1] == "limited":
    from petaflop.sandbox_worker import limit_self
    limit_self(0)
libc = ctypes.CDLL(None)
together = threading.Barrier(12)
def work():
    held = [bytearray(200_000) for _ in range(5)]  # malloc'd while the other threads hold theirs
    together.wait()
threads = [threading.Thread(target=work) for _ in range(12)]
[t.start() for t in threads]
[t.join() for t in threads]
libc.fopen.restype = ctypes.c_void_p
path = tempfile.mktemp()
f = libc.fopen(path.encode(), b"w")
libc.malloc_info(0, ctypes.c_void_p(f))
libc.fclose(ctypes.c_void_p(f))
print(open(path).read().count("<heap nr="))
"""


def test_a_forked_worker_keeps_malloc_to_two_arenas():
    """A command line's forked worker inherits its parent's malloc (no MALLOC_ARENA_MAX in its environment):
    limit_self caps the arenas, or twelve busy threads reserve twelve (64 MB of address space each, under the
    worker's RLIMIT_AS: 'Resource temporarily unavailable' on a loaded CI run)."""
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}

    def arenas(mode: str) -> int:
        out = subprocess.run([sys.executable, "-c", ARENAS, mode], capture_output=True, text=True, env=env,
                             check=True, timeout=60)
        return int(out.stdout.strip())

    assert arenas("limited") <= 2
    assert arenas("free") > 2  # the measure sees arenas: without the cap each busy thread gets one
