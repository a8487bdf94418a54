"""A maker written as the first word(s) of a product's own name: "NVIDIA Omniverse", "Meta Titan 1",
"Huawei CM-Link", "Palantir Gotham" — the report writes "<maker> <product>" as one name, so the
gazetteer matches the whole product and the modifier frame (text:modifier:*) never sees the maker.

The name is split at each space or hyphen; when the head is exactly a known organisation's name
(alias or canonical, never a partial word) the genitive lexicon decides the link by the two classes,
as for "<A>의 <B>" (designedBy, developedBy, operatedBy…). Each entry is its own rule,
``text:name-maker:<entry id>``, judged by the gate. A product or service ("DeepSeek 앱", "Google AI Pro") is
offered by the firm heading its name, as a product a firm releases is (``text:name-maker:offeredBy``): who
built the service the name does not say. A cited source named that way ("Google at OCP
EMEA Summit 2025") is published by the organisation (``source:name-publisher``).

Two constructions are told apart: the maker's name set before the thing's own name ("OpenAI o3", "팔란티어
Foundry": what follows the maker is itself a name of the thing), which writes "<maker>'s <thing>"; and a brand
that merely begins with the maker's name ("DeepSeek-Coder-V2", "Google AI Pro": the rest names nothing by
itself), where the maker is part of the name and no statement. The brand reading is its own rule
(``…:brand``), judged apart.
"""

from __future__ import annotations

import re

from foundation.names import norm_name
from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.gazetteer import Entity, Gazetteer
from petaflop.extract.lexicon import GenitiveEntry, Lexicon
from petaflop.extract.resolve import is_a

_SPLIT = re.compile(r"[ \-‐–]")
_MAKERS = ("Firm", "AILab", "ResearchInstitute")
_TABLE_ROWS = 15  # how far below a name its table's maker row may stand


def maker_split(name: str, gaz: Gazetteer, own_id: str = "") -> tuple[Entity, str] | None:
    """The organisation whose full name is the longest head of ``name`` before a space or hyphen, and the rest."""
    for m in reversed(list(_SPLIT.finditer(name))):
        head, rest = name[:m.start()].strip(), name[m.end():].strip()
        if len(head) < 2 or not rest:  # a one-letter head ("X-wise") names no maker
            continue
        org = gaz.lookup(head)
        if org is not None and org.id != own_id and any(is_a(org.type, c) for c in _MAKERS):
            return org, rest
    return None


def maker_prefix(name: str, gaz: Gazetteer, own_id: str = "") -> Entity | None:
    """The organisation whose full name is the longest head of ``name`` before a space or hyphen."""
    found = maker_split(name, gaz, own_id)
    return found[0] if found is not None else None


def own_name(entity: Entity, rest: str) -> bool:
    """Whether ``rest`` (a name after its maker's) is by itself a name of ``entity`` ("o3" of "OpenAI o3")."""
    return norm_name(rest) in {norm_name(n) for n in entity.names}


def maker_entry(org: Entity, thing_type: str, lex: Lexicon) -> GenitiveEntry | None:
    entry = lex.genitive_for(org.type, thing_type)
    if entry is None or entry.property in ("affiliatedWith", "headquarteredIn", "locatedIn", "partOf"):
        return None  # a person or a firm named after an organisation is not its product
    if is_a(thing_type, "ProcessNode"):
        return None  # "TSMC N3P": a foundry's node named as its brand, not a development the prose states
    return entry


class NameMaker:
    """Adds one fact per product whose written name begins with its maker's name."""

    def __init__(self, gaz: Gazetteer, lex: Lexicon, ex: Extraction, record) -> None:
        self.gaz, self.lex, self.ex, self.record = gaz, lex, ex, record
        self.done: set[str] = set()

    def mention(self, entity: Entity, surface: str, loc: Location) -> None:
        if entity.id in self.done:
            return
        found = maker_split(surface, self.gaz, entity.id)
        org, rest = found if found is not None else (None, "")
        entry = maker_entry(org, entity.type, self.lex) if org is not None else None
        if org is None or entry is None:
            return
        self.done.add(entity.id)
        prop, rule = entry.property, f"text:name-maker:{entry.id}"
        if prop == "developedBy" and is_a(entity.type, "AIProduct"):
            prop, rule = "offeredBy", "text:name-maker:offeredBy"
        if not own_name(entity, rest):  # "DeepSeek-Coder-V2": the maker's name is part of a brand, not said of it
            rule += ":brand"
        self.ex.add(Fact(entity.id, prop, self.record(org), True, loc, rule, raw=surface[:60]))

    def source(self, source_id: str, name: str, loc: Location) -> None:
        org = maker_prefix(name, self.gaz)
        if org is not None:
            self.ex.add(Fact(source_id, "publisherOrganization", self.record(org), True, loc, "source:name-publisher",
                             raw=name[:60]))


def settle_name_makers(ex: Extraction) -> None:
    """A maker read from a name's first word ("AWS Tranium 3") yields to the maker a table states for the same
    thing in its own row a few lines on ("사용자 | 아마존"): the stated maker, not the word, says who it is."""
    stated = {(f.subject, f.predicate): f for f in ex.facts if f.rule.startswith("table:") and f.obj_is_entity}
    ex.facts[:] = [f for f in ex.facts if not (
        f.rule.startswith("text:name-maker:") and (t := stated.get((f.subject, f.predicate))) is not None
        and str(t.obj) != str(f.obj) and 0 <= t.location.line_start - f.location.line_start <= _TABLE_ROWS)]
