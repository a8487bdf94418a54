"""The date a named thing started (or stopped) doing something, read from its own clause.

"<X>는 9월부터 훈련 돌입", "<X>는 '23년 8월 SF에서 서비스를 시작한 이후", "<X>는 애틀랜타에서 지난 6월 24일부터
… 상용 서비스를 개시": the topic of the clause, then (after at most a place) the date with ``에``/``부터``,
then within a few words a verb of start or stop (``개시``, ``시작``, ``돌입``, ``착수``, ``중단``; a turn to
profit, ``흑자 전환``, is the start of profit: "… 2027년 말 현금 흐름 흑자전환", scoped by its words). The date is
the topic's ``eventDate``; a verb of plan after it (``예정``, ``계획``, ``목표``) makes it planned, a date after
the reference date a forecast. One construction, one rule: ``text:start-date``.

A date that is only a bound ("까지", "이후") is none; a verb negated or reported as delayed is none.
"""

from __future__ import annotations

import re

from foundation.periods import Period, parse_period
from ingest.quantities import REFERENCE_DATE, Quantity
from petaflop.extract.cell_text import quantity_period
from petaflop.extract.facts import Location, Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_
from petaflop.extract.topic_anaphor import opens_on_anaphor_of

#: between the topic and the date: a place with 에서 at most, and a word of time
_TOPIC_TO_DATE = re.compile(r"['’”\"]?\)?\s?(?:\([^()]{1,20}\))?(?:은|는)\s(?:[^\s.,()]{1,12}에서\s)?(?:지난\s|올해\s|작년\s)?$")
#: after the date: its particle, at most four short words (the activity), then the verb of start or stop
_DATE_TO_VERB = re.compile(r"\s?(?:초|말|중순|말경)?\s?(?:에|부터|에는)?\s(?:[^\s.,;()]{1,12}\s){0,4}?"
                           r"(?:[가-힣A-Za-z]{1,8}(?:을|를)?\s?)?(?P<verb>개시|시작|돌입|착수|중단|흑자\s?전환)"
                           r"(?P<plan>\s?(?:할|될)?\s?(?:예정|계획|목표|것))?"
                           r"(?![^.]{0,10}(?:연기|지연|무산|취소|실패|않|못))")
_CLASSES = ("Organization", "AIModel", "AIProduct", "Hardware", "SoftwarePlatform", "Facility", "Event")


#: "'23년 8월", "'19년": a year written with an apostrophe (the number reader reads it as a duration)
_APOSTROPHE_YEAR = re.compile(r"['’‘](\d\d)년(?:\s(\d{1,2})월)?")


def _dated(s: str, dates: list[Quantity]) -> list[tuple[int, int, Period]]:
    """Each date of the sentence as (start, end, period); an apostrophe year with its month is one date."""
    out: list[tuple[int, int, Period]] = []
    for am in _APOSTROPHE_YEAR.finditer(s):
        month = f"-{int(am.group(2)):02d}" if am.group(2) else ""
        period = parse_period(f"20{am.group(1)}{month}")
        if period is not None:
            out.append((am.start(), am.end(), period))
    for d in dates:
        if {"lowerBound", "upperBound"} & d.qualifiers or any(a <= d.start < b for a, b, _ in out):
            continue
        period = quantity_period(d)
        if period is not None:
            out.append((d.start, d.end, period))
    return sorted(out, key=lambda x: x[0])


def start_dates(ex, s: str, mentions: list[Mention_], dates: list[Quantity], starts: list[int],
                loc: Location, sources: tuple[str, ...], prefix: str, done: set[str],
                carried: Mention_ | None = None) -> None:
    """The topic's eventDate when its own clause starts or stops something at a date; in a sentence that
    marks no topic or subject before the date, the topic carried from the sentence before (``carried``)."""
    dated = _dated(s, dates)
    for d_start, d_end, time in dated:
        vm = _DATE_TO_VERB.match(s, d_end)
        if vm is None:
            continue
        c0 = max([x for x in starts if x <= d_start] or [0])
        if any(c0 < x < vm.end() for x in starts) or any(c0 <= a and b <= d_start for a, b, _ in dated):
            continue
        topic = next((m for m in reversed(mentions) if m.role == "topic" and c0 <= m.start and m.end <= d_start), None)
        if topic is None and (topic := _carried_topic(s, mentions, d_start, vm.end(), carried)) is not None:
            pass
        elif topic is None or not _TOPIC_TO_DATE.match(s[topic.end:d_start]) \
                or any(topic.end <= m.start < d_start and not is_a(m.type, "Place") for m in mentions):
            continue
        if topic.entity in done or not any(is_a(topic.type, c) for c in _CLASSES):
            continue
        future = time.start > REFERENCE_DATE.isoformat()
        status = "planned" if vm.group("plan") else "forecast" if future else "actual"
        done.add(topic.entity)
        # a turn to profit names what turns ("현금 흐름 흑자전환"): the words before the verb, its scope
        scope = _turn_scope(s, d_end, vm) if vm.group("verb").startswith("흑자") else ""
        ex.statements.append(Statement(topic.entity, "eventDate", loc, f"{prefix}:start-date", time=time,
                                       status=status, scope=scope, sources=sources, raw=s[topic.start:vm.end()][:60]))
    _development_starts(ex, s, mentions, dated, loc, sources, prefix, done)


def _turn_scope(s: str, d_end: int, vm: re.Match) -> str:
    """"2027년 말 현금 흐름 흑자전환": what turns to profit, with the verb ("현금 흐름 흑자전환")."""
    words = re.sub(r"^\s?(?:초|말|중순|말경)?\s?(?:에|부터|에는)?\s", "", s[d_end:vm.start("verb")])
    return re.sub(r"\s+", " ", f"{words}{vm.group('verb')}").strip()


#: a sentence carrying its topic on: an opening conjunction, then at most a cause ("…에 충격 받아"), then the date
_CARRIED_TO_DATE = re.compile(r"\s?(?:-\s)?(?:그러나|하지만|이후|이에|그리고|결국|다만)?,?\s?(?:[^.,;()]{1,30}\s)?(?:지난\s|올해\s|작년\s)?$")

#: a word marked as topic or subject: the sentence names its own
_MARKED_WORD = re.compile(r"[가-힣A-Za-z0-9)’”\"'](?:은|는|이|가)(?=\s)")
#: the anaphor then the date: "이 랙은 4분기에", "해당 모델은 올해 9월부터"
_ANAPHOR_TO_DATE = re.compile(r"\s*(?:[-•·]\s*)?(?:이|해당)\s[가-힣]{1,5}(?:은|는|이|가)\s(?:지난\s|올해\s|작년\s)?")


def _carried_topic(s: str, mentions: list[Mention_], d_start: int, v_end: int,
                   carried: Mention_ | None) -> Mention_ | None:
    """"그러나, … 올해 2월 광고를 중단": no name is marked as topic or subject before the date (nor after it up to
    the verb): the stop or start is the topic the sentence before handed on."""
    if carried is None or carried.role not in ("previous", "block"):
        return None
    if (fits := opens_on_anaphor_of(s, carried)) is not None:  # "이 랙은 4분기에 …": the rack named before
        return carried if fits and _ANAPHOR_TO_DATE.fullmatch(s[:d_start]) else None
    if not _CARRIED_TO_DATE.fullmatch(s[:d_start]) or _MARKED_WORD.search(s[:d_start]):
        return None  # "이 랙은 …" with no rack named before: the sentence's own topic, unresolved
    if any(m.role in ("topic", "subject") and m.start < v_end for m in mentions):
        return None
    return carried


#: "<X>(gloss) 개발에 착수": the start of X's development
_DEV_START = re.compile(r"['’”\"]?\s?(?:\([^()]{1,40}\))?\s?(?:의\s)?개발(?:에|을)?\s?(?:착수|시작|돌입)")
#: "… '19년부터 개발.": the date with 부터 and the verb 개발 closing the clause: since when X is developed
_SINCE_DEV = re.compile(r"\s?부터\s(?:본격\s?)?개발(?:\.|,|$|했|해\s?왔|\s중)")
_DEVELOPED = ("Hardware", "AIModel", "AIProduct", "SoftwarePlatform")


def _development_starts(ex, s: str, mentions: list[Mention_], dated: list[tuple[int, int, Period]], loc: Location,
                        sources: tuple[str, ...], prefix: str, done: set[str]) -> None:
    """"2013년, A는 … X 개발에 착수", "A는 X라는 것도 '19년부터 개발": the start of X's development is X's
    ``eventDate`` (the topic's start construction, with the thing developed as what starts)."""
    for i, (d_start, d_end, time) in enumerate(dated):
        nxt = dated[i + 1][0] if i + 1 < len(dated) else len(s)
        if i == 0 and s.startswith(", ", d_end) and re.fullmatch(r"\s?(?:-\s)?", s[:d_start]):
            things = [m for m in mentions if d_end < m.start < nxt and _DEV_START.match(s, m.end)]
        elif _SINCE_DEV.match(s, d_end):
            things = [m for m in mentions if m.end <= d_start and m.role != "with"
                      and (i == 0 or dated[i - 1][1] <= m.start) and "." not in s[m.end:d_start]][-1:]
        else:
            continue
        for m in things:
            if m.entity in done or not any(is_a(m.type, c) for c in _DEVELOPED):
                continue
            done.add(m.entity)
            status = "planned" if time.start > REFERENCE_DATE.isoformat() else "actual"
            ex.statements.append(Statement(m.entity, "eventDate", loc, f"{prefix}:start-date", time=time, status=status,
                                           scope="start of development", sources=sources, raw=s[min(d_start, m.start):max(d_end, m.end)][:60]))
