"""The event a span of time in prose is of: "time taken" says how a span was framed, not what took it.

A clause reader names a ``duration`` by its frame word only ("N년 만에" → "time taken", "N개월 동안" →
"period", "N개월 연기" → "delay"). The clause around the span usually names the event in a short action
noun, and the metric then says which span it is ("time taken: 건설"):

* right before the span: "출시 2개월 만에", "착공 후 1년 만에";
* as the noun a span is the length of: "건설 기간이 … 최소 2년이 소요";
* as what it takes to do: "성장하는 데 '약 8달'이 소요";
* for a delay, the event put off, before it: "출시 예정인 <칩>을 … 6개월 연기";
* for a period, the noun it is the period of: "4년 동안의 총 소유 비용";
* else the first action noun after the frame word in its clause: "7주 만에 완성", "5분 안에 설치가 완료",
  "7시간 동안 … 임무 수행" (with the bare noun right before it when it carries no particle); when that noun closes
  a relative clause ("N년간 유지해왔던 <설계>는"), the span is of what was done to the noun it modifies, and the
  metric names both ("period: 유지 — <설계>"); a noun not read (or one naming nothing, "것") leaves a claim.

The nouns are a closed list of actions (출시, 건설, 승인 …); a clause that names none keeps the frame alone, and a
"time taken" of nothing named is kept a claim (its rule unsure): how long, but not what took that long.
A span whose frame is a verb of taking ending the clause ("최소 30분 소요", "2년 걸려") takes the last action named
before it ("복잡한 설정을 거쳐야 해 최소 30분 소요" → "time taken: 설정").
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from petaflop.extract.facts import Extraction
from petaflop.extract.gate import unsure
from petaflop.extract.text_within import SPAN_FRAMES

__all__ = ["name_span_events", "span_event"]

#: action nouns an event of a span is named by
_EVENT_WORDS = ("출시|건설|준공|완공|착공|구축|설치|완성|완료|개발|확장|증설|성장|기동|가동|승인|배포|도입|달성|인수|"
                "개통|수행|분석|학습|훈련|생산|확보|구매|상장|설립|전환|교체|납품|인도|공개|돌파|조달|유지|복구|재직|입사|공급|"
                "설정|다운로드|검증|테스트|조립|제조|심사|검토|협상|배송|컴파일|추론|충전|방전")
_EVENT_BARE = re.compile(_EVENT_WORDS)
#: the span as written: a number (or a native number word), its unit, then its frame word
_SPAN = re.compile(r"['‘“\"]?(?:약\s?|단\s?|최소\s?|최대\s?)?(?:\d[\d.,]*|한|두|세|네|다섯|여섯)\s?(?:~\s?\d+\s?)?"
                   r"(?:개월|분기|주일|시간|년|달|주|일|분)['’”\"]?\s?(?:이상|이하|가량|정도)?\s?(?:이|가|을|를|의)?\s?"
                   r"(?P<frame>만에|이내|내에|안에|내|동안|간|에\s?걸쳐|소요|걸|연기|지연)")
#: events that come again: "N년 만에 출시" with no start named before the span is the first release in N years —
#: the span since the previous one, not the time the release took ("출시 N년 만에", "N년 만에 완공" are times taken)
_AGAIN = re.compile(r"(?:출시|공개|재개|복귀|흑자|개최|방문)$")
SINCE_LAST = "time since the previous"
#: the end of a clause
_CLAUSE_END = re.compile(r"[.;,](?:\s|$)|[.;]$|\t")
#: the event right before the span ("출시 2개월 만에", "착공 후 약 1년 만에")
_RIGHT_BEFORE = re.compile(rf"({_EVENT_WORDS})\s?(?:후|이후)?\s?$")
#: the noun the span is the length of ("건설 기간이 …"), or the action it takes ("성장하는 데 …")
_LENGTH_OF = re.compile(rf"({_EVENT_WORDS})\s?(?:기간|시간)")
_UNTIL = re.compile(rf"({_EVENT_WORDS})\s?까지\s?.{{0,6}}$")
_TAKES = re.compile(rf"({_EVENT_WORDS})(?:하|되)는\s?데(?:에)?\s?.{{0,6}}$")
#: the noun a span is the period of, right after it in the genitive ("4년 동안의 총 소유 비용(TCO)은")
_OF_SPAN = re.compile(r"의\s([가-힣A-Za-z]{1,8}(?:\s[가-힣A-Za-z]{1,8}){0,2}?)\s?(?:\(|은|는|이|가|을|를|$)")
#: a word with no particle, right before the event noun after the span ("임무 수행", "모델 출시")
_BARE_WORD = re.compile(r"([가-힣A-Za-z0-9]{1,8})\s$")
#: the noun a span of taking is spent on, right before it with 에 ("같은 밸류에이션에 9년 소요"); no time word
_FOR_NOUN = re.compile(r"(?<![가-힣A-Za-z0-9])(?!(?:올해|내년|작년|당시|현재|이후|최근|그간|동안|연간|기간)에)"
                       r"([가-힣A-Za-z]{2,10})에\s?(?:약\s?|최소\s?|최대\s?|단\s?|불과\s?)?$")
#: a determiner pointing back right before that noun: "같은", "동일한", "해당", "그", "이"
_POINTS_BACK = re.compile(r"(?:^|\s)(?:같은|동일한|해당|그|이)\s$")
#: an action noun closing a relative clause: "유지해왔던", "유지해 온", "가동하던", "구축한", "유지된"
_RELATIVE_END = re.compile(r"(?:해\s?왔던|해\s?온|하던|했던|한|하고\s?있던|되던|된|돼\s?왔던|돼\s?온|되어\s?온)\s")
#: the noun phrase a relative clause modifies, closed by its particle: "맞춤형 DC 설계는"
_HEAD = re.compile(r"((?:[가-힣A-Za-z0-9]+\s){0,3}?[가-힣A-Za-z0-9]+?)(?:은|는|이|가|을|를)(?=[\s,.]|$)")
#: nouns that stand for another and name nothing themselves
_NO_HEAD = frozenset("것 곳 점 바 수 때".split())
_PARTICLE_END = re.compile(r"(?:을|를|이|가|은|는|에|의|로|서|도|과|와|고|며|면|게|지|던|한|된|인|적|다)$")


def span_event(clause_before: str, frame: str, clause_after: str, taken_at_end: bool = False) -> str | None:
    """The event noun of a span of time whose clause reads ``clause_before`` up to the span and
    ``clause_after`` from its frame word on (``frame``: the metric the frame gave); "" when none is named.
    An event after the span in a relative clause ("N년간 유지해왔던 <설계>는") is done to the noun the clause
    modifies: the metric names it too ("유지 — <설계>"); None when that noun is not read (a claim).
    ``taken_at_end``: the span's frame word is a verb of taking that ends the clause ("N분 소요", "N년 걸려"),
    so the action it took is the last one named before it."""
    if m := _RIGHT_BEFORE.search(clause_before):
        return m.group(1)
    if frame == "time taken" and (m := _UNTIL.search(clause_before)):
        return _with_bare_word(clause_before, m.start(1), m.group(1))  # "전력 공급까지 약 90일 이내"
    if frame in ("time taken", "delay"):
        if m := _TAKES.search(clause_before):
            return m.group(1)
        found = list(_LENGTH_OF.finditer(clause_before))
        if found:
            return found[-1].group(1)
    if frame == "delay" or taken_at_end:  # "… 복잡한 설정을 거쳐야 해 최소 30분 소요": the last action before it
        found = list(_EVENT_BARE.finditer(clause_before))
        if found or frame == "delay":  # else "4시간 소요되던 분석 업무": the action it took may follow it
            return found[-1].group(0) if found else ""
        # "… 밸류에이션에 9년 소요": what the span was spent on — unless a word points back to a thing named
        # before ("같은 밸류에이션에": the same as which? the noun alone does not say: a claim)
        m = _FOR_NOUN.search(clause_before, max(0, len(clause_before) - 24))
        if m and not _POINTS_BACK.search(clause_before, max(0, m.start() - 6), m.start()):
            return m.group(1)
    elif frame == "time taken" and not _EVENT_BARE.search(clause_after):
        found = list(_EVENT_BARE.finditer(clause_before))  # "4시간 걸리던 분석 업무를 30분 내로 단축"
        return found[-1].group(0) if found else ""
    if frame == "period" and (m := _OF_SPAN.match(clause_after)):
        return m.group(1).strip()  # "4년 동안의 총 소유 비용": what the span is the period of
    m = _EVENT_BARE.search(clause_after)
    if m is None:
        return ""
    event = _with_bare_word(clause_after, m.start(), m.group(0))
    if rel := _RELATIVE_END.match(clause_after, m.end()):  # "10년간 유지해왔던 <설계>는": the span of keeping the design
        head = _HEAD.match(clause_after, rel.end())
        named = f"{event} — {head.group(1)}" if head and head.group(1) not in _NO_HEAD else ""
        return named if named and len(named) <= 20 else None
    return event


def _with_bare_word(text: str, at: int, event: str) -> str:
    """``event`` (at ``at`` in ``text``) with the word right before it when that word has no particle
    ("임무 수행", "전력 공급"); else ``event`` alone."""
    word = _BARE_WORD.search(text, 0, at)
    if word and word.end() == at and not _PARTICLE_END.search(word.group(1)) and not re.search(r"\d", word.group(1)):
        return f"{word.group(1)} {event}"
    return event


def _clause(line: str, start: int, end: int) -> tuple[str, str]:
    """The words of the clause around line[start:end] before and after it."""
    opens = max((m.end() for m in _CLAUSE_END.finditer(line, 0, start)), default=0)
    stop = _CLAUSE_END.search(line, end)
    return line[opens:start], line[end:stop.start() if stop else len(line)]


def _figure_of(span: str) -> Decimal | None:
    """The first figure written in a span ("30" in "30분 내"), None when it is a word ("한 분기")."""
    m = re.search(r"\d[\d.,]*", span)
    try:
        return Decimal(m.group(0).replace(",", "").rstrip(".")) if m else None
    except ArithmeticError:
        return None


def name_span_events(ex: Extraction, lines: list[str]) -> int:
    """Give every ``duration`` (in prose or a prose cell) named by its frame alone ("time taken", "period", "delay") the event
    its clause names ("time taken: 건설"); returns how many were named."""
    named = 0
    for i, st in enumerate(ex.statements):
        if st.kind != "duration" or st.metric not in SPAN_FRAMES or not st.raw \
                or not 0 < st.location.line_start <= len(lines):
            continue
        line = lines[st.location.line_start - 1].replace("\\$", "$")
        at = line.find(st.raw)
        if at < 0 or line.find(st.raw, at + 1) >= 0:
            continue
        spans = list(_SPAN.finditer(line, at, at + len(st.raw)))
        if len(spans) > 1:  # "4시간 소요되던 … 30분 내로": the span of this statement's figure
            spans = [sp for sp in spans if _figure_of(sp.group(0)) == st.value]
        if len(spans) != 1:
            continue
        before, after = _clause(line, spans[0].start(), spans[0].end())
        if spans[0].group("frame") in ("연기", "지연"):
            after = ""
        event = span_event(before, st.metric, after, spans[0].group("frame") in ("소요", "걸"))
        if event and spans[0].group("frame") == "만에" and _AGAIN.search(event) and not _EVENT_BARE.search(before):
            ex.statements[i] = replace(st, metric=f"{SINCE_LAST}: {event}")  # "“6년 만에” … 모델 출시"
            named += 1
            continue
        if event is None:  # a span of what a relative clause does to a noun not read: a claim
            ex.statements[i] = replace(st, rule=unsure(st.rule))
        elif event and len(event) <= 20:
            ex.statements[i] = replace(st, metric=f"{st.metric}: {event}")
            named += 1
    for i, st in enumerate(ex.statements):  # a time taken by nothing named says nothing: a claim
        if st.kind == "duration" and st.metric == "time taken":
            ex.statements[i] = replace(st, rule=unsure(st.rule))
    return named
