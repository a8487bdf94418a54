"""A figure the report says is only under review is neither a fact nor a plan: "→ 4 GW 수준으로 축소 검토중".

Being considered (검토, 검토 중, 재검토, 고려 중) is no decision: nothing is planned or aimed at yet, and the
statement model has no status for it. A figure whose own words say so — the words after it up to the next figure
with a unit, an arrow ("8 GW → 4 GW …": the 8 GW is another figure's), or a clause break — is read as the readers
read it, but its rule is marked ``unsure`` (gate.py), so it stays an unverified claim: its statements, and the
numeric facts read from the same place with the same value (a cluster's ``powerCapacityMW``). A plan of the same
clause ("… 구축할 계획이며, 확대를 검토") is another clause's, and a figure before "검토" only as its condition
("80 GW 수준으로 증가하는 것을 확인한 후 … 검토") still reads as under review: when unsure, a claim. The terms of a
trade measure under review ("연간 N개 수입을 허용하는 '쿼터'를 검토") are left as they are: a measure's terms are planned
while it is considered (text_frames.py).

Run after every reader and the status passes (the status they gave is kept for the claim).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from ingest.model import Table
from ingest.quantities import to_decimal
from petaflop.extract.facts import Extraction, Location
from petaflop.extract.gate import unsure
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import MEASURE_CLASSES
from petaflop.extract.values import find_quantities

__all__ = ["reviewed_values", "settle_under_review"]

#: words of consideration without decision ("검토중", "재검토하고 있음", "고려 중"); "검토" must close its clause
_REVIEW = re.compile(r"(?:재)?검토\s?(?:중|하고\s?있|하는\s?중|(?:한다|함|했음|하는)?\s*$)|고려\s?(?:중|하고\s?있)")
#: where a figure's own words end: an arrow to another figure, a sentence or clause break
_STOP = re.compile(r"→|->|[.;](?:\s|$)|,\s|\n")


def reviewed_values(text: str) -> set[Decimal]:
    """The values (in their canonical unit) of the figures of ``text`` whose own words say they are under review."""
    found = [q for q in find_quantities(text) if q.value is not None and q.kind not in ("date", "period")]
    out: set[Decimal] = set()
    for i, q in enumerate(found):
        if q.kind == "number":
            continue  # a bare number ("1차 축소"): an ordinal or a step, no figure of its own here
        nxt = next((o.start for o in found[i + 1:] if o.kind != "number" and o.start >= q.end), len(text))
        words = text[q.end:nxt]
        stop = _STOP.search(words)
        if _REVIEW.search(words[:stop.start()] if stop else words):
            out.add(Decimal(q.value))
    return out


def settle_under_review(tables: Iterable[Table], ex: Extraction, lines: list[str]) -> int:
    """Mark ``unsure`` each statement and numeric fact whose figure its place's text says is under review;
    returns how many changed."""
    by_id = {t.id: t for t in tables}
    memo: dict[Location, set[Decimal]] = {}

    def reviewed(loc: Location) -> set[Decimal]:
        if loc not in memo:
            table = by_id.get(loc.table_id) if loc.table_id else None
            text = (table.cell_text(loc.line_start, loc.column) if table else "") if loc.table_id else loc.text_in(lines)
            memo[loc] = reviewed_values(text) if re.search(r"검토|고려", text) else set()
        return memo[loc]

    def measure(eid: str) -> bool:
        rec = ex.entities.get(eid)
        return rec is not None and any(is_a(t, c) for t in rec.types for c in MEASURE_CLASSES)

    changed = 0
    for i, st in enumerate(ex.statements):
        if st.value is not None and not measure(st.subject) and unsure(st.rule) != st.rule and Decimal(st.value) in reviewed(st.location):
            ex.statements[i] = replace(st, rule=unsure(st.rule))
            changed += 1
    for i, f in enumerate(ex.facts):
        if f.obj_is_entity or unsure(f.rule) == f.rule or measure(f.subject) or not reviewed(f.location):
            continue
        if (value := to_decimal(str(f.obj))) is not None and value in reviewed(f.location):
            ex.facts[i] = replace(f, rule=unsure(f.rule))
            changed += 1
    return changed
