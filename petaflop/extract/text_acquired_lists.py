"""Acquisitions of a LIST of firms (rule ``text:acquisition``, the same construction as
``text_owned._acquisitions``, whose single-object form it widens):

- "<A>는 <B>와 <C>를 인수": every listed firm is acquired by the clause's topic or subject;
- a headline "<B>와 <C> 인수" (nothing else in the sentence): by the firm the block or slide is about.

The list is firms joined by 와/과/,/·/및 only; an acquirer must be a firm or lab.
"""

from __future__ import annotations

import re
from typing import Protocol

from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_, clause_starts_of, listed_up_to
from petaflop.extract.text_owned import _ACQUIRED_OBJECT

_FIRMS = ("Firm", "AILab")
_JOIN = re.compile(r"\s?(?:와|과|,|·|및)\s?")
#: a headline: the list, 인수, nothing after it
_HEADLINE = re.compile(r"['’”\"]?\s?인수\s?(?:완료)?\s?[.!]?\s*$")


class _Reader(Protocol):
    prefix: str
    ex: Extraction


def _is_firm(m: Mention_) -> bool:
    return any(is_a(m.type, c) for c in _FIRMS)


def listed_acquisitions(reader: _Reader, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                        sources: tuple[str, ...]) -> None:
    firms = [m for m in mentions if _is_firm(m)]
    starts = clause_starts_of(s)
    for i, last in enumerate(firms):
        listed = listed_up_to(s, firms, i, _JOIN)
        if len(listed) < 2:
            continue
        acquirer = None
        if _ACQUIRED_OBJECT.match(s, last.end):
            c0 = max(x for x in starts if x <= listed[0].start)
            marked = [m for m in firms if c0 <= m.start < listed[0].start and m.role in ("topic", "subject")]
            acquirer = marked[-1] if len({m.entity for m in marked}) == 1 else None
        elif _HEADLINE.match(s, last.end) and not s[:listed[0].start].strip() and topic is not None and _is_firm(topic):
            acquirer = topic
        if acquirer is None:
            continue
        for b in listed:
            if b.entity != acquirer.entity:
                reader.ex.add(Fact(acquirer.entity, "acquired", b.entity, True, loc, f"{reader.prefix}:acquisition",
                                   sources, raw=s[listed[0].start:last.end + 8][:60]))
