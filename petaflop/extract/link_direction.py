"""A bandwidth says which way it is counted: "단방향 900 GB/s", "3.6TB/s 양방향 대역폭".

An interconnect's bandwidth is quoted one way (단방향, unidirectional) or both ways (양방향, bidirectional); the
second is twice the first for the same link, so two chips compared without the word look 2× apart when they
are equal. The figure keeps its value and gets the direction as its scope (``unidirectional``,
``bidirectional``, before any scope it had) when the word stands next to it in its cell or sentence: just before
the figure ("단방향 600 GB/s") or just after it unless it opens the next figure ("3.6TB/s 양방향 대역폭").
"""

from __future__ import annotations

import re
from dataclasses import replace

from petaflop.extract.facts import Extraction
from petaflop.extract.values import find_quantities

__all__ = ["DIRECTIONS", "direction_of", "settle_link_directions"]

#: the word → the scope it gives
DIRECTIONS = {"단방향": "unidirectional", "양방향": "bidirectional"}
_BEFORE = re.compile(r"(단방향|양방향)\s?(?:대역폭\s?)?(?:최대\s?|약\s?)?$")
#: after the figure, unless the word opens the next figure ("8 TB/s 단방향 900 GB/s")
_AFTER = re.compile(r"^\s?(?:의\s?|\()?(단방향|양방향)(?![가-힣])(?!\s?[\d.])")


def direction_of(text: str, value: object) -> str:
    """The direction written next to the bandwidth ``value`` (TB/s) in ``text``, or ``""``."""
    figures = [q for q in find_quantities(text) if q.kind == "bandwidth"]
    for q in figures:
        if q.value != value:
            continue
        before, after = text[max(0, q.start - 20):q.start], text[q.end:q.end + 20]
        found = _BEFORE.search(before) or _AFTER.match(after)
        if found:
            return DIRECTIONS[found.group(1)]
    return ""


def settle_link_directions(ex: Extraction, lines: list[str]) -> int:
    """Scope every bandwidth whose direction is written next to it; returns how many it changed."""
    changed, seen = 0, {}
    for i, st in enumerate(ex.statements):
        if st.unit != "TB/s" or st.value is None or not 0 < st.location.line_start <= len(lines):
            continue
        key = (st.location.line_start, st.location.line_end, st.value)
        if key not in seen:
            text = "\n".join(lines[st.location.line_start - 1:st.location.line_end])
            seen[key] = "" if ("단방향" not in text and "양방향" not in text) else direction_of(text, st.value)
        way = seen[key]
        if way and way not in st.scope:
            ex.statements[i] = replace(st, scope=f"{way}, {st.scope}"[:60] if st.scope else way)
            changed += 1
    return changed
