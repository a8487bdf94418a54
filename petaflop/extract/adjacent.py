"""Links read from how two names sit side by side, with nothing but a space, a comma or a
parenthesis between them. The report writes these relations without a verb:

* **operator prefix** — "REE 110 kV 노드", "Statnett 420 kV 루프": a grid operator's name right
  before a grid connection or power asset names who runs it (``operatedBy``);
* **operator inside the name** — "EDF SMR pilot 2기": the gazetteer matched operator and asset as one name;
* **operator in parentheses** — "텍사스 전력망(ERCOT)": a grid with its operator in brackets;
* **place chain** — "Tulane industrial park, Shelby County, 테네시주": a cell that is only a
  comma-separated list of places, smallest first, each inside the next (``locatedIn``);
* **place prefix** — "텍사스 Abilene", "애리조나 피닉스": Korean writes the larger place first, so
  a region or country right before another region or site contains it;
* **place in parentheses** — "MIIA 슈퍼컴 (밀라노)": a facility with its place in brackets;
* **place before a facility** — "텍사스 Abilene(첫 번째 캠퍼스)", "파리 1.4 GW “X 클러스터”": a place right
  before a cluster, a phase or a site, its capacity between them or not — the place prefix's construction
  (the larger place first) with a facility after it, judged with it (``adjacent:place-prefix``) — also when
  the place opens the facility's own name ("Abilene(첫 번째 캠퍼스)": the campus lies in Abilene).

Each construction has its rule id (``adjacent:grid-operator`` for the two operator forms,
``adjacent:place-apposition`` for the place chain and the place in parentheses,
``adjacent:place-prefix`` for a place before a place or a facility) so the precision gate judges it
apart from other rules. A power-supply link read from a cell skips a name that only qualifies the next one
(:func:`qualifier_mentions`): in "REE 110 kV 노드" the operator is not a power source.
"""

from __future__ import annotations

import re
from itertools import pairwise

from petaflop.extract.adjacent_home import RULE as HOME_RULE
from petaflop.extract.adjacent_home import country_prefix_org, prefixed_homes
from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.gazetteer import Gazetteer, Mention
from petaflop.extract.resolve import is_a

OPERATED = ("GridConnection", "Grid", "PowerAsset")
GRIDS = ("GridConnection", "Grid")
_PLACE_LIST = re.compile(r"^\s*(?:,\s*)?$")
_TIGHT = re.compile(r"^ ?$")
_OPEN = re.compile(r"^['’”\"]? ?\($")
#: a place before a facility: nothing, a space or an opening quote — and the facility's capacity may
#: stand between ("파리 1.4 GW “X 클러스터”": the place, the size, then the facility's name)
_QUOTED = re.compile(r"^ ?(?:[\d.,]+\s?[GMk]W\s)?['‘“\"]?$")
PLACED = ("ComputeCluster", "ClusterPhase", "Site")


def qualifier_mentions(text: str, mentions: list[Mention], gaz: Gazetteer) -> set[str]:
    """Ids of operators whose name directly precedes an operated thing ("REE 110 kV 노드")."""
    out = set()
    for a, b in pairwise(mentions):
        if _TIGHT.match(text[a.end:b.start]) and _operator_prefix(gaz.by_id(a.entity_id).type,
                                                                 gaz.by_id(b.entity_id).type):
            out.add(a.entity_id)
    return out


def place_qualifiers(text: str, mentions: list[Mention], gaz: Gazetteer) -> set[str]:
    """Ids of regions written right before another region they locate ("캘리포니아 샌프란시스코": a state
    before its city, the larger first as Korean writes it): the place a cell names is the last."""
    return {a.entity_id for a, b in pairwise(sorted(mentions, key=lambda m: m.start)) if _TIGHT.match(text[a.end:b.start])
            and is_a(gaz.by_id(a.entity_id).type, "Region") and is_a(gaz.by_id(b.entity_id).type, "Region")}


def _operator_prefix(first: str, second: str) -> bool:
    return is_a(first, "UtilityOrGridOperator") and any(is_a(second, t) for t in OPERATED)


class AdjacentReader:
    """Reads the side-by-side constructions of one text (a cell, a caption, a paragraph)."""

    def __init__(self, gaz: Gazetteer, ex: Extraction, record) -> None:
        self.gaz = gaz
        self.ex = ex
        self.record = record  # Entity -> id, registering the entity with the extraction

    def read(self, text: str, loc: Location, sources: tuple[str, ...] = ()) -> None:
        try:
            mentions = sorted(self.gaz.find_mentions(text), key=lambda m: m.start)
        except Exception:  # an extractor never raises on odd text
            return
        for org, country in prefixed_homes(text, mentions, self.gaz):  # "UAE MGX": the prefix inside the name
            self._add(org, "headquarteredIn", country, loc, sources, HOME_RULE, text[:60])
        ents = [self.gaz.by_id(m.entity_id) for m in mentions]
        self._place_in_name(text, mentions, ents, loc, sources)
        self._operator_in_name(text, mentions, ents, loc, sources)
        if len(mentions) < 2:
            return
        self._place_chain(text, mentions, ents, loc, sources)
        for i, (a, b) in enumerate(pairwise(mentions)):
            ea, eb = ents[i], ents[i + 1]
            if ea.id == eb.id:
                continue
            gap = text[a.end:b.start]
            after = text[b.end:b.end + 2].lstrip()[:1]
            if _TIGHT.match(gap) and _operator_prefix(ea.type, eb.type):
                self._add(eb, "operatedBy", ea, loc, sources, "adjacent:grid-operator", text[a.start:b.end])
            elif (_OPEN.match(gap) and after == ")" and is_a(eb.type, "UtilityOrGridOperator")
                  and any(is_a(ea.type, t) for t in GRIDS)):
                self._add(ea, "operatedBy", eb, loc, sources, "adjacent:grid-operator", text[a.start:b.end + 1])
            elif country_prefix_org(gap, ea.type, eb.type, text[b.end:b.end + 12]):
                self._add(eb, "headquarteredIn", ea, loc, sources, HOME_RULE, text[a.start:b.end])
            elif (gap == " " and _place(ea.type) and _place(eb.type) and not is_a(eb.type, "Country")
                  and not is_a(ea.type, "Site")):
                self._add(eb, "locatedIn", ea, loc, sources, "adjacent:place-prefix", text[a.start:b.end])
            elif (_QUOTED.match(gap) and gap and is_a(ea.type, "Place") and not is_a(ea.type, "Site")
                  and any(is_a(eb.type, t) for t in PLACED)):
                self._add(eb, "locatedIn", ea, loc, sources, "adjacent:place-prefix", text[a.start:b.end])
            elif (_OPEN.match(gap) and after in (")", ",") and is_a(ea.type, "Facility") and _place(eb.type)):
                self._add(ea, "locatedIn", eb, loc, sources, "adjacent:place-apposition",
                          text[a.start:b.end + 1])

    def _place_in_name(self, text, mentions, ents, loc, sources) -> None:
        """A facility known by "<place>(<what it is>)" ("Abilene(첫 번째 캠퍼스)") lies in that place, and the
        larger place written right before the name ("텍사스 Abilene(…)") holds that place."""
        for i, (m, ent) in enumerate(zip(mentions, ents, strict=True)):
            name = text[m.start:m.end]
            cut = name.find("(")
            if cut < 1 or not name.endswith(")") or not any(is_a(ent.type, t) for t in PLACED):
                continue
            inner = [p for p in self.gaz.find_mentions(name[:cut]) if p.start == 0 and p.end == len(name[:cut].rstrip())]
            place = self.gaz.by_id(inner[0].entity_id) if len(inner) == 1 else None
            if place is None or not _place(place.type) or is_a(place.type, "Site"):
                continue
            self._add(ent, "locatedIn", place, loc, sources, "adjacent:place-prefix", name)
            if i and text[mentions[i - 1].end:m.start] == " " and _place(ents[i - 1].type) \
                    and not is_a(ents[i - 1].type, "Site") and ents[i - 1].id != place.id:
                self._add(place, "locatedIn", ents[i - 1], loc, sources, "adjacent:place-prefix",
                          text[mentions[i - 1].start:m.start + cut])

    def _operator_in_name(self, text, mentions, ents, loc, sources) -> None:
        """"EDF SMR pilot 2기": an operated asset's name spelt with its operator in front (the gazetteer matched
        the words as one name) — the operator prefix read from inside the name, as :func:`prefixed_homes` does."""
        for m, ent in zip(mentions, ents, strict=True):
            head, sep, _rest = text[m.start:m.end].partition(" ")
            op = self.gaz.lookup(head) if sep else None
            if op is not None and op.id != ent.id and _operator_prefix(op.type, ent.type):
                self._add(ent, "operatedBy", op, loc, sources, "adjacent:grid-operator", text[m.start:m.end])

    def _place_chain(self, text, mentions, ents, loc, sources) -> None:
        """A text that is only "place, place, place": each place lies in the next one."""
        if len(mentions) > 4 or not all(_place(e.type) for e in ents):
            return
        if text[:mentions[0].start].strip() or text[mentions[-1].end:].strip(" .)"):
            return
        if not all(text[a.end:b.start].strip() == "," for a, b in pairwise(mentions)):
            return
        if len({e.id for e in ents}) != len(ents) or any(is_a(e.type, "Country") for e in ents[:-1]):
            return
        for small, big in pairwise(ents):
            self._add(small, "locatedIn", big, loc, sources, "adjacent:place-apposition", text[:60])

    def _add(self, subject, prop: str, obj, loc: Location, sources, rule: str, raw: str) -> None:
        s, o = self.record(subject), self.record(obj)
        self.ex.add(Fact(s, prop, o, True, loc, rule, sources, raw=raw[:60]))


def _place(entity_type: str) -> bool:
    return is_a(entity_type, "Place")
