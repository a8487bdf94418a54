"""Measure columns of a comparison whose header names the entities ("NVL72 비용 | NVL72 전력 | CM384 …").

Two things the column says that a row label must not undo:

- the column's measure comes first: under "CM384 전력" the row "시스템 레벨 스케일업 비용" (the
  total of the costs' rows) still holds a power draw — the row label's word of another measure
  ("비용") names the row's group, not what the power column's cells hold;
- a unit note in the corner cell ("시스템 레벨(단위 : $, W)") lists one unit per measure; a bare figure
  of a column ("48,384" under "CM384 전력") is in the listed unit of the column's measure's dimension.

Both keep the lexicon entry's rule id (``table-reader:<kind>@<line>:header-entities``): the same
construction, read with the column's measure.

A row that names only the base its figures differ from ("엔비디아 대비 Trainium % 우위" under "메모리 대역폭당
TCO") measures what the nearest row above it with figures does (:func:`compared_measure`): two such rows of one
table are told apart by their metric.
"""

from __future__ import annotations

import re

from petaflop.extract.lexicon import Lexicon
from petaflop.extract.table_units import listed_units, units_of

#: "(단위 : $, W)", "(단위: 달러, W)": the units a corner cell lists
_UNIT_NOTE = re.compile(r"\(\s?단위\s?[:：]\s?([^()]{1,30})\)")


def column_label(lex: Lexicon, metric: str, row_label: str) -> str:
    """The label of a measure column's cell: the column's measure, then the row label without the
    words of another measure (at most three: a row label names few)."""
    want = lex.value_for(metric)
    row = row_label
    for _ in range(3):
        got = lex.value_for(f"{metric} {row}")
        if want is None or got is None or got.kind == want.kind:
            break
        row = re.sub(r"\s+", " ", got.match.sub(" ", row)).strip()
    return f"{metric} {row}".strip()


def column_unit(corner: str, lex: Lexicon, label: str) -> str:
    """The unit the corner cell's note lists for the dimension of the label's measure ('' if none)."""
    note = _UNIT_NOTE.search(corner.replace("\\$", "$"))
    entry = lex.value_for(label)
    if note is None or entry is None:
        return ""
    units = listed_units(note.group(1))
    if len(units) < 2:
        return ""  # one unit for the whole table: the header reader's own business
    fitting = units_of(entry.dimension, units)
    return fitting[0] if len(fitting) == 1 else ""


def label_texts(cells: list, subjects: dict[int, str], total: int | None) -> list[str]:
    """The words of a row's label: its cells outside the entity columns and the total column, not a bare dash;
    a cell after the last entity column (a verdict, "현재 승자 | 테슬라") only when none stands before them."""
    texts = [(j, t) for j, c in enumerate(cells)
             if j not in subjects and j != total and (t := (c.text or c.carried).strip()) and t.strip("-–— ")]
    first, last = min(subjects, default=len(cells)), max(subjects, default=-1)
    if any(j < first for j, _ in texts):
        texts = [(j, t) for j, t in texts if j < last]
    return [t for _, t in texts]


#: A row label naming only a base and a difference from it ("엔비디아 대비 Trainium % 우위", "A보다 격차")
_COMPARED = re.compile(r"^\S+\s?(?:대비|보다)\s.{0,24}?(?:우위|열위|격차|차이)$")


def compared_measure(rows: list, i: int, subjects: dict[int, str], total: int | None) -> str:
    """The metric of row ``i`` when its label names only the base its figures differ from: "<label (first cell) of
    the nearest row above with figures in the entity columns>: <its label>" ("메모리 대역폭당 TCO: 엔비디아 대비 … 우위");
    "" for any other row, or when a row of no figures (a section's title) stands between."""
    label = " ".join(label_texts(rows[i].cells, subjects, total)[:2])
    if not _COMPARED.match(label):
        return ""
    for row in reversed(rows[:i]):
        above = " ".join(label_texts(row.cells, subjects, total)[:1])  # its name, not its unit
        if _COMPARED.match(above):
            continue
        figures = any(j < len(row.cells) and re.search(r"\d", row.cells[j].text) for j in subjects)
        return f"{above}: {label}"[:60] if figures and above else ""
    return ""
