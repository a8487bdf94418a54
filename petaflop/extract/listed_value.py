"""A listed firm's "기업 가치" is its market capitalisation, settled once after every reader has run.

Tables label a firm's worth "기업 가치" (valuation) whether it is a private round's price or a listed
share's: "GOOGL 현재 기업 가치 (9월 3일 종가 기준) | 약 2.8조 달러", "기업가치 | 3,742억 달러 (상장)".
When the row's label or the figure's own cell says the worth is the market's — 상장 (listed, never
비상장), 종가/주가 (a closing or share price), 시가 — the statement is a ``marketCap``, not a
``valuation`` (the rule id is kept: the gate judges the reader's rule).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ingest.model import Table
from petaflop.extract.facts import Extraction

#: the market's price of a listed firm's shares
_LISTED = re.compile(r"(?<!비)상장(?!\s?(?:전|예정|추진|계획))|종가|주가\s?기준|시가\s?기준")


def settle_listed_values(tables: Iterable[Table], ex: Extraction) -> int:
    """Turn the table valuations of listed firms into market capitalisations; returns how many."""
    by_id = {t.id: t for t in tables}
    changed = 0
    for i, st in enumerate(ex.statements):
        table = by_id.get(st.location.table_id) if st.kind == "valuation" else None
        if table is None:
            continue
        row = next((rw for rw in table.rows if rw.line == st.location.line_start and rw.cells), None)
        if row is None:
            continue
        own = next((c.text for c in row.cells if c.column == st.location.column), "")
        if _LISTED.search(row.cells[0].text) or _LISTED.search(own):
            ex.statements[i] = replace(st, kind="marketCap")
            changed += 1
    return changed
