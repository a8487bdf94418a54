"""A committed sum partly drawn: a table row whose money cell holds a sum and whose note says how much of it has
been drawn — "투자액 (억 달러) | 190 | … | 초기 190억 중 40억 사용", "약정 50억 달러 중 12억 달러 집행".

The row's sum is then a commitment, not money paid: a pledge, status ``planned`` (so ``plannedAmountUSD``, as an
announced table's investment column is, docs/statements.md), and the drawn part is its own amount, actual, on the
same subject (the ``amountUSD`` of what was paid), read from the note's cell under the rule of the sum with
``:drawn`` for its column (``table:<family>:drawn``, ``table-reader:<entry>:drawn``).

The note's figures need no currency of their own: the first one must equal the row's sum (in the sum's unit, which
the table's header states: "190억" = 190 × 억 달러), so the second is in that unit too. Nothing is read when the
first figure is not the row's sum, when the verb after the second does not say it was drawn (사용, 집행, 실행,
인출, 투입, 소진, 납입, 지급), or when a figure says a currency other than the sum's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise

from ingest.model import Table
from petaflop.extract.facts import Extraction, Fact, Location, Statement
from petaflop.extract.values import find_quantities

#: between the sum and the part: "190억 중 40억", "50억 달러 약정 중", "한도 가운데"
_OF = re.compile(r"\s?(?:규모|약정|한도)?\s?(?:중|가운데)\s$")
#: after the part, within two words: a verb of drawing ("40억 유동성 사용", "12억 달러 집행")
_DRAWN = re.compile(r"\s?(?:[가-힣A-Za-z]{1,8}\s){0,2}?(?:사용|집행|실행|인출|투입|소진|납입|지급)")
#: the rule part naming the column a fact was read from (``table:<family>:<column>``)
_MAPPED = re.compile(r"^(table:[^:]+):[^:]+$")


def drawn_pairs(text: str) -> list[tuple[Decimal, Decimal, str]]:
    """The (sum, part, currency) of every "<sum> 중 <part> <drawn>" in a cell; currency '' when neither says one."""
    out = []
    qs = [q for q in find_quantities(text) if q.kind in ("number", "money") and q.value is not None]
    for a, b in pairwise(qs):
        if not _OF.match(text[a.end:b.start]) or not _DRAWN.match(text, b.end):
            continue
        currencies = {q.currency for q in (a, b) if q.kind == "money"}
        if len(currencies) > 1 or (a.low is not None or b.low is not None):
            continue
        out.append((a.value, b.value, currencies.pop() if currencies else ""))
    return out


def _drawn_rule(rule: str) -> str:
    m = _MAPPED.match(rule)
    return f"{m.group(1)}:drawn" if m else f"{rule}:drawn"


def settle_drawn_sums(tables: list[Table], ex: Extraction) -> None:
    """The pass (see the module): after every table reader, before the statuses are settled."""
    money_facts: dict[tuple[str, int], list[int]] = {}
    for i, f in enumerate(ex.facts):
        if not f.obj_is_entity and f.location.table_id and f.predicate.endswith("USD") and isinstance(f.obj, (int, Decimal)):
            money_facts.setdefault((f.location.table_id, f.location.row), []).append(i)
    money_statements: dict[tuple[str, int], list[int]] = {}
    for i, st in enumerate(ex.statements):
        if st.location.table_id and st.unit == "USD" and st.value is not None and st.high is None:
            money_statements.setdefault((st.location.table_id, st.location.row), []).append(i)
    for table in tables:
        for r, row in enumerate(table.rows, 1):
            key = (table.id, r)
            if key not in money_facts and key not in money_statements:
                continue
            for cell in row.cells:
                for total, part, currency in drawn_pairs(cell.text or ""):
                    if currency not in ("", "USD") or part >= total:
                        continue
                    loc = Location(cell.line, cell.line, table.chapter, table.slide_title, table.id, r, cell.column)
                    _settle_facts(ex, money_facts.get(key, []), total, part, loc, cell.text)
                    _settle_statements(ex, money_statements.get(key, []), total, part, loc, cell.text)


def _settle_facts(ex: Extraction, idx: list[int], total: Decimal, part: Decimal, loc: Location, text: str) -> None:
    for i in idx:
        f = ex.facts[i]
        if Decimal(str(f.obj)) != total or "planned" in f.qualifiers:
            continue
        ex.facts[i] = replace(f, qualifiers=(*f.qualifiers, "planned"))  # committed: pledged, not paid
        ex.add(Fact(f.subject, f.predicate, part, False, loc, _drawn_rule(f.rule), f.sources, datatype=f.datatype,
                    raw=text[:60]))


def _settle_statements(ex: Extraction, idx: list[int], total: Decimal, part: Decimal, loc: Location,
                       text: str) -> None:
    for i in idx:
        st: Statement = ex.statements[i]
        if st.value != total or st.status != "actual":
            continue
        ex.statements[i] = replace(st, status="planned")
        ex.statements.append(replace(st, value=part, location=loc, rule=_drawn_rule(st.rule), raw=text[:60]))
