"""A chip made on a foundry's named process node is made by that foundry: "SMIC N+2", "TSMC 3nm",
"Samsung SF2" name their foundry as the first word(s) (the name-maker's reading of a name), so a
``fabricatedOn`` link to such a node, read anywhere, gives the chip's ``fabricatedBy`` on the same
line — when the foundry is written there ("TSMC 3nm"), not when only the node's short name is ("N3"
in a row of nodes). One rule, ``derived:node-foundry``, judged by the gate like any other.
"""

from __future__ import annotations

from petaflop.extract.facts import Extraction, Fact
from petaflop.extract.gazetteer import Entity, Gazetteer
from petaflop.extract.name_maker import maker_prefix
from petaflop.extract.resolve import is_a

RULE = "derived:node-foundry"


def written_in(org: Entity, text: str) -> bool:
    low = text.lower()
    return any(n and n.lower() in low for n in (org.name_en, org.name_ko, *org.aliases))


def add_node_foundries(ex: Extraction, gaz: Gazetteer, record) -> int:
    """Adds ``<chip> fabricatedBy <foundry>`` beside every ``<chip> fabricatedOn <named node>``."""
    made = 0
    seen: set[tuple[str, str, object]] = set()
    for f in list(ex.facts):
        if f.predicate != "fabricatedOn" or not f.obj_is_entity:
            continue
        node = gaz.by_id(str(f.obj))
        if node is None or not is_a(node.type, "ProcessNode"):
            continue
        org = maker_prefix(node.name_en, gaz, node.id)
        if org is None or not is_a(org.type, "Firm") or not written_in(org, f.raw):
            continue
        key = (f.subject, org.id, f.location)
        if key in seen:
            continue
        seen.add(key)
        ex.add(Fact(f.subject, "fabricatedBy", record(org), True, f.location, RULE, f.sources,
                    raw=f"{node.name_en}"[:60]))
        made += 1
    return made
