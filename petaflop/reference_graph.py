"""The reference layer as RDF: ``pfg:reference`` quads, their provenance, conflicts and coverage.

:mod:`petaflop.reference` reads and validates ``reference/*.tsv``; this module turns the rows into
triples typed with the ontology's own properties (``headquarteredIn`` → a country entity,
``ownedBy``/``partOf`` → the parent, ``designedBy`` → the designer, ``memberOf`` → the bloc,
``partOf`` for regions), gives each triple an ``rdf:Statement`` in ``pfg:provenance`` marked
``pfa:extractionRule "reference"`` (with the report line, or the justification as ``rdfs:comment``,
and the data row as ``dct:source``), flags disagreements with the report's facts and lists what
has no country or designer for the coverage report.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from foundation.namespaces import (
    DCT,
    GRAPH_FACTS,
    GRAPH_PROVENANCE,
    GRAPH_REFERENCE,
    PFA,
    PFID,
    PFLOC,
    PFST,
    PROV,
    RDF,
    RDFS,
    SKOS,
    XSD,
)
from petaflop.reference import (
    CHIP_TYPES,
    HANGUL,
    MADE_TYPES,
    ORG_TYPES,
    REFERENCE_DIR,
    RULE,
    Reference,
    Row,
    iso_names,
    load_reference,
)
from reference import REPORT_SHA256

# --------------------------------------------------------------------------- quads


def _iri(entity: str) -> ox.NamedNode:
    return ox.NamedNode(PFID + entity)


def _p(name: str) -> ox.NamedNode:
    return ox.NamedNode(PFA[name])


_G = ox.NamedNode(GRAPH_REFERENCE)
_PROV = ox.NamedNode(GRAPH_PROVENANCE)
_TYPE = ox.NamedNode(RDF.type)
_LABEL = ox.NamedNode(RDFS.label)
_ALT = ox.NamedNode(SKOS.altLabel)


def statement_iri(triple: ox.Triple, row: Row) -> ox.NamedNode:
    digest = hashlib.sha1(f"{triple}|{RULE}|{row.file}:{row.line}".encode()).hexdigest()[:20]
    return ox.NamedNode(PFST + digest)


def _provenance(triple: ox.Triple, row: Row, locations: bool = True) -> list[ox.Quad]:
    stmt = statement_iri(triple, row)
    out = [ox.Quad(stmt, _TYPE, ox.NamedNode(RDF.Statement), _PROV),
           ox.Quad(stmt, ox.NamedNode(RDF.subject), triple.subject, _PROV),
           ox.Quad(stmt, ox.NamedNode(RDF.predicate), triple.predicate, _PROV),
           ox.Quad(stmt, ox.NamedNode(RDF.object), triple.object, _PROV),
           ox.Quad(stmt, _p("extractionRule"), ox.Literal(RULE), _PROV),
           ox.Quad(stmt, ox.NamedNode(DCT.source), ox.Literal(row.where), _PROV)]
    src = row.source
    if src.justification:
        out.append(ox.Quad(stmt, ox.NamedNode(RDFS.comment), ox.Literal(src.justification, language="en"), _PROV))
    if src.kind == "report" and not locations:  # built from another text: the line is not this report's
        out.append(ox.Quad(stmt, ox.NamedNode(RDFS.comment), ox.Literal(f"cites {src} of the reference report",
                                                                        language="en"), _PROV))
    elif src.kind == "report":
        key = f"L{src.start}" if src.start == src.end else f"L{src.start}-{src.end}"
        loc = ox.NamedNode(PFLOC + key)
        integer = ox.NamedNode(XSD.integer)
        out += [ox.Quad(stmt, ox.NamedNode(PROV.wasDerivedFrom), loc, _PROV),
                ox.Quad(loc, _TYPE, _p("ReportLocation"), _PROV),
                ox.Quad(loc, _p("lineStart"), ox.Literal(str(src.start), datatype=integer), _PROV),
                ox.Quad(loc, _p("lineEnd"), ox.Literal(str(src.end), datatype=integer), _PROV)]
    return out


@dataclass
class Emitted:
    """Reference quads (``pfg:reference`` and their statements) and the rows left out, with why."""

    quads: list[ox.Quad] = field(default_factory=list)
    statements: dict[ox.Triple, list[ox.NamedNode]] = field(default_factory=dict)
    skipped: list[tuple[Row, str]] = field(default_factory=list)
    locations: bool = True  # report:<line> sources point at this report's lines

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o, row: Row) -> None:
        triple = ox.Triple(s, p, o)
        self.quads.append(ox.Quad(s, p, o, _G))
        self.quads.extend(_provenance(triple, row, self.locations))
        self.statements.setdefault(triple, []).append(statement_iri(triple, row))

    def triples(self) -> list[ox.Triple]:
        return list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in self.quads if q.graph_name == _G))


def reference_quads(ref: Reference, present: set[str] | None = None,
                    created: dict[str, dict[str, set[str]]] | None = None, locations: bool = True) -> Emitted:
    """The reference graph. Countries and ``entities.tsv`` objects are always emitted (they are the
    layer's own objects); any other row only when its entities are in ``present`` (ids typed in
    ``pfg:facts``; None: all), so the layer never adds an unnamed node to the graph. ``created`` maps
    the labels of objects the extraction created (no gazetteer id) to their ids by kind ("country"
    for organisations, "designer" for chips and systems), for ``unlisted.tsv``."""
    out = Emitted(locations=locations)
    own = {r["id"] for r in ref.of("countries.tsv")} | {r["id"] for r in ref.of("entities.tsv")}
    # a bloc the report names but the facts never type (no mention survived extraction) is declared
    # here from its gazetteer row, so its members are not left pointing at an unnamed node
    for row in ref.of("blocs.tsv"):
        bloc = row["bloc"]
        if present is not None and bloc not in present and bloc not in own and bloc in ref.labels:
            own.add(bloc)
            en, ko = ref.labels[bloc]
            out.add(_iri(bloc), _TYPE, _p(ref.types.get(bloc, "Alliance")), row)
            out.add(_iri(bloc), _LABEL, ox.Literal(en, language="en"), row)
            if ko:
                out.add(_iri(bloc), _LABEL, ox.Literal(ko, language="ko"), row)

    def here(*entities: str) -> str | None:
        if present is None:
            return None
        missing = [e for e in entities if e not in present and e not in own]
        return f"{', '.join(missing)} not in the report graph" if missing else None

    for row in ref.of("entities.tsv"):
        s = _iri(row["id"])
        out.add(s, _TYPE, _p(row["type"]), row)
        out.add(s, _LABEL, ox.Literal(row["name_en"], language="en"), row)
        if row["name_ko"]:
            out.add(s, _LABEL, ox.Literal(row["name_ko"], language="ko"), row)
        for alias in filter(None, row["aliases"].split("|")):
            out.add(s, _ALT, ox.Literal(alias, language="ko" if HANGUL.search(alias) else "en"), row)
    for row in ref.of("countries.tsv"):
        s = _iri(row["id"])
        out.add(s, _TYPE, _p("Country"), row)
        out.add(s, _LABEL, ox.Literal(row["name_en"], language="en"), row)
        out.add(s, _LABEL, ox.Literal(row["name_ko"], language="ko"), row)
        out.add(s, _p("countryCode"), ox.Literal(row["code"]), row)
        en, ko = iso_names(row["code"])
        for name in en:
            if name != row["name_en"]:
                out.add(s, _ALT, ox.Literal(name, language="en"), row)
        for name in ko:
            if name != row["name_ko"]:
                out.add(s, _ALT, ox.Literal(name, language="ko"), row)
    for row in ref.of("regions.tsv"):
        if not row["country"]:  # a macro-region lies in another one (North Africa in Africa) or in none
            if row["part_of"] and here(row["id"], row["part_of"]) is None:
                out.add(_iri(row["id"]), _p("partOf"), _iri(row["part_of"]), row)
            continue
        country = ref.country_by_code[row["country"]]
        parent = row["part_of"] if row["part_of"] and here(row["part_of"]) is None else country
        if (why := here(row["id"])) is not None:
            out.skipped.append((row, why))
            continue
        out.add(_iri(row["id"]), _p("partOf"), _iri(parent), row)
    for row in ref.of("organisations.tsv"):
        if not row["country"]:
            continue
        if (why := here(row["id"])) is not None:
            out.skipped.append((row, why))
            continue
        out.add(_iri(row["id"]), _p("headquarteredIn"), _iri(ref.country_by_code[row["country"]]), row)
    for file, key, prop in (("parents.tsv", "parent", None), ("hardware.tsv", "designer", "designedBy"),
                            ("makers.tsv", "developer", "developedBy"), ("blocs.tsv", "bloc", "memberOf"),
                            ("publishers.tsv", "publisher", "publisherOrganization"), ("sites.tsv", "place", None),
                            ("issuers.tsv", "issuer", None)):
        for row in ref.of(file):
            subject = row["member"] if file == "blocs.tsv" else row["id"]
            if not row[key]:
                continue
            if (why := here(subject, row[key])) is not None:
                out.skipped.append((row, why))
                continue
            if file == "blocs.tsv" and ref.types.get(row["bloc"]) == "Partnership":  # its parties
                out.add(_iri(row["bloc"]), _p("hasParty"), _iri(subject), row)
                continue
            if file == "sites.tsv":  # a site is a place, part of its region (as a region is); a grid or cluster lies in one
                prop = "partOf" if ref.types.get(subject) == "Site" else "locatedIn"
            out.add(_iri(subject), _p(prop or row["link"]), _iri(row[key]), row)
    for row in ref.of("unlisted.tsv"):
        matches = sorted((created or {}).get(row["kind"], {}).get(row["name"], set()))
        if not matches:
            out.skipped.append((row, "no object the extraction created has this label"))
        for entity in matches:
            if row["kind"] == "country":
                out.add(_iri(entity), _p("headquarteredIn"), _iri(ref.country_by_code[row["value"]]), row)
            elif here(row["value"]) is None:
                out.add(_iri(entity), _p("designedBy"), _iri(row["value"]), row)
    return out


# --------------------------------------------------------------------------- the build's hook


@dataclass
class ReferenceLayer:
    """What the build adds: the quads, the ``pfg:reference`` triples (for reasoning and checks) and
    the coverage entries (organisations without a country, chips without a designer, conflicts)."""

    quads: list[ox.Quad]
    triples: list[ox.Triple]
    coverage: dict


def _facts_index(asserted: Iterable[ox.Quad]) -> tuple[dict[str, set[str]], dict, dict, dict]:
    """From the asserted quads: types of each entity id (facts), the facts triples by (s, p), the
    provenance statements of each facts triple, and the ids carrying each label."""
    g_facts, g_prov = ox.NamedNode(GRAPH_FACTS), _PROV
    types: dict[str, set[str]] = {}
    labels: dict[str, set[str]] = {}
    by_sp: dict[tuple, list[ox.Triple]] = {}
    parts: dict[ox.NamedNode, dict[str, object]] = {}
    subj, pred, obj = (ox.NamedNode(RDF[x]) for x in ("subject", "predicate", "object"))
    for q in asserted:  # each attribute of a pyoxigraph quad is a new object: read each once
        g, p = q.graph_name, q.predicate
        if g == g_facts:
            s, o = q.subject, q.object
            if p == _TYPE and s.value.startswith(PFID) and o.value.startswith(PFA):
                types.setdefault(s.value[len(PFID):], set()).add(o.value[len(PFA):])
            by_sp.setdefault((s, p), []).append(ox.Triple(s, p, o))
            if p == _LABEL and s.value.startswith(PFID):
                labels.setdefault(o.value, set()).add(s.value[len(PFID):])
        elif g == g_prov and p in (subj, pred, obj):
            parts.setdefault(q.subject, {})[p.value] = q.object
    stmts: dict[ox.Triple, list[ox.NamedNode]] = {}
    for stmt, p in parts.items():
        if len(p) == 3:
            t = ox.Triple(p[subj.value], p[pred.value], p[obj.value])
            stmts.setdefault(t, []).append(stmt)
    return types, by_sp, stmts, labels


def _country_of(entity: ox.Term, ref: Reference, region_country: dict[str, str]) -> str | None:
    local = entity.value[len(PFID):] if isinstance(entity, ox.NamedNode) and entity.value.startswith(PFID) else ""
    if local in ref.code_by_country:
        return ref.code_by_country[local]
    return region_country.get(local)


def reference_layer(asserted: Iterable[ox.Quad], report: Path | str | None = None,
                    folder: Path = REFERENCE_DIR, gazetteer=None) -> ReferenceLayer:
    """The build's hook: validate ``reference/`` (against the report's lines when given) and return
    the reference quads for the entities of the asserted graph, with conflicts flagged.

    Where the report (``pfg:facts``) and the reference disagree — a different country, designer or
    parent for the same subject — both are kept; their provenance statements are linked by
    ``pfa:conflictsWith`` (both ways) and the pair is listed in the coverage report.
    """
    asserted = list(asserted)
    lines, cited = None, True
    if report is not None:
        data = Path(report).read_bytes()
        cited = hashlib.sha256(data).hexdigest() == REPORT_SHA256
        if cited:  # the lines the sources cite: check them (another text cannot be checked)
            lines = [ln[:-1] if ln.endswith("\r") else ln for ln in data.decode("utf-8").split("\n")]
    ref = load_reference(folder, lines, gazetteer)  # the build passes the extraction's gazetteer (loaded once)
    types, by_sp, fact_stmts, labels = _facts_index(asserted)
    created: dict[str, dict[str, set[str]]] = {"country": {}, "designer": {}}
    for label, ids in labels.items():
        for entity in ids - set(ref.labels):
            kind = "country" if types.get(entity, set()) & ORG_TYPES else \
                "designer" if types.get(entity, set()) & CHIP_TYPES else None
            if kind:  # the label as written, and without a disambiguating "(Chip)" the extraction may add
                for name in {label, re.sub(r"\s*\([A-Za-z]+\)$", "", label)}:
                    created[kind].setdefault(name, set()).add(entity)
    emitted = reference_quads(ref, set(types), created, locations=cited)
    region_country = {r["id"]: r["country"] for r in ref.of("regions.tsv") if r["country"]}
    places = set(region_country) | {r["id"] for r in ref.of("sites.tsv")}  # partOf a place: no parent to conflict
    conflicts, quads = [], list(emitted.quads)
    for triple, ref_stmts in emitted.statements.items():
        name = triple.predicate.value[len(PFA):] if triple.predicate.value.startswith(PFA) else ""
        if name not in ("headquarteredIn", "designedBy", "ownedBy") and not (
                name == "partOf" and triple.subject.value[len(PFID):] not in places):
            continue
        for fact in by_sp.get((triple.subject, triple.predicate), []):
            if fact.object == triple.object:
                continue
            if name == "headquarteredIn":
                theirs = _country_of(fact.object, ref, region_country)
                if theirs is None or theirs == _country_of(triple.object, ref, region_country):
                    continue
            conflicts.append({"subject": triple.subject.value[len(PFID):], "property": name,
                              "report": fact.object.value.rsplit("/", 1)[-1],
                              "reference": triple.object.value.rsplit("/", 1)[-1]})
            for a in ref_stmts:
                for b in fact_stmts.get(fact, []):
                    quads += [ox.Quad(a, _p("conflictsWith"), b, _PROV), ox.Quad(b, _p("conflictsWith"), a, _PROV)]
    coverage = _coverage(ref, types, by_sp, emitted, conflicts)
    coverage["cites_this_report"] = cited
    return ReferenceLayer(list(dict.fromkeys(quads)), emitted.triples(), coverage)


def _coverage(ref: Reference, types: dict[str, set[str]], by_sp: dict, emitted: Emitted, conflicts: list) -> dict:
    """Which graph organisations have a country and chips a designer, from where, and why not."""
    given = {(t.subject, t.predicate) for t in emitted.triples()}

    def has(entity: str, prop: str) -> bool:
        key = (_iri(entity), _p(prop))
        return key in by_sp or key in given

    rows = {f: {r["id"]: r for r in ref.of(f)} for f in ("organisations.tsv", "hardware.tsv", "makers.tsv")}
    missing_country, missing_designer, missing_developer = [], [], []
    by_source = {"report": 0, "reference": 0}
    for file, kinds, prop, value, missing in (
            ("organisations.tsv", ORG_TYPES, "headquarteredIn", "country", missing_country),
            ("hardware.tsv", CHIP_TYPES, "designedBy", "designer", missing_designer),
            ("makers.tsv", MADE_TYPES, "developedBy", "developer", missing_developer)):
        for entity in sorted(e for e, ts in types.items() if ts & kinds):
            if has(entity, prop):
                continue
            row = rows[file].get(entity)
            if row is None:
                created = "" if entity in ref.labels else " (an object the extraction created)"
                missing.append({"id": entity, "reason": f"no row in reference/{file}{created}"})
            elif not row[value]:
                missing.append({"id": entity, "reason": row.source.justification})
    for file_rows in ref.rows.values():
        for row in file_rows:
            if row.source.kind in by_source:
                by_source[row.source.kind] += 1
    return {
        "rows": {f: len(r) for f, r in sorted(ref.rows.items())},
        "rows_by_source": by_source,
        "triples": len(emitted.triples()),
        "organisations_without_country": missing_country,
        "chips_without_designer": missing_designer,
        "products_without_developer": missing_developer,
        "rows_not_used": [{"row": row.where, "reason": why} for row, why in emitted.skipped],
        "conflicts": conflicts,
    }
