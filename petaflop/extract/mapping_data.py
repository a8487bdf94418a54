"""Reading the extraction's data files (TOML mappings and patterns) with errors that name
the file, the entry and the field, so a reviewer editing data sees exactly what is wrong."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from foundation.errors import UserError


class MappingError(UserError):
    """A mapping or pattern file is malformed; the message names the file, entry and field."""


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise MappingError(f"{path}: {exc}") from None


def entries(path: Path, table: str, required: tuple[str, ...] = ()) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each ``[[table]]`` entry with a ``where`` label; missing required keys are errors."""
    for i, raw in enumerate(read_toml(path).get(table, []), 1):
        where = f"{path.name} [[{table}]] {raw.get('id', f'#{i}')}"
        for key in required:
            if key not in raw:
                raise MappingError(f"{where}: missing {key!r}")
        yield where, raw


def compile_regex(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise MappingError(f"{where}: bad regex {pattern!r}: {exc}") from None
