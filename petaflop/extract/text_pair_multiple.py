"""The multiple of a change read as a pair: "직원 수 1,000명에서 3,000명으로 3배 증가", "수율이 20%에서 40%로 두 배나
향상", "185억 달러에서 1,830억 달러로 약 10배 성장", "1GW/년 → 2GW/년(2026년 말)로 두 배 증설".

When a multiple ("N배") follows right after the second figure of a from-to pair (only its particle ``로``/``으로``,
an aside in parentheses or "약" between them) and the pair's later figure was read as a statement, the multiple is
the ratio of the pair: it measures the same subject's change, with the pair's status and time. The two figures
must agree with it (the later over the earlier within 15 % of N), so a multiple of something else that happens
to follow a pair is not taken. One construction, whatever way the pair's subject was found:
``text:multiple-from-to``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.quantities import Quantity
from petaflop.extract.compared_measure import measure_before
from petaflop.extract.facts import Location, Statement

#: between the pair's later figure and the multiple: its rate ("/년"), its particle, an aside, "약"/"거의"
_GAP = re.compile(r"(?:\s?/\s?(?:년|연|월))?\s?(?:\([^()]{0,20}\))?\s?(?:으로|로)?\s?(?:약\s?|거의\s?|무려\s?)?")
_TOLERANCE = Decimal("0.15")


def pair_multiple(ex, s: str, q: Quantity, values: list[Quantity], from_half: set[int], loc: Location,
                  sources: tuple[str, ...], prefix: str = "text", mentions: list = ()) -> bool:
    """Record the multiple ``q`` of the from-to pair right before it (True), else leave it (False)."""
    before = [v for v in values if v.end <= q.start]
    if len(before) < 2 or q.value is None or q.value <= 1:
        return False
    a, b = before[-2], before[-1]
    if id(a) not in from_half or not _GAP.fullmatch(s, b.end, q.start) or not a.value or b.value is None:
        return False
    n = Decimal(q.value)
    if abs(Decimal(b.value) / Decimal(a.value) - n) > _TOLERANCE * n:
        return False  # the figures do not make the multiple: it measures something else
    pair = next((st for st in reversed(ex.statements) if st.location == loc and st.rule.endswith("value-from-to")
                 and st.value == Decimal(b.value)), None)
    if pair is None:
        return False
    # "직원 수 1,000명에서", "수율이 20%에서": the measure named before the pair (in its clause)
    measure = measure_before(s, a.start, max(s.rfind(",", 0, a.start) + 1, 0), [(m.start, m.end) for m in mentions])
    ex.statements.append(Statement(
        pair.subject, "multiple", loc, f"{prefix}:multiple-from-to", value=n, unit="x", status=pair.status,
        time=pair.time, metric=f"{measure + ' ' if measure else ''}higher vs earlier value", approximate="approximate" in q.qualifiers,
        sources=sources, raw=s[max(0, q.start - 20):q.end + 8].strip()[:60],
    ))  # fmt: skip
    return True
