"""A power mix in the genitive: "<site>의 (자체) <source>·<source> 결합 <source>" — a facility's or a
site's own generation named as a chain of power technologies after its genitive ("X 캠퍼스의 BESS·태양광
결합 마이크로그리드": the campus is powered by the three). The owner must be a Facility or a Site (the
domain of poweredBy): a maker's genitive ("<firm>의 가스터빈") names what it makes, and an AI lab's
would be dropped by the type check. The chain's links: a middle dot, a comma, "+", "와/과/및",
"결합/기반/연계"; anything else ends it. Rule ``text:power-mix:genitive``.
"""

from __future__ import annotations

import re

from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

_OWNERS = ("Facility", "Site")  # poweredBy's domain (an AI lab's genitive is dropped by the type check)
_SOURCES = ("PowerTechnology", "PowerAsset")
#: between the owner's genitive and the first source: nothing or an "own / on-site" modifier
_AFTER_OWNER = re.compile(r"의\s(?:(?:자체|현장|온사이트|전용)\s?)?")
#: between two sources of one chain
_LINK = re.compile(r"\s?(?:·|,|\+|와|과|및)\s?|\s(?:결합|기반|연계|연동)(?:형|된|한)?\s")


def power_mix(ex: Extraction, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
    """Add ``owner poweredBy source`` for each source of a genitive chain ."""
    for i, owner in enumerate(mentions):
        if not any(is_a(owner.type, t) for t in _OWNERS):
            continue
        chain: list[Mention_] = []
        end = owner.end
        gap = _AFTER_OWNER
        for m in mentions[i + 1:]:
            if m.start < end:
                continue
            if not gap.fullmatch(s[end:m.start]) or not any(is_a(m.type, t) for t in _SOURCES):
                break
            chain.append(m)
            end, gap = m.end, _LINK
        for m in chain:
            if m.entity != owner.entity:
                ex.add(Fact(owner.entity, "poweredBy", m.entity, True, loc,
                            "text:power-mix:genitive", sources, raw=s[owner.start:end][:60]))
