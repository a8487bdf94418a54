"""A figure's status from what surrounds it, settled once after every reader has run.

The readers give each statement the status its own words carry (계획 → planned, 추정 → estimate,
a dated estimate after the report's date → forecast). Three contexts they do not see are read here,
for every statement alike:

* **A table of assumptions.** A table whose caption or notes say it is a calculation on
  assumptions — 추산 (a rough reckoning), 가정 (assumption), 가상의 (hypothetical) — holds
  estimates: its cells' "actual" figures become ``estimate``. So does a model table with a section
  of assumptions (a numbered or lettered row label ending in 가정: "E. 주요 재무 가정"). (추정 in a caption usually marks one
  figure, 시뮬레이션 or 시나리오 a method or a topic: measured on the gold, they are not read.)
* **A date after the report's date.** A release, launch, completion or operation date that has
  not come yet (it starts after the reference date, 2025-09-03) is ``planned``, never ``actual``.
* **A value for a time after the report's date.** An "actual" figure dated after the reference
  date is a projection: ``forecast`` for market and financial measures, ``planned`` for what a
  project or product is to have (capacity, chips, node, performance).

Only "actual" is ever changed: a status a reader read from the words is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ingest.model import Table
from ingest.quantities import REFERENCE_DATE
from petaflop.extract.facts import Extraction, Statement

__all__ = ["settle_statuses"]

#: Words that make a table a calculation on assumptions (가정용/가정에서 = household: not these).
ASSUMPTION = re.compile(r"추산|가정(?![용에의])|가상의")
#: A numbered or lettered section row of assumptions in a model table ("E. 주요 재무 가정").
ASSUMPTION_SECTION = re.compile(r"^\s*(?:[A-Z]|\d+)\.\s.*가정\s*$")
#: Date kinds of things that happen (a planned date is not yet a fact of the past).
EVENT_DATES = frozenset({"releaseDate", "launchDate", "operationDate", "completionDate", "availabilityDate",
                         "deliveryDate", "shipmentDate", "productionDate", "massProductionDate"})
#: Measures of markets and finances: a future figure of these is a forecast, not a plan.
FORECAST_KINDS = frozenset({"revenue", "profit", "marketShare", "marketSize", "shipments", "growthRate", "share",
                            "valuation", "marketCap", "grossMargin", "operatingMargin", "userCount", "unitPrice",
                            "amount", "quantity", "multiple"})


def settle_statuses(tables: Iterable[Table], ex: Extraction) -> int:
    """Re-read the status of every "actual" statement in its context; returns how many changed."""
    ref = REFERENCE_DATE.isoformat()
    by_id = {t.id: t for t in tables}
    assumed: dict[str, bool] = {}
    changed = 0
    for i, st in enumerate(ex.statements):
        if st.status != "actual":
            continue
        status = _status(st, ref, by_id, assumed)
        if status != st.status:
            ex.statements[i] = replace(st, status=status)
            changed += 1
    return changed


def _status(st: Statement, ref: str, tables: dict[str, Table], assumed: dict[str, bool]) -> str:
    table_id = st.location.table_id
    if table_id and table_id in tables:
        if table_id not in assumed:
            assumed[table_id] = _is_assumption_table(tables[table_id])
        if assumed[table_id]:
            return "estimate"
    if st.time is None or st.time.start <= ref:
        return st.status
    if st.kind in EVENT_DATES:
        return "planned"
    if st.kind.endswith("Date"):
        return st.status  # an effective or expiry date of a rule may lie ahead and still be stated
    return "forecast" if st.kind in FORECAST_KINDS else "planned"


def _is_assumption_table(table: Table) -> bool:
    if ASSUMPTION.search(" ".join([*table.caption, *table.notes])):
        return True
    return any(row.cells and ASSUMPTION_SECTION.match(row.cells[0].text) for row in table.rows)
