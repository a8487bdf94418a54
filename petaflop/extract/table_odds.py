"""Scenario tables: "시나리오 | 설명 | 추정 확률" under a caption about an organisation ("테슬라의 향후 … 시나리오").

The rows name outcomes, not entities; the probability column gives each its odds. Each percent becomes a
``quantity`` of the caption's organisation (the last one the caption names: captions are head-final), its
metric the column's label, its scope the row's first cell, its status an estimate (odds are a judgement).
A row whose first cell names an entity is that entity's (the generic table reader's), never the caption's.
Rule ``table:scenario-odds``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from ingest.quantities import find_quantities
from petaflop.extract.facts import Location, Statement
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from collections.abc import Callable

    from ingest.model import Document, Table
    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver

RULE = "table:scenario-odds"
#: a column of odds: "추정 확률", "발생 확률", "Probability"
_ODDS = re.compile(r"확률|[Pp]robability|[Ll]ikelihood|[Oo]dds")
_NOT_ODDS = re.compile(r"확률적|확률론|모델링")


def _odds_column(labels: list[str]) -> int | None:
    found = [j for j, t in enumerate(labels) if j and _ODDS.search(t) and not _NOT_ODDS.search(t)]
    return found[0] if len(found) == 1 else None


def _caption_owner(table: Table, res: Resolver) -> str | None:
    found = [e for e in res.entities_in(" ".join(table.caption)) if is_a(e.type, "Organization")]
    return res.record(found[-1]) if found else None


def add_scenario_odds(doc: Document, ex: Extraction, res: Resolver,
                      sources_of: Callable[[Table], tuple[str, ...]]) -> None:
    for table in doc.tables:
        labels = [c.text.strip() for c in table.header]
        col = _odds_column(labels)
        if col is None or table.transposed:
            continue
        owner = _caption_owner(table, res)
        if owner is None:
            continue
        for r, row in enumerate(table.rows, 1):
            if col >= len(row.cells) or row.section:
                continue
            first, cell = row.cells[0], row.cells[col]
            if not first.text.strip() or res.entities_in(first.text):
                continue
            qs = [q for q in find_quantities(cell.text) if q.value is not None]
            if len(qs) != 1 or qs[0].kind != "percent":
                continue
            q = qs[0]
            loc = Location(cell.line, cell.line, table.chapter, table.slide_title, table.id, r, cell.column)
            ex.statements.append(Statement(
                owner, "quantity", loc, RULE, value=Decimal(q.value), unit=q.unit, status="estimate",
                scope=first.text.strip()[:40], metric=labels[col][:60], approximate="approximate" in q.qualifiers
                or cell.text.lstrip().startswith("≈"), sources=sources_of(table), raw=cell.text[:60],
            ))  # fmt: skip
