"""Domain and range checks before facts reach the graph.

A text pattern can pair the wrong kinds of things ("a research institute uses a system"
where the ontology says only facilities do). Asserting such a link would make the reasoner
re-type the subject, and with disjoint classes the whole graph inconsistent. So every link
is checked against the property's ``rdfs:domain``/``rdfs:range`` (named classes and
``owl:unionOf`` lists) and the types the extraction knows; a fact that does not fit is
dropped and reported, with its line, in the coverage report.

One link is re-read rather than dropped: ``usesChip`` whose object is a system, not a chip
("HW2 … DRIVE PX 2" in a chip column) is the thing's ``usesSystem`` — the same "runs on"
relation one level up (the ontology chains ``usesSystem o usesChip`` into ``usesChip``).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from foundation.namespaces import PFA
from petaflop.extract.facts import Extraction, Fact
from petaflop.extract.resolve import class_ancestors


@lru_cache(maxsize=1)
def signatures() -> dict[str, tuple[frozenset[str] | None, frozenset[str] | None]]:
    """Property local name -> (allowed domain classes, allowed range classes); None = any."""
    from ontology.model import load_model

    def allowed(classes: tuple[str, ...] | None) -> frozenset[str] | None:
        return frozenset(classes) if classes else None

    return {name: (allowed(p.domain), allowed(p.range)) for name, p in load_model().properties.items()
            if p.domain or p.range}


def _fits(types: tuple[str, ...], allowed: frozenset[str] | None) -> bool:
    if allowed is None or not types:
        return True
    ancestors = class_ancestors()
    return any(ancestors.get(t, frozenset({t})) & allowed for t in types)


def check(ex: Extraction) -> list[Fact]:
    """Drop facts whose subject or object type contradicts the property's signature."""
    sigs = signatures()
    kept, dropped = [], []
    for f in ex.facts:
        f = _system_not_chip(ex, f)
        local = f.predicate[len(PFA):] if f.predicate.startswith(PFA) else f.predicate
        sig = sigs.get(local)
        if sig is None or "://" in local:
            kept.append(f)
            continue
        dom, rng = sig
        s_types = ex.entities[f.subject].types if f.subject in ex.entities else ()
        ok = _fits(s_types, dom)
        if ok and f.obj_is_entity and str(f.obj) in ex.entities:
            ok = _fits(ex.entities[str(f.obj)].types, rng)
        (kept if ok else dropped).append(f)
    ex.facts = kept
    for f in dropped:
        ex.warnings.append((f.location.line_start, f"dropped {f.subject} {f.predicate} {f.obj} ({f.rule}): "
                                                   "outside the property's domain or range"))
    return dropped


def _system_not_chip(ex: Extraction, f: Fact) -> Fact:
    """``usesChip`` of a system that is no chip reads as ``usesSystem``."""
    if not f.predicate.endswith("usesChip") or not f.obj_is_entity or str(f.obj) not in ex.entities:
        return f
    types = ex.entities[str(f.obj)].types
    if _fits(types, frozenset({"System"})) and not _fits(types, frozenset({"Chip"})):
        return replace(f, predicate=f.predicate[:-len("usesChip")] + "usesSystem")
    return f
