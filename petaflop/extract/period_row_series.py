"""A table of one owner's figures over time, one period a row: "시점 | 조치 | 미국행 희토류 자석 수출량" with rows
"2025-04 | … | 246.3t", under a caption that names the owner of the measured thing in a genitive ("중국의
희토류는 …"). The head noun after the caption's genitive must stand in the value column's header, and the
lexicon must give that header a kind; each cell of the column is then the owner's value at the row's period.
The sibling of ``period_rows.py`` (periods as columns); rule ids end with ``:caption-genitive``.

A change written with its basis as an abbreviation ("353t (▲660% MoM)" in the value cell; "첫 달 적용 → -93.3% YoY
급감" in another cell of the row, when the table measures one column) is the owner's ``growthRate`` of that column
at the row's period, against the prior month, quarter or year: rules ``table-reader:growthRate@paren-change`` (in
the value cell's parentheses) and ``table-reader:growthRate@row-change`` (in a sibling cell).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from foundation.periods import Period, parse_period
from petaflop.extract.cell_text import cell_period
from petaflop.extract.facts import Statement

if TYPE_CHECKING:
    from ingest.model import Table

#: the header of a column of periods
_TIME_HEADER = re.compile(r"^(?:연도|년도|시기|날짜|일자|시점|기간|Year|Date)$")
#: "중국의 희토류는": the noun a genitive owns, up to its particle
_YEAR_MONTH = re.compile(r"(?:19|20)\d{2}-(?:0[1-9]|1[0-2])")
_OWNED = re.compile(r"의\s([가-힣A-Za-z]{2,}?)(?:은|는|이|가|을|를|와|과|도)?(?=[\s,.]|$)")
#: a signed percentage with its basis: "▲660% MoM", "-93.3% YoY 급감", "+12% QoQ"
_CHANGE = re.compile(r"(?<![\d.])(?P<sign>[▲▼△▽↑↓+\-−])?\s?(?P<n>\d{1,4}(?:\.\d+)?)\s?%\s?(?P<abbr>YoY|MoM|QoQ)(?![A-Za-z])"
                     r"(?:\s?(?P<word>급감|감소|하락|급증|증가|상승))?")
_BASES = {"YoY": "prior year", "MoM": "prior month", "QoQ": "prior quarter"}
_DOWN = "▼▽↓-−"


def row_period(text: str) -> Period | None:
    """A row's period: "2025년 4월", or a year and month written "2025-04"."""
    return parse_period(text) if _YEAR_MONTH.fullmatch(text) else cell_period(text)


def caption_owner(reader: Any, table: Table, header: str) -> str | None:
    """The entity a caption line names in a genitive whose owned noun stands in ``header``; None unless exactly one."""
    found = set()
    for line in table.caption:
        for m in reader.res.gaz.find_mentions(line):
            owned = _OWNED.match(line, m.end)
            if owned and owned.group(1) in header:
                found.add(reader.res.record(reader.res.gaz.by_id(m.entity_id)))
    return found.pop() if len(found) == 1 else None


def read_period_series(reader: Any, table: Table) -> None:
    """The caption owner's value of each measured column at each row's period (see the module doc)."""
    labels = reader._labels(table)
    if len(labels) < 2 or not _TIME_HEADER.match(labels[0].text.strip()):
        return
    columns = {j: owner for j, lab in enumerate(labels[1:], 1)
               if reader.lex.value_for(lab.text) is not None and (owner := caption_owner(reader, table, lab.text))}
    if not columns:
        return
    base, reader.tag = reader.tag, reader.tag + ":caption-genitive"
    try:
        for r, row in enumerate(table.rows, 1):
            period = row_period(row.cells[0].text.strip()) if row.cells else None
            if period is None or row.section:
                continue
            for j, owner in columns.items():
                if j < len(row.cells):
                    reader._cell(table, r, row.cells[j], owner, labels[j], period, reader._unit_note(table, row),
                                 prose=False)
                    _series_change(reader, table, r, j, owner, labels[j].text, period, len(columns) == 1)
    finally:
        reader.tag = base


def _series_change(reader: Any, table: Table, r: int, j: int, owner: str, header: str, period: Period,
                   only: bool) -> None:
    """The owner's change of the column at the row's period: a signed percentage with its basis in the value
    cell's parentheses, else (the table measuring this column alone) in one other cell of the row."""
    cells = table.rows[r - 1].cells
    found = [(j, m) for m in _CHANGE.finditer(cells[j].text) if "(" in cells[j].text[:m.start()]]
    how = "paren-change"
    if not found and only:
        found = [(k, m) for k, c in enumerate(cells) if k not in (0, j) for m in _CHANGE.finditer(c.text)]
        how = "row-change"
    if len(found) != 1:
        return
    k, m = found[0]
    if not (m.group("sign") or m.group("word")):
        return  # "660% MoM" with neither sign nor word: no direction to read
    down = (m.group("sign") or "") in _DOWN or m.group("word") in ("급감", "감소", "하락")
    if m.group("sign") and m.group("word") and ((m.group("sign") in _DOWN) != (m.group("word") in ("급감", "감소", "하락"))):
        return  # "+5% YoY 감소": sign and word disagree
    reader.ex.statements.append(Statement(
        owner, "growthRate", reader._loc(table, cells[k], r), f"table-reader:growthRate@{how}{reader.tag}",
        value=Decimal(m.group("n")) * (-1 if down else 1), unit="%", time=period,
        metric=f"{header} vs {_BASES[m.group('abbr')]}"[:60], sources=reader.sources_of(table),
        raw=cells[k].text[:60]))
