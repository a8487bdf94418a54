"""The object page's view model: names, types, values with provenance and qualifiers, claims, links.

Values come from the object's datatype properties; when the graph has statement-model nodes
(``pfa:statement``) for the same kind and value, their status, time and rank are attached to
the value, and every statement is listed (``ObjectView.statements``). Without them the page is
the same, minus those qualifiers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from petaflop.app.data import (
    CLAIM_LINKS,
    PFA,
    RDF_TYPE,
    RDFS_LABEL,
    SKOS_ALT,
    Atlas,
    Statement,
    ValueStatement,
    format_literal,
    is_numeric,
)
from petaflop.app.format import format_number, kind_words, qualifier_words, unit_words

# Types a reader does not need to see (alignments to external vocabularies).
_HIDDEN_TYPE_PREFIXES = ("https://schema.org/", "http://www.w3.org/ns/prov#", "http://www.w3.org/ns/org#")


@dataclass
class ValueView:
    term: object
    text: str
    statements: list[Statement] = field(default_factory=list)
    inferred: bool = False
    rules: list[str] = field(default_factory=list)
    reference: bool = False
    status: str = ""  # from a matching value statement: Actual, Planned …
    time: str = ""
    rank: str = ""

    @property
    def conflicting(self) -> bool:
        return any(s.conflicting for s in self.statements)

    @property
    def qualifiers(self) -> list[str]:
        return sorted({q for s in self.statements for q in s.qualifiers})

    @property
    def lines(self) -> list[int]:
        return sorted({s.line for s in self.statements if s.line is not None})


@dataclass
class PropertyView:
    prop: str
    label: str
    unit: str | None
    values: list[ValueView] = field(default_factory=list)
    unit_text: str = ""

    @property
    def conflicting(self) -> bool:
        return len(self.values) > 1 and any(v.conflicting for v in self.values)


@dataclass
class LinkItem:
    iri: str
    label: str
    inferred: bool
    rules: list[str] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    reference: bool = False
    status: str = ""  # a link statement's or a claim's status in words ("planned"); "" for an actual link


@dataclass
class LinkGroup:
    prop: str
    direction: str  # "out" or "in"
    label: str
    items: list[LinkItem] = field(default_factory=list)


@dataclass
class TypeView:
    iri: str
    label: str
    inferred: bool
    rules: list[str] = field(default_factory=list)
    definition: str = ""


@dataclass
class ClaimView:
    iri: str
    kind: str
    value: str
    unit: str
    counted: list[tuple[str, str]]  # (iri, label)
    text: str
    statements: list[Statement] = field(default_factory=list)


@dataclass
class StatementView:
    """One value statement in words: what, the value with its unit, status, time, rank."""

    iri: str
    kind: str
    value: str
    status: str
    time: str
    rank: str
    preferred: bool
    scope: str = ""


@dataclass
class ObjectView:
    iri: str
    label: str
    other_label: str
    alt_labels: list[str]
    types: list[TypeView]
    properties: list[PropertyView]
    links: list[LinkGroup]
    claims: list[ClaimView]
    label_statements: list[Statement] = field(default_factory=list)
    statements: list[StatementView] = field(default_factory=list)
    reference: bool = False
    unverified: list[LinkGroup] = field(default_factory=list)  # links kept as claims (below the precision gate)
    stated: list[LinkGroup] = field(default_factory=list)  # link statements: planned, target, forecast, estimate

    @property
    def links_out(self) -> list[LinkGroup]:
        return [g for g in self.links if g.direction == "out"]

    @property
    def links_in(self) -> list[LinkGroup]:
        return [g for g in self.links if g.direction == "in"]

    def property(self, local: str) -> PropertyView | None:
        for p in self.properties:
            if p.prop == PFA[local]:
                return p
        return None

    def link_group(self, local: str, direction: str = "out") -> LinkGroup | None:
        for g in self.links:
            if g.prop == PFA[local] and g.direction == direction:
                return g
        return None


def _rules(statements: list[Statement]) -> list[str]:
    return sorted({r for s in statements for r in s.inferred_by})


def statement_value_text(atlas: Atlas, vs: ValueStatement, lang: str) -> str:
    unit = unit_words(vs.unit, lang) if vs.unit not in ("USD",) else "USD"
    if vs.lower is not None and vs.upper is not None:
        text = f"{format_number(vs.lower.value)}–{format_number(vs.upper.value)}"
    elif vs.value is not None:
        text = format_number(vs.value.value) if is_numeric(vs.value) else vs.value.value
    else:
        return "—"
    if vs.approximate:
        text = qualifier_words("approximate", lang) + " " + text
    if vs.bound in ("lower", "upper"):
        text = qualifier_words(vs.bound + "Bound", lang) + " " + text
    return f"{text} {unit}".strip()


def _statement_views(atlas: Atlas, iri: str, lang: str) -> tuple[list[StatementView], dict]:
    views, by_value = [], {}
    for vs in atlas.value_statements(iri):
        status = atlas.term_label(PFA[vs.status], lang) if vs.status and vs.status in PFA.terms else ""
        rank = atlas.term_label(PFA[vs.rank], lang) if vs.rank and vs.rank in PFA.terms else ""
        views.append(StatementView(vs.iri, atlas.term_label(vs.kind, lang), statement_value_text(atlas, vs, lang),
                                   status, vs.time, rank, vs.rank == "PreferredRank", vs.scope))
        if vs.value is not None:
            by_value.setdefault((vs.kind, str(vs.value.value)), (status, vs.time, rank))
    views.sort(key=lambda v: (v.kind.casefold(), not v.preferred, v.time, v.value))
    return views, by_value


def build_object_view(atlas: Atlas, iri: str, lang: str = "en", *, with_claims: bool = True) -> ObjectView:
    ent = atlas.entities[iri]
    own = atlas.statements(iri, "subject")
    by_triple: dict[tuple, list[Statement]] = defaultdict(list)
    for st in own:
        key = (st.p, st.o.value if isinstance(st.o, ox.NamedNode) else st.o)
        by_triple[key].append(st)

    types: list[TypeView] = []
    for cls in sorted(ent.types, key=lambda c: atlas.class_label(c, lang)):
        types.append(TypeView(cls, atlas.class_label(cls, lang), False, definition=atlas.class_definition(cls, lang)))
    for cls in sorted(ent.inferred_types, key=lambda c: atlas.class_label(c, lang)):
        if cls.startswith(_HIDDEN_TYPE_PREFIXES):
            continue
        types.append(TypeView(cls, atlas.class_label(cls, lang), True, _rules(by_triple.get((RDF_TYPE, cls), [])),
                              atlas.class_definition(cls, lang)))

    statements, by_value = _statement_views(atlas, iri, lang)
    props: dict[str, PropertyView] = {}
    for e in atlas.edges_out(iri):
        if isinstance(e.o, ox.NamedNode) or e.p in (RDFS_LABEL, SKOS_ALT) or e.p in CLAIM_LINKS:
            continue
        pv = props.get(e.p)
        if pv is None:
            unit = atlas.unit(e.p)
            pv = props[e.p] = PropertyView(e.p, atlas.prop_label(e.p, lang), unit, unit_text=unit_words(unit, lang))
        if any(v.term == e.o for v in pv.values):
            continue
        sts = by_triple.get((e.p, e.o), [])
        status, time, rank = by_value.get((atlas.truthy.get(e.p), str(e.o.value)), ("", "", ""))
        pv.values.append(ValueView(e.o, format_literal(e.o, pv.unit, lang), sts, e.inferred, _rules(sts),
                                   e.reference, status, time, rank))
    for pv in props.values():
        pv.values.sort(key=lambda v: (v.inferred, -(float(v.term.value) if is_numeric(v.term) else 0), v.text))
    properties = sorted(props.values(), key=lambda p: (0 if p.unit else 1, p.label.casefold()))

    groups: dict[tuple[str, str], LinkGroup] = {}
    incoming = None
    for p, direction, other, inferred in atlas.links(iri):
        g = groups.get((p, direction))
        if g is None:
            label = atlas.prop_label(p, lang, inverse=direction == "in")
            g = groups[(p, direction)] = LinkGroup(p, direction, label)
        if direction == "out":
            sts = by_triple.get((p, other), [])
            ref = atlas.is_reference_only(iri, p, other)
        else:
            if incoming is None:
                incoming = atlas.statements(iri, "object")
            sts = [s for s in incoming if s.s == other and s.p == p]
            ref = atlas.is_reference_only(other, p, iri)
        g.items.append(LinkItem(other, atlas.label(other, lang), inferred, _rules(sts), sts, ref))
    for g in groups.values():
        g.items.sort(key=lambda i: (i.inferred, i.label.casefold()))
    links = sorted(groups.values(), key=lambda g: (g.direction != "out", g.label.casefold()))

    claims: list[ClaimView] = []
    if with_claims:
        for c in atlas.claims(iri):
            claims.append(claim_view(atlas, c, lang))
        claims.sort(key=lambda c: (c.statements[0].line if c.statements and c.statements[0].line else 0, c.iri))

    unverified: dict[tuple[str, str], LinkGroup] = {}
    for p, direction, other, claim in atlas.claimed_links(iri):
        g = unverified.get((p, direction))
        if g is None:
            g = unverified[(p, direction)] = LinkGroup(p, direction, atlas.prop_label(p, lang, inverse=direction == "in"))
        sts = [s for s in atlas.statements(claim, "subject") if s.location is not None][:1]
        status = atlas.first_iri(claim, PFA.statementStatus)
        g.items.append(LinkItem(other, atlas.label(other, lang), False, [], sts, status=_status_words(atlas, status, lang)))
    for g in unverified.values():
        g.items.sort(key=lambda i: i.label.casefold())

    alt = [a for a, _ in ent.alt]
    return ObjectView(
        iri=iri, label=atlas.label(iri, lang), other_label=atlas.other_label(iri, lang), alt_labels=alt,
        types=types, properties=properties, links=links, claims=claims,
        label_statements=[s for s in own if s.p == RDFS_LABEL], statements=statements, reference=ent.reference,
        unverified=sorted(unverified.values(), key=lambda g: (g.direction != "out", g.label.casefold())),
        stated=_stated_groups(atlas, iri, lang),
    )


def _status_words(atlas: Atlas, status: str, lang: str) -> str:
    """``pfa:Planned`` → "planned" ("계획"); "" for none or for actual."""
    return atlas.term_label(status, lang) if status and status != PFA.Actual else ""


def _stated_groups(atlas: Atlas, iri: str, lang: str) -> list[LinkGroup]:
    """The object's link statements grouped like its links, each item with its status and the
    provenance of ``?s pfa:linkStatement ?lst``."""
    groups: dict[tuple[str, str], LinkGroup] = {}
    for p, direction, other, status, node in atlas.stated_links(iri):
        g = groups.get((p, direction))
        if g is None:
            g = groups[(p, direction)] = LinkGroup(p, direction, atlas.prop_label(p, lang, inverse=direction == "in"))
        subject = iri if direction == "out" else other
        sts = [s for s in atlas.statements_for(subject, PFA.linkStatement, node) if s.location is not None][:1]
        g.items.append(LinkItem(other, atlas.label(other, lang), False, [], sts,
                                status=_status_words(atlas, status, lang)))
    for g in groups.values():
        g.items.sort(key=lambda i: (i.status, i.label.casefold()))
    return sorted(groups.values(), key=lambda g: (g.direction != "out", g.label.casefold()))


def claim_view(atlas: Atlas, claim: str, lang: str = "en") -> ClaimView:
    def one(local: str) -> str:
        vals = atlas.values(claim, PFA[local])
        return vals[0].value if vals else ""

    value = atlas.values(claim, PFA.quantityValue)
    unit = one("quantityUnit")
    text = format_literal(value[0], lang=lang) if value else ""
    low, high = atlas.values(claim, PFA.quantityLow), atlas.values(claim, PFA.quantityHigh)
    if low and high:
        text = f"{format_literal(low[0], lang=lang)}–{format_literal(high[0], lang=lang)}"
    counted = [(t.value, atlas.label(t.value, lang)) for t in atlas.values(claim, PFA.countedItem)
               if isinstance(t, ox.NamedNode)]
    sts = [s for s in atlas.statements(claim, "subject") if s.p == PFA.quantityValue]
    kind = one("quantityKind")
    return ClaimView(claim, kind_words(kind, lang) if kind else "", text, unit_words(unit, lang) or unit,
                     counted, one("claimText"), sts)
