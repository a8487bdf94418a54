"""Cost tables: which row is about which thing, and the amount column's figures.

* **stage rows** — a cost table about a project lists its stages as rows ("1단계 (Alpha I · 부산 1.2 GW)"), the
stage's further rows leaving the label cell empty. Its cells are read about the project (the
table's context) by default, since a total or a rent in them is the project's. A row that repeats
a measure the row's label states ("… 8개 동(1.2 GW)로 완공 목표", "1.2 GW 송전선 …"), or states no
figure of its units at all, is about the stage the label names; one stating another figure of
those units ("총 5 GW 용량") is the project's.
* **item amounts** — "비용 항목 | 금액(USD)": the amount column names its currency but not its magnitude,
  which the table's own prose gives ("116" in the column, "116억 달러" in a detail cell). Each bare figure,
  in that magnitude, is a money statement of the row's subject, its kind what the lexicon reads in the item
  cell to its left ("부지·건설 CAPEX": capex), else an amount. Rule ``text-cell:item-amount``; the magnitude
  must be one, and a cell's own words (a unit, a range) leave the cell to the other readers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from ingest.model import Cell, Row, Table
from petaflop.extract.cell_text import cell_period, paren_year
from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.lexicon import Lexicon

RULE = "text-cell:item-amount"

# a figure with a Latin unit or a percent sign: "1.2 GW", "600MW", "30 %"
_MEASURE = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)\s*([A-Za-z]{1,4}(?![A-Za-z])|%)")


def measures(text: str) -> set[str]:
    """The measures a text states, normalised ("1,200 MW" -> "1200MW")."""
    return {m.group(1).replace(",", "") + m.group(2) for m in _MEASURE.finditer(text)}


def row_label(rows: Sequence[Row], r: int, ei: int) -> str:
    """The label of body row ``r`` (1-based): its own entity cell, else that of the last row above
    with one (a stage's further rows leave the label cell empty)."""
    for row in reversed(rows[:r]):
        if ei < len(row.cells) and row.cells[ei].text.strip():
            return row.cells[ei].text
    return ""


def about_label(rows: Sequence[Row], r: int, ei: int) -> bool:
    """Whether body row ``r`` (1-based) is about the thing its label names: the label states a measure
    and the row's other cells repeat it or state no figure of its units (a project's total, "총 3 GW",
    is no stage's)."""
    label = measures(row_label(rows, r, ei))
    stated = {m for j, c in enumerate(rows[r - 1].cells) if j != ei for m in measures(c.text)}
    units = {_unit(m) for m in label}
    return bool(label) and (bool(label & stated) or not any(_unit(m) in units for m in stated))


def _unit(measure: str) -> str:
    return measure.lstrip("0123456789.")


# a header naming a currency and no magnitude: "금액(USD)", "비용 (달러)"
_CURRENCY = re.compile(r"\(\s*(USD|\$|달러|KRW|원)\s*\)")
_BARE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WRITTEN = re.compile(r"(?<![\d.])(\d[\d,]*(?:\.\d+)?)\s*(천억|억|조|만)\s*(?:달러|원|USD)")
_SCALE = {"만": Decimal(10) ** 4, "억": Decimal(10) ** 8, "천억": Decimal(10) ** 11, "조": Decimal(10) ** 12}


def column_magnitude(table: Table, j: int) -> str:
    """The one magnitude word ("억") with which the table's other cells write a bare figure of column ``j``."""
    figures = {row.cells[j].text.strip().replace(",", "") for row in table.rows
               if j < len(row.cells) and _BARE.fullmatch(row.cells[j].text.strip())}
    written = {m.group(2) for row in table.rows for k, c in enumerate(row.cells) if k != j
               for m in _WRITTEN.finditer(c.text) if m.group(1).replace(",", "") in figures}
    return written.pop() if len(written) == 1 else ""


def add_item_amount(ex: Extraction, lex: Lexicon, table: Table, r: int, cell: Cell, subject: str, loc: Location,
                    sources: tuple[str, ...]) -> None:
    """The bare figure ``cell`` (body row ``r``) of an amount column, in the magnitude the table writes it with."""
    j = cell.column - 1
    text = cell.text.strip()
    cur = _CURRENCY.search(table.header[j].text) if 0 < j < len(table.header) else None
    if cur is None or not _BARE.fullmatch(text) or not (magnitude := column_magnitude(table, j)):
        return
    row = table.rows[r - 1]
    item = (row.cells[j - 1].text or row.cells[j - 1].carried).strip()
    entry = lex.value_for(item) if item else None
    kind = entry.kind if entry is not None and entry.dimension == "money" else "amount"
    unit = "KRW" if cur.group(1) in ("KRW", "원") else "USD"
    label = row_label(table.rows, r, 0)
    ex.statements.append(Statement(
        subject, kind, loc, RULE, value=Decimal(text.replace(",", "")) * _SCALE[magnitude], unit=unit,
        status=lex.status_of(item, label) or "actual", time=(cell_period(label) or paren_year(label)) if label else None,
        metric=item[:40], sources=sources, raw=text))
