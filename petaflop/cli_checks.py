"""Checks of command-line values, each failing with one line that names the option (exit 1).

Numbers: a time-out is a positive, finite number of seconds (``inf``, ``nan``, ``0`` and
``-1`` are refused). Paths: an output file is not a folder and its folder can be written; an
output folder is not a file; an input file exists, is a file, and is UTF-8 text where text is
expected (the error gives the line and column of the first byte that is not).
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from foundation.errors import UserError


def seconds(value: float | None, option: str = "--timeout") -> float | None:
    if value is None:
        return None
    if not value > 0:
        raise UserError(f"{option} {value:g}: must be a positive number of seconds")
    if not math.isfinite(value):
        raise UserError(f"{option} {value:g}: must be a finite number of seconds")
    return float(value)


def count(value: int | None, option: str, low: int = 0, high: int | None = None) -> int | None:
    if value is None:
        return None
    if value < low or (high is not None and value > high):
        span = f"{low}–{high}" if high is not None else f"at least {low}"
        raise UserError(f"{option} {value}: must be {span}")
    return value


def output_file(path: str | os.PathLike[str] | None, option: str) -> Path | None:
    """A file we are about to write: not a folder, inside a folder that exists (or can be made) and is writable."""
    if path is None:
        return None
    target = Path(path)
    if str(path).strip() == "":
        raise UserError(f"{option}: give a file path")
    if target.is_dir():
        raise UserError(f"{option} {target}: is a folder; give a file path")
    if target.exists() and not target.is_file():
        return target  # /dev/stdout, a pipe: written in place
    parent = target.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise UserError(f"{option} {target}: {parent} is a file, not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UserError(f"{option} {target}: the folder {parent} is not writable")
    return target


def output_folder(path: str | os.PathLike[str] | None, option: str = "--out") -> Path | None:
    """A folder we are about to write into: not a file; the nearest existing folder writable."""
    if path is None:
        return None
    target = Path(path)
    if str(path).strip() == "":
        raise UserError(f"{option}: give a folder")
    if target.exists() and not target.is_dir():
        raise UserError(f"{option} {target}: is a file, not a folder")
    probe = target
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        raise UserError(f"{option} {target}: {probe} is a file, not a folder")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise UserError(f"{option} {target}: {probe} is not writable")
    return target


def input_file(path: str | os.PathLike[str], option: str) -> Path:
    target = Path(path)
    if target.is_dir():
        raise UserError(f"{option} {target}: is a folder, not a file")
    if not target.is_file():
        raise UserError(f"{option} {target}: no such file")
    return target


def read_text(path: str | os.PathLike[str], option: str) -> str:
    """A UTF-8 text file, or one line saying where it stops being UTF-8."""
    target = input_file(path, option)
    try:
        data = target.read_bytes()
    except OSError as exc:
        raise UserError(f"{option} {target}: cannot read it: {exc.strerror or exc}") from None
    return decode(data, f"{option} {target}")


def decode(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise UserError(f"{what}: not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line}, column {col})"
                        ) from None
