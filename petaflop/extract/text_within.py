"""Spans of time "within" which a named thing did something: "N 만에" right after its name.

Korean writes how soon a thing reached a mark as "<이름> <사건> N 만에 …" — "ChatGPT는 출시 2개월 만에",
"CFO <이름>가 재직 4개월 만에 떠났고", "<임원>은 입사 두 달 만에 퇴사" — or with the span right after the
name, in quotes or brackets ("xAI의 "Colossus" 세 달 만에 … 확장", "변전소 1호(97일만에 준공)"). The span is the
``duration`` of the thing named before it: the event noun (출시, 재직, 입사, 설립 …) is where the span starts,
the words after "만에" the mark it reaches ("time from 출시 to 사용자 N명 돌파"); a span from an event whose mark
is not read says nothing of what took that long and stays a claim.

The figure may be written in number words ("두 달", "세 달", "한 분기"), which the quantity parser does not
read, so this reader reads the span itself. A span whose name stands further away ("테슬라가 단 두 달 만에
웨이모의 …", "AI는 한 달 분량의 LIGO 데이터를 단 7분 만에") is left to the clause readers. One construction,
one rule, in prose and in cells alike (the name stands right before its span either way):
``text:duration-within``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.amounts import NATIVE_NUMBERS
from petaflop.extract.facts import Location, Statement
from petaflop.extract.gate import unsure
from petaflop.extract.text_frames import Mention_
from petaflop.extract.text_gap import gap_durations, marked_side

#: unit word -> (unit, factor): "한 분기" is three months
_UNITS = {"년": ("year", 1), "개월": ("month", 1), "달": ("month", 1), "분기": ("month", 3), "주": ("week", 1),
          "주일": ("week", 1), "일": ("day", 1), "시간": ("hour", 1), "분": ("minute", 1)}
_SPAN = re.compile(r"(?<![\d.,가-힣])(?P<pre>(?:약|단|불과|겨우)\s?)?['‘“\"]?"
                   r"(?P<num>\d{1,3}(?:\.\d+)?|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?"
                   r"(?P<unit>개월|분기|주일|시간|년|달|주|일|분)['’”\"]?\s?만에")
#: between the name and the span: its particle and the event the span is counted from ("출시", "재직")
_EVENT = re.compile(r"[”\"’']?(?:은|는|이|가|의)?\s?(?:출시|재직|입사|설립|창립|창업|가동|착공|공개|상장|"
                    r"서비스\s?(?:시작|개시))\s?(?:후|이후)?\s?(?:약|단|불과|겨우)?\s?")
#: the span right after the name: a closing quote, a space, an opening bracket
_ADJACENT = re.compile(r"[”\"’']?\s?\(?\s?")


#: the mark a span counted from an event reaches, after "만에": its words up to the first word closing a clause
#: ("출시 2개월 만에 사용자 N명 돌파했고 …" -> "사용자 N명 돌파"), a stop or a bracket; none read, the span stays a claim
_MARK = re.compile(r"\s?([^,.;:()\[\]]{1,40}?(?:[가-힣](?:고|며|다|음|함)(?=[\s,.;:(]|$)|(?=\s?[,.;:(]|\s?$)))")
#: the verb ending of a noun's clause ("돌파했고", "달성하며"): the mark is the noun
_DID = re.compile(r"(?<=[가-힣])(?:했고|하고|했으며|하며|했다|한다|했음|함|하여)$")


def span_mark(s: str, at: int) -> str:
    """The mark a span ending at ``at`` reaches: the words after "만에" to the end of their clause; "" if none."""
    m = _MARK.match(s, at)
    return _DID.sub("", m.group(1).strip()) if m else ""


class SpansWithin:
    """Mixed into the TextReader: ``self.ex`` and ``self.prefix`` come from it."""

    def _spans_within(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...],
                      topic: Mention_ | None = None) -> None:
        previous = getattr(self, "_gap_side", None)  # a gap's side named in the block's sentence before (text_gap.py)
        self.ex.statements.extend(gap_durations(s, mentions, topic, previous[1] if previous and previous[0] == loc
                                                else None, loc, sources))
        self._gap_side = (loc, marked_side(s, mentions))
        for sp in _SPAN.finditer(s):
            start = sp.start("pre") if sp.group("pre") else sp.start()
            before = [m for m in mentions if m.end <= start]
            if not before:
                continue
            m = before[-1]
            gap = s[m.end:start]
            if not (_EVENT.fullmatch(gap) or _ADJACENT.fullmatch(gap)) or re.search(r"[.,;:]", gap):
                continue
            num = sp.group("num")
            unit, factor = _UNITS[sp.group("unit")]
            if unit == "year" and not num.isalpha() and Decimal(num) > 100:
                continue  # "2025년 만에" is no span
            value = Decimal(NATIVE_NUMBERS[num]) if num in NATIVE_NUMBERS else Decimal(num)
            event = re.search(r"출시|재직|입사|설립|창립|창업|가동|착공|공개|상장|서비스", gap)
            mark = span_mark(s, sp.end()) if event else ""
            metric = (f"time from {event.group(0)} to {mark}" if mark else "") if event else span_metric("만에")
            self.ex.statements.append(Statement(
                m.entity, "duration", loc, "text:duration-within" if metric else unsure("text:duration-within"),
                value=value * factor, unit=unit, metric=metric, approximate=(sp.group("pre") or "").strip() == "약",
                sources=sources, raw=s[max(0, m.start - 10):sp.end() + 8].strip()[:60],
            ))  # fmt: skip


#: a rate, not a span: "주당 50시간 근무", "하루 8시간"
_PER_BEFORE = re.compile(r"(?:주당|하루|일일|매일|매주|매달|매월|매년|연간|시간당|분당|초당)\s?(?:약\s?|평균\s?)?$")
#: the event a span is counted from, right before it: "출시 53일 동안", "출시 후 1주일 만에"
_EVENT_BEFORE = re.compile(r"(?:출시|재직|입사|설립|창립|창업|가동|착공|공개|상장)\s?(?:후|이후)?\s?(?:약|단|불과|겨우)?\s?$")
_NAME_GAP = re.compile(r"[”\"’']?(?:은|는|이|가|의)?\s?")


def not_a_span_of_the_topic(s: str, start: int, mentions: list[Mention_]) -> bool:
    """A span the clause's topic does not own: a rate ("주당 50시간"), or a span counted from an event
    whose thing goes unnamed ("… 완성. 출시 53일 동안 N건 생성": the launched thing's, named elsewhere)."""
    before = s[max(0, start - 16):start]
    if _PER_BEFORE.search(before):
        return True
    ev = _EVENT_BEFORE.search(before)
    if ev is None:
        return False
    at = start - len(before) + ev.start()
    return not any(m.end <= at and _NAME_GAP.fullmatch(s[m.end:at]) for m in mentions)


#: The measure a span of time is, from the word that frames it: how long something took ("N년 만에",
#: "N주 내에", "N년 소요"), how long it lasted ("N개월 동안", "N년간", "N년에 걸쳐"), or by how long it was put
#: off ("N개월 연기"). The frame word itself ("만에", "동안") is no measure an analyst can read.
_SPAN_METRICS = (("period", re.compile(r"동안|간|에걸쳐")),
                 ("time taken", re.compile(r"만에|이내|내에|내|안에|걸|소요")),
                 ("delay", re.compile(r"연기|지연")))
#: the metrics a span's frame word gives: how it was framed, not what took that long
SPAN_FRAMES = frozenset(metric for metric, _ in _SPAN_METRICS)


#: a bound of time ("N일 이내") named as a contract's, a promise's or a target's term: "'90일 이내'라는 계약",
#: "90일 이내 공급을 보장", "3년 내 달성 목표" — a term promised, not the time something took
_WITHIN = ("이내", "내에", "내", "안에")
_TERM_AFTER = re.compile(r"[”\"’']?\s?(?:(?:이)?라는\s|(?:로|의)\s)?(?:[가-힣A-Za-z]+\s){0,2}?[가-힣]*"
                         r"(?:계약|약속|보장|공약|조건|목표|약정|하겠|할\s?계획|할\s?예정)")


def promised_term(s: str, took: re.Match, end: int) -> bool:
    """Whether the span's frame word (group 1 of ``took``, ending at ``end``) is a bound a contract or
    promise sets."""
    return took.lastindex is not None and took.group(1) in _WITHIN and bool(_TERM_AFTER.match(s, end))


def span_metric(frame: str) -> str:
    """The metric of a span of time framed by ``frame`` (spaces removed): "time taken", "period" or "delay";
    ``frame`` itself when it is none of them."""
    frame = frame.replace(" ", "")
    return next((metric for metric, words in _SPAN_METRICS if words.search(frame)), frame)
