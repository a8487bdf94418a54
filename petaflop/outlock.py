"""Output folders: checked before any work, and locked while a command writes into them.

``out_lock(folder)`` takes an exclusive ``flock`` on ``folder/.lock`` for as long as a build (or
``coverage``, ``docs``) writes there; a second command writing into the same folder is refused
at once with a one-line error naming the process that holds it, instead of both writing the
same files. The lock is re-entrant within a process (``petaflop build`` holds it around the
build and the coverage report it writes after). The kernel drops the lock when the process
ends, even by ``kill -9``. Holding it, the command also removes temporary files a killed
writer left behind (``.NAME.*.tmp``, ``.store.new-*``; a moved-aside ``.store.old-*`` is put back
by :func:`petaflop.store.write_disk_store`).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

from foundation.errors import UserError

LOCK_NAME = ".lock"
_held: dict[str, tuple[int, int]] = {}  # folder -> (fd, depth)
_held_lock = threading.Lock()


class OutputBusy(UserError):
    """Another process is writing into the same output folder."""


def ensure_folder(folder: str | os.PathLike[str], option: str = "--out") -> Path:
    """The folder, created if needed; a one-line error when it is a file or cannot be written."""
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise UserError(f"{option} {path}: is a file, not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"{option} {path}: cannot create the folder: {exc.strerror or exc}") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise UserError(f"{option} {path}: the folder is not writable")
    return path


@contextlib.contextmanager
def out_lock(folder: str | os.PathLike[str], option: str = "--out") -> Iterator[Path]:
    path = ensure_folder(folder, option)
    key = str(path.resolve())
    with _held_lock:
        if key in _held:
            fd, depth = _held[key]
            _held[key] = (fd, depth + 1)
            fresh = False
        else:
            fresh = True
    if fresh:
        fd = _acquire(path, option)
        with _held_lock:
            _held[key] = (fd, 1)
        _clean_leftovers(path)
    try:
        yield path
    finally:
        with _held_lock:
            fd, depth = _held[key]
            if depth > 1:
                _held[key] = (fd, depth - 1)
                fd = -1
            else:
                del _held[key]
        if fd >= 0:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def _acquire(path: Path, option: str) -> int:
    lock = path / LOCK_NAME
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise UserError(f"{option} {path}: cannot create the lock file {lock}: {exc.strerror or exc}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        holder = ""
        with contextlib.suppress(OSError, ValueError):
            holder = os.pread(fd, 64, 0).decode("ascii").strip()
        os.close(fd)
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            who = f" (process {holder})" if holder.isdigit() else ""
            raise OutputBusy(f"{option} {path}: another petaflop command{who} is writing there; "
                             "wait for it to finish or choose another --out") from None
        raise UserError(f"{option} {path}: cannot lock {lock}: {exc.strerror or exc}") from None
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
    return fd


def _clean_leftovers(path: Path) -> None:
    """Temporary files of a writer that was killed (we hold the lock: nobody else is writing)."""
    for entry in path.iterdir():
        name = entry.name
        if name.startswith(".") and name.endswith(".tmp") and entry.is_file():
            with contextlib.suppress(OSError):
                entry.unlink()
        elif name.startswith(".") and ".new-" in name and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
