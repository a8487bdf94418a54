"""Rivals read from a choice: "A보다 B 선택", "A/C보다 B를 선호" — the thing chosen over others of its
kind (a firm over firms, a chip over chips) competes with each of them. Both ends are written, so the
construction is one rule in prose and in table cells (``text:chosen-over``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

_OVER = re.compile(r"['’”\")]?\s?보다(?:는)?\s['‘“\"]?")
_CHOSEN = re.compile(r"['’”\"]?\s?(?:을|를)?\s?(?:더\s)?(?:선택|선호)")
_SEP = re.compile(r"\s?(?:,|·|/|및|와|과|나|이나)\s?")
_HOMES = ("Country", "Region")


def chosen_over(ex, s: str, mentions: list[Mention_], kind: Callable[[str], str | None], loc: Location,
                sources: tuple[str, ...]) -> None:
    """Add ``<chosen> competesWith <each passed over>`` for "A[/B]보다 C 선택" when all are of one kind."""
    if "보다" not in s:
        return
    for i, c in enumerate(mentions):
        if i == 0 or not _CHOSEN.match(s, c.end):
            continue
        over = [mentions[i - 1]]
        if not _OVER.fullmatch(s, over[0].end, c.start):
            continue
        for x in reversed(mentions[:i - 1]):
            if not _SEP.fullmatch(s, x.end, over[0].start):
                break
            over.insert(0, x)
        k = kind(c.type)
        if k is None or any(is_a(m.type, h) for m in (c, *over) for h in _HOMES) \
                or any(kind(m.type) != k for m in over):
            continue
        for m in over:
            if m.entity != c.entity:
                ex.add(Fact(c.entity, "competesWith", m.entity, True, loc, "text:chosen-over", sources,
                            raw=s[over[0].start:c.end + 4][:60]))
