"""Helpers for the adversarial suite: the CLI as a real process, and checks that an error is one line."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest


def petaflop(*args: str, timeout: float = 180, env: dict | None = None, cwd: str | None = None):
    """The CLI as a user runs it: a real process, its exit code, both streams and the time it took."""
    full = {**os.environ, "COLUMNS": "250", **(env or {})}
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "petaflop.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env=full, check=False, cwd=cwd)
    proc.elapsed = time.monotonic() - t0
    return proc


def assert_one_line_error(proc, code: int, *fragments: str) -> str:
    """Exit ``code``, nothing but one ``error: …`` line on stderr (no traceback), with every fragment in it."""
    err = proc.stderr
    assert proc.returncode == code, (proc.returncode, err[-2000:])
    assert "Traceback" not in err and "internal error" not in err, err[-2000:]
    lines = [ln for ln in err.splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.startswith("error:")]
    assert len(errors) == 1 and errors[0] == lines[-1], err[-2000:]
    for fragment in fragments:
        assert fragment in errors[0], (fragment, errors[0])
    return errors[0]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (from /proc)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.fixture()
def immutable_dir(tmp_path):
    """A folder nothing can be written into, even by root (``chattr +i``); made writable again afterwards."""
    path = tmp_path / "read-only"
    path.mkdir()
    subprocess.run(["chattr", "+i", str(path)], check=True)
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False)
