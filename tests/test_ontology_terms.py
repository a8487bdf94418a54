"""The ontology file itself: header, bilingual labels and definitions, core names, axioms, rules."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SKOS

from foundation.namespaces import DCT
from ontology import (
    ONTOLOGY_TTL,
    PFA,
    PFR,
    RULES_DIR,
    SHAPES_TTL,
    load_competency_questions,
    load_ontology,
    load_rules,
    load_swrl,
)

VANN = "http://purl.org/vocab/vann/"
ONTO = URIRef("https://petaflop-atlas.org/ontology")

# docs/architecture.md: names other engineers already use.
CORE_CLASSES = """Organization Firm AILab GovernmentBody Investor SovereignWealthFund UtilityOrGridOperator
StandardsBody ResearchInstitute Person Country Region Site Chip GPU ASIC CPU ChipArchitecture MemoryTechnology
ProcessNode PackagingTechnology System NetworkTechnology SoftwarePlatform ComputeCluster ClusterPhase PowerAsset
GasTurbine BatteryStorage FuelCell SolarPV NuclearPlant GridConnection Grid PowerTechnology GridEvent AIModel
AIProduct ExportControlMeasure ExportBan LicenseRequirement RevenueShareCondition PerformanceThreshold RuleRescinded
ExportControlEvent TradeMeasure Policy Investment Deal Contract Partnership Acquisition Alliance
SovereignAIInitiative MarketSegment Source ReportLocation""".split()
CORE_PROPERTIES = """powerCapacityMW amountUSD chipCount memoryBandwidthTBps bf16DenseTFLOPS tdpW maxChipCount
qualifier asOf citedSource extractionRule conflictsWith inferredBy chapter slideTitle tableId rowNumber columnNumber
lineStart lineEnd""".split()


@pytest.fixture(scope="module")
def g():
    return load_ontology()


def _terms(g, kind):
    return sorted(s for s in g.subjects(RDF.type, kind) if str(s).startswith(PFA))


def test_header(g):
    assert (ONTO, RDF.type, OWL.Ontology) in g
    titles = {t.language for t in g.objects(ONTO, URIRef(DCT.title))}
    assert titles == {"en", "ko"}
    assert g.value(ONTO, OWL.versionIRI) == URIRef("https://petaflop-atlas.org/ontology/0.1.0")
    assert str(g.value(ONTO, OWL.versionInfo)) == "0.1.0"
    assert g.value(ONTO, URIRef(DCT.license)) is not None
    assert g.value(ONTO, URIRef(DCT.created)) is not None
    assert str(g.value(ONTO, URIRef(VANN + "preferredNamespacePrefix"))) == "pfa"
    assert str(g.value(ONTO, URIRef(VANN + "preferredNamespaceUri"))) == PFA


def test_every_term_has_english_and_korean_label_and_definition(g):
    missing = []
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        for term in _terms(g, kind):
            langs = {lab.language for lab in g.objects(term, RDFS.label) if isinstance(lab, Literal)}
            if not {"en", "ko"} <= langs:
                missing.append((str(term), "label", sorted(x or "" for x in langs)))
            ko = [lab for lab in g.objects(term, RDFS.label) if lab.language == "ko"]
            if ko and not any(re.search("[\uac00-\ud7a3A-Z]", str(k)) for k in ko):
                missing.append((str(term), "korean label has no Hangul or acronym", ko))
            if g.value(term, SKOS.definition) is None:
                missing.append((str(term), "definition", None))
    assert missing == []


def test_core_names_from_the_architecture_are_kept(g):
    classes = {str(c)[len(PFA):] for c in _terms(g, OWL.Class)}
    props = {str(p)[len(PFA):] for p in _terms(g, OWL.ObjectProperty) + _terms(g, OWL.DatatypeProperty)}
    assert set(CORE_CLASSES) - classes == set()
    assert set(CORE_PROPERTIES) - props == set()


def test_term_counts(g):
    assert (len(_terms(g, OWL.Class)), len(_terms(g, OWL.ObjectProperty)), len(_terms(g, OWL.DatatypeProperty))) == (
        109, 154, 129)


def test_every_object_property_has_an_inverse_or_is_symmetric(g):
    # links between entities are navigable both ways; qualifiers of a statement node (its kind, unit, status,
    # rank, precision, item) point at value nodes, and terms declared from other vocabularies are not ours
    statement = URIRef(PFA + "Statement")
    lonely = []
    for p in _terms(g, OWL.ObjectProperty):
        if not str(p).startswith(PFA) or (p, RDFS.domain, statement) in g:
            continue
        # a qualifier of a value statement and a link statement alike (statementStatus): a domain union with Statement
        if any(statement in Collection(g, u) for d in g.objects(p, RDFS.domain) for u in g.objects(d, OWL.unionOf)):
            continue
        has_inverse = (p, OWL.inverseOf, None) in g or (None, OWL.inverseOf, p) in g
        if not has_inverse and (p, RDF.type, OWL.SymmetricProperty) not in g:
            lonely.append(str(p))
    assert lonely == []


def test_unit_properties_document_their_unit(g):
    unit = URIRef(PFA + "unitOfMeasure")
    for p in _terms(g, OWL.DatatypeProperty):
        name = str(p)[len(PFA):]
        if re.search(r"(MW|MWh|kW|KV|W|GB|TBps|GBps|TFLOPS|PFLOPS|USD|Nm|Percent|Years|Hours|Months|Count)$", name):
            assert g.value(p, unit) is not None, name


def test_axiom_kinds_present(g):
    assert (URIRef(PFA + "partOf"), RDF.type, OWL.TransitiveProperty) in g
    assert (URIRef(PFA + "competesWith"), RDF.type, OWL.SymmetricProperty) in g
    chains = {(str(p)[len(PFA):], tuple(str(x)[len(PFA):] for x in Collection(g, lst)))
              for p, lst in g.subject_objects(OWL.propertyChainAxiom)}
    assert ("dependsOnChip", ("operates", "usesChip")) in chains
    assert ("locatedIn", ("locatedIn", "partOf")) in chains
    # the generic SPARQL chain rule handles chains of length two only
    assert {len(c) for _, c in chains} == {2}
    assert len(list(g.subjects(RDF.type, OWL.AllDisjointClasses))) == 7
    defined = {str(c)[len(PFA):] for c in g.subjects(OWL.equivalentClass, None)}
    assert {"GigawattCluster", "ExportRestrictedChip", "OnSitePoweredCluster", "ChineseDomesticAccelerator",
            "SovereignAIProject"} <= defined


def test_alignments_to_standard_vocabularies(g):
    supers = {str(o) for o in g.objects(None, RDFS.subClassOf)} | {str(o) for o in g.objects(None, RDFS.subPropertyOf)}
    assert "http://www.w3.org/ns/prov#Agent" in supers
    assert "http://www.w3.org/ns/org#Organization" in supers
    assert "https://schema.org/Organization" in supers
    assert "http://www.w3.org/ns/org#memberOf" in supers


def test_rules_have_headers_iris_and_parse():
    rules = load_rules()
    assert len(rules) == 31
    store = ox.Store()
    for iri, label, sparql in rules:
        assert iri.startswith(PFR) and label
        assert sparql.lstrip().startswith("# rule: pfr:")
        store.query(sparql)  # raises SyntaxError if invalid
    assert len({iri for iri, _, _ in rules}) == len(rules)
    assert len(list(RULES_DIR.glob("*.rq"))) == len(rules)


def test_swrl_rules_load_into_owlready2(tmp_path):
    import owlready2

    nt = tmp_path / "atlas.nt"
    load_ontology().serialize(destination=str(nt), format="nt", encoding="utf-8")
    world = owlready2.World()
    onto = world.get_ontology("file://" + str(nt)).load()
    sparql_iris = {iri for iri, _, _ in load_rules()}
    swrl = load_swrl()
    assert len(swrl) == 11  # pfr:mega-deal has two SWRL twins: paid and pledged amounts
    with onto:
        for rule in swrl:
            assert rule.iri in sparql_iris
            imp = owlready2.Imp(namespace=onto)
            imp.set_as_rule(rule.text, namespaces=[onto])
            assert len(imp.body) >= 2 and len(imp.head) >= 1


def test_competency_questions_are_bilingual():
    questions = load_competency_questions()
    assert len(questions) == 30
    for cq in questions:
        assert cq.en.endswith("?") and cq.ko.endswith("?")
        assert re.search("[\uac00-\ud7a3]", cq.ko)


def test_no_long_korean_prose_from_the_report():
    """Project rule: no 40+ character Hangul-bearing text in our files may come from the report."""
    from foundation.paths import DEFAULT_REPORT

    report = DEFAULT_REPORT.read_text(encoding="utf-8") if DEFAULT_REPORT.is_file() else ""
    paths = [ONTOLOGY_TTL, SHAPES_TTL, *RULES_DIR.glob("*.rq"), *(ONTOLOGY_TTL.parent / "competency").glob("*.rq")]
    copied = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            for chunk in [*re.findall(r'"([^"]{40,})"', line), line.lstrip("# ").strip()]:
                if len(chunk) >= 40 and re.search("[\uac00-\ud7a3]", chunk):
                    # any 40-character window of our text must not occur verbatim in the report
                    windows = {chunk[i:i + 40] for i in range(len(chunk) - 39)}
                    if any(w in report for w in windows):
                        copied.append((path.name, chunk))
    assert copied == []
