"""Plausibility shapes (ontology/plausibility.ttl) on small graphs of our own: a share
over 100 %, a campus figure on one turbine, a cluster count on one rack and tens of GW on one
campus are warnings naming the value and subject; plausible values and signed growth are not."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
import rdflib

from ontology import load_ontology

SHAPES = Path(__file__).parents[1] / "ontology" / "plausibility.ttl"
PFA = "https://petaflop-atlas.org/ontology#"
ID = "https://petaflop-atlas.org/id/"
KIND = "https://petaflop-atlas.org/kind/"
UNIT = "http://qudt.org/vocab/unit/"


def graph(rows: list[tuple[str, str, str, str, str]]) -> rdflib.Graph:
    """(subject, its type, kind, value, unit) -> statement nodes as the build writes them."""
    g = rdflib.Graph()
    for i, (subject, stype, kind, value, unit) in enumerate(rows):
        s, st = rdflib.URIRef(ID + subject), rdflib.URIRef(f"{ID}st-{i}")
        g.add((s, rdflib.RDF.type, rdflib.URIRef(PFA + stype)))
        g.add((s, rdflib.URIRef(PFA + "statement"), st))
        g.add((st, rdflib.RDF.type, rdflib.URIRef(PFA + "Statement")))
        g.add((st, rdflib.URIRef(PFA + "kind"), rdflib.URIRef(KIND + kind)))
        g.add((st, rdflib.URIRef(PFA + "unit"), rdflib.URIRef(UNIT + unit)))
        g.add((st, rdflib.URIRef(PFA + "value"), rdflib.Literal(value, datatype=rdflib.XSD.decimal)))
    return g


def warnings(g: rdflib.Graph) -> list[str]:
    shapes = rdflib.Graph().parse(SHAPES)
    conforms, results, _ = pyshacl.validate(g, shacl_graph=shapes, ont_graph=load_ontology(), allow_warnings=True)
    assert conforms  # plausibility never fails a build
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    assert {str(o) for o in results.objects(None, sh.resultSeverity)} <= {str(sh.Warning)}
    return sorted(str(m) for m in results.objects(None, sh.resultMessage))


@pytest.mark.parametrize(("row", "message"), [
    (("anthropic", "AILab", "equityStake", "140", "PERCENT"), "plausibility: a percentage that is no part"),
    (("lm2500", "GasTurbine", "powerCapacity", "34000", "MegaW"), "plausibility: 34000 MW on one machine"),
    (("gb200-nvl72", "System", "gpuCount", "400000", "NUM"), "plausibility: 400000 chips in one rack-scale system"),
    (("colossus", "ComputeCluster", "powerCapacity", "35000", "MegaW"), "plausibility: 35000 MW on one cluster"),
])
def test_an_implausible_value_is_a_warning_naming_value_and_subject(row, message):
    found = warnings(graph([row]))
    assert len(found) == 1 and found[0].startswith(message)
    assert row[0] in found[0] or row[2] == "equityStake"  # a core constraint's message names no value


def test_plausible_values_and_signed_growth_pass():
    assert warnings(graph([
        ("anthropic", "AILab", "equityStake", "14", "PERCENT"), ("nvidia", "Firm", "growthRate", "660", "PERCENT"),
        ("lm2500", "GasTurbine", "powerCapacity", "34", "MegaW"), ("gb200-nvl72", "System", "gpuCount", "72", "NUM"),
        ("colossus", "ComputeCluster", "powerCapacity", "1200", "MegaW"),
    ])) == []


def test_the_build_validates_with_the_plausibility_shapes():
    """The shapes graph every validation uses (ontology.load_shapes) carries the plausibility shapes."""
    from ontology import load_shapes

    SH = "http://www.w3.org/ns/shacl#"
    shapes = load_shapes()
    pfp = "https://petaflop-atlas.org/plausibility#"
    names = {str(s).removeprefix(pfp) for s in shapes.subjects() if str(s).startswith(pfp)}
    assert {"PercentWithinWhole", "OneMachineIsNoCampus"} <= names
    assert shapes.value(rdflib.URIRef(pfp + "PercentWithinWhole"), rdflib.URIRef(SH + "severity")) == \
        rdflib.URIRef(SH + "Warning")
