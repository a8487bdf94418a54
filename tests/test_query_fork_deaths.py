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
