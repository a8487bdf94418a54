"""A person who moved from one organisation to another: "<person>이 (<A>에서) <B>로 이직/이적/복귀", "<person>가
<B>에 합류/입사" — the person is affiliated with B (now) and with A (before: the same link, the former one is
not a lead, and is "former": a link statement, docs/statements.md). The person is the clause's topic or subject, right before the organisations (only particles
between). Rule ``text:person-moved``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from petaflop.extract.text_frames import Mention_

_AFTER_PERSON = re.compile(r"(?:이|가|은|는|도)\s(?:다시\s)?")
_FROM = re.compile(r"에서\s")
#: after the new organisation: its particle and the verb of moving
_MOVED = re.compile(r"(?:(?:으)?로\s(?:이직|이적|복귀|자리를\s옮|옮겨)|에\s(?:합류|입사))")


def _org(m: Mention_) -> bool:
    return is_a(m.type, "Organization")


def person_moves(ex, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
    """The frame (see the module doc)."""
    for i, p in enumerate(mentions[:-1]):
        if p.role not in ("topic", "subject") or not is_a(p.type, "Person"):
            continue
        first = mentions[i + 1]
        if not _org(first) or not _AFTER_PERSON.fullmatch(s, p.end, first.start):
            continue
        orgs = [first]
        if i + 2 < len(mentions) and _org(mentions[i + 2]) and _FROM.fullmatch(s, first.end, mentions[i + 2].start):
            orgs.append(mentions[i + 2])
        moved = _MOVED.match(s, orgs[-1].end)
        if moved is None or any(o.entity == p.entity for o in orgs):
            continue
        for o in orgs:  # the one left ("<A>에서") is a former affiliation
            ex.add(Fact(p.entity, "affiliatedWith", o.entity, True, loc, "text:person-moved", sources,
                        raw=s[p.start:moved.end()][:60], qualifiers=("former",) if o is not orgs[-1] else ()))
