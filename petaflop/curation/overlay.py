"""The action log applied to the extraction: the ``pfg:curation`` overlay.

:func:`compute_overlay` takes the extraction's quads and the actions and returns an
:class:`Overlay`: the quads of ``pfg:curation``, the ``pfg:facts`` quads the actions withdraw,
the curated facts (to reason over and validate) and, per action, whether it applied, was
superseded by a later decision on the same fact, or is **orphaned** (its fact is not extracted
any more) and why. The extraction itself is never changed: every withdrawn triple is kept in
``pfg:curation`` as an ``rdf:Statement`` with ``pfa:withdrawnBy`` (so :func:`~petaflop.curation.index.base_quads`
gives the extraction back), and ``pfg:provenance`` is untouched.

What each action does to the facts:

* **confirm** — recorded (``pfa:curates``); an unverified claim becomes a fact (its statement is
  attached by ``pfa:statement``, a link claim becomes the link);
* **reject** — the link, or the statement with its truthy values, leaves ``pfg:facts``; a
  rejected statement stays in ``pfg:curation`` with ``pfa:DeprecatedRank``;
* **correct** — reject, plus the corrected statement or link in ``pfg:curation``
  (``prov:wasRevisionOf`` the old statement);
* **add** — the new statement or link in ``pfg:curation``;
* **merge** — every fact of the merged entity moves to the kept one (its names become aliases);
* **split** — the facts of the entity read only on the cited lines move to a new entity.

The latest of confirm/reject/correct on a fact decides it. Statement ranks and truthy values of
every subject an action touched are recomputed with the truthy policy (:func:`petaflop.statements.rank`).
Everything is a function of the quads and the actions, so the same inputs give the same bytes.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal

import pyoxigraph as ox

from foundation.names import slugify
from foundation.namespaces import PFA, PFST, PROV, RDF, RDFS, SKOS, XSD
from foundation.periods import parse_period
from foundation.units import unit as unit_of
from petaflop import graph
from petaflop.curation.actions import Action
from petaflop.curation.index import G_CURATION, G_FACTS, FactIndex, entity_id, entity_node
from petaflop.curation.matching import Match, match, match_addition
from petaflop.curation.results import ActionResult, Overlay
from petaflop.extract.facts import Location, Statement
from petaflop.statements import Merged, rank

_TYPE, _LABEL, _ALT = ox.NamedNode(RDF.type), ox.NamedNode(RDFS.label), ox.NamedNode(SKOS.altLabel)
_STATEMENT, _HAS_CLAIM = ox.NamedNode(PFA.statement), ox.NamedNode(PFA.hasClaim)
_RANK_P = ox.NamedNode(PFA.statementRank)
_CLASS = {"confirm": "Confirmation", "reject": "Rejection", "correct": "Correction", "add": "Addition",
          "merge": "EntityMerge", "split": "EntitySplit"}
_RANK = {"preferred": PFA.PreferredRank, "normal": PFA.NormalRank, "deprecated": PFA.DeprecatedRank}


def action_node(action_id: str) -> ox.NamedNode:
    return entity_node("action-" + action_id)


@dataclass
class _Prov:
    lines: set[int] = field(default_factory=set)
    locations: set[ox.NamedNode] = field(default_factory=set)
    rules: set[str] = field(default_factory=set)
    derived: set[ox.NamedNode] = field(default_factory=set)  # statement nodes a truthy value comes from

    def merge(self, other: _Prov | None) -> None:
        if other is not None:
            self.lines |= other.lines
            self.locations |= other.locations
            self.rules |= other.rules
            self.derived |= other.derived


def _line_prov(line: int, rule: str) -> _Prov:
    loc = graph.location_iri(Location(line, line))
    return _Prov({line}, {loc}, {rule})


class _Engine:
    def __init__(self, index: FactIndex, model):
        self.ix, self.model = index, model
        self.F: set[ox.Triple] = set(index.facts)
        self.cause: dict[ox.Triple, set[str]] = defaultdict(set)
        self.prov: dict[ox.Triple, _Prov] = {}
        self.records: set[ox.Quad] = set()
        self.prov_done: set[ox.Triple] = set()
        self.content: dict[ox.NamedNode, Statement] = {}  # statements added or corrected
        self.new_lines: dict[ox.NamedNode, _Prov] = {}
        self.affected: dict[str, set[str]] = defaultdict(set)
        self.split_ids: set[str] = set()  # entities the log's splits create
        self.locations: set[int] = set()
        # truthy values derived from statements (a truthy property can also hold a plain extracted fact)
        self.truthy: set[ox.Triple] = {t for ts in index.truthy_of.values() for t in ts}

    # ------------------------------------------------------------------ the fact set
    def add(self, t: ox.Triple, causes: Iterable[str], prov: _Prov | None = None) -> None:
        self.F.add(t)
        self.cause[t].update(causes)
        if prov is not None:
            self.prov.setdefault(t, _Prov()).merge(prov)

    def remove(self, t: ox.Triple, causes: Iterable[str]) -> None:
        if t in self.F:
            self.F.discard(t)
            self.cause[t].update(causes)

    def prov_of(self, t: ox.Triple) -> _Prov:
        p = _Prov()
        if t in self.prov:
            p.merge(self.prov[t])
        for o in self.ix.prov_by_triple.get(t, ()):
            p.merge(_Prov({o.line_start}, {o.location}, {o.rule}))
        if t.predicate in (_STATEMENT, _HAS_CLAIM):
            rec = self.ix.statements.get(t.object)
            if rec is not None:
                for o in rec.occurrences:
                    p.merge(_Prov({o.line_start}, {o.location}, {o.rule}))
            p.merge(self.new_lines.get(t.object))
        return p

    # ------------------------------------------------------------------ actions on facts
    def decide(self, a: Action, m: Match) -> None:
        for rec in m.statements:
            s = entity_node(rec.subject)
            if a.type == "confirm":
                if not rec.verified:  # a claim confirmed by a reviewer becomes a fact
                    self.remove(ox.Triple(s, _HAS_CLAIM, rec.node), [a.id])
                    self.remove(ox.Triple(rec.node, _TYPE, ox.NamedNode(PFA.Claim)), [a.id])
                    self.add(ox.Triple(s, _STATEMENT, rec.node), [a.id], self.prov_of(ox.Triple(s, _STATEMENT, rec.node)))
                    self.affected[rec.subject].add(a.id)
                continue
            self.reject_statement(rec, a)
            if a.type == "correct":
                self.corrected(rec, a)
        for rec in m.links:
            if a.type == "confirm":
                if rec.claim is not None:
                    self.remove(rec.attach, [a.id])
                    p = _Prov()
                    for o in rec.occurrences:
                        p.merge(_Prov({o.line_start}, {o.location}, {o.rule}))
                    self.add(rec.triple, [a.id], p)
                continue
            self.remove(rec.attach, [a.id])
            if a.type == "correct":
                prop = a.change.get("property") or rec.property
                obj = a.change.get("object") or rec.object
                t = ox.Triple(entity_node(rec.subject), ox.NamedNode(PFA[prop]), entity_node(obj))
                self.add(t, [a.id], _line_prov(a.target.line, "curation:correct"))
                self.locations.add(a.target.line)

    def reject_statement(self, rec, a: Action) -> None:
        s = entity_node(rec.subject)
        attach = _STATEMENT if rec.verified else _HAS_CLAIM
        self.remove(ox.Triple(s, attach, rec.node), [a.id])
        for t in rec.triples:
            self.remove(t, [a.id])
            obj = ox.NamedNode(PFA.DeprecatedRank) if t.predicate == _RANK_P else t.object
            self.records.add(ox.Quad(t.subject, t.predicate, obj, G_CURATION))
        self.records.add(ox.Quad(s, attach, rec.node, G_CURATION))
        if rec.verified:
            self.affected[rec.subject].add(a.id)

    def corrected(self, rec, a: Action) -> None:
        ch = a.change
        value, high, unit_code = rec.value, rec.high, rec.unit
        if ch.get("value") or ch.get("unit"):
            number = Decimal(ch.get("value") or a.target.value)
            top = Decimal(ch["high"]) if ch.get("high") else None
            u = unit_of(ch.get("unit") or a.target.unit or rec.unit)
            value, high, unit_code = u.to_base(number), (u.to_base(top) if top is not None else None), u.base
        time = parse_period(ch["time"]) if ch.get("time") else rec.time
        st = Statement(subject=rec.subject, kind=rec.kind, location=Location(a.target.line, a.target.line),
                       rule="curation:correct", value=value, high=high, unit=unit_code,
                       status=ch.get("status") or rec.status, time=time, scope=ch.get("scope") or rec.scope,
                       per=rec.per, item=ch.get("item") or rec.item, number_format=rec.number_format,
                       metric=rec.metric, bound=rec.bound)  # fmt: skip
        node = self.new_statement(st, a)
        self.records.add(ox.Quad(node, ox.NamedNode(PROV.wasRevisionOf), rec.node, G_CURATION))

    def new_statement(self, st: Statement, a: Action) -> ox.NamedNode:
        m = Merged(st, occurrences=[st], verified=True)
        node = graph.statement_node(m)
        link = ox.Triple(entity_node(st.subject), _STATEMENT, node)
        for q in graph.value_statement_quads([m]):
            if q.graph_name == G_FACTS:
                self.add(ox.Triple(q.subject, q.predicate, q.object), [a.id])
            else:
                self.records.add(ox.Quad(q.subject, q.predicate, q.object, G_CURATION))
        stmt = graph.statement_iri(link, f"{st.location.key}|{st.rule}")
        self.records.add(ox.Quad(stmt, ox.NamedNode(PROV.wasGeneratedBy), action_node(a.id), G_CURATION))
        self.prov_done.add(link)
        self.content[node] = st
        self.new_lines[node] = _line_prov(st.location.line_start, st.rule)
        self.affected[st.subject].add(a.id)
        return node

    def added(self, a: Action, subjects: set[str]) -> ActionResult:
        t = a.target
        if self.ix.has_entity(t.subject) or t.subject in self.split_ids:  # the entity named, or one a split makes
            subject = t.subject
        else:  # an entity merged into the one named
            subject = next((s for s in sorted(subjects) if self.ix.has_entity(s)), None)
        if subject is None:
            return ActionResult(a, "orphaned", reason=f"subject {t.subject} is not in the graph any more")
        if t.kind == "link":
            if not self.ix.has_entity(t.object):
                return ActionResult(a, "orphaned", reason=f"object {t.object} is not in the graph any more")
            triple = ox.Triple(entity_node(subject), ox.NamedNode(PFA[t.property]), entity_node(t.object))
            self.add(triple, [a.id], _line_prov(t.line, "curation:add"))
            self.locations.add(t.line)
            return ActionResult(a, "applied", nodes=[graph.statement_iri(triple, "curation")], fact=t.property)
        value = high = None
        unit_code = ""
        if t.value:
            u = unit_of(t.unit)
            value, unit_code = u.to_base(Decimal(t.value)), u.base
            high = u.to_base(Decimal(t.high)) if t.high else None
        st = Statement(subject=subject, kind=t.statement_kind, location=Location(t.line, t.line), rule="curation:add",
                       value=value, high=high, unit=unit_code, status=t.status or "actual",
                       time=parse_period(t.time) if t.time else None, scope=t.scope, per=t.per, item=t.item,
                       metric=t.metric)  # fmt: skip
        return ActionResult(a, "applied", nodes=[self.new_statement(st, a)], fact=t.statement_kind)

    # ------------------------------------------------------------------ entities
    def _touching(self, node: ox.NamedNode) -> list[ox.Triple]:
        return sorted((t for t in self.F if t.subject == node or t.object == node), key=str)

    def moved(self, old: ox.Triple, new: ox.Triple, a: Action) -> None:
        self.add(new, [a.id], self.prov_of(old))
        if old in self.truthy:
            self.truthy.add(new)

    @staticmethod
    def _swap(t: ox.Triple, old: ox.NamedNode, new: ox.NamedNode) -> ox.Triple:
        return ox.Triple(new if t.subject == old else t.subject, t.predicate, new if t.object == old else t.object)

    def merge(self, a: Action) -> ActionResult:
        drop, keep = a.target.subject, a.change["into"]
        for eid in (drop, keep):
            if not self.ix.has_entity(eid):
                return ActionResult(a, "orphaned", reason=f"{eid} is not in the graph any more")
        b, k = entity_node(drop), entity_node(keep)
        for t in self._touching(b):
            self.remove(t, [a.id])
            if t.subject == b and t.predicate == _TYPE:
                continue
            new = ox.Triple(k, _ALT, t.object) if t.subject == b and t.predicate == _LABEL else self._swap(t, b, k)
            self.moved(t, new, a)
        self.records.add(ox.Quad(b, ox.NamedNode(PFA.mergedInto), k, G_CURATION))
        self.affected[keep].add(a.id)
        return ActionResult(a, "applied", nodes=[b, k])

    def split(self, a: Action) -> ActionResult:
        source, ch = a.target.subject, a.change
        new_id = slugify(ch["name"])
        if not self.ix.has_entity(source):
            return ActionResult(a, "orphaned", reason=f"{source} is not in the graph any more")
        if not new_id or self.ix.has_entity(new_id):
            return ActionResult(a, "orphaned", reason=f"an entity {new_id or ch['name']!r} exists already; merge instead")
        e, n, lines = entity_node(source), entity_node(new_id), set(ch["lines"])
        moves = [t for t in self._touching(e) if t.predicate not in (_TYPE, _LABEL, _ALT)
                 and (ls := self.prov_of(t).lines) and ls <= lines]
        if not moves:
            return ActionResult(a, "orphaned", reason=f"no fact of {source} is read only from line(s) "
                                                      f"{', '.join(map(str, sorted(lines)))} any more")
        for t in moves:
            self.remove(t, [a.id])
            self.moved(t, self._swap(t, e, n), a)
        types = [ox.NamedNode(PFA[ch["type"]])] if ch.get("type") else sorted(
            (t.object for t in self.F if t.subject == e and t.predicate == _TYPE), key=str)
        p = _line_prov(a.target.line, "curation:split")
        self.locations.add(a.target.line)
        for cls in types:
            self.add(ox.Triple(n, _TYPE, cls), [a.id], p)
        self.add(ox.Triple(n, _LABEL, ox.Literal(ch["name"], language="en")), [a.id], p)
        if ch.get("name_ko"):
            self.add(ox.Triple(n, _LABEL, ox.Literal(ch["name_ko"], language="ko")), [a.id], p)
        self.records.add(ox.Quad(n, ox.NamedNode(PFA.splitFrom), e, G_CURATION))
        self.affected[source].add(a.id)
        self.affected[new_id].add(a.id)
        return ActionResult(a, "applied", nodes=[e, n])

    # ------------------------------------------------------------------ ranks and truthy values
    def rerank(self, subjects: Iterable[str]) -> None:
        truthy_props = {PFA[r.property] for r in self.model.truthy}
        by_subject: dict[ox.Term, list[ox.Triple]] = defaultdict(list)
        for t in self.F:
            by_subject[t.subject].append(t)
        for sid in sorted(subjects):
            s, causes = entity_node(sid), self.affected.get(sid, set())
            attached = sorted((t.object for t in by_subject.get(s, ()) if t.predicate == _STATEMENT), key=str)
            for t in by_subject.get(s, ()):
                if t.predicate.value in truthy_props and t in self.truthy:
                    self.remove(t, causes)
            live: list[tuple[ox.NamedNode, Merged]] = []
            for node in attached:
                for t in by_subject.get(node, ()):
                    if t.predicate == _RANK_P:
                        self.remove(t, causes)
                st = self.content.get(node)
                if st is None:
                    rec = self.ix.statements.get(node)
                    if rec is None:
                        continue
                    st = rec.to_statement()
                st = replace(st, subject=sid)
                live.append((node, Merged(st, occurrences=[st], verified=True)))
            rank([m for _, m in live], self.model)
            for node, m in live:
                self.add(ox.Triple(node, _RANK_P, ox.NamedNode(_RANK[m.rank])), causes)
                lines = self.prov_of(ox.Triple(s, _STATEMENT, node))
                for prop, value, datatype in m.truthy:
                    t = ox.Triple(s, ox.NamedNode(PFA[prop]), graph.literal(value, datatype))
                    p = _Prov(set(lines.lines), set(lines.locations), {"truthy:" + r for r in lines.rules}, {node})
                    self.add(t, causes, p)
                    self.truthy.add(t)

    # ------------------------------------------------------------------ output
    def quads(self, results: list[ActionResult]) -> tuple[set[ox.Quad], frozenset[ox.Quad], list[ox.Triple]]:
        base = self.ix.facts
        added = self.F - base
        withdrawn = base - self.F
        out = set(self.records)
        stmt_nodes = set(self.ix.statements) | set(self.content)
        for t in added:
            out.add(ox.Quad(t.subject, t.predicate, t.object, G_CURATION))
            if t.subject in stmt_nodes or t in self.prov_done:
                continue
            node = graph.statement_iri(t, "curation")
            p = self.prov_of(t)
            out.update(self._reified(node, t))
            for loc in sorted(p.locations, key=str):
                out.add(ox.Quad(node, ox.NamedNode(PROV.wasDerivedFrom), loc, G_CURATION))
            for d in sorted(p.derived, key=str):
                out.add(ox.Quad(node, ox.NamedNode(PROV.wasDerivedFrom), d, G_CURATION))
            for rule in sorted(p.rules):
                out.add(ox.Quad(node, ox.NamedNode(PFA.extractionRule), ox.Literal(rule), G_CURATION))
            for aid in sorted(self.cause[t]):
                out.add(ox.Quad(node, ox.NamedNode(PROV.wasGeneratedBy), action_node(aid), G_CURATION))
        for t in withdrawn:
            node = ox.NamedNode(PFST + "w-" + hashlib.sha1(str(t).encode("utf-8")).hexdigest()[:20])
            out.update(self._reified(node, t))
            for aid in sorted(self.cause[t]):
                out.add(ox.Quad(node, ox.NamedNode(PFA.withdrawnBy), action_node(aid), G_CURATION))
        for r in results:
            out.update(_action_quads(r))
            if r.action.target.line:
                self.locations.add(r.action.target.line)
        for line in self.locations:
            for q in graph.location_quads(Location(line, line)):
                out.add(ox.Quad(q.subject, q.predicate, q.object, G_CURATION))
        withdrawn_quads = frozenset(ox.Quad(t.subject, t.predicate, t.object, G_FACTS) for t in withdrawn)
        return out, withdrawn_quads, sorted(added, key=str)

    @staticmethod
    def _reified(node: ox.NamedNode, t: ox.Triple) -> list[ox.Quad]:
        return [ox.Quad(node, _TYPE, ox.NamedNode(RDF.Statement), G_CURATION),
                ox.Quad(node, ox.NamedNode(RDF.subject), t.subject, G_CURATION),
                ox.Quad(node, ox.NamedNode(RDF.predicate), t.predicate, G_CURATION),
                ox.Quad(node, ox.NamedNode(RDF.object), t.object, G_CURATION)]


def _action_quads(r: ActionResult) -> list[ox.Quad]:
    a, node = r.action, action_node(r.action.id)

    def q(p: str, o: ox.Term) -> ox.Quad:
        return ox.Quad(node, ox.NamedNode(p), o, G_CURATION)

    out = [q(RDF.type, ox.NamedNode(PFA.CurationAction)), q(RDF.type, ox.NamedNode(PFA[_CLASS[a.type]])),
           q(PFA.actionId, ox.Literal(a.id)), q(PFA.curator, ox.Literal(a.user)),
           q(PROV.endedAtTime, ox.Literal(a.created, datatype=ox.NamedNode(XSD.dateTime))),
           q(PROV.wasDerivedFrom, graph.location_iri(Location(a.target.line, a.target.line)))]
    if a.reason:
        out.append(q(PFA.curationReason, ox.Literal(a.reason)))
    if a.evidence:
        out.append(q(PFA.evidenceText, ox.Literal(a.evidence)))
    if r.status == "orphaned":
        out.append(q(PFA.orphanReason, ox.Literal(r.reason)))
    for n in r.nodes:
        out.append(q(PFA.curates, n))
    if r.status == "applied":
        out += [q(PFA.extractionRule, ox.Literal(rule)) for rule in r.rules]
    return out


def aliases(actions: list[Action]) -> dict[str, set[str]]:
    """Entity id -> the extracted entities whose facts it holds after the merges and splits."""
    out: dict[str, set[str]] = defaultdict(set)
    for a in actions:
        if a.type == "merge":
            out[a.change["into"]] |= {a.target.subject} | out.get(a.target.subject, set())
        elif a.type == "split":
            out[slugify(a.change["name"])] |= {a.target.subject}
    return out


def _keys(m: Match) -> list[tuple[str, object]]:
    return [("st", r.node) for r in m.statements] + [("link", (r.subject, r.property, r.object)) for r in m.links]


def compute_overlay(quads: Iterable[ox.Quad], actions: Iterable[Action], index: FactIndex | None = None,
                    model=None) -> Overlay:
    """The overlay of ``actions`` on the extraction ``quads`` (see the module docstring)."""
    from ontology.model import load_model

    actions = sorted(actions, key=lambda a: (a.created, a.id))
    if not actions:
        return Overlay([], frozenset(), [], [])
    index = index or FactIndex(quads)
    eng = _Engine(index, model or load_model())
    eng.split_ids = {slugify(a.change["name"]) for a in actions if a.type == "split"}
    merged = aliases(actions)

    def widen(eid: str) -> set[str]:
        return {eid} | merged.get(eid, set())

    results: dict[str, ActionResult] = {}
    decided: dict[tuple, tuple[Action, Match]] = {}
    on_added: dict[str, Action] = {}  # an added fact's id -> the latest decision about it
    for a in actions:
        if a.type in ("confirm", "reject", "correct"):
            t = a.target
            m = match(index, t, widen(t.subject), widen(t.object) if t.object else None)
            if not m.found:
                earlier = [b for b in actions if b.type == "add" and (b.created, b.id) < (a.created, a.id)]
                added = match_addition(earlier, t, widen(t.subject), widen(t.object) if t.object else None)
                if added is None:
                    results[a.id] = ActionResult(a, "orphaned", reason=m.reason)
                elif a.type == "correct":
                    results[a.id] = ActionResult(a, "orphaned", reason=f"it corrects the addition {added.id}: "
                                                                       "reject that addition and add the right fact")
                else:
                    results[a.id] = ActionResult(a, "applied", note=f"{a.type}s the addition {added.id}",
                                                 fact=t.statement_kind or t.property)
                    on_added[added.id] = a
                continue
            recs = m.statements or m.links
            rules = sorted({o.rule for r in recs for o in r.occurrences if o.covers(t.line)})
            nodes = [r.node for r in m.statements] + [r.claim for r in m.links if r.claim is not None]
            nodes += [o.prov for r in m.links for o in r.occurrences if o.covers(t.line)]
            results[a.id] = ActionResult(a, "applied", note=m.note, nodes=nodes, rules=rules,
                                         fact=t.statement_kind or t.property)
            for key in _keys(m):
                decided[key] = (a, m)
    effective: dict[str, tuple[Action, Match]] = {}
    for a, m in decided.values():
        effective[a.id] = (a, m)
    on_added_latest = {a.id for a in on_added.values()}
    for aid, r in results.items():
        if r.status == "applied" and aid not in effective and r.action.type != "add" and aid not in on_added_latest:
            r.status, r.rules = "superseded", []
    for a, m in sorted(effective.values(), key=lambda am: (am[0].created, am[0].id)):
        keep = {k for k, (b, _) in decided.items() if b.id == a.id}
        eng.decide(a, Match(statements=[r for r in m.statements if ("st", r.node) in keep],
                            links=[r for r in m.links if ("link", (r.subject, r.property, r.object)) in keep]))
    for a in actions:
        if a.type != "add":
            continue
        decision = on_added.get(a.id)
        if decision is not None and decision.type == "reject":
            results[a.id] = ActionResult(a, "superseded", note=f"retracted by {decision.id}")
        else:
            results[a.id] = eng.added(a, widen(a.target.subject))
    for a in actions:
        if a.type == "merge":
            results[a.id] = eng.merge(a)
        elif a.type == "split":
            results[a.id] = eng.split(a)
    eng.rerank(eng.affected)
    ordered = [results[a.id] for a in actions]
    out, withdrawn, facts = eng.quads(ordered)
    return Overlay(sorted(out, key=str), withdrawn, facts, ordered)


def entity_of(node: ox.NamedNode) -> str:
    return entity_id(node.value)
