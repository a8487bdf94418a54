"""SHACL validation of Petaflop Atlas data against ontology/shapes.ttl (pySHACL).

Why a wrapper: callers want a plain verdict — violations (real errors) apart from warnings
("should have" expectations) — each with focus node, path and message, not a results graph.
The ontology is passed as pySHACL's ont_graph so sh:class and sh:targetClass see subclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import rdflib
from rdflib import RDF, URIRef
from rdflib.namespace import SH

from ontology import load_ontology, load_shapes


@dataclass(frozen=True)
class ShapeResult:
    """One SHACL result: the node it is about, the property path, the message and the severity."""

    focus: str
    path: str | None
    message: str
    severity: str  # "Violation" | "Warning" | "Info"
    value: str | None = None
    shape: str | None = None


@dataclass
class ValidationReport:
    """conforms is True when there is no sh:Violation (warnings do not fail validation)."""

    conforms: bool
    errors: list[ShapeResult] = field(default_factory=list)
    warnings: list[ShapeResult] = field(default_factory=list)

    def messages(self, severity: str = "Violation") -> list[tuple[str, str]]:
        """Distinct (focus, message) pairs of one severity, sorted — handy for exact assertions."""
        pool = self.errors if severity == "Violation" else self.warnings
        return sorted({(r.focus, r.message) for r in pool})


class _ConstraintWords(list):
    """pySHACL's list of constraint parameters (sh:minCount, sh:datatype, …), with a set for ``in``.

    pySHACL asks ``p in parameters`` for every predicate of a shape each time the shape is evaluated
    for a focus node: over a list of ~30 IRIs that was 8 million IRI comparisons and 15 % of the
    report's validation. It reads the list from a module attribute it caches itself
    (``pyshacl.shape.CONSTRAINT_PARAMS``); this class keeps the list (copies and appends still work)
    and answers ``in`` from a set. The verdicts are the same (tests/test_validation.py)."""

    def __init__(self, items: Any):
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def _speed_up_pyshacl() -> None:
    import pyshacl.shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP

    if not isinstance(getattr(pyshacl.shape, "CONSTRAINT_PARAMS", (None,))[0], _ConstraintWords):
        pyshacl.shape.CONSTRAINT_PARAMS = (_ConstraintWords(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)


def validate(data_graph: Any, *, materialised: bool = False, owned: bool = False) -> ValidationReport:
    """Validate data with the shapes; with materialised=True the SPARQL rules run first.

    Running the rules first means links stated one way (e.g. ``owns``) satisfy shapes written the
    other way (``ownedBy``), which is how the published graph is meant to be checked.

    The data is copied first (pySHACL adds the ontology to the graph it validates), unless the caller
    passes ``owned=True`` for a plain ``rdflib.Graph`` made for this call alone: it is then validated
    in place and holds the ontology afterwards (the build's check saves two copies of the graph so).
    """
    import pyshacl

    _speed_up_pyshacl()
    plain = isinstance(data_graph, rdflib.Graph) and not isinstance(data_graph, rdflib.ConjunctiveGraph)
    data = data_graph if owned and plain else _as_graph(data_graph)
    if materialised:
        from petaflop.reasoning import materialise

        for item in materialise(data):
            data.add(item.triple)
    _conforms, results_graph, _text = pyshacl.validate(
        data,
        shacl_graph=load_shapes(),
        ont_graph=load_ontology(),
        inference="none",
        allow_warnings=True,
        advanced=False,
        inplace=True,  # ``data`` is a private graph: no clone before the ontology is mixed in
    )
    errors, warnings = [], []
    for result in results_graph.subjects(RDF.type, SH.ValidationResult):
        item = ShapeResult(
            focus=str(results_graph.value(result, SH.focusNode)),
            path=_opt(results_graph.value(result, SH.resultPath)),
            message=str(results_graph.value(result, SH.resultMessage) or ""),
            severity=str(results_graph.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
            value=_opt(results_graph.value(result, SH.value)),
            shape=_opt(results_graph.value(result, SH.sourceShape)),
        )
        (errors if item.severity == "Violation" else warnings).append(item)
    key = lambda r: (r.focus, r.path or "", r.message)  # noqa: E731
    errors.sort(key=key)
    warnings.sort(key=key)
    return ValidationReport(not errors, errors, warnings)


def _opt(node: Any) -> str | None:
    return None if node is None else str(node)


def _as_graph(data: Any) -> rdflib.Graph:
    """A private rdflib Graph copy (pySHACL mixes the ontology into its input)."""
    graph = rdflib.Graph()
    if isinstance(data, rdflib.ConjunctiveGraph):
        for s, p, o, _ in data.quads((None, None, None, None)):
            graph.add((s, p, o))
    elif isinstance(data, rdflib.Graph):
        graph += data
    else:
        for triple in data:
            graph.add(triple)
    return graph


__all__ = ["ShapeResult", "URIRef", "ValidationReport", "validate"]
