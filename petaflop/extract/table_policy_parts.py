"""Tables of a law's measures: "혜택 | 기존 제도 | OBBB 법안으로 달라진 점" — each row a measure the law brings.

A table whose rows name policy measures in their key (first) cell, every such row one measure, and
whose caption (else header) names exactly one other policy or law: each row's measure is part of
that law (``partOf``). A table naming no law or two laws, or with fewer than two measure rows, is
left alone (it may compare laws rather than list one law's parts). Rule ``table:policy-parts``.

In such a table, a column of the rules before the law ("기존 제도", "종전 규정") describes the old
rules a measure replaces: the figures its cells gave the row's measure ("내용연수(5년)") are dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from collections.abc import Callable

    from ingest.model import Cell, Document, Table
    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver

_POLICY = ("Policy", "Law")
#: the header of a column of the rules before the law
_OLD_RULES = re.compile(r"^\s?(?:기존|종전|이전|현행)\s?(?:제도|규정|규칙|법|세법)")


def _policies(res: Resolver, text: str) -> dict[str, Any]:
    return {e.id: e for e in res.entities_in(text) if any(is_a(e.type, c) for c in _POLICY)}


def _measure_rows(res: Resolver, table: Table) -> list[tuple[int, Cell, Any]]:
    """(row index, key cell, measure) of each row whose key cell names one policy; [] when a row names two."""
    rows = []
    for i, row in enumerate(table.rows):
        if row.section or not row.cells:
            continue
        found = _policies(res, row.cells[0].text)
        if len(found) > 1:
            return []
        if found:
            rows.append((i, row.cells[0], next(iter(found.values()))))
    return rows


def _law(res: Resolver, table: Table, measures: set[str]) -> Any:
    """The one other policy or law the caption names (else the header); None when none or several."""
    for text in (" ".join(table.caption), " ".join(c.text for c in table.header)):
        named = {k: e for k, e in _policies(res, text).items() if k not in measures}
        if named:
            return next(iter(named.values())) if len(named) == 1 else None
    return None


def add_policy_parts(doc: Document, ex: Extraction, res: Resolver,
                     sources_of: Callable[[Table], tuple[str, ...]]) -> None:
    for table in doc.tables:
        rows = _measure_rows(res, table)
        if len(rows) < 2:
            continue
        law = _law(res, table, {e.id for _, _, e in rows})
        if law is None:
            continue
        parent = res.record(law)
        measures = {res.record(e) for _, _, e in rows}
        old = {c.column for c in table.header if _OLD_RULES.match(c.text)}
        ex.statements[:] = [st for st in ex.statements if not (
            st.location.table_id == table.id and st.location.column in old and st.subject in measures)]
        for i, cell, measure in rows:
            loc = Location(cell.line, cell.line, table.chapter, table.slide_title, table.id, i + 1, cell.column)
            ex.add(Fact(res.record(measure), "partOf", parent, True, loc, "table:policy-parts", sources_of(table),
                        raw=cell.text[:60]))
