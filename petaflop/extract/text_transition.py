"""A multiple stated over a change from one thing to its successor: "<A>에서 <B>로 넘어가며 … N배",
"<A>에서 <B>로 전환되며 … 약 N배".

The "에서 … 로" pair names both ends of the change: the figure is about the later one (B), measured
against the earlier one (A) — whoever the clause's topic is ("xAI는 Grok 2에서 Grok 4로 넘어가며 훈련
컴퓨팅을 100배 투입": Grok 4's compute is 100 times Grok 2's, not xAI's). Both ends must be named things of
one class, right next to each other, followed by a verb of change; the figure must be in the same clause,
with no other name between the verb and the figure. Rule ``text:multiple:transition``.
"""

from __future__ import annotations

import itertools
import re

from ingest.quantities import Quantity
from petaflop.extract.text_frames import Mention_

#: between A and B: "에서" and a space; after B: "로/으로" and a verb of change
_FROM = re.compile(r"에서\s?$")
_NEAR = 40  # the figure at most this far after the verb of change
#: the verb's own clause ends right after it ("넘어가며 ", "전환되며 "): the figure's clause continues it
_CHANGE_CLAUSE = re.compile(r"[가-힣]{0,3}(?:며|면서|고)[\s,]")
_TO_CHANGE = re.compile(r"(?:으로|로)\s(?:[가-힣]{1,4}\s)?(?:전환|넘어가|넘어오|바뀌|바꾸|교체|이동|업그레이드|진화|세대교체)")


def transition_ends(s: str, q: Quantity, c0: int, mentions: list[Mention_]) -> tuple[Mention_, Mention_] | None:
    """(A, B) when the figure's clause reads "<A>에서 <B>로 <change> …" before the figure, else None."""
    named = [m for m in mentions if m.end <= q.start]  # the change may be its own clause ("넘어가며")
    for a, b in itertools.pairwise(named):
        if a.type != b.type or a.entity == b.entity or not _FROM.fullmatch(s[a.end:b.start]):
            continue
        change = _TO_CHANGE.match(s, b.end)
        if change is None or q.start - change.end() > _NEAR or any(change.end() <= m.start for m in named):
            continue
        # the change in the clause before the figure's: that clause ends right after its verb ("넘어가며 ")
        if a.start < c0 and not (_CHANGE_CLAUSE.match(s, change.end()) and c0 - change.end() <= 6):
            continue
        return a, b
    return None
