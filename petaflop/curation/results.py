"""What applying the log gives: the overlay's quads and each action's outcome (see overlay.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from petaflop import graph
from petaflop.curation.actions import Action


@dataclass
class ActionResult:
    action: Action
    status: str  # applied | superseded | orphaned
    reason: str = ""  # why it is orphaned
    note: str = ""  # e.g. re-attached by value and line after a qualifier changed
    nodes: list[ox.NamedNode] = field(default_factory=list)  # what it curates
    rules: list[str] = field(default_factory=list)  # extraction rules of the judged fact on the cited line
    fact: str = ""  # the statement kind or link property judged

    def to_json(self) -> dict[str, object]:
        a = self.action
        return {"id": a.id, "type": a.type, "user": a.user, "created": a.created, "target": a.target.describe(),
                "status": self.status, "reason": self.reason, "note": self.note, "rules": self.rules}


@dataclass
class Overlay:
    quads: list[ox.Quad]  # the pfg:curation graph, sorted
    withdrawn: frozenset[ox.Quad]  # pfg:facts quads the actions take out
    fact_triples: list[ox.Triple]  # the facts among ``quads`` (added, corrected, moved): reasoned over
    results: list[ActionResult]

    def apply(self, quads: Iterable[ox.Quad]) -> list[ox.Quad]:
        """The extraction's quads with the overlay: withdrawn quads out, ``pfg:curation`` in."""
        if not self.withdrawn and not self.quads:
            return list(quads)
        return [q for q in quads if q not in self.withdrawn] + self.quads

    @property
    def orphans(self) -> list[ActionResult]:
        return [r for r in self.results if r.status == "orphaned"]

    def counts(self) -> dict[str, int]:
        out = {"actions": len(self.results), "applied": 0, "superseded": 0, "orphaned": 0}
        for r in self.results:
            out[r.status] += 1
        return out | {"withdrawn": len(self.withdrawn), "curated_facts": len(self.fact_triples)}

    def summary(self) -> str:
        c = self.counts()
        if not c["actions"]:
            return "no curation actions"
        return (f"{c['actions']} curation actions: {c['applied']} applied, {c['superseded']} superseded, "
                f"{c['orphaned']} orphaned; {c['withdrawn']} facts withdrawn, {c['curated_facts']} curated")

    def coverage(self) -> dict[str, object]:
        return {"counts": self.counts(), "orphaned": [r.to_json() for r in self.orphans],
                "actions": [r.to_json() for r in self.results]}

    def nquads(self) -> bytes:
        return graph.to_nquads(self.quads)
