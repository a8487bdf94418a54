"""A comparison title that names a firm's product: "테슬라 로보택시 vs 웨이모 서비스 면적 비교".

On such a slide the firm's short name stands for the product the title compares ("테슬라가 웨이모보다
약 1.9배 더 넓은 면적"): a side of the "vs" naming a firm right before a thing that is not an
organisation (its product, service or chip) maps the firm to that thing, for the figures of the slide.
"""

from __future__ import annotations

import re
from itertools import pairwise

from petaflop.extract.resolve import Resolver, is_a

_VS = re.compile(r"\s(?:vs|VS|Vs)\.?\s")


def vs_products(res: Resolver, title: str) -> dict[str, tuple[str, str]]:
    """{firm's entity id: (the compared product's entity id, its type)} of a "A vs B" title."""
    sides = _VS.split(title)
    if len(sides) < 2:
        return {}
    found: dict[str, tuple[str, str]] = {}
    for side in sides:
        ms = res.gaz.find_mentions(side)
        for a, b in pairwise(ms):
            if side[a.end:b.start].strip():
                continue
            firm, thing = res.gaz.by_id(a.entity_id), res.gaz.by_id(b.entity_id)
            if is_a(firm.type, "Organization") and not is_a(thing.type, "Organization"):
                found[res.record(firm)] = (res.record(thing), thing.type)
    return found
