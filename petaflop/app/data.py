"""The graph as the app sees it: loaded once into plain-Python indexes, queried lazily for provenance.

:class:`Atlas` is built from a :class:`~petaflop.app.backend.Backend` with a handful of bulk
SELECTs (ontology terms, facts — with the reference layer ``pfg:reference`` when asked —,
inferred facts) and then answers the pages' questions from memory: names in both languages,
types (asserted and inferred), values and links in both directions, instances of a class,
value statements, and a search index over every name and alias. Provenance (report
location, cited sources, qualifiers, conflicts, the rule behind an inferred fact) is fetched
per object on demand, because most of the graph's quads are provenance.

*Auxiliary* nodes — claims, statement-model nodes (value and link statements), report
locations — are never objects of their own: they are shown inside the object they describe,
never as graph nodes, search hits or explorer rows.

No Streamlit here: everything is unit-testable against the report graph.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import pyoxigraph as ox

from foundation.names import local_name, norm_name
from foundation.namespaces import GRAPH_PROVENANCE, PFA, PFID, XSD
from petaflop.app import naming
from petaflop.app.backend import Backend
from petaflop.app.format import compact_usd, format_literal, format_number, is_numeric, to_number
from petaflop.app.graph_index import GraphIndex
from petaflop.app.provenance import (  # noqa: F401  (re-exported for the pages)
    STATEMENT_LINK,
    Location,
    Statement,
    ValueStatement,
    assemble,
    read_report_lines,
    report_excerpt,
    value_statement,
)
from petaflop.app.records import (  # noqa: F401  (re-exported for the pages)
    AUX_CLASSES,
    CLAIM,
    CLAIM_LINKS,
    GROUPS,
    HAS_CLAIM,
    LANGS,
    RDF_TYPE,
    RDFS_LABEL,
    SKOS_ALT,
    ClassInfo,
    Edge,
    Entity,
    PropInfo,
    iri_of,
    slug,
)

__all__ = ["PFA", "PFID", "XSD", "Atlas", "compact_usd", "format_literal", "format_number", "is_numeric",
           "to_number"]


class Atlas(GraphIndex):
    """The report graph in memory (see module docstring). Build with :meth:`load`."""

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, backend: Backend, include_reference: bool = True) -> Atlas:
        atlas = cls(backend, include_reference)
        atlas._load_ontology()
        atlas._load_facts()
        atlas._load_rules()
        atlas._index_claimed_links()
        atlas._index_link_statements()
        atlas._build_search()
        return atlas

    def _build_search(self) -> None:
        index: list[tuple[str, str, bool]] = []
        for ent in self.entities.values():
            if self.is_aux(ent.iri):
                continue
            seen: set[str] = set()
            names = [*((v, True) for v in ent.labels.values()), *((a, False) for a, _ in ent.alt),
                     (naming.korean_name(ent), True), (ent.slug, False)]
            for text, primary in names:
                key = norm_name(text) if text else ""
                if key and key not in seen:
                    seen.add(key)
                    index.append((key, ent.iri, primary))
        self._search = index

    # ------------------------------------------------------------------ names
    def label(self, iri: str, lang: str = "en") -> str:
        """The object's name in ``lang``: its label, the report's own Korean spelling (an alias),
        a name composed in ``lang`` for generated labels (events, investments), then the other
        language, then the IRI's local name."""
        key = (iri, lang)
        hit = self._names.get(key)
        if hit is None:
            ent = self.entities.get(iri)
            if ent is not None:
                self._names[key] = local_name(iri)  # a cycle of composed names ends here
                hit = naming.display_name(self, ent, lang)
            elif iri in self.classes:
                hit = self.class_label(iri, lang)
            elif iri in self.props:
                hit = self.prop_label(iri, lang)
            else:
                hit = self.term_label(iri, lang)
            self._names[key] = hit
        return hit

    def other_label(self, iri: str, lang: str) -> str:
        """The name in the other language, if the graph has one."""
        ent = self.entities.get(iri)
        if ent is None:
            return ""
        other = "ko" if lang == "en" else "en"
        return ent.labels.get(other, "") or (naming.korean_name(ent) if other == "ko" else "")

    def all_names(self, iri: str) -> set[str]:
        """Every name of an object in both languages (labels, aliases, composed names)."""
        ent = self.entities.get(iri)
        if ent is None:
            return set()
        return {*ent.labels.values(), *(a for a, _ in ent.alt), self.label(iri, "en"), self.label(iri, "ko")}

    def grouped_type_counts(self) -> dict[str, list[tuple[str, int]]]:
        """``{group: [(class, count), …]}`` for the Home page, largest first, groups in GROUPS order."""
        out: dict[str, list[tuple[str, int]]] = {g: [] for g in (*GROUPS, "other")}
        for cls, n in self.type_counts().items():
            if cls in AUX_CLASSES - {CLAIM}:
                continue
            out[self.group_of(cls)].append((cls, n))
        for rows in out.values():
            rows.sort(key=lambda r: (-r[1], local_name(r[0])))
        return {g: rows for g, rows in out.items() if rows}

    def instances(self, cls: str) -> list[str]:
        """Objects of a class, asserted or inferred (the inferred graph holds the subclass closure)."""
        return sorted(self.instances_of.get(cls, ()), key=lambda i: self.label(i).casefold())

    # ------------------------------------------------------------------ links
    def links(self, iri: str, *, include_inferred: bool = True) -> list[tuple[str, str, str, bool]]:
        """Object-to-object links touching ``iri``: ``(predicate, direction, other, inferred)``.

        Auxiliary nodes and their bookkeeping are left out, so are links to ontology terms. A
        link and its inverse (``usesChip`` / ``chipUsedBy``, asserted or materialised) are one
        link: the asserted reading wins, then the outgoing one.
        """
        if include_inferred and iri in self._links:
            return self._links[iri]
        candidates: dict[tuple[str, str, str], tuple[int, tuple[str, str, str, bool]]] = {}

        def offer(p: str, direction: str, other: str, inferred: bool) -> None:
            if inferred and not include_inferred:
                return
            inv = self.inverse_of(p)
            canon = min(p, inv) if inv else p
            flipped = {"out": "in", "in": "out"}[direction]
            key = (canon, other, direction if canon == p else flipped)
            rank = (1 if inferred else 0) * 2 + (0 if direction == "out" else 1)
            if key not in candidates or rank < candidates[key][0]:
                candidates[key] = (rank, (p, direction, other, inferred))

        for e in self.out.get(iri, ()):
            if (e.is_link and e.p not in CLAIM_LINKS and e.target in self.entities and e.target != iri
                    and not self.is_aux(e.target)):
                offer(e.p, "out", e.target, e.inferred)
        for e in self.inc.get(iri, ()):
            if e.p not in CLAIM_LINKS and e.s in self.entities and e.s != iri and not self.is_aux(e.s):
                offer(e.p, "in", e.s, e.inferred)
        result = [v for _, v in candidates.values()]
        if include_inferred and not self.is_aux(iri):
            self._links[iri] = result
        return result

    def claimed_links(self, iri: str) -> list[tuple[str, str, str, str]]:
        """Unverified links touching ``iri`` (below the extraction's precision gate), not stated as
        links: ``(predicate, direction, other, claim)``; one per link, a stated link wins."""
        stated = {(p, d, o) for p, d, o, _ in self.links(iri)}
        out, seen = [], set()
        for p, d, o, c in self.claimed.get(iri, ()):
            if (p, d, o) in stated or (p, d, o) in seen:
                continue
            seen.add((p, d, o))
            out.append((p, d, o, c))
        return out

    def stated_links(self, iri: str) -> list[tuple[str, str, str, str, str]]:
        """Links touching ``iri`` that the report states as planned, a target, a forecast or an
        estimate (link statements, never plain links): ``(predicate, direction, other, status, node)``,
        the status an IRI (``pfa:Planned``)."""
        return sorted(self.stated.get(iri, ()), key=lambda r: (r[1] != "out", r[0], r[2], r[3]))

    def claims(self, iri: str) -> list[str]:
        return [e.target for e in self.out.get(iri, ()) if e.p == HAS_CLAIM and e.is_link]

    def value_statements(self, iri: str) -> list[ValueStatement]:
        """The statement-model nodes about ``iri`` (empty when the graph has none)."""
        out = []
        for e in self.out.get(iri, ()):
            if e.p == STATEMENT_LINK and e.is_link:
                vs = value_statement(e.target, iri, self.out.get(e.target, ()))
                if vs is not None:
                    out.append(vs)
        return out

    # ------------------------------------------------------------------ search
    def _match(self, key: str, wanted: set[str] | None, best: dict[str, tuple], base: int = 0) -> None:
        for k, iri, primary in self._search:
            if wanted is not None and not (self.entities[iri].types | self.entities[iri].inferred_types) & wanted:
                continue
            if k == key:
                rank = 0
            elif k.startswith(key):
                rank = 1
            elif key in k:
                rank = 2
            else:
                continue
            score = (base + rank, 0 if primary else 1, len(k), self.label(iri).casefold())
            if iri not in best or score < best[iri]:
                best[iri] = score

    def search(self, query: str, limit: int = 20, types: Iterable[str] | None = None) -> list[str]:
        """Objects whose English or Korean name or alias matches ``query``.

        Case, spacing and punctuation are ignored (``openAI``, ``Open AI``, ``오픈 AI``). Exact
        matches rank first, then prefixes, then substrings, then close spellings. A query that
        names an object exactly also searches that object's names in the other language, so
        ``스타게이트`` and ``Stargate`` find the same objects.
        """
        key = norm_name(query)
        if not key:
            return []
        wanted = set(types) if types else None
        best: dict[str, tuple] = {}
        self._match(key, wanted, best)
        exact = [iri for iri, score in best.items() if score[0] == 0]
        for iri in exact[:3]:
            ent = self.entities[iri]
            for name in {*ent.labels.values(), naming.korean_name(ent)}:
                other = norm_name(name) if name else ""
                if other and other != key:
                    self._match(other, wanted, best, base=1)
        if not best and len(key) >= 3:  # nothing matched: close spellings
            keys = sorted({k for k, _, _ in self._search})
            for k in difflib.get_close_matches(key, keys, n=limit, cutoff=0.75):
                for k2, iri, primary in self._search:
                    if k2 == k and iri not in best:
                        if wanted is None or (self.entities[iri].types | self.entities[iri].inferred_types) & wanted:
                            best[iri] = (4, 0 if primary else 1, len(k), self.label(iri).casefold())
        return [iri for iri, _ in sorted(best.items(), key=lambda kv: kv[1])][:limit]

    def resolve(self, text: str) -> str | None:
        """An object's IRI from a slug, an IRI or a name (the best search hit)."""
        text = (text or "").strip()
        if not text:
            return None
        iri = iri_of(text)
        if iri in self.entities and not self.is_aux(iri):
            return iri
        key = norm_name(text)
        exact = sorted({i for k, i, _ in self._search if k == key}, key=lambda i: self.label(i).casefold())
        return exact[0] if exact else None

    # ------------------------------------------------------------------ provenance
    def statements(self, iri: str, role: str = "subject") -> list[Statement]:
        """Every provenance statement whose ``rdf:subject`` (or ``rdf:object``) is ``iri``."""
        key = (role, iri)
        cached = self._prov_cache.get(key)
        if cached is not None:
            return cached
        prop = "rdf:subject" if role == "subject" else "rdf:object"
        rows = self.backend.select(f"""
            SELECT ?st ?k ?v WHERE {{ GRAPH <{GRAPH_PROVENANCE}> {{ ?st {prop} <{iri}> . ?st ?k ?v }} }}""")
        loc_rows = self.backend.select(f"""
            SELECT DISTINCT ?loc ?k ?v WHERE {{
              GRAPH <{GRAPH_PROVENANCE}> {{ ?st {prop} <{iri}> ; prov:wasDerivedFrom ?loc }}
              GRAPH ?g {{ ?loc ?k ?v }} }}""")
        statements = assemble(rows, loc_rows)
        self._prov_cache[key] = statements
        for st in statements:  # derived from a statement node: that node's report location stands in
            if st.location is not None and st.location.line_start is None and self.is_aux(st.location.iri):
                found = self.node_location(st.location.iri)
                if found is not None:
                    st.location = found
        return statements

    def node_location(self, node: str) -> Location | None:
        """The first report location a statement node (``pfa:Statement``) is derived from."""
        if node not in self._node_locations:
            loc_rows = self.backend.select(f"""
                SELECT DISTINCT ?loc ?k ?v WHERE {{
                  GRAPH <{GRAPH_PROVENANCE}> {{ <{node}> prov:wasDerivedFrom ?loc }}
                  GRAPH ?g {{ ?loc ?k ?v }} }}""")
            from petaflop.app.provenance import locations

            found = sorted((loc for loc in locations(loc_rows).values() if loc.line_start is not None),
                           key=lambda loc: (loc.line_start, loc.iri))
            self._node_locations[node] = found[0] if found else None
        return self._node_locations[node]

    def statements_for(self, s: str, p: str, o) -> list[Statement]:
        """Provenance of one triple (``o`` a pyoxigraph term or an IRI string)."""
        target = o.value if isinstance(o, ox.NamedNode) else o
        out = []
        for st in self.statements(s, "subject"):
            if st.p != p:
                continue
            if isinstance(target, str):
                if isinstance(st.o, ox.NamedNode) and st.o.value == target:
                    out.append(st)
            elif st.o == target:
                out.append(st)
        return out

    def is_reference_only(self, s: str, p: str, o) -> bool:
        """Whether a triple is stated only in the reference layer."""
        target = o if not isinstance(o, str) else ox.NamedNode(o)
        return any(e.reference for e in self.out.get(s, ()) if e.p == p and e.o == target)
