"""A table of one owner's figures over time, one period a row: "시점 | 조치 | 미국행 희토류 자석 수출량" with rows
"2025-04 | … | 246.3t", under a caption that names the owner of the measured thing in a genitive ("중국의
희토류는 …"). The head noun after the caption's genitive must stand in the value column's header, and the
lexicon must give that header a kind; each cell of the column is then the owner's value at the row's period.
The sibling of ``period_rows.py`` (periods as columns); rule ids end with ``:caption-genitive``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from foundation.periods import Period, parse_period
from petaflop.extract.cell_text import cell_period

if TYPE_CHECKING:
    from ingest.model import Table

#: the header of a column of periods
_TIME_HEADER = re.compile(r"^(?:연도|년도|시기|날짜|일자|시점|기간|Year|Date)$")
#: "중국의 희토류는": the noun a genitive owns, up to its particle
_YEAR_MONTH = re.compile(r"(?:19|20)\d{2}-(?:0[1-9]|1[0-2])")
_OWNED = re.compile(r"의\s([가-힣A-Za-z]{2,}?)(?:은|는|이|가|을|를|와|과|도)?(?=[\s,.]|$)")


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
    finally:
        reader.tag = base
