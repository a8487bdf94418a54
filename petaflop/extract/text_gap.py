"""Gaps between two rivals stated as spans of time: "양국 간에 최소 '한 분기 이상'의 세대 격차",
"미국과 1년 이상 벌어졌던 AI 기술 격차가 6개월 이내로 좁혀졌다", "양사 간 … 격차가 최소 3년 이상".

Korean writes how far one side trails the other as a span of time and the noun 격차 (gap): the span right
before it ("N의 세대 격차", "N 이상 벌어졌다고 여겨졌던 … 격차") or right after it ("격차가 N 이상",
"격차가 N 이내로 좁혀"). The gap is a ``duration`` of the trailing side — the country or organisation the
sentence is about: the one its topic or subject names (or the genitive owning that noun: "중국의 선두주자가"),
else the one the block's sentence before marked ("이는 중국이 … 의미. 미국과 … 격차가"), never the other side
("미국과", "미국보다"), else the topic carried from before when it is one. A sentence whose topic is something else ("<칩>은 …") names no side: nothing is read.
One construction, one rule: ``text:duration-gap``; its metric is "격차", its bound the span's own ("이상":
lower, "이내": upper).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.amounts import NATIVE_NUMBERS
from petaflop.extract.facts import Location, Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import _STATUS_CUES, Mention_

RULE = "text:duration-gap"
#: unit word -> (unit, factor): "한 분기" is three months, "반년" six
_UNITS = {"년": ("year", 1), "개월": ("month", 1), "달": ("month", 1), "분기": ("month", 3), "주": ("week", 1)}
#: a span and its bound: "1년 이상", "'한 분기 이상'", "6개월 이내"
_SPAN = re.compile(r"(?<![\d.,가-힣])['‘“\"]?(?P<num>\d{1,2}(?:\.\d+)?|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?"
                   r"(?P<unit>개월|분기|년|달|주)(?![가-힣])\s?(?P<bound>이상|이내|이하|미만|가량|정도)?['’”\"]?")
#: the gap noun after the span: "'한 분기 이상'의 세대 격차", "1년 이상 벌어졌다고 여겨졌던 AI 기술 격차"
_GAP_AFTER = re.compile(r"(?:의\s|\s(?:벌어진|벌어졌던|벌어졌다고\s여겨졌던|뒤처진|뒤진)\s)(?:[가-힣A-Z]{1,6}\s){0,2}격차(?:가|는|를|이|의|도)?(?![가-힣])")
#: the gap noun before the span: "격차가 최소 3년 이상", "격차가 6개월 이내로 좁혀졌다"
_GAP_BEFORE = re.compile(r"격차(?:가|는)\s(?:최소|최대|약|불과|단)?\s?$")
#: a span after the other side said by comparison ("구글보다 15년 늦게 시작"): how much later the side did it — a gap
#: too (the verb the metric's: "늦게 시작", "늦게 진입"); "보다" right before the span, "늦게" and a verb right after
_THAN = re.compile(r"보다\s$")
_LATE = re.compile(r"\s?늦게[,\s]\s?(?:[가-힣A-Za-z0-9]+보다\s[^\s,]+\s늦게\s)?([가-힣]{2,3}?)(?:했|한|하|해|하였)")
#: what a span after the gap noun goes on with: the gap is (이다, 임), narrowed to (로 좁혀) or widened to it
_GAP_IS = re.compile(r"(?:임|이다|다|에\s?달|로\s(?:좁혀|줄어|축소|벌어|확대))")
#: the other side, named by a particle of comparison or company: "미국과", "엔비디아보다", "미국에 비해"
_OTHER_SIDE = re.compile(r"['’”\"]?\s?(?:과|와|보다|대비|에\s?비해)(?:의)?(?=\s)")
_SIDES = ("Country", "Organization")
#: a genitive owning the marked noun after it: "중국의 선두주자가"
_OWNS = re.compile(r"['’”\"]?의\s[가-힣]{1,6}(?:이|가|은|는)\s")


def gap_durations(s: str, mentions: list[Mention_], topic: Mention_ | None, previous: Mention_ | None,
                  loc: Location, sources: tuple[str, ...]) -> list[Statement]:
    """The gaps a sentence states as spans of time, each with its trailing side."""
    found = []
    for sp in _SPAN.finditer(s):
        after = _GAP_AFTER.match(s, sp.end())
        before = _GAP_BEFORE.search(s[max(0, sp.start() - 12):sp.start()]) and _GAP_IS.match(s, sp.end())
        late = _LATE.match(s, sp.end()) if _THAN.search(s, max(0, sp.start() - 4), sp.start()) else None
        if not (after or before or late):
            continue
        side = _trailing_side(s, sp.start(), mentions, previous or topic)
        if side is None:
            continue
        num = sp.group("num")
        unit, factor = _UNITS[sp.group("unit")]
        value = Decimal(NATIVE_NUMBERS[num]) if num in NATIVE_NUMBERS else Decimal(num)
        bound = {"이상": "lower", "이내": "upper", "이하": "upper", "미만": "upper"}.get(sp.group("bound") or "", "")
        clause = s[max(s.rfind(",", 0, sp.start()), 0):]
        status = next((st for rx, st in _STATUS_CUES if rx.search(clause)), "actual")
        metric = f"격차: 늦게 {late.group(1)}{_versus(s, sp.start(), mentions)}" if late else "격차"
        found.append(Statement(side.entity, "duration", loc, RULE, value=value * factor, unit=unit, status=status,
                               metric=metric, bound=bound, approximate=sp.group("bound") in ("가량", "정도"),
                               sources=sources, raw=s[max(0, sp.start() - 20):sp.end() + 12].strip()[:60]))
    return found


def _versus(s: str, start: int, mentions: list[Mention_]) -> str:
    """" vs <the other side>" of a span said by comparison ("OpenAI보다 7년 늦게"): the name right before its 보다,
    in the report's spelling — a sentence may list several ("구글보다 15년 늦게, OpenAI보다 7년 늦게")."""
    than = s.rfind("보다", 0, start)
    other = next((m for m in mentions if than >= 0 and 0 <= than - m.end <= 2), None)
    return f" vs {s[other.start:other.end]}" if other else ""


def _is_side(m: Mention_) -> bool:
    return any(is_a(m.type, t) for t in _SIDES)


def marked_side(s: str, mentions: list[Mention_]) -> Mention_ | None:
    """The country or organisation a sentence marks as its topic or subject ("이는 중국이 …"), or names in the
    genitive of its marked noun ("중국의 선두주자가"): the side a gap in the next sentence may be about."""
    for m in mentions:
        if _is_side(m) and (m.role in ("topic", "subject") or (m.role == "genitive" and _OWNS.match(s, m.end))):
            return m
    return None


def _trailing_side(s: str, start: int, mentions: list[Mention_], carried: Mention_ | None) -> Mention_ | None:
    """The side the sentence is about (see the module's docstring); None when it is about something else."""
    before = [m for m in mentions if m.end <= start]
    others = {m.entity for m in before if _OTHER_SIDE.match(s, m.end)}
    marked = [m for m in before if m.role in ("topic", "subject") and m.entity not in others]
    if marked:  # "<칩>은 …": the sentence is about something else, no side
        return marked[0] if _is_side(marked[0]) else None
    own = marked_side(s[:start], [m for m in before if m.entity not in others])
    if own is not None:
        return own
    if carried is not None and carried.entity not in others and _is_side(carried):
        return carried
    return None
