"""A head of state or government named with the country and the title: "프랑스의 마크롱 대통령", "미국 트럼프
대통령", "트럼프 미국 대통령" — the person leads the country (``leads``, range Organization ∪ Country). The
title must follow the name right away (a former title, "전 대통령", says nothing of now). The same appositive
frame as "<org> CEO <person>", so the same rule id, ``text:appositive:leads``."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from petaflop.extract.text_frames import Mention_

#: a title of a head of state or government right after the name, not the head of a longer word ("대통령실")
_HEAD_TITLE = re.compile(r"\s?(?:대통령|총리|국가주석|주석|총통|국왕|수상)(?!실|직|선거|후보|궁|관저|단)")
#: between the country and the person: the genitive or a space ("프랑스의 마크롱", "미국 트럼프")
_COUNTRY_GAP = re.compile(r"['’”\"]?(?:의)?\s")
_FORMER = re.compile(r"(?:前|전|전직)\s?$")


def head_of_state(ex, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
    """The frame (see the module doc)."""
    for a, b in itertools.pairwise(mentions):
        gap = s[a.end:b.start]
        if is_a(a.type, "Country") and is_a(b.type, "Person") and _COUNTRY_GAP.fullmatch(gap):
            person, country = b, a
        elif is_a(a.type, "Person") and is_a(b.type, "Country") and gap == " ":
            person, country = a, b
        else:
            continue
        if _FORMER.search(s[max(0, a.start - 4):a.start]) or not _HEAD_TITLE.match(s, b.end):
            continue
        ex.add(Fact(person.entity, "leads", country.entity, True, loc, "text:appositive:leads", sources,
                    raw=s[a.start:b.end + 4][:60]))
