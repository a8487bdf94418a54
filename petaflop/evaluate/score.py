"""Match the graph's facts to the gold and count: precision, recall and F1 by stratum.

Units of counting:

* a **gold fact** is a distinct (subject, relation, object/value, item, precision, per) — the same
  fact stated on two lines is one fact with two rows;
* a **graph fact** is one asserted triple (or statement node) whose provenance has a line inside
  a gold span. Graph facts without provenance in the spans are outside the gold and not judged.

A graph fact is a true positive when it matches at least one gold fact; a gold fact is recalled
when at least one asserted graph fact (anywhere in the report) matches it. A wrong value is a
false positive and leaves its gold fact a false negative.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from foundation.names import norm_name
from ontology.model import OntologyModel, load_model
from petaflop.evaluate.gold import DateValue, Gold, GoldFact, Value, parse_value
from petaflop.evaluate.graphfacts import GraphDate, GraphFact, GraphValue, GraphView

TOLERANCE = Decimal("0.01")  # relative: the report rounds (약 1.2 GW vs 1,200 MW)
#: Kinds that stand for any kind of the same dimension (a vaguer but not a wrong statement).
GENERIC_KINDS = {"amount", "quantity", "share", "unitCount", "multiple", "duration"}
#: Kinds that name the same measure at different levels of detail.
KIND_FAMILIES = [{"chipCount", "gpuCount", "cpuCount"}, {"powerCapacity", "powerDemand"}]
SYMMETRIC = {"partnerOf", "competesWith"}
#: Gold relations that stand for a party's part in a deal node (``dealParty``).
DEAL_RELATIONS = {"investsIn", "acquired", "partnerOf", "customerOf", "suppliedBy", "supplies", "procures",
                  "fundedBy", "hasCustomer", "acquiredBy"}
CHAPTER_BOUNDS = (
    ("I", 1, 590), ("II", 591, 992),
    ("III", 993, 1770), ("IV", 1771, 2219), ("V", 2220, 2704), ("VI", 2705, 3452), ("VII", 3453, 3893),
    ("VIII", 3894, 4554), ("IX", 4555, 5180), ("X", 5181, 5747), ("conclusion", 5748, 5774),
)  # fmt: skip


def chapter_of(line: int) -> str:
    for name, a, b in CHAPTER_BOUNDS:
        if a <= line <= b:
            return name
    return "outside"


@dataclass
class GoldUnit:
    """A distinct gold fact and the rows that state it."""

    rows: list[GoldFact]
    subjects: set[str]  # resolved IRIs
    objects: set[str]  # resolved IRIs (links)
    matched_by: list[GraphFact] = field(default_factory=list)

    @property
    def first(self) -> GoldFact:
        return self.rows[0]


@dataclass
class Counts:
    tp: int = 0  # graph facts judged right
    fp: int = 0
    recalled: int = 0  # gold facts found
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.recalled / (self.recalled + self.fn) if self.recalled + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)

    def to_json(self) -> dict[str, object]:
        r3 = lambda x: None if x is None else round(x, 4)  # noqa: E731
        return {"tp": self.tp, "fp": self.fp, "recalled": self.recalled, "fn": self.fn,
                "precision": r3(self.precision), "recall": r3(self.recall), "f1": r3(self.f1)}  # fmt: skip


@dataclass
class Evaluation:
    overall: Counts
    strata: dict[str, dict[str, Counts]]
    false_positives: list[GraphFact]
    false_negatives: list[GoldUnit]
    units: list[GoldUnit]
    judged: list[tuple[GraphFact, bool]]
    qualifiers: dict[str, Counter]
    types: dict[str, object]
    gold_rows: int
    graph_facts_outside: int
    unscored_attributes: int
    inferred_recall: Counts
    unresolved_subjects: Counter


def _resolve(view: GraphView, names: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for n in names:
        out |= view.names.get(norm_name(n), set())
    return out


def _unit_key(f: GoldFact) -> tuple:
    if f.relation_kind == "link":
        obj: tuple = ("link", norm_name(f.object_names[0]))
    elif isinstance(f.value, Value):
        obj = ("value", f.value.low, f.value.high, f.value.unit)
    else:
        obj = ("date", f.object)
    q = f.qualifiers
    return (norm_name(f.subject[0]), f.relation, obj, q.get("item", ""), q.get("precision", ""), q.get("per", ""))


def _close(a: Decimal, b: Decimal) -> bool:
    if a == b:
        return True
    scale = max(abs(a), abs(b))
    return abs(a - b) <= TOLERANCE * scale


def _value_match(g: Value | DateValue | None, v: GraphValue | GraphDate | None) -> str | None:
    """'exact', 'contained' (a date more precise than the gold's), or None."""
    if isinstance(g, Value) and isinstance(v, GraphValue):
        if g.unit != v.unit and not (g.dimension in ("count", "number") and v.dimension in ("count", "number")):
            return None
        if g.dimension in ("money",) and g.unit != v.unit:
            return None
        return "exact" if _close(g.low, v.low) and _close(g.high, v.high) else None
    if isinstance(g, DateValue) and isinstance(v, GraphDate):
        if (g.start, g.end) == (v.start, v.end):
            return "exact"
        if g.start <= v.start and v.end <= g.end:
            return "contained"
    return None


def _kinds_compatible(gold: str, graph: str, model: OntologyModel) -> bool:
    """A graph value of a generic kind (an amount) may stand for the gold's specific one (a capex): it
    says less, nothing wrong. A specific graph kind where the gold chose a generic one says what the
    gold does not: NVIDIA's revenue from a cluster is no revenue of the cluster, a share of traffic no
    market share, visits no users — wrong."""
    if gold == graph:
        return True
    if model.kinds[gold].dimension != model.kinds[graph].dimension:
        return False
    if graph in GENERIC_KINDS:
        return True
    return any(gold in fam and graph in fam for fam in KIND_FAMILIES)


def _link_match(u: GoldUnit, f: GraphFact, model: OntologyModel) -> bool:
    g = u.first
    rel = f.relation
    if "deal" in f.qualifiers:
        # a party of a deal node (read from the node's roles): right when the gold states, on the
        # deal's line, a deal link of this party or a sum, stake or value the party commits
        party = f.subject
        on_line = any(g2.line_start in f.lines or g2.line_end in f.lines for g2 in u.rows)
        if not on_line or not (party in u.subjects or party in u.objects):
            return False
        if rel == "investsIn" and g.relation_kind == "link" and g.relation in DEAL_RELATIONS:
            return f.object in u.objects or f.object in u.subjects
        return (g.relation_kind == "link" and g.relation in DEAL_RELATIONS) or (
            g.relation_kind == "kind" and model.kinds[g.relation].dimension in ("money", "percent"))
    gold_anc = model.property_ancestors(g.relation)
    rel_anc = model.property_ancestors(rel)
    same_dir = rel == g.relation or g.relation in rel_anc or rel in gold_anc
    if same_dir and f.subject in u.subjects and f.object in u.objects:
        return True
    inv = model.properties[rel].inverse if rel in model.properties else None
    inv_ok = inv is not None and (inv == g.relation or g.relation in model.property_ancestors(inv))
    if (inv_ok or (rel in SYMMETRIC and same_dir)) and f.object in u.subjects and f.subject in u.objects:
        return True
    return False


def evaluate(gold: Gold, view: GraphView, model: OntologyModel | None = None) -> Evaluation:
    model = model or load_model()
    _align_anonymous(gold, view, model)
    # gold facts, merged across lines
    by_key: dict[tuple, GoldUnit] = {}
    unresolved: Counter = Counter()
    for f in gold.facts:
        key = _unit_key(f)
        if key in by_key:  # one fact stated on several rows: each row's names of its subject name it
            by_key[key].rows.append(f)
            by_key[key].subjects |= _resolve(view, f.subject)
            continue
        subs = _resolve(view, f.subject)
        if not subs:
            unresolved[f.subject[0]] += 1
        objs = _resolve(view, f.object_names) if f.relation_kind == "link" else set()
        by_key[key] = GoldUnit([f], subs, objs)
    units = list(by_key.values())
    by_subject: dict[str, list[GoldUnit]] = defaultdict(list)
    for u in units:
        for s in u.subjects:
            by_subject[s].append(u)
        for o in u.objects:  # an inverse link in the graph starts at the gold object
            by_subject[o].append(u)

    def matches(f: GraphFact) -> list[tuple[GoldUnit, str]]:
        out = []
        subjects = {f.subject} | (f.alt_subjects if f.relation_kind == "kind" else set())
        candidates = {id(u): u for s in subjects for u in by_subject.get(s, ())}
        for u in candidates.values():
            g = u.first
            if f.relation_kind == "link" and (g.relation_kind == "link" or "deal" in f.qualifiers):
                if _link_match(u, f, model):
                    # a deal party supported by a value of the party: right, but it does not find the value
                    out.append((u, "exact" if g.relation_kind == "link" else "support"))
            elif f.relation_kind == "kind" and g.relation_kind == "kind" and subjects & u.subjects:
                if not _kinds_compatible(g.relation, f.relation, model):
                    continue
                how = _value_match(g.value, f.value)
                if how:
                    out.append((u, how))
            elif f.relation_kind == "kind" and g.relation_kind == "link" and f.alt_subjects and "amount" in g.qualifiers:
                # a deal's amount against a gold investment/contract link with amount=
                if u.subjects & f.alt_subjects and u.objects & f.alt_subjects:
                    if _value_match(parse_value(g.qualifiers["amount"]), f.value):
                        out.append((u, "exact"))
        return out

    spans = gold.spans
    covered = {n for s in spans for n in range(s.start, s.end + 1)}

    def in_gold(f: GraphFact) -> bool:
        return bool(f.lines & covered)

    judged: list[tuple[GraphFact, bool]] = []
    fps: list[GraphFact] = []
    outside = 0
    quals: dict[str, Counter] = defaultdict(Counter)
    for f in view.facts:
        found = matches(f)
        for u, how in found:
            if how == "support":
                continue
            u.matched_by.append(f)
            if f.relation_kind == "kind":
                _compare_qualifiers(row_of_time(u, f), f, how, quals)
            elif not f.candidate:  # a link's status (absent: actual) against the gold row's
                gs, fs = _link_status(u.first.qualifiers, u.first.note), f.qualifiers.get("status", "actual")
                quals["status (links)"]["agree" if gs == fs else f"gold {gs} / graph {fs}"] += 1
        if not f.lines or not in_gold(f) or not spans:
            outside += 1
            continue
        ok = bool(found)
        judged.append((f, ok))
        if not ok:
            fps.append(f)

    strata: dict[str, dict[str, Counts]] = defaultdict(lambda: defaultdict(Counts))
    overall = Counts()

    def bump(f: GraphFact, ok: bool) -> None:
        line = min(f.lines & covered)
        stype = _primary_type(view.types.get(f.subject, set()), model)
        keys = {
            "chapter": chapter_of(line), "relation": f.relation, "family": _family(f.relation_kind, f.relation, model),
            "subject_type": stype,
        }  # fmt: skip
        for k, v in keys.items():
            c = strata[k][v]
            c.tp += ok
            c.fp += not ok
        for rule in f.rules or {"(none)"}:
            c = strata["rule"][rule]
            c.tp += ok
            c.fp += not ok

    for f, ok in judged:
        overall.tp += ok
        overall.fp += not ok
        bump(f, ok)
    fns = []
    for u in units:
        g = u.first
        ok = bool(u.matched_by)
        overall.recalled += ok
        overall.fn += not ok
        if not ok:
            fns.append(u)
        keys = {"chapter": g.chapter, "relation": g.relation, "family": _family(g.relation_kind, g.relation, model),
                "subject_type": g.subject_type}  # fmt: skip
        for k, v in keys.items():
            c = strata[k][v]
            c.recalled += ok
            c.fn += not ok
    # recall when inferred links count too (the graph a user queries)
    inferred = Counts(recalled=overall.recalled, fn=0)
    for u in fns:
        g = u.first
        hit = g.relation_kind == "link" and any(
            (s, g.relation, o) in view.inferred_links for s in u.subjects for o in u.objects
        )
        inferred.recalled += hit
        inferred.fn += not hit
    return Evaluation(
        overall=overall, strata={k: dict(v) for k, v in strata.items()}, false_positives=fps,
        false_negatives=fns, units=units, judged=judged, qualifiers={k: v for k, v in quals.items()},
        types=_type_accuracy(gold, view, model), gold_rows=len(gold.facts), graph_facts_outside=outside,
        unscored_attributes=view.unscored, inferred_recall=inferred, unresolved_subjects=unresolved,
    )  # fmt: skip


#: Entities the report does not name (an event, a deal, a measure): annotators and the graph name
#: them differently, so they are matched by position — the same lines, a compatible type.
ANONYMOUS_TYPES = ("Event", "Deal", "PolicyInstrument", "SovereignAIInitiative")


def _align_anonymous(gold: Gold, view: GraphView, model: OntologyModel) -> None:
    """Give each unnamed gold event/deal/measure the graph node of a compatible type with facts on
    the most of its lines (added to ``view.names`` under the gold name; ties stay unresolved)."""
    graph_lines: dict[str, set[int]] = defaultdict(set)
    for f in view.facts:
        graph_lines[f.subject].update(f.lines)
        if f.relation_kind == "link" and f.object:
            graph_lines[f.object].update(f.lines)
    anon = {iri for iri, ts in view.types.items()
            if any(model.is_subclass(t, a) for t in ts for a in ANONYMOUS_TYPES)}
    entities: dict[str, tuple[tuple[str, ...], str, set[int]]] = {}
    for f in gold.facts:
        for names, gtype in ((f.subject, f.subject_type), (f.object_names, f.object_type)):
            if not names or not any(model.is_subclass(gtype, a) for a in ANONYMOUS_TYPES):
                continue
            entry = entities.setdefault(norm_name(names[0]), (names, gtype, set()))
            entry[2].update(range(f.line_start, f.line_end + 1))
    for key, (names, gtype, lines) in entities.items():
        if _resolve(view, names):
            continue
        scored = []
        for iri in anon:
            ts = view.types.get(iri, set())
            if not any(model.is_subclass(t, gtype) or model.is_subclass(gtype, t) for t in ts):
                continue
            shared = len(graph_lines.get(iri, set()) & lines)
            if shared:
                scored.append((shared, iri))
        scored.sort(reverse=True)
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            view.names.setdefault(key, set()).add(scored[0][1])


def _family(kind: str, relation: str, model: OntologyModel) -> str:
    if kind == "link":
        return "link"
    dim = model.kinds[relation].dimension if relation in model.kinds else ""
    return "date" if dim == "date" else "quantity"


def _primary_type(types: set[str], model: OntologyModel) -> str:
    if not types:
        return "(untyped)"
    # the most specific asserted class: the one with the most ancestors
    return max(sorted(types), key=lambda t: len(model.ancestors(t)))


def row_of_time(u: GoldUnit, f: GraphFact) -> GoldFact:
    """The row of a gold fact, stated on several rows, that the graph fact's qualifiers are compared with: the
    row of the graph fact's time when one has it (a figure repeated for 2019 and 2020 is two rows, and the
    graph's statement of 2020 is compared with the row of 2020), else the first."""
    time = f.qualifiers.get("time")
    return next((g for g in u.rows if time and g.qualifiers.get("time") == time), u.first)


def _compare_qualifiers(g: GoldFact, f: GraphFact, how: str, quals: dict[str, Counter]) -> None:
    gs = g.qualifiers.get("status", "actual")
    fs = f.qualifiers.get("status", "actual")
    quals["status"]["agree" if gs == fs else f"gold {gs} / graph {fs}"] += 1
    if "time" in g.qualifiers:
        quals["time"]["agree" if f.qualifiers.get("time") == g.qualifiers["time"] else
                      ("missing" if "time" not in f.qualifiers else "differ")] += 1  # fmt: skip
    if "per" in g.qualifiers:
        quals["per"]["kept" if f.qualifiers.get("per") else "dropped"] += 1
    if how == "contained":
        quals["date precision"]["graph more precise than the text"] += 1
    elif isinstance(g.value, DateValue):
        quals["date precision"]["agree"] += 1


def _type_accuracy(gold: Gold, view: GraphView, model: OntologyModel) -> dict[str, object]:
    """For each entity the gold names (with its class): found in the graph? typed compatibly?"""
    entities: dict[str, tuple[tuple[str, ...], str]] = {}
    for f in gold.facts:
        entities.setdefault(norm_name(f.subject[0]), (f.subject, f.subject_type))
        if f.relation_kind == "link":
            entities.setdefault(norm_name(f.object_names[0]), (f.object_names, f.object_type))
    found = exact = compatible = 0
    wrong: list[dict[str, str]] = []
    missing: list[str] = []
    for names, gtype in entities.values():
        iris = _resolve(view, names)
        if not iris:
            missing.append(names[0])
            continue
        found += 1
        types = set().union(*(view.types.get(i, set()) for i in iris))
        if gtype in types:
            exact += 1
            compatible += 1
        elif any(model.is_subclass(t, gtype) or model.is_subclass(gtype, t) for t in types):
            compatible += 1
        else:
            wrong.append({"entity": names[0], "gold": gtype, "graph": ", ".join(sorted(types)) or "(untyped)"})
    n = len(entities)
    return {
        "entities": n, "found": found, "exact": exact, "compatible": compatible,
        "entity_recall": round(found / n, 4) if n else None,
        "type_accuracy": round(compatible / found, 4) if found else None,
        "wrong": sorted(wrong, key=lambda w: w["entity"]), "missing": sorted(missing),
    }  # fmt: skip


def _link_status(quals: dict[str, str], note: str = "") -> str:
    """A gold link's status: its ``status``, else "former" for a past role (``role=former …``, "CFO (left)", or a
    note "former OpenAI role": the gold's ways of writing an ended affiliation, which the graph states as a link
    statement of status former)."""
    if "status" not in quals and (_PAST_ROLE.search(quals.get("role", "")) or _PAST_ROLE.match(note)):
        return "former"
    return quals.get("status", "actual")


#: A gold role of a link that has ended: "former …", "… (former)", "CFO (left)", "left two months after joining".
_PAST_ROLE = re.compile(r"^former\b|\(former\)|\bleft\b")
