"""Reading the extraction's data files (TOML mappings, patterns, lexicons) against a schema.

Every ``[[table]]`` entry is checked before use: unknown keys, missing required keys and
values of the wrong type are errors naming the file, the line of the entry and the key — a
misspelled key (``headr``) must not silently match every table. Regexes are compiled here, so
a bad one is a load-time error too.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from foundation.errors import UserError


class MappingError(UserError):
    """A mapping or pattern file is malformed; the message names the file, line and key."""


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise MappingError(f"{path}: {exc}") from None


def _entry_lines(path: Path, table: str) -> list[int]:
    marker = f"[[{table}]]"
    return [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.strip() == marker]


_TYPES = {"str": str, "int": int, "bool": bool, "list": list, "dict": dict, "float": (int, float)}


def entries(path: Path, table: str, required: tuple[str, ...] = (),
            schema: Mapping[str, str] | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each ``[[table]]`` entry with a ``where`` label (``file: line N [[table]] id``).

    ``schema`` maps every allowed key to a type name (str, int, bool, list, dict, float); with
    it, an unknown key or a value of another type is an error. Missing required keys always are.
    """
    lines = _entry_lines(path, table)
    for i, raw in enumerate(read_toml(path).get(table, []), 1):
        line = lines[i - 1] if i - 1 < len(lines) else 0
        where = f"{path.name}: line {line} [[{table}]] {raw.get('id', f'#{i}')}"
        for key in required:
            if key not in raw:
                raise MappingError(f"{where}: missing key {key!r}")
        if schema is not None:
            for key, value in raw.items():
                if key not in schema:
                    known = ", ".join(sorted(schema))
                    raise MappingError(f"{where}: unknown key {key!r} (known: {known})")
                if not isinstance(value, _TYPES[schema[key]]):
                    raise MappingError(f"{where}: key {key!r} must be a {schema[key]}, not {type(value).__name__}")
        yield where, raw


def check_tables(path: Path, allowed: set[str]) -> None:
    """Top-level tables other than ``allowed`` are errors (a misspelled ``[[valeu]]``)."""
    extra = set(read_toml(path)) - allowed
    if extra:
        raise MappingError(f"{path.name}: unknown table {sorted(extra)[0]!r} (known: {', '.join(sorted(allowed))})")


def compile_regex(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise MappingError(f"{where}: bad regex {pattern!r}: {exc}") from None
