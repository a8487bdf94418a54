"""A measure named with its yearly multiple in parentheses right after it: "훈련 연산량(연간 4.5배 증가)",
"알고리즘 효율성(동일 연산량 대비 성능 매년 3배 향상)", "추론 비용(매년 1/10로 감소)" — the drivers of a growth
listed one after another ("A(…) + B(…)", "A(…), B(…)").

The words right before the parenthesis (back to the list's separator: "+", ",", "·", "등", "및", the
bullet) name the measure; a name the gazetteer knows is that entity, other words a node of their own (a
segment named by its words). The figure is a ``multiple`` per year: "N배 증가/성장/향상/개선" is N, "1/N로
감소/하락" is 1/N. One construction: ``<prefix>:annual-multiple:paren``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from petaflop.extract.facts import EntityRecord, Location, Statement
from petaflop.extract.resolve import created_id

#: "(연간 4.5배 증가)", "(동일 연산량 대비 성능 매년 3배 향상)", "(매년 1/10로 감소)"
_PAREN = re.compile(
    r"\((?P<inner>[가-힣A-Za-z ]{0,24}?)\s?(?:연간|매년|해마다)\s(?:약\s|최소\s)?"
    r"(?:(?P<n>\d{1,3}(?:\.\d{1,2})?)배\s?(?:씩\s?)?(?:이상\s)?(?:증가|성장|향상|개선|확대)"
    r"|1/(?P<d>\d{1,3})\s?(?:로|으로)\s(?:감소|하락|축소))\)")
#: where the measure's words begin: the list's separator or the bullet
_SEPARATOR = re.compile(r"(?:^|[+,·:;]|\s등|\s및|^\s*-)\s*")
#: a word ending in a particle is no part of a measure's name
_PARTICLE = re.compile(r"(?:은|는|을|를|의|에|와)$")  # not 도/과/로: "밀도", "효과", "경로"
_WORD = re.compile(r"[가-힣A-Za-z][가-힣A-Za-z0-9]*")


def _measure_words(s: str, end: int) -> tuple[int, str] | None:
    """The measure's words ending at ``end`` (the parenthesis): back to the last separator, 1–3 words."""
    head = s[:end]
    start = max((m.end() for m in _SEPARATOR.finditer(head)), default=0)
    words = head[start:].split()
    if not 1 <= len(words) <= 3 or any(not _WORD.fullmatch(w) or _PARTICLE.search(w) for w in words):
        return None
    return start + (len(head[start:]) - len(head[start:].lstrip())), " ".join(words)


def annual_multiples(ex, s: str, mentions: list, loc: Location, sources: tuple[str, ...], prefix: str = "text") -> None:
    """Record "<measure>(연간 N배 증가)" as the measure's multiple per year (rule ``<prefix>:annual-multiple:paren``)."""
    for hit in _PAREN.finditer(s):
        named = _measure_words(s, hit.start())
        if named is None:
            continue
        start, words = named
        known = next((m for m in mentions if m.start == start and m.end == hit.start()), None)
        if known is not None:
            subject = known.entity
        elif any(start <= m.start < hit.start() for m in mentions):
            continue  # a name among other words: not a measure of its own
        else:
            subject = "measure-" + created_id(words)
            ex.add_entity(EntityRecord(subject, ("MarketSegment",), "", words, (words,), "table"))  # a created node
        value = Decimal(hit.group("n")) if hit.group("n") else Decimal(1) / Decimal(hit.group("d"))
        inner = hit.group("inner").strip()
        measure = re.sub(r"^.*대비\s", "", inner).strip()
        ex.statements.append(Statement(
            subject, "multiple", loc, f"{prefix}:annual-multiple:paren", value=value, unit="x", per="year",
            metric=f"annual change{' of ' + measure if measure else ''}", sources=sources,
            raw=s[start:hit.end()][:60],
        ))  # fmt: skip
