"""Counts of the parts a whole is made of: "X는 3가지 기억을 운용하는 구조", "4단계 파이프라인",
"A가 정의한 4단계 진화론", "3계층 네트워크 아키텍처", "2-모델 구조".

A figure with a classifier of kinds, stages or tiers (``가지``, ``단계``, ``계층``) before a noun naming a
whole made of parts (a structure, pipeline, roadmap, architecture, memory…) is the ``unitCount`` of its
owner, the noun its metric. The owner is the entity whose name holds the figure ("3단계 수출 제한 조치"
named as one measure), else the clause's marked topic or subject before the figure, else a table row's
own entity, else the sentence's topic ("A는 …, 3단계 로드맵") or the owner of its topic ("A의 비전은 …"). A stage number ("1단계: 보급", "Colossus 2단계", "3단계인") has no such noun and is left alone;
nouns of plans and approaches ("4단계 전략", "접근법") are left out (the strategy, not its author, has the
stages). One rule, ``text:part-count``, in prose and cells.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from petaflop.extract.count_of_whole import whole_parts
from petaflop.extract.facts import Location, Statement
from petaflop.extract.text_frames import Mention_, clause_starts_of

#: a figure and its classifier, then the words after it
_PARTS = re.compile(r"(?<![\d.,~\-])(\d{1,2})(?:\s?(가지|단계|계층)(?:의)?\s|-(?=(?!다이|칩렛|[Cc]hiplet)[가-힣A-Za-z]+\s구조))")
_WORD = re.compile(r"[가-힣A-Za-z]+")
_PARTICLE = re.compile(r"(?:라는|이라는|으로|을|를|이|가|은|는|로|와|과)$")
#: "X의 비전은": a genitive whose head noun is the sentence's topic
_TOPIC_HEAD = re.compile(r"의\s[가-힣]+[은는]\s")
#: what is counted, by the classifier: "3단계 수출 제한 조치" is one measure of three stages, not three measures
_OF = {"가지": "kinds of ", "단계": "stages of ", "계층": "tiers of "}
#: the head of a whole made of parts
_WHOLE = re.compile(r"(?:구조|파이프라인|로드맵|진화론|아키텍처|네트워킹|기억|메모리|조치|체계|프로세스)$")


def _whole_noun(s: str, at: int) -> str:
    """The noun after a count, up to three words, when its last word names a whole ('' otherwise)."""
    words: list[str] = []
    for w in re.finditer(r"[^\s,.;:()]+", s[at:at + 40]):
        if (w.start() and s[at + w.start() - 1] != " ") or len(words) == 3:
            break
        tok = w.group(0)
        stem = _PARTICLE.sub("", tok) if len(tok) > 2 else tok
        if not _WORD.fullmatch(stem):
            break
        words.append(stem)
        if _WHOLE.search(stem):
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
        reader.ex.statements.append(Statement(
            subject.entity, "unitCount", loc, "text:part-count", value=Decimal(m.group(1)), unit="count",
            status="actual", metric=f"{_OF.get(m.group(2) or '', '')}{noun}"[:40], time=getattr(reader, "default_time", None), sources=sources,
            raw=s[max(0, m.start() - 20):m.end() + 8].strip()[:60],
        ))  # fmt: skip
