"""Comparisons with a common noun the gazetteer does not name as their base ("인간보다 2~3배", "원금의 100배").

"A는 B보다 N배" compares A with B, two things of one kind. When the clause marks, as its topic or subject, an
unnamed thing headed by the base's own noun ("추론 모델은 단순 답변 생성 모델보다 100배"), that thing is what is
compared: a topic carried from outside the clause (an earlier sentence, block, slide or chapter) does not stand
in for it, and the figure has no subject the graph can name.

A figure compared with such a noun after a marker ("보다", "대비") must also say what is N times the base: without
a measure or a predicate of size in its clause ("V14는 … 인간보다 2~3배, …") the reading is left in doubt (a
claim). A base in the
genitive ("초봉의 10배", "원금의 100배") is itself the measure the figure is a multiple of.
"""

from __future__ import annotations

import re

from petaflop.extract.gate import unsure

#: the ways a subject is carried from outside the figure's clause (an earlier sentence, block, slide or chapter)
CARRIED_WAYS = frozenset({"sentence-topic", "previous-sentence-topic", "block-topic", "slide-topic", "chapter-topic"})


def compares_unnamed_kind(s: str, c0: int, base_start: int, base: str, how: str) -> bool:
    """Whether a subject found by ``how`` (a carried way) is not what a noun-base comparison measures: the clause
    from ``c0`` marks, before the base ``base`` (a common noun at ``base_start``), a topic or subject headed by
    that same noun under a modifier ("추론(reasoning) 모델은 단순 답변 생성 모델보다 100배")."""
    if how not in CARRIED_WAYS or not base:
        return False
    return re.search(r"[가-힣A-Za-z0-9)]\s?" + re.escape(base) + r"(?:은|는|이|가)\s", s[c0:base_start]) is not None


def measureless_base(s: str, base_start: int, base: str, metric: str, base_words: str, rule: str) -> str:
    """``rule``, marked unsure when the figure's ``metric`` is ``base_words`` alone and says not even a direction
    ("vs 인간": no measure, no "higher" a predicate such as "빠르다" gives) and the base at ``base_start`` is not
    in the genitive."""
    if metric != base_words or not base_words.startswith("vs ") or s.startswith("의", base_start + len(base)):
        return rule
    return unsure(rule)
