"""Object explorer: facets per property over a class's members, filters, linked-object filters.

A *facet* is one property of the members: numbers (histogram + range), categories (literal
values) or links (the linked objects). A *linked filter* walks one link type from each member
(either direction) and keeps the member when a linked object passes a facet of its own — e.g.
clusters whose operator is of type "US organization", chips whose export status is "banned".
Keys used in the URL: a literal's text, a linked object's slug, a class's local name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from foundation.names import local_name
from petaflop.app.data import (
    CLAIM_LINKS,
    PFA,
    RDF_TYPE,
    RDFS_LABEL,
    SKOS_ALT,
    Atlas,
    format_literal,
    slug,
    to_number,
)

TYPE_FACET = RDF_TYPE
_SKIP = frozenset({RDFS_LABEL, SKOS_ALT, *CLAIM_LINKS})


@dataclass
class Facet:
    prop: str
    label: str
    kind: str  # "number", "category", "link" or "type"
    unit: str | None = None
    coverage: int = 0  # members with at least one value
    numbers: list[float] = field(default_factory=list)  # every member's values (numbers)
    options: list[tuple[str, str, int]] = field(default_factory=list)  # (key, label, members)

    @property
    def param(self) -> str:
        """The URL query parameter of this facet."""
        return "type" if self.prop == TYPE_FACET else local_name(self.prop)

    def bounds(self) -> tuple[float, float]:
        return (min(self.numbers), max(self.numbers)) if self.numbers else (0.0, 0.0)


def _keys(atlas: Atlas, iri: str, prop: str) -> set[str]:
    if prop == TYPE_FACET:
        ent = atlas.entities.get(iri)
        if ent is None:
            return set()
        return {local_name(t) for t in ent.types | ent.inferred_types if t.startswith(PFA)}
    out = set()
    for v in atlas.values(iri, prop):
        out.add(slug(v.value) if isinstance(v, ox.NamedNode) else v.value)
    return out


def facets(atlas: Atlas, members: Iterable[str], lang: str = "en", *, with_types: bool = True) -> list[Facet]:
    """Facets of ``members``, most covered first (the type facet first when it discriminates)."""
    members = list(members)
    values: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for m in members:
        for e in atlas.edges_out(m):
            if e.p in _SKIP or e.p == RDF_TYPE:
                continue
            values[e.p][m].append(e.o)
    out: list[Facet] = []
    for prop, per_member in values.items():
        terms = [t for ts in per_member.values() for t in ts]
        if all(isinstance(t, ox.NamedNode) for t in terms):
            kind = "link"
        elif all(to_number(t) is not None for t in terms):
            kind = "number"
        else:
            kind = "category"
        f = Facet(prop, atlas.prop_label(prop, lang), kind, atlas.unit(prop), coverage=len(per_member))
        if kind == "number":
            f.numbers = sorted(n for ts in per_member.values() for n in (to_number(t) for t in ts) if n is not None)
        else:
            counts: Counter[str] = Counter()
            labels: dict[str, str] = {}
            for ts in per_member.values():
                keys = set()
                for t in ts:
                    if isinstance(t, ox.NamedNode):
                        k = slug(t.value)
                        labels[k] = atlas.label(t.value, lang)
                    else:
                        k = t.value
                        labels[k] = format_literal(t, f.unit, lang)
                    keys.add(k)
                counts.update(keys)
            f.options = sorted(((k, labels[k], n) for k, n in counts.items()), key=lambda o: (-o[2], o[1].casefold()))
        out.append(f)
    out.sort(key=lambda f: (-f.coverage, f.label.casefold()))
    if with_types:
        counts = Counter(k for m in members for k in _keys(atlas, m, TYPE_FACET))
        if len(counts) > 1:
            opts = sorted(((k, atlas.class_label(PFA[k], lang), n) for k, n in counts.items()),
                          key=lambda o: (-o[2], o[1].casefold()))
            out.insert(0, Facet(TYPE_FACET, atlas.prop_label(RDF_TYPE, lang), "type",
                                coverage=len(members), options=opts))
    return out


def passes(atlas: Atlas, iri: str, facet: Facet, selection) -> bool:
    """Whether one object passes a facet selection (a (lo, hi) range or a set of keys)."""
    if facet.kind == "number":
        lo, hi = selection
        return any(lo <= n <= hi for n in atlas.numbers(iri, facet.prop))
    return bool(_keys(atlas, iri, facet.prop) & set(selection))


def is_active(facet: Facet, selection) -> bool:
    if selection is None:
        return False
    if facet.kind == "number":
        lo, hi = facet.bounds()
        return tuple(selection) != (lo, hi)
    return bool(selection)


def apply(atlas: Atlas, members: Iterable[str], selections: dict[str, tuple[Facet, object]]) -> list[str]:
    """Members passing every active facet selection (``{param: (facet, selection)}``)."""
    active = [(f, s) for f, s in selections.values() if is_active(f, s)]
    return [m for m in members if all(passes(atlas, m, f, s) for f, s in active)]


def link_types(atlas: Atlas, members: Iterable[str], lang: str = "en") -> list[tuple[str, str, str, int]]:
    """``(predicate, direction, label, members having it)`` for links from the members."""
    counts: Counter[tuple[str, str]] = Counter()
    for m in members:
        counts.update({(p, d) for p, d, _, _ in atlas.links(m)})
    rows = [(p, d, atlas.prop_label(p, lang, inverse=d == "in"), n) for (p, d), n in counts.items()]
    rows.sort(key=lambda r: (-r[3], r[2].casefold()))
    return rows


def linked(atlas: Atlas, iri: str, prop: str, direction: str) -> list[str]:
    return [o for p, d, o, _ in atlas.links(iri) if p == prop and d == direction]


def linked_targets(atlas: Atlas, members: Iterable[str], prop: str, direction: str) -> list[str]:
    seen: dict[str, None] = {}
    for m in members:
        for o in linked(atlas, m, prop, direction):
            seen.setdefault(o, None)
    return list(seen)


def apply_linked(atlas: Atlas, members: Iterable[str], prop: str, direction: str, facet: Facet,
                 selection) -> list[str]:
    """Members with at least one object linked by ``prop``/``direction`` that passes ``facet``."""
    if not is_active(facet, selection):
        return list(members)
    return [m for m in members
            if any(passes(atlas, o, facet, selection) for o in linked(atlas, m, prop, direction))]


def rows(atlas: Atlas, members: Iterable[str], columns: list[Facet], lang: str = "en") -> list[dict]:
    """Result table rows: name, id, type and one column per facet (values joined by ``; ``)."""
    out = []
    for m in members:
        cls = atlas.primary_type(m)
        row = {"name": atlas.label(m, lang), "id": slug(m), "type": atlas.class_label(cls, lang) if cls else ""}
        for f in columns:
            if f.prop == TYPE_FACET:
                continue
            vals = atlas.values(m, f.prop)
            if f.kind == "number":
                nums = [n for n in (to_number(v) for v in vals) if n is not None]
                row[f.label] = format_literal_number(max(nums), f.unit, lang) if nums else None
            else:
                row[f.label] = "; ".join(atlas.label(v.value, lang) if isinstance(v, ox.NamedNode)
                                         else format_literal(v, f.unit, lang) for v in vals)
        out.append(row)
    return out


def format_literal_number(value: float, unit: str | None, lang: str = "en") -> str:
    from petaflop.app.format import format_number, unit_words

    text = format_number(value)
    words = unit_words(unit, lang)
    return f"{text} {words}" if words else text


def iri_of(key: str) -> str:
    from petaflop.app.data import iri_of as _iri_of

    return _iri_of(key)
