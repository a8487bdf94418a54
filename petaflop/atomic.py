"""Atomic file writes: a temporary file beside the target, then a rename.

A reader (or a crash) never sees half a file: either the previous content or the new one.
Failures (a read-only folder, a full disk, a path that is a folder) become one-line
:class:`~foundation.errors.UserError` messages naming the path.

A target that exists and is not a regular file (``/dev/stdout``, ``/dev/full``, a pipe) is
written in place: renaming over it would replace a device node with a file. The new file gets
the permissions of the file it replaces, else the usual ``0666 & ~umask`` (not ``mkstemp``'s 0600).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from foundation.errors import UserError


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_in_place(target: Path, data: bytes) -> Path:
    try:
        with open(target, "wb") as fh:
            fh.write(data)
            fh.flush()
    except OSError as exc:
        raise UserError(f"cannot write {target}: {_reason(exc)}") from None
    return target


def write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    target = Path(path)
    if target.is_dir():
        raise UserError(f"{target} is a folder; give a file path")
    if target.exists() and not target.is_file():
        return _write_in_place(target, data)
    parent = target.parent
    if parent.exists() and not parent.is_dir():
        raise UserError(f"cannot write {target}: {parent} is a file, not a folder")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise UserError(f"cannot write {target}: {_reason(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise UserError(f"cannot write {target}: {_reason(exc)}") from None
    return target


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))
