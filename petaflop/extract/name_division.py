"""A division named after its parent: "<parent> … 부문", "<parent> … 사업부", "<parent> … 연구소", "<parent>
… 사령부" — the report writes a unit of an organisation as the parent's name followed by the unit's own
name, ending in a word that says it is a unit ("삼성전자 DS 부문", "NATO 연합작전사령부", "메타 초지능 연구소").
The gazetteer matches the whole name, so no genitive frame sees the parent.

The name is split at each space, hyphen or at the start of the unit word; when the head is exactly a
known organisation's name (an alias or canonical name, never a partial word) and the name ends in a unit
word, an organisation is ``partOf`` its parent and a site (a laboratory, a centre) is ``ownedBy`` it.
One rule, ``text:name-division``, judged by the gate.
"""

from __future__ import annotations

import re

from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.gazetteer import Entity, Gazetteer
from petaflop.extract.resolve import is_a

RULE = "text:name-division"

#: the last word of a unit's name: a division, a business unit, a laboratory, a command
_UNIT_END = re.compile(r"(?:부문|사업부|사업본부|BU|연구소|연구센터|사령부|[Dd]ivision)\s*$")
_SPLIT = re.compile(r"[ \-‐–]")
_PARENTS = ("Organization", "Alliance")


def _parent(name: str, gaz: Gazetteer, own_id: str) -> Entity | None:
    for m in reversed(list(_SPLIT.finditer(name))):
        head = name[:m.start()].strip()
        if len(head) < 2 or not name[m.end():].strip():
            continue
        org = gaz.lookup(head)
        if org is not None and org.id != own_id and any(is_a(org.type, c) for c in _PARENTS):
            return org
    return None


class NameDivision:
    """Adds one link per unit whose written name begins with its parent's name."""

    def __init__(self, gaz: Gazetteer, ex: Extraction, record) -> None:
        self.gaz, self.ex, self.record = gaz, ex, record
        self.done: set[str] = set()

    def mention(self, entity: Entity, surface: str, loc: Location) -> None:
        if entity.id in self.done or not _UNIT_END.search(surface):
            return
        if is_a(entity.type, "Site"):
            prop = "ownedBy"
        elif is_a(entity.type, "Organization"):
            prop = "partOf"
        else:
            return
        parent = _parent(surface, self.gaz, entity.id)
        if parent is None:
            return
        self.done.add(entity.id)
        self.ex.add(Fact(entity.id, prop, self.record(parent), True, loc, RULE, raw=surface[:60]))
