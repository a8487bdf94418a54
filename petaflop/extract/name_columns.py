"""A person's name split over two columns ("Rank | First Name | Last Name | …"): the table reader
keys a row by one cell, so the two columns are read as one "Name" column holding the full name
(given name first), before any reader sees the table."""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.model import Cell, Table

_GIVEN = re.compile(r"^(?:[Ff]irst|[Gg]iven)[ _]?[Nn]ame$")
_FAMILY = re.compile(r"^(?:[Ll]ast|[Ff]amily)[ _]?[Nn]ame|[Ss]urname$")


def _labels(table: Table) -> list[str]:
    return [lab.strip() for lab in (table.column_labels or [c.text for c in table.header])]


def _pair(labels: list[str]) -> tuple[int, int] | None:
    """(given, family) column indices when the two are next to each other, in either order."""
    for j in range(len(labels) - 1):
        a, b = labels[j], labels[j + 1]
        if _GIVEN.match(a) and _FAMILY.match(b):
            return j, j + 1
        if _FAMILY.match(a) and _GIVEN.match(b):
            return j + 1, j
    return None


def _join(cells: list[Cell], given: int, family: int) -> list[Cell]:
    first, second = min(given, family), max(given, family)
    if second >= len(cells):
        return cells
    name = " ".join(t for t in (cells[given].text.strip(), cells[family].text.strip()) if t)
    raw = " ".join(t for t in (cells[given].raw.strip(), cells[family].raw.strip()) if t)
    joined = replace(cells[first], text=name, raw=raw, merged=False, carried="")
    return [*cells[:first], joined, *cells[second + 1:]]


def join_name_columns(table: Table) -> Table:
    """``table`` with its given-name and family-name columns joined into one "Name" column; the table
    itself when it has no such pair."""
    labels = _labels(table)
    pair = _pair(labels)
    if pair is None or len(table.header_rows) > 1:
        return table
    given, family = pair
    first = min(pair)

    def drop(values: list[str], joined: str) -> list[str]:
        return [*values[:first], joined, *values[first + 2:]] if len(values) > first + 1 else values

    header = _join(table.header, given, family)
    if first < len(header):
        header[first] = replace(header[first], text="Name", raw="Name")
    return replace(table, header=header,
                   rows=[replace(r, cells=_join(r.cells, given, family)) for r in table.rows],
                   header_rows=[replace(r, cells=header) for r in table.header_rows],
                   column_labels=drop(table.column_labels, "Name"),
                   column_units=drop(table.column_units, ""))
