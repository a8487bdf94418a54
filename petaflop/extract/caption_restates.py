"""A table's caption restating one of its cells: the caption's figure holds when the cell does.

A caption over a table of two periods ("2Q25 매출 | 1Q25 매출 | … | 점유율") sums it up in a sentence of no date
("A의 점유율은 70%를 초과"): the figure is the cell of the same subject and measure it rounds or bounds (70.2%), and
takes that cell's time (2025-Q2) and, having none of its own, its scope (the cell's market). Only one cell of the table may fit (67.6% rounds to 68, not 70); a caption line
that writes a date, and a statement of another status than the cell's, keep their own time (none).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from ingest.model import Table
from ingest.quantities import find_quantities
from petaflop.extract.facts import Extraction, Statement


def _restates(caption: Statement, cell: Statement) -> bool:
    """True when the caption's figure is the cell's, written round: equal, or the cell rounded to the caption's
    last digit ("70%" for 70.2%, "70%를 초과" for 70.2%: a bound the cell keeps)."""
    v, c = caption.value, cell.value
    if v is None or c is None or caption.high not in (None, v) or cell.high not in (None, c) or caption.unit != cell.unit:
        return False
    if v == c:
        return True
    step = Decimal(1) if v == v.to_integral_value() else Decimal(1).scaleb(v.normalize().as_tuple().exponent)
    if caption.bound == "lower":
        return v < c < v + step
    if caption.bound == "upper":
        return v - step < c < v
    return (c / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step == v


def settle_caption_times(tables: Iterable[Table], ex: Extraction, lines: list[str]) -> int:
    """Date the undated figures of a table's caption lines that restate one cell of the table
    (:mod:`caption_restates`); returns how many it dated."""
    cells: dict[str, list[Statement]] = {}
    for st in ex.statements:
        if st.location.table_id and st.time is not None and st.value is not None:
            cells.setdefault(st.location.table_id, []).append(st)
    captions = {n: t.id for t in tables if t.caption_lines is not None and t.id in cells
                for n in range(t.caption_lines.first, t.caption_lines.last + 1)}
    dated = 0
    for i, st in enumerate(ex.statements):
        table = captions.get(st.location.line_start) if not st.location.table_id else None
        if table is None or st.time is not None or st.value is None or not 0 < st.location.line_start <= len(lines) \
                or any(q.kind in ("date", "period") for q in find_quantities(lines[st.location.line_start - 1])):
            continue
        fit = [c for c in cells[table] if (c.subject, c.kind, c.status) == (st.subject, st.kind, st.status)
               and _restates(st, c)]
        if len({c.time for c in fit}) == 1:
            # and its scope ("파운드리 시장"): the caption's share is the cell's, of the cell's market
            scope = st.scope or (fit[0].scope if len({c.scope for c in fit}) == 1 else "")
            ex.statements[i] = replace(st, time=fit[0].time, scope=scope)
            dated += 1
    return dated
