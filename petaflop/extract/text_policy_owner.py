"""A state's or a government body's programme named with it: "<body>의 ‘<programme>’", "<country> <programme>"
(a country's name before it reads as its adjective). A programme — a sovereign AI initiative, or a policy
whose name or head noun says project, programme, fund, zone or initiative ("미국의 ‘<X>’ 프로젝트") — is
sponsored by it (``sponsoredBy``). A policy, law or measure named so is left alone: the genitive names the
state it concerns as often as its issuer ("對중국 … 요건", "중국의 희토류 …" by a ministry). Rule
``text:policy-owner:sponsoredBy``."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from petaflop.extract.gazetteer import Gazetteer
    from petaflop.extract.text_frames import Mention_

_OWNERS = ("GovernmentBody", "Country")
_INSTRUMENTS = ("PolicyInstrument", "SovereignAIInitiative")
#: the owner's genitive (any owner) or a bare space after a country; an opening quote may follow
_GAP = re.compile(r"['’”\"]?의\s['‘“\"]?")
_COUNTRY_GAP = re.compile(r"\s['‘“\"]?")
#: a programme by its name or by the head noun right after it ("‘골든돔’ 프로젝트")
_PROGRAMME = re.compile(r"(?:프로젝트|프로그램|펀드|이니셔티브|구역|사업|[Pp]roject|[Pp]rogram|[Ii]nitiative|[Ff]und|[Zz]one)")
_HEAD_AFTER = re.compile(r"['’”\"]?\s?(?:프로젝트|프로그램|펀드|이니셔티브|사업)")


def policy_owner(ex, gaz: Gazetteer, s: str, mentions: list[Mention_], loc: Location,
                 sources: tuple[str, ...]) -> None:
    """The frame (see the module doc)."""
    for a, b in itertools.pairwise(mentions):
        if a.entity == b.entity or not any(is_a(a.type, c) for c in _OWNERS) or not any(
                is_a(b.type, c) for c in _INSTRUMENTS):
            continue
        gap = s[a.end:b.start]
        if not (_GAP.fullmatch(gap) or (is_a(a.type, "Country") and _COUNTRY_GAP.fullmatch(gap))):
            continue
        ent = gaz.by_id(b.entity)
        programme = is_a(b.type, "SovereignAIInitiative") or bool(
            _PROGRAMME.search(ent.name_en if ent else "") or _HEAD_AFTER.match(s, b.end))
        if programme:
            ex.add(Fact(b.entity, "sponsoredBy", a.entity, True, loc, "text:policy-owner:sponsoredBy", sources,
                        raw=s[a.start:b.end + 6][:60]))
