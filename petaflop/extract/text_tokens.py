"""Counts of tokens in prose: "N개의 토큰으로 학습", "하루 만에 N개의 토큰이 사용됨", "N조 토큰의 데이터셋".

A figure whose counted noun is the token (``N개의 토큰``, ``N개 토큰``, ``N조 토큰``) is the ``tokenCount`` of
a model, a product or the hardware that trained on, processed or generated them (``per`` a period when the
words before the figure name one: ``하루``, ``매달``, ``초당``; ``scope`` the name the clause says they were used on:
``OpenRouter에서``, or the system of several units the subject is written as: "8xSohu" — the figure is the
eight-chip server's, not one chip's). The subject is found by case marking:

* a topic or subject of the figure's clause before it ("Qwen3는 무려 36조 토큰의 데이터셋으로 학습");
* the owner of the platforms the figure's clause processes them across ("구글 플랫폼 전반에서 매달 N개 토큰");
* the head of a relative clause the figure stands in ("N개의 토큰으로 학습된 … 모델 Kimi K2", "초당 N개의
  토큰을 처리할 수 있다는 Etched의 Sohu 칩": the thing named after the verb's modifier ending).

Both name the subject in the sentence itself: one construction, one rule (``text:token-count``). A count
with no subject named in its sentence says nothing checkable here (the claim miner keeps the figure).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.quantities import Quantity
from petaflop.extract.facts import Location, Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_, clause_starts_of

#: "128,000 토큰의 장문 컨텍스트", "(≈140만 토큰) 컨텍스트": tokens that measure a context window, no count of tokens
#: used — the word after them is the measure (the text reader's measure right after a figure reads it so)
CONTEXT_TOKENS = r"(?:\s?(?:토큰|[Tt]okens?)\)?\s?(?:의\s)?(?:(?:장문|긴)\s)?(?=컨텍스트|[Cc]ontext))?"
#: the counted noun right after the figure: "N개의 토큰", "N개 토큰", "N조 토큰", "N tokens" (not a context's size)
_TOKEN_AFTER = re.compile(r"\s?(?:의\s?)?(?:토큰|[Tt]okens?)(?!화|[A-Za-z])(?!\)?\s?(?:의\s)?(?:(?:장문|긴)\s)?(?:컨텍스트|[Cc]ontext))")
#: a period the count is per, written right before the figure ("하루 만에", "매달 약", "초당")
_PER = ((re.compile(r"(?:하루|일일|매일|일간|日)(?:\s?만에|\s?동안|에)?\s?(?:약\s?|무려\s?)?$"), "day"),
        (re.compile(r"(?:매달|매월|월간|한\s?달)(?:\s?동안|에)?\s?(?:약\s?|무려\s?)?$"), "month"),
        (re.compile(r"(?:초당|1초에)\s?(?:약\s?|무려\s?)?$"), "second"),
        (re.compile(r"(?:연간|매년|年)\s?(?:약\s?|무려\s?)?$"), "year"))  # fmt: skip
#: "<X> 플랫폼 전반에서": the tokens are processed across the named owner's platforms or services
_ACROSS = re.compile(r"\s?(?:의\s)?(?:플랫폼|서비스|제품)\s?(?:전반|전체|전역)(?:에서|에\s걸쳐)\s")
#: a name the tokens were used on: "<X>(…)에서" (its parenthesised gloss may be long)
_ON = re.compile(r"\s?(?:\([^()]{0,120}\))?\s?에서\s")
#: what the subject may be: the things that train on, process or generate tokens
_SUBJECTS = ("AIModel", "AIProduct", "Hardware", "Organization")
#: a relative clause ending after the token phrase, up to the head it modifies ("학습된 … 모델 <X>",
#: "처리할 수 있다는 <X>의 <Y>"): at most six words, none ending a clause
_RELATIVE = re.compile(r"[^,.;]{0,40}?(?:된|한|하는|있는|다는|라는|던)\s(?:[^\s,.;]+\s){0,4}?$")


class TokenCounts:
    """Mixed into the TextReader: ``self.ex`` and ``self.prefix`` come from it."""

    def _token_counts(self, s: str, mentions: list[Mention_], values: list[Quantity], loc: Location,
                      sources: tuple[str, ...]) -> None:
        starts = clause_starts_of(s)
        for q in values:
            if q.kind not in ("count", "number") or q.value is None or q.value <= 0:
                continue
            after = _TOKEN_AFTER.match(s, q.end)
            if after is None:
                continue
            c0 = max(c for c in starts if c <= q.start)
            nxt = [c for c in starts if c > q.start]
            c1 = nxt[0] if nxt else len(s)
            subject = _subject(s, q, after.end(), c0, c1, mentions)
            if subject is None:
                continue
            before = s[max(c0, q.start - 12):q.start]
            per = next((p for rx, p in _PER if rx.search(before)), "")
            # "OpenRouter(…)에서 하루 만에 N개의 토큰이 사용됨": the platform the tokens were used on scopes the count
            self.ex.statements.append(Statement(
                subject.entity, "tokenCount", loc, f"{self.prefix}:token-count", value=Decimal(q.value),
                unit="count", per=per, approximate="approximate" in q.qualifiers,
                scope=venue_before(s, q, c0, mentions, subject) or units_of(s, subject),
                metric=ONE_DAY_PEAK if one_day_feat(s, c0, q) else "",
                bound="lower" if "lowerBound" in q.qualifiers else "",
                sources=sources, raw=s[max(0, q.start - 20):after.end() + 8].strip()[:60],
            ))  # fmt: skip


#: "단 하루 만에 N개": what was done within one day — that day's amount (a peak), not a steady daily rate
_ONE_DAY_FEAT = re.compile(r"하루\s?만에\s?(?:약\s?|무려\s?)?$")
ONE_DAY_PEAK = "하루 최대"


def one_day_feat(s: str, c0: int, q: Quantity) -> bool:
    """"OpenRouter에서 단 하루 만에 1,000억 개의 토큰이 사용됨": the count is one day's, a peak (metric ``하루 최대``)."""
    return _ONE_DAY_FEAT.search(s, max(c0, q.start - 12), q.start) is not None


def venue_before(s: str, q: Quantity, c0: int, mentions: list[Mention_], subject: Mention_) -> str:
    """The name, before the figure in its clause, that the count was made on ("<X>(…)에서"): the count's scope."""
    venue = next((m for m in reversed(mentions) if c0 <= m.start and m.end <= q.start and m.entity != subject.entity
                  and _ON.match(s, m.end)), None)
    return s[venue.start:venue.end] if venue else ""


#: a multiple of units right before a name ("8xSohu", "8x Sohu", "8× Sohu"): a system built of that many of the thing
_MULTIPLE = re.compile(r"(?<![\w.])\d{1,4}\s?[x×]\s?$")
#: … or a name that is written so itself (a gazetteer's alias "8xSohu")
_MULTIPLE_NAME = re.compile(r"\d{1,4}\s?[x×]\s?[A-Za-z]")


def units_of(s: str, subject: Mention_) -> str:
    """The system of several units the subject's name is written as ("Etched의 8xSohu 칩": a server of 8 Sohu), the
    count's scope (the figure is the system's, not one unit's), else ""."""
    m = _MULTIPLE.search(s, 0, subject.start)
    name = s[m.start() if m else subject.start:subject.end]
    return name.replace(" ", "") if m or _MULTIPLE_NAME.match(name) else ""


def _eligible(m: Mention_) -> bool:
    return any(is_a(m.type, c) for c in _SUBJECTS) and not is_a(m.type, "Person")


def _subject(s: str, q: Quantity, end: int, c0: int, c1: int, mentions: list[Mention_]) -> Mention_ | None:
    """The clause's marked topic or subject before the figure, else the head of the relative clause the
    figure stands in (the last name, not in the genitive, of the words after the modifier ending)."""
    marked = [m for m in mentions if c0 <= m.start and m.end <= q.start and m.role in ("topic", "subject")
              and _eligible(m) and s.count("(", 0, m.start) <= s.count(")", 0, m.start)]
    if marked:
        return marked[-1]
    # "구글 플랫폼 전반에서 매달 약 1,000조 개 토큰 처리": the owner of the platforms the tokens are processed on
    across = [m for m in mentions if c0 <= m.start and m.end <= q.start and _eligible(m) and _ACROSS.match(s, m.end)
              and not any(m.end <= n.start < q.start for n in mentions)]
    if across:
        return across[-1]
    later = [m for m in mentions if end <= m.start < c1]
    heads = [m for m in later if m.role != "genitive" and _eligible(m)
             and _RELATIVE.fullmatch(s[end:m.start])]
    return heads[0] if heads else None
