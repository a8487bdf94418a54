"""Atomic file writes: a temporary file beside the target, then a rename.

A reader (or a crash) never sees half a file: either the previous content or the new one.
Failures (a read-only folder, a full disk, a path that is a folder) become one-line
:class:`~foundation.errors.UserError` messages naming the path.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from foundation.errors import UserError


def write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    target = Path(path)
    if target.is_dir():
        raise UserError(f"{target} is a folder; give a file path")
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise UserError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise UserError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))
