"""A chip made on a foundry's named process node is made by that foundry: "SMIC N+2", "TSMC 3nm",
"Samsung SF2" name their foundry as the first word(s) (the name-maker's reading of a name), so a
``fabricatedOn`` link to such a node, read anywhere, gives the chip's ``fabricatedBy`` on the same
line — when the foundry is written there ("TSMC 3nm"), not when only the node's short name is ("N3"
in a row of nodes). One rule, ``derived:node-foundry``, judged by the gate like any other.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from petaflop.extract.facts import Extraction, Fact, Statement
from petaflop.extract.gazetteer import Entity, Gazetteer
from petaflop.extract.name_maker import maker_prefix
from petaflop.extract.resolve import is_a

RULE = "derived:node-foundry"
SIZE_RULE = "derived:node-size"
SITE_RULE = "table:process-cell:fab-site"
#: a node named by its size ("TSMC 7nm", "Samsung 3nm"), not by a code name ("TSMC N3P", "Intel 18A")
_SIZE_NAME = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?nm$")


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


def add_cell_fab_sites(ex: Extraction, gaz: Gazetteer, record) -> int:
    """A table's process cell naming a fab site beside the node ("TSMC 3nm, 애리조나 공장도 활용",
    "2nm, Taylor 신공장은 … 전용"): the chip the row names is made at that site — ``<chip>
    fabricatedBy <site>`` (the ontology's fabricatedBy takes a foundry or its fab Site)."""
    made = 0
    seen: set[tuple[str, str]] = set()
    for f in list(ex.facts):
        if f.predicate != "fabricatedOn" or not f.rule.startswith("table") or not f.raw:
            continue
        for m in gaz.find_mentions(f.raw):
            site = gaz.by_id(m.entity_id)
            if site is None or not is_a(site.type, "Site") or (f.subject, site.id) in seen:
                continue
            seen.add((f.subject, site.id))
            ex.add(Fact(f.subject, "fabricatedBy", record(site), True, f.location, SITE_RULE, f.sources,
                        raw=f.raw[:60]))
            made += 1
    return made


def add_node_sizes(ex: Extraction, gaz: Gazetteer) -> int:
    """Adds ``<chip> processNode <N> nm`` beside every ``<chip> fabricatedOn <node named "… Nnm">``
    ("TSMC의 7nm 공정으로 제작": a 7 nm chip), once per chip and line; a code-named node ("N3P") says no size."""
    made = 0
    seen: set[tuple[str, object]] = set()
    for f in list(ex.facts):
        if f.predicate != "fabricatedOn" or not f.obj_is_entity:
            continue
        node = gaz.by_id(str(f.obj))
        size = _SIZE_NAME.search(node.name_en) if node is not None and is_a(node.type, "ProcessNode") else None
        if size is None or (f.subject, f.location) in seen:
            continue
        seen.add((f.subject, f.location))
        ex.statements.append(Statement(f.subject, "processNode", f.location, SIZE_RULE, value=Decimal(size.group(1)),
                                       unit="nm", sources=f.sources, raw=node.name_en[:60]))
        made += 1
    return made


def settle_node_sizes(ex: Extraction) -> int:
    """A derived size takes the status of the same size a reader gave the chip on that line (a row of a chip
    due next year: ``planned``), once statuses are settled; returns how many changed."""
    read = {(s.subject, s.location.line_start, s.value): s.status for s in ex.statements
            if s.kind == "processNode" and s.rule != SIZE_RULE}
    changed = 0
    for i, st in enumerate(ex.statements):
        status = read.get((st.subject, st.location.line_start, st.value), "") if st.rule == SIZE_RULE else ""
        if status and status != st.status:
            ex.statements[i] = replace(st, status=status)
            changed += 1
    return changed


def foundry_ids(gaz: Gazetteer) -> frozenset[str]:
    """The firms that run a foundry: those whose name heads a process node the gazetteer knows
    ("TSMC N3P", "Samsung SF2", "Intel 18A")."""
    out = set()
    for ent in gaz:
        if is_a(ent.type, "ProcessNode"):
            org = maker_prefix(ent.name_en, gaz, ent.id)
            if org is not None:
                out.add(org.id)
    return frozenset(out)


def maker_property(prop: str, org_id: str, foundries: frozenset[str]) -> str:
    """A "제조사" (maker) column read as ``fabricatedBy``: a maker that runs no foundry (Mobileye,
    NVIDIA) designed the chip another firm fabricated — its link is ``designedBy``."""
    return "designedBy" if prop == "fabricatedBy" and foundries and org_id not in foundries else prop
