"""SHACL shapes with pySHACL: the good fixture conforms; broken data is flagged with the right messages."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, URIRef

from foundation.namespaces import PFA, PFID
from ontology import load_ontology, load_shapes
from petaflop.validation import validate

FIXTURES = Path(__file__).parent / "fixtures"
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


def _short(pairs):
    return [(focus.rsplit("/", 1)[-1], message) for focus, message in pairs]


@pytest.fixture(scope="module")
def good():
    return rdflib.Graph().parse(FIXTURES / "ontology_fixture.ttl", format="turtle")


RDFS_SUBCLASS = URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf")
RDFS_DOMAIN = URIRef("http://www.w3.org/2000/01/rdf-schema#domain")


def _ancestors(onto, cls):
    seen, todo = {cls}, [cls]
    while todo:
        for sup in onto.objects(todo.pop(), RDFS_SUBCLASS):
            if isinstance(sup, URIRef) and sup not in seen:
                seen.add(sup)
                todo.append(sup)
    return seen


def test_every_object_type_has_a_node_shape():
    """A class is covered when a shape targets it or a superclass (SHACL's sh:targetClass reaches
    subclass instances); value lists (classes whose members the ontology itself declares: statement
    kinds, statuses, ranks, time precisions) and rule-only classes need no shape."""
    onto, shapes = load_ontology(), load_shapes()
    targeted = set(shapes.objects(None, SH.targetClass))
    derived = set(onto.subjects(OWL.equivalentClass, None))
    rule_only = {URIRef(PFA[c]) for c in ("ExceedsExportThreshold", "WithinExportThreshold", "MultiPhaseCluster",
                                          "PowerSelfSufficientCluster")}
    value_lists = {c for c in onto.subjects(RDF.type, OWL.Class) if any(onto.subjects(RDF.type, c))}
    classes = {c for c in onto.subjects(RDF.type, OWL.Class) if str(c).startswith(PFA)}
    assert {URIRef(PFA[c]) for c in ("StatementKind", "StatementRank", "StatementStatus", "TimePrecision")} <= value_lists
    uncovered = {c for c in classes - derived - rule_only - value_lists if not _ancestors(onto, c) & targeted}
    assert sorted(str(c) for c in uncovered) == []
    # the curation actions are covered through their superclass's shape
    assert URIRef(PFA.EntityMerge) not in targeted and URIRef(PFA.CurationAction) in targeted


def test_every_value_property_has_a_value_shape():
    """Each datatype property is constrained: by a shape targeting its subjects, or as a property
    path of the shape that targets its domain class (a statement's qualifiers, a curation action's)."""
    onto, shapes = load_ontology(), load_shapes()
    targeted = set(shapes.objects(None, SH.targetSubjectsOf))
    by_class: dict = {}
    for shape, cls in shapes.subject_objects(SH.targetClass):
        for prop_shape in shapes.objects(shape, SH.property):
            by_class.setdefault(cls, set()).update(shapes.objects(prop_shape, SH.path))
    props = {p for p in onto.subjects(RDF.type, OWL.DatatypeProperty) if str(p).startswith(PFA)}
    uncovered = {p for p in props - targeted
                 if not any(p in by_class.get(d, set()) for d in onto.objects(p, RDFS_DOMAIN))}
    assert sorted(str(p) for p in uncovered) == []
    power = [s for s in shapes.subjects(SH.targetSubjectsOf, URIRef(PFA.powerCapacityMW))]
    prop = shapes.value(power[0], SH.property)
    assert (float(shapes.value(prop, SH.minExclusive)), float(shapes.value(prop, SH.maxExclusive))) == (0, 100000)


def test_good_fixture_conforms_after_materialisation(good):
    report = validate(good, materialised=True)
    assert report.conforms is True
    assert report.errors == []
    assert _short(report.messages("Warning")) == [
        ("redwood-materials", "An organization should have a headquarters place (headquarteredIn)."),
        ("stargate-bank-loan", "A deal should have an announcement date (announcedDate)."),
        ("stargate-crusoe-jv", "A deal should have an announcement date (announcedDate)."),
        ("stargate-oracle-hardware", "A deal should have an announcement date (announcedDate)."),
        ("stargate-softbank-equity", "A deal should have an announcement date (announcedDate)."),
    ]
    assert {w.severity for w in report.warnings} == {"Warning"}


def test_asserted_fixture_lacks_what_only_inference_supplies(good):
    report = validate(good)
    assert report.conforms is False
    assert _short(report.messages()) == [
        ("abilene-bess", "The object of suppliedBy must be a Organization."),
        ("david-sacks", "The subject of affiliatedWith must be a Person."),
    ]
    # cardinalities are warnings (the report does not state every link): phases lack phaseOf here
    assert ("stargate-abilene-phase-0", "A cluster phase should belong to exactly one cluster (phaseOf).") in \
        _short(report.messages("Warning"))


def test_broken_fixture_is_flagged_with_the_right_messages():
    graph = rdflib.Graph().parse(FIXTURES / "ontology_broken_shapes.ttl", format="turtle")
    report = validate(graph)
    assert report.conforms is False
    assert sorted(_short(report.messages())) == sorted([
        ("bad-chip", "memoryBandwidthTBps must be an xsd:decimal in (0, 1000) (TB/s)."),
        ("bad-cluster", "plannedPowerMW must be an xsd:decimal in (0, 100000) (MW)."),
        ("bad-cluster", "powerCapacityMW must be an xsd:decimal in (0, 100000) (MW)."),
        ("bad-country", "countryCode must be a string matching ^[A-Z]{2}$."),
        ("bad-deal", "announcedDate must be an xsd:date, xsd:gYearMonth or xsd:gYear."),
        ("country-as-chip-user", "The object of usesChip must be a Chip."),
        ("L20", "lineStart must not be after lineEnd."),
        ("00000000000000000bad",
         "qualifier must be one of approximate, lowerBound, upperBound, estimate, range, target, planned, forecast, "
         "vague, resolved, yearAssumed, unitFromHeader, periodStart."),
    ])
    assert sorted(_short(report.messages("Warning"))) == sorted([
        ("bad-deal", "An amount in original currency needs exactly one currencyCode."),
        ("bad-participation", "A participation should state the party's role (roleName)."),
        ("lonely-phase", "A cluster phase should belong to exactly one cluster (phaseOf)."),
        ("nameless-model", "Every entity should have an rdfs:label."),
        ("orphan-cluster", "A compute cluster should have an owner (ownedBy)."),
        ("partyless-deal", "A deal should have at least one party (hasParty, hasParticipation or hasInvestor; "
                           "a pledged deal's parties are link statements)."),
        ("undated-event", "An export-control event should have an issuing authority (issuedBy)."),
        ("undated-event", "An export-control event should have exactly one date (eventDate)."),
    ])
    bad_power = [r for r in report.errors if r.focus == PFID + "bad-cluster" and r.path.endswith("powerCapacityMW")]
    assert [(r.severity, r.value) for r in bad_power] == [("Violation", "-5")]


def test_an_owned_graph_is_validated_in_place_with_the_same_verdict_and_a_callers_graph_is_untouched():
    graph = rdflib.Graph().parse(FIXTURES / "ontology_broken_shapes.ttl", format="turtle")
    size = len(graph)
    copied = validate(graph)
    assert len(graph) == size  # the caller's graph is copied, never changed
    owned = validate(graph, owned=True)
    assert len(graph) > size  # validated in place: the ontology was mixed into it
    assert (owned.conforms, owned.messages(), owned.messages("Warning")) == \
        (copied.conforms, copied.messages(), copied.messages("Warning"))
    assert len(owned.errors) == len(copied.errors) == 10



def test_the_constraint_words_answer_in_from_a_set_and_pyshacl_uses_them_with_the_same_verdicts():
    import pyshacl
    import pyshacl.shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP
    from rdflib.namespace import SH

    from petaflop.validation import _ConstraintWords

    words = _ConstraintWords(ALL_CONSTRAINT_PARAMETERS)
    assert list(words) == list(ALL_CONSTRAINT_PARAMETERS) and words.copy() == list(ALL_CONSTRAINT_PARAMETERS)
    assert SH.minCount in words and URIRef(PFA + "value") not in words
    graph = rdflib.Graph().parse(FIXTURES / "ontology_broken_shapes.ttl", format="turtle")
    # pySHACL on its own (its plain list of parameters) …
    pyshacl.shape.CONSTRAINT_PARAMS = (list(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)
    _conforms, results, _text = pyshacl.validate(graph, shacl_graph=load_shapes(), ont_graph=load_ontology(),
                                                 inference="none", allow_warnings=True)
    plain = sorted((str(results.value(r, SH.focusNode)), str(results.value(r, SH.resultMessage)))
                   for r in results.subjects(RDF.type, SH.ValidationResult))
    # … and through our wrapper, which puts the set-backed list in its place: the same 18 results.
    report = validate(graph)
    assert isinstance(pyshacl.shape.CONSTRAINT_PARAMS[0], _ConstraintWords)
    assert sorted((r.focus, r.message) for r in report.errors + report.warnings) == plain
    assert len(plain) == 18
