"""Entity resolution: from a name or a span of text to the entity ids the graph uses.

Gazetteer entities come first; a mapping may allow creating an entity for a name the
gazetteer does not know (a table row's subject), whose id is the slug of the name (or a
short hash for names with no Latin letters), so ids stay stable across runs. Type checks
use the ontology's class hierarchy, so a column asking for an ``Organization`` accepts a
``Firm`` or an ``AILab``.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from foundation.names import slugify
from petaflop.extract.facts import EntityRecord, Extraction
from petaflop.extract.gazetteer import Entity, Gazetteer


@lru_cache(maxsize=1)
def class_ancestors() -> dict[str, frozenset[str]]:
    """Local class name -> itself and every superclass (from the one ontology model)."""
    from ontology.model import load_model

    return load_model().ancestor_map()


@lru_cache(maxsize=4096)  # called ~280,000 times in a build over a few hundred distinct pairs
def is_a(entity_type: str, wanted: str) -> bool:
    if not wanted:
        return True
    return wanted in class_ancestors().get(entity_type, frozenset({entity_type}))


# Worth listing as a name the gazetteer may lack: starts with a capital Latin letter or a
# Hangul syllable and is not a number or a date.
_NAME_LIKE = re.compile(r"^(?![\d\s.,%~+-]+$)(?!.*\d{4}년)[A-Z\uac00-\ud7a3]")
#: "<org>의 창업자": a person named by their role at the organisation — the cell does not name the organisation
_ROLE_OF = re.compile(r"\s?(?:\([^)]{1,20}\))?\s?의\s?(?:공동\s?)?(?:창업자|창립자|설립자|CEO|대표|회장)")


# A cell naming a group, not its members: a joint venture of names ("A · B JV", "A-B 합작법인") or a
# collective noun with examples in parentheses ("은행 PF (JPM 등)": banks such as JPM).
JOINT = re.compile(r"(?:\bJV|\bjoint venture|컨소시엄|합작\s*(?:법인|회사|사)?)\s*$", re.I)
_EXAMPLES = re.compile(r"\([^()]*\s등\s*\)")


def names_a_group(text: str) -> bool:
    """Whether a cell names one group (a joint venture, "X (A 등)") rather than the entities in it."""
    text = text.strip()
    if JOINT.search(text):
        return True
    rest = _EXAMPLES.sub(" ", text).strip()
    return rest != text and bool(re.search(r"[A-Za-z\uac00-\ud7a3]", rest))


def created_id(name: str) -> str:
    """A stable id for a name the gazetteer lacks."""
    slug = slugify(name)
    if len(slug) >= 3 and len(re.sub(r"[^a-z]", "", slug)) >= 2:
        return slug
    return "x-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


class Resolver:
    """Gazetteer lookups plus the entities created on the way, recorded in an Extraction."""

    def __init__(self, gazetteer: Gazetteer, extraction: Extraction) -> None:
        self.gaz = gazetteer
        self.ex = extraction

    def record(self, entity: Entity) -> str:
        self.ex.add_entity(
            EntityRecord(entity.id, (entity.type,), entity.name_en, entity.name_ko, tuple(entity.aliases))
        )
        return entity.id

    def entities_in(self, text: str, wanted_type: str = "", context: str = "") -> list[Entity]:
        """Entities mentioned in ``text`` (in order, without repeats) of the wanted type.

        ``context`` (e.g. the rest of a table row) is searched with the text, so an alias that
        needs context ("Phase 0" only beside Stargate/GB200) can be recognised in a short cell."""
        seen: dict[str, Entity] = {}
        mentions = self.gaz.find_mentions(text + " \t " + context if context else text)
        for m in (m for m in mentions if m.end <= len(text)):
            ent = self.gaz.by_id(m.entity_id)
            if wanted_type and not is_a("Person", wanted_type) and _ROLE_OF.match(text, m.end):
                continue
            if ent.id not in seen and is_a(ent.type, wanted_type):
                seen[ent.id] = ent
        if not seen and (release := self.gaz.release_of(text)) is not None and is_a(release.type, wanted_type):
            seen[release.id] = release  # "Qwen3-235B -A22B-2507": a release of a known model, not the base model
        return list(seen.values())

    def resolve_cell(self, text: str, wanted_type: str = "", create: bool = False, origin: str = "table",
                     exact: bool = False, context: str = "") -> list[str]:
        """Entity ids a cell names: an exact alias, else the mentions of the wanted type,
        else (when allowed) one new entity named by the whole cell."""
        text = text.strip()
        if not text or text in ("-", "—", "–"):
            return []
        named = self.gaz.lookup(text)
        if named is not None and is_a(named.type, wanted_type):
            return [self.record(named)]
        # a cell naming a group is about the group: its members are not the row's subjects
        group = create and bool(wanted_type) and names_a_group(text)
        found = [] if exact or group else self.entities_in(text, wanted_type, context)
        if found:
            return [self.record(e) for e in found]
        if create and wanted_type and not _ROLE_OF.search(text):
            eid = created_id(text)
            clash = self.gaz.by_id(eid) or self.ex.entities.get(eid)
            label = text
            if clash is not None and not any(is_a(t, wanted_type) for t in getattr(clash, "types", (clash.type,)
                                                                                   if hasattr(clash, "type") else ())):
                eid = f"{eid}-{slugify(wanted_type)}"  # a new thing named like a known one of another kind
                label = f"{text} ({wanted_type})"  # "Apple (Chip)": never a second thing labelled "Apple"
            latin = bool(re.search(r"[A-Za-z]", text)) and not re.search(r"[가-힣]", text)  # "UAE 국부펀드 등" is Korean
            self.ex.add_entity(
                EntityRecord(eid, (wanted_type,), label if latin else "", "" if latin else label, (label,), origin)
            )
            return [eid]
        if named is None and _NAME_LIKE.search(text) and len(text) <= 60:
            self.ex.unlinked_mentions[text] += 1
        return []
