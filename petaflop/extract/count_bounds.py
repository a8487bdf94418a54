"""A count whose bound word stands between the number and its counter: "350+명", "약 2천 여 대".

The quantity parser reads the counter only right after the number ("350명 이상"); when a lower-bound mark
("+", "여") comes first, it leaves a bare number and the counter behind. Here such a number takes the
counter that follows it (one of the counters of people, things, machines, places, cases), and so becomes
the count it is, still a lower bound. Nothing else changes: a number with no counter after it stays a number.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.quantities import Quantity

#: after a number ending in a lower-bound mark: an optional space, a counter, and no more Hangul
_COUNTER_AFTER = re.compile(r"\s?(명|개|대|곳|건)(?![가-힣])")
_BOUND_MARK = re.compile(r"(?:\+|\s?여)$")


def counted_bounds(text: str, found: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
    """``found`` with each "N+ <counter>" / "N 여 <counter>" number read as a count of at least N."""
    out = []
    for q in found:
        hit = _COUNTER_AFTER.match(text, q.end) if q.kind == "number" and _BOUND_MARK.search(q.raw) else None
        if hit is not None:
            q = replace(q, unit="count", kind="count", raw=text[q.start:hit.end()], end=hit.end(),
                        original_unit=hit.group(1), counter=hit.group(1),
                        qualifiers=q.qualifiers | {"lowerBound"})
        out.append(q)
    return tuple(out)
