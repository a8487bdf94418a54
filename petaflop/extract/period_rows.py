"""A table of one entity's figures over periods: "항목 | 2024 Q2 | 2025 Q2" with rows "매출 | $394
million | $1.21 billion", the entity named by the caption or the slide title. Each row's label names
the measure, each column's header its period; the table reader reads every cell as the caption
entity's value of the row's kind at the column's period, or at the period its label names ("올해 매출 가이던스"). A figure followed by its signed change in
parentheses ("$1.21 billion (+207%)") also states the row's growth to that period. Rule ids end with
``:period-rows``."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from ingest.quantities import parse_cell
from petaflop.extract.cell_text import cell_period, period_header
from petaflop.extract.facts import Statement
from petaflop.extract.table_states import mark_earlier, state_columns

if TYPE_CHECKING:
    from ingest.model import Table

#: "(+207%)" after a cell's figure: its change to the column's period
_CHANGE = re.compile(r"\(\s?([+\-−])\s?(\d{1,4}(?:\.\d+)?)\s?%\s?\)")
#: the header of a column of row labels
_LABEL_HEADER = re.compile(r"^(항목|지표|구분|Item|item|Metric|metric)$")


def period_columns(table: Table) -> bool:
    """Whether the table's first column holds labels and every other column is headed by a period."""
    labels = [t.strip() for t in (table.column_labels or [c.text for c in table.header])]
    return (len(labels) >= 2 and bool(_LABEL_HEADER.match(labels[0]))
            and all(period_header(t) is not None for t in labels[1:])) or state_columns(labels)  # before | after


def read_period_rows(reader, table: Table) -> None:
    """The caption entity's value of each row's kind, one per period column (see the module doc); rows
    whose label names an entity of their own are left alone (they are not the caption entity's)."""
    context = reader._context(table)
    if not context:
        return
    labels = reader._labels(table)
    heads = [t.strip() for t in (table.column_labels or [c.text for c in table.header])]
    before = 1 if state_columns(heads) else 0  # the "before" column of a before | after table: earlier values
    base = reader.tag
    reader.tag = base + ":period-rows"
    try:
        for r, row in enumerate(table.rows, 1):
            text = row.cells[0].text.strip() if row.cells else ""
            if not text or row.section or reader.res.entities_in(text):
                continue
            unit_note = reader._unit_note(table, row)
            own = cell_period(text)  # "올해 매출 가이던스": a row naming its own period holds then
            for j, cell in enumerate(row.cells[1:], 1):
                if j < len(labels):
                    label = replace(labels[j], text=text, period=own or labels[j].period)
                    first = len(reader.ex.statements)
                    reader._cell(table, r, cell, context, label, label.period, unit_note)
                    _change(reader, table, r, j, context, text, label.period)
                    if j == before:
                        mark_earlier(reader.ex.statements, first)
    finally:
        reader.tag = base


def _change(reader, table: Table, r: int, j: int, subject: str, label: str, period) -> None:
    """"$1.21 billion (+207%)": a cell holding a figure and one signed percentage in parentheses states the
    row's growth rate to the column's period."""
    cell = table.rows[r - 1].cells[j]
    found = _CHANGE.findall(cell.text)
    q = parse_cell(cell.text, "")
    if len(found) != 1 or q is None or q.value is None or q.kind == "percent":
        return
    sign, figure = found[0]
    reader.ex.statements.append(Statement(
        subject, "growthRate", reader._loc(table, cell, r), f"table-reader:growthRate@paren-change{reader.tag}",
        value=Decimal(figure) * (-1 if sign in "-−" else 1), unit="%", metric=f"{label} 증가율"[:60],
        time=period, sources=reader.sources_of(table), raw=cell.text[:60]))
