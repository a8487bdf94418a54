"""Counts of the parts a whole is made of: "X는 3가지 기억을 운용하는 구조", "4단계 파이프라인",
"3계층 네트워크 아키텍처", "2-모델 구조".

A figure with a classifier of kinds, stages or tiers (``가지``, ``단계``, ``계층``) before a noun naming a
whole made of parts (a structure, pipeline, roadmap, architecture, memory…) is the ``unitCount`` of its
owner, the noun its metric. The owner is the entity whose name holds the figure ("3단계 수출 제한 조치"
named as one measure), else the clause's marked topic or subject before the figure, else a table row's
own entity, else the sentence's topic ("A는 …, 3단계 파이프라인") or the owner of its topic ("A의 플랫폼은 …"). A stage number ("1단계: 보급", "Colossus 2단계", "3단계인") has no such noun and is left alone.

A framework or a plan is no part of its author: the stages of a theory, a classification, a roadmap, a strategy
or an approach ("A가 정의한 4단계 진화론", "A의 비전은 … 3단계 로드맵", "4단계 전략") are the framework's, not a
count about the person or firm that drew it up — counted only when the framework is itself the entity named
around the figure ("AI 3단계 로드맵" as one named plan). Nor is a whole the count's owner defined, proposed or
classified ("A가 정의한 3계층 구조": A's idea of a structure, not A's parts). One rule, ``text:part-count``, in
prose and cells.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from petaflop.extract.count_of_whole import whole_parts
from petaflop.extract.facts import Location, Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_, clause_starts_of

#: a figure and its classifier, then the words after it
_PARTS = re.compile(r"(?<![\d.,~\-])(\d{1,2})(?:\s?(가지|단계|계층)(?:의)?\s|-(?=(?!다이|칩렛|[Cc]hiplet)[가-힣A-Za-z]+\s구조))")
_WORD = re.compile(r"[가-힣A-Za-z]+")
_PARTICLE = re.compile(r"(?:라는|이라는|으로|을|를|이|가|은|는|로|와|과)$")
#: "X의 비전은": a genitive whose head noun is the sentence's topic
_TOPIC_HEAD = re.compile(r"의\s[가-힣]+[은는]\s")
#: what is counted, by the classifier: "3단계 수출 제한 조치" is one measure of three stages, not three measures
_OF = {"가지": "kinds of ", "단계": "stages of ", "계층": "tiers of "}
#: the head of a whole made of parts: a thing's own makeup, or a framework or plan (counted only when named)
_WHOLE = re.compile(r"(?:구조|파이프라인|아키텍처|네트워킹|기억|메모리|조치|체계|프로세스)$")
_FRAMEWORK = re.compile(r"(?:진화론|이론|방법론|프레임워크|[Ff]ramework|분류|로드맵|전략|계획|접근법|시나리오)$")
#: what an author does with a framework: "A가 정의한", "A가 제시한 …" (between the owner and the figure)
_AUTHORED = re.compile(r"(?:정의|제시|제안|고안|구분|분류|주장|설명|명명)(?:한|했던|하는|된)(?![가-힣])")


def _whole_noun(s: str, at: int) -> str:
    """The noun after a count, up to three words, when its last word names a whole or a framework ('' otherwise)."""
    words: list[str] = []
    for w in re.finditer(r"[^\s,.;:()]+", s[at:at + 40]):
        if (w.start() and s[at + w.start() - 1] != " ") or len(words) == 3:
            break
        tok = w.group(0)
        stem = _PARTICLE.sub("", tok) if len(tok) > 2 else tok
        if not _WORD.fullmatch(stem):
            break
        words.append(stem)
        if _WHOLE.search(stem) or _FRAMEWORK.search(stem):
            return " ".join(words)
        if stem != tok:  # a particle ends the noun
            break
    return ""


def part_counts(reader: Any, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                sources: tuple[str, ...]) -> None:
    whole_parts(reader, s, mentions, loc, sources)  # "N개 중 M개": a part out of a whole (count_of_whole.py)
    starts = clause_starts_of(s)
    for m in _PARTS.finditer(s):
        noun = _whole_noun(s, m.end())
        if not noun:
            continue
        if m.group(2) is None:  # "2-모델 구조": two models make the structure
            noun = noun.split(" ")[0]
        c0 = max(c for c in starts if c <= m.start())
        named = [x for x in mentions if x.start <= m.start() and m.end(1) < x.end]
        marked = [x for x in mentions if c0 <= x.start and x.end <= m.start() and x.role in ("topic", "subject")]
        if named:
            subject = named[0]
        elif _FRAMEWORK.search(noun):
            continue  # "A가 정의한 4단계 진화론", "3단계 로드맵": the framework's stages, not its author's
        elif marked:
            subject = marked[-1]
        elif topic is not None and topic.role == "row":
            subject = topic
        elif topic is not None and topic.role == "topic" and 0 <= topic.end <= m.start():
            subject = topic  # the sentence's own topic, marked in an earlier clause
        elif owner := next((x for x in mentions if x.role == "genitive" and x.end <= m.start()
                            and _TOPIC_HEAD.match(s, x.end)), None):
            subject = owner  # "X의 비전은 …, 3단계 로드맵을 통해": the owner of the sentence's topic
        else:
            continue
        if not named and _AUTHORED.search(s, subject.end if subject.end >= 0 else 0, m.start()):
            continue  # "A가 정의한 3계층 구조": the structure A defined, not A's own
        reader.ex.statements.append(Statement(
            subject.entity, "unitCount", loc, "text:part-count", value=Decimal(m.group(1)), unit="count",
            status="actual", metric=f"{_OF.get(m.group(2) or '', '')}{noun}"[:40], time=getattr(reader, "default_time", None), sources=sources,
            raw=s[max(0, m.start() - 20):m.end() + 8].strip()[:60],
        ))  # fmt: skip


#: the noun right after a system's name: the chips it is made of ("DGX B300 GPU 4,000개", "HGX 칩 N개")
_CHIPS_OF_SYSTEM = re.compile(r"\s?(GPU|칩)(?![A-Za-z가-힣])")


def chips_of_system(s: str, item: Any) -> str:
    """"<system> GPU N개" counts the system's GPUs (``gpuCount``), "<system> 칩 N개" its chips (``chipCount``), not
    systems: the noun after the system's name is what is counted. "" when no such noun follows a system's name."""
    if not is_a(item.type, "System"):
        return ""
    m = _CHIPS_OF_SYSTEM.match(s, item.end)
    return "" if m is None else "gpuCount" if m.group(1) == "GPU" else "chipCount"
