"""Precision measured by reviews: per extraction rule and per property, from confirmed and rejected facts.

A confirmation counts as a right reading of every rule that read the fact on the cited line; a
rejection or a correction as a wrong one. Only each fact's deciding action counts (a later
decision on the same fact supersedes an earlier one), and orphaned actions do not count.

:func:`from_results` reads an overlay's results (the app); :func:`from_graph` reads the action
nodes a build wrote into ``pfg:curation`` (``petaflop evaluate``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from foundation.namespaces import PFA, PFK, RDF
from petaflop.curation.index import G_CURATION
from petaflop.curation.results import ActionResult

_RIGHT, _WRONG = {"confirm"}, {"reject", "correct"}
_CLASS_TYPE = {PFA.Confirmation: "confirm", PFA.Rejection: "reject", PFA.Correction: "correct"}


@dataclass
class Reviewed:
    key: str  # a rule id or a property / statement kind
    confirmed: int = 0
    wrong: int = 0

    @property
    def judged(self) -> int:
        return self.confirmed + self.wrong

    @property
    def precision(self) -> float | None:
        return self.confirmed / self.judged if self.judged else None

    def to_json(self) -> dict[str, object]:
        p = self.precision
        return {"key": self.key, "confirmed": self.confirmed, "rejected_or_corrected": self.wrong,
                "precision": round(p, 3) if p is not None else None}


def _count(pairs: Iterable[tuple[str, str]]) -> list[Reviewed]:
    out: dict[str, Reviewed] = {}
    for key, kind in pairs:
        r = out.setdefault(key, Reviewed(key))
        if kind in _RIGHT:
            r.confirmed += 1
        elif kind in _WRONG:
            r.wrong += 1
    return sorted(out.values(), key=lambda r: (-r.judged, r.key))


def from_results(results: Iterable[ActionResult]) -> tuple[list[Reviewed], list[Reviewed]]:
    """(per rule, per property) from an overlay's results."""
    judged = [r for r in results if r.status == "applied" and r.action.type in _RIGHT | _WRONG]
    by_rule = _count((rule, r.action.type) for r in judged for rule in r.rules)
    by_fact = _count((r.fact, r.action.type) for r in judged if r.fact)
    return by_rule, by_fact


def from_graph(path: str | Path) -> tuple[list[Reviewed], list[Reviewed]]:
    """(per rule, per property) from the action nodes of a built graph's ``pfg:curation``."""
    kind_of: dict[ox.Term, str] = {}
    predicate_of: dict[ox.Term, str] = {}
    types: dict[ox.Term, str] = {}
    rules: dict[ox.Term, list[str]] = defaultdict(list)
    curates: dict[ox.Term, list[ox.Term]] = defaultdict(list)
    for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
        p = q.predicate.value
        if p == PFA.kind and q.object.value.startswith(PFK):
            kind_of[q.subject] = q.object.value[len(PFK):]
        elif p in (RDF.predicate, PFA.claimedProperty) and q.object.value.startswith(PFA):
            if q.object.value != PFA.hasClaim:  # a link claim's provenance: its claim names the property
                predicate_of[q.subject] = q.object.value[len(PFA):]
        elif q.graph_name != G_CURATION:
            continue
        elif p == RDF.type and q.object.value in _CLASS_TYPE:
            types[q.subject] = _CLASS_TYPE[q.object.value]
        elif p == PFA.extractionRule:
            rules[q.subject].append(q.object.value)
        elif p == PFA.curates:
            curates[q.subject].append(q.object)
    # only applied, deciding actions carry their rules (see overlay._action_quads)
    decided = {a: kind for a, kind in types.items() if rules.get(a)}
    by_rule = _count((rule, kind) for a, kind in decided.items() for rule in rules[a])
    facts = []
    for a, kind in decided.items():
        names = {kind_of.get(n) or predicate_of.get(n) for n in curates.get(a, ())} - {None}
        facts += [(name, kind) for name in sorted(names)]
    return by_rule, _count(facts)


def to_json(reviews: tuple[list[Reviewed], list[Reviewed]] | None) -> dict[str, list[dict[str, object]]]:
    by_rule, by_fact = reviews or ([], [])
    return {"by_rule": [r.to_json() for r in by_rule], "by_property": [r.to_json() for r in by_fact]}


def markdown(reviews: tuple[list[Reviewed], list[Reviewed]] | None) -> list[str]:
    """The evaluation's section: precision estimated from confirmed and rejected reviews."""
    by_rule, by_fact = reviews or ([], [])
    out = ["", "## Precision measured by reviews", "",
           "From the curation log applied to this graph (`petaflop curate`, `petaflop review`): a confirmation is a "
           "right reading of the fact's rule, a rejection or correction a wrong one.", ""]
    if not by_rule and not by_fact:
        return [*out, "No confirmed or rejected facts yet."]
    for title, rows in (("rule", by_rule), ("property", by_fact)):
        out += [f"| {title} | precision | confirmed | rejected or corrected |", "| --- | --- | --- | --- |"]
        out += [f"| {r.key} | {'—' if r.precision is None else f'{100 * r.precision:.1f} %'} | {r.confirmed} | "
                f"{r.wrong} |" for r in rows]
        out.append("")
    return out
