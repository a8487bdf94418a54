"""Where a table states the unit of its figures when neither the figure nor its column's header does.

The generic reader reads a bare figure ("1,903") in the unit its column's header states ("2Q25 매출 (백만 달러)") or
a unit column gives ("단위 | 백만 달러"). A table may state it once for all its columns instead: a note in its
caption ("파운드리 매출 순위 (단위: 백만 달러)", a caption line that is only the note, "(백만 달러)") or in the corner
cell ("(단위: 백만 달러) | 2Q25 | 1Q25"). Such a note lists one unit, or one unit per measure ("(단위: $, W)"):
a figure takes the listed unit of its kind's dimension, and only when exactly one fits. A table that states no
unit anywhere gives its bare figures none: they are no money (a wrong unit shown as a fact is worse than none), only
a ``quantity`` whose metric says the unit is not stated (``table_unstated_unit.py``).
"""

from __future__ import annotations

import re

from ingest.model import Table
from ingest.quantities import unit_hint
from petaflop.extract import table_caption_subject as tcs

_UNIT_HEADER = re.compile(r"^(단위|Unit|unit)$")
#: "(단위: 백만 달러)", "(단위 : $, W)"
_UNIT_NOTE = re.compile(r"[(（]\s?단위\s?[:：]\s?([^()（）]{1,30})[)）]")
#: a caption line that is only a unit note: "(백만 달러)", "(십억원, %, 배)"
_BARE_NOTE = re.compile(r"^\s*[(（]([^()（）]{1,30})[)）]\s*$")
#: a lexicon dimension -> the kind of a unit hint
_KIND_OF = {"money": "money", "power": "power", "count": "count", "energy": "energy"}


def unit_note(table: Table, row) -> str:
    """A unit column's cell in the row ("단위 | MW"), else the unit a count of days is in."""
    labels = table.column_labels or [c.text for c in table.header]
    for j, h in enumerate(labels):
        if _UNIT_HEADER.match(h.strip()) and j < len(row.cells):
            return row.cells[j].text.strip()
    return tcs.time_count_unit(row)  # "연간 운행 일수 | 312": a count of days is in days


def table_unit(table: Table, dimension: str) -> str:
    """The unit the table's caption or corner cell states for figures of ``dimension`` ('' when none, or when
    several listed units fit it)."""
    notes = [m.group(1) for line in table.caption for m in _UNIT_NOTE.finditer(line)]
    notes += [m.group(1) for line in table.caption if (m := _BARE_NOTE.match(line))]
    if table.header:
        notes += [m.group(1) for m in _UNIT_NOTE.finditer(table.header[0].text)]
    fitting = set(units_of(dimension, [u for note in notes for u in listed_units(note)]))
    return fitting.pop() if len(fitting) == 1 else ""


def listed_units(note: str) -> list[str]:
    """The units a unit note lists ("$, W" → ["$", "W"])."""
    return [u for u in (p.strip() for p in re.split(r"[,，/]", note.replace("\\$", "$"))) if u]


def units_of(dimension: str, units: list[str]) -> list[str]:
    """The ``units`` that measure a lexicon ``dimension`` (a money unit for "money"), in their order."""
    want = _KIND_OF.get(dimension, dimension)
    return [u for u in units if (h := unit_hint(f"({u})")) is not None and h.kind == want]


def header_with_unit(table: Table, header: str, unit: str, dimension: str) -> str:
    """The header a cell's figure is parsed under: its column's label with the unit the row's unit column gives,
    else, when the label states none, the table's (:func:`table_unit`)."""
    if unit:
        return f"{header} ({unit})"
    if unit_hint(header) is not None or _UNIT_NOTE.search(header):  # a column over a note is no figure's
        return header
    stated = table_unit(table, dimension)
    return f"{header} ({stated})" if stated else header
