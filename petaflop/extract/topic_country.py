"""A figure whose subject is a country (or region) carried over as the topic of the slide, the block or
the sentence before: "[참고] 중국은 전기가 모자라지 않다" then "전국 최대 수요는 1,508GW" — a national figure
(demand, capacity, a reserve margin) of the country the slide is about. A carried firm or product is
often not the owner of a later figure (the generic ``slide-topic``/``block-topic`` rules are judged
apart for that); a carried country is judged on its own, rule ``…:country-topic``.
"""

from __future__ import annotations

from petaflop.extract.resolve import is_a

#: the ways of a topic carried from outside the sentence
_CARRIED = frozenset({"slide-topic", "previous-sentence-topic", "block-topic", "chapter-topic"})
_PLACES = ("Country", "Region")


def country_topic(how: str, subject_type: str) -> str:
    """``country-topic`` for a carried topic that is a country or region, else ``how`` unchanged."""
    if how in _CARRIED and any(is_a(subject_type, p) for p in _PLACES):
        return "country-topic"
    return how
