"""Statements in exports (issue 15, item 4), on the report graph.

GraphML, CSV, Cypher and Cytoscape flatten a statement into a record (typed qualifier columns,
one edge named after the kind; petaflop/export/formats/statement_records.py); every RDF format
keeps the statement nodes and their qualifiers as they are.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
import rdflib

from foundation.namespaces import GRAPH_FACTS, PFA, PFID, PFLOC, UNIT
from petaflop.export import Selection, export, open_store, select
from petaflop.export.formats import property_graph

ROOT = Path(__file__).resolve().parent.parent
GRAPH_FORMATS = ("graphml", "csv", "cypher", "cytoscape")
RDF_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld", "rdfxml": "xml"}


@pytest.fixture(scope="module")
def store(built_graph):
    return open_store(built_graph)


@pytest.fixture(scope="module")
def seeds_sub(store):
    """The brief's example: one hop around Colossus and Anthropic."""
    return select(Selection(seeds=("pfid:colossus", "pfid:anthropic"), hops=1), store)


def tables(sub) -> dict[str, list[dict[str, str]]]:
    with zipfile.ZipFile(io.BytesIO(export(sub, "csv", force=True).data)) as zf:
        return {name: list(csv.DictReader(io.StringIO(zf.read(name).decode("utf-8")))) for name in zf.namelist()}


def rows_of(rows, entity: str, kind: str) -> list[dict[str, str]]:
    return [r for r in rows if r["subject"] == PFID + entity and r["kind"] == kind]


def node_row(rows, entity: str) -> dict[str, str]:
    return next(r for r in rows if r["id"] == PFID + entity)


# ----------------------------------------------------------------------------- CSV
def test_anthropic_valuation_history_in_statements_csv(seeds_sub):
    t = tables(seeds_sub)
    assert list(t) == ["nodes.csv", "edges.csv", "statements.csv", "columns.csv"]
    rows = rows_of(t["statements.csv"], "anthropic", "pfk:valuation")
    cols = ("amount", "unitCode", "timeText", "timePrecision", "startTime", "endTime", "statementStatus",
            "statementRank", "verified", "scope")
    assert sorted((tuple(r[c] for c in cols) for r in rows), key=lambda x: float(x[0])) == [
        ("18500000000.0", "USD", "", "", "", "", "actual", "normal", "true", "earlier value"),
        ("61500000000.0", "USD", "2025-Q1", "quarter", "2025-01-01", "2025-03-31", "actual", "normal", "true", ""),
        # line 382's growth table gives $170B as the current value, undated like $183B (line 1527): both are
        # preferred, flagged conflicting (docs/statements.md)
        ("170000000000.0", "USD", "", "", "", "", "actual", "preferred", "true", ""),
        ("183000000000.0", "USD", "", "", "", "", "actual", "preferred", "true", ""),
    ]
    # rows by entity, kind and time: the undated values first, the dated one after them
    assert [r["timeText"] for r in rows] == ["", "", "", "2025-Q1"]
    assert {r["unit"] for r in rows} == {UNIT + "CCY_USD"}
    assert {r["subjectLabel"] for r in rows} == {"Anthropic"}
    # the truthy values on the entity are the preferred statements'
    assert set(node_row(t["nodes.csv"], "anthropic")["valuationUSD [USD]"].split("|")) <= {"170000000000.0",
                                                                                          "183000000000.0"}
    preferred = next(r for r in rows if r["statementRank"] == "preferred" and r["amount"] == "183000000000.0")
    assert preferred["label"] == "valuation 183000000000 USD (actual)"
    assert preferred["lines"].split() == ["L1527", "T/III-22-1/r1c2"]
    # statements are records, not rows of nodes.csv; the link is an edge named after the kind
    assert not [r for r in t["nodes.csv"] if r["type"] == "Statement"]
    links = [e for e in t["edges.csv"] if e["target"] == preferred["id"] and e["source"] == PFID + "anthropic"]
    assert [(e["predicate"], e["label"], e["graph"]) for e in links] == [("pfk:valuation", "valuation", "facts")]
    edges = sorted((e["predicate"], e["target"]) for e in t["edges.csv"] if e["source"] == preferred["id"])
    assert [e for e in edges if e[0] == "prov:wasDerivedFrom"] == [
        ("prov:wasDerivedFrom", PFLOC + "L1527"), ("prov:wasDerivedFrom", PFLOC + "T/III-22-1/r1c2")]
    other = next(r for r in rows if r["amount"] == "170000000000.0")
    assert [e for e in edges if e[0] == "pfa:conflictsWith"] == [("pfa:conflictsWith", other["id"])]


def test_per_token_price_keeps_its_denominator(store):
    t = tables(select(Selection(seeds=("pfid:kimi-k2",), hops=1), store))
    rows = rows_of(t["statements.csv"], "kimi-k2", "pfk:unitPrice")
    assert sorted((r["amount"], r["unitCode"], r["unit"], r["perUnit"], r["verified"], r["label"]) for r in rows) == [
        ("0.15", "USD", UNIT + "CCY_USD", "1M input tokens", "true", "price 0.15 USD per 1M input tokens (actual)"),
        ("0.6", "USD", UNIT + "CCY_USD", "1M output tokens", "true", "price 0.6 USD per 1M output tokens (actual)"),
    ]
    # verified statements hang off an edge named after their kind
    ids = {r["id"] for r in rows}
    assert sorted(e["predicate"] for e in t["edges.csv"] if e["target"] in ids) == ["pfk:unitPrice", "pfk:unitPrice"]


def test_an_unverified_figure_hangs_off_has_claim(store):
    """The "약 35 GW" of xAI's GPU goal (line 2004), read onto Colossus by a rule the gate holds back
    (claim:cluster-power:slide): exported as an unverified statement under pfa:hasClaim, never under an edge
    named after its kind, beside Colossus's verified 300 MW (line 1907); likewise a figure of a row that only
    guesses its subject."""
    t = tables(select(Selection(seeds=("pfid:colossus",), hops=1), store))
    rows = rows_of(t["statements.csv"], "colossus", "pfk:powerCapacity")
    unverified = [(r["amount"], r["unitCode"], r["verified"], r["label"]) for r in rows if r["verified"] == "false"]
    # and the 2 GW of 2026 whose row only guesses Colossus ("아마도 …", hedged_rows.py)
    assert sorted(unverified) == [("2000.0", "MW", "false", "power capacity ≥ 2000 MW (2026, forecast, unverified)"),
                                  ("35000.0", "MW", "false", "power capacity ~35000 MW (forecast, unverified)")]
    for claim in (r["id"] for r in rows if r["verified"] == "false"):
        assert [e["predicate"] for e in t["edges.csv"] if e["target"] == claim] == ["pfa:hasClaim"]
    assert ("300.0", "true") in {(r["amount"], r["verified"]) for r in rows}


def test_planned_power_of_a_cluster_is_planned(store):
    t = tables(select(Selection(seeds=("pfid:prometheus",), hops=1), store))
    rows = rows_of(t["statements.csv"], "prometheus", "pfk:powerCapacity")
    cols = ("amount", "unitCode", "unit", "statementStatus", "statementRank", "timeText", "timePrecision",
            "pointInTime", "verified")
    assert [tuple(r[c] for c in cols) for r in rows] == [
        ("1000.0", "MW", UNIT + "MegaW", "planned", "preferred", "2026", "year", "2026", "true")]
    prometheus = node_row(t["nodes.csv"], "prometheus")
    assert prometheus["plannedPowerMW [MW]"] == "1000.0"
    assert not prometheus.get("powerCapacityMW [MW]")  # a plan is no current power
    # NVIDIA's revenue from the cluster is no revenue of the cluster: amounts whose metric says whose; the
    # per-unit one keeps its denominator (GW), the plain one has none
    assert rows_of(t["statements.csv"], "prometheus", "pfk:revenue") == []
    amounts = rows_of(t["statements.csv"], "prometheus", "pfk:amount")
    assert sorted((r["amount"], r["perUnit"], r["metric"], r["statementStatus"], r["statementRank"]) for r in amounts) == [
        # the per-GW figure is read in the Meta clusters table's estimate column (table_status.py); the
        # revenue opportunity column ("총 매출 기회") is an estimate label too
        ("30000000000.0", "", "NVIDIA revenue opportunity", "estimate", "preferred"),
        ("30000000000.0", "GW", "NVIDIA revenue", "estimate", "preferred")]


def test_statement_columns_in_the_data_dictionary(seeds_sub):
    columns = {(r["file"], r["column"]): r for r in tables(seeds_sub)["columns.csv"]}
    assert columns[("statements.csv", "amount")]["type"] == "double"
    assert columns[("statements.csv", "amount")]["property"] == PFA.value
    assert columns[("statements.csv", "verified")]["type"] == "boolean"
    assert columns[("statements.csv", "perUnit")]["property"] == PFA.perUnit
    assert ("nodes.csv", "amount") not in columns


# ----------------------------------------------------------------------------- GraphML, Cypher, Cytoscape
def colossus_power(nodes) -> list[tuple]:
    return sorted((a["amount"], a["statementStatus"], a["statementRank"], a.get("timeText", ""), a["verified"],
                   a.get("bound", ""), a.get("approximate", False))
                  for a in nodes if a.get("subject") == PFID + "colossus" and a.get("kind") == "pfk:powerCapacity")


COLOSSUS_POWER = [
    (300.0, "actual", "preferred", "2025", True, "", False),
    (2000.0, "forecast", "normal", "2026", False, "lower", False),  # its row only guesses Colossus: unverified
    (35000.0, "forecast", "normal", "", False, "", True),  # the expected power of xAI's goal: unverified
]


def test_graphml_statements_are_typed_records(seeds_sub):
    data = export(seeds_sub, "graphml", force=True).data
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type")
            for k in ET.fromstring(data).iter("{http://graphml.graphdrawing.org/xmlns}key")}
    assert keys[("node", "amount")] == "double"
    assert keys[("node", "verified")] == keys[("node", "approximate")] == "boolean"
    assert keys[("node", "statementStatus")] == "string"
    g = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    assert colossus_power([a for _, a in g.nodes(data=True)]) == COLOSSUS_POWER
    assert g.nodes[PFID + "colossus"]["powerCapacityMW"] == 300.0  # the truthy current power
    current = next(n for n, a in g.nodes(data=True)
                   if a.get("kind") == "pfk:powerCapacity" and a.get("statementRank") == "preferred")
    assert g.nodes[current]["type"] == "Statement"
    assert g.nodes[current]["label"] == "power capacity 300 MW (2025, actual)"
    assert [(a["predicate"], a["label"], a["graph"]) for u, _v, a in g.in_edges(current, data=True)
            if u == PFID + "colossus"] == [("pfk:powerCapacity", "power capacity", "facts")]
    assert [(v, a["predicate"]) for _u, v, a in g.out_edges(current, data=True)] == [
        (PFLOC + "T/IV-04-1/r7c5", "prov:wasDerivedFrom")]
    assert g.nodes[PFLOC + "T/IV-04-1/r7c5"]["type"] == "ReportLocation"
    # no bare statement links, no reified statement links left over
    predicates = Counter(a["predicate"] for _u, _v, a in g.edges(data=True))
    assert predicates["pfa:statement"] == predicates["pfa:statementOf"] == 0
    assert predicates["pfk:powerCapacity"] == 1  # the verified 300 MW; the two unverified hang off pfa:hasClaim
    assert not [n for n, a in g.nodes(data=True) if a.get("predicate") in ("pfa:statement", "pfa:statementOf")]
    reified_claim_links = [(u, v) for u, v, a in g.edges(data=True)
                           if a["predicate"] in ("rdf:subject", "rdf:object")
                           and g.nodes[u].get("predicate") in ("pfa:hasClaim", "pfa:claimAbout")
                           and g.nodes[v].get("type") == "Statement"]
    assert reified_claim_links == []  # folded into the records (lines, rules, sources)


def test_cypher_and_cytoscape_carry_the_records(seeds_sub):
    pg = property_graph(seeds_sub)
    current = next(n for n, a in pg.nodes if a.get("kind") == "pfk:powerCapacity"
                   and a.get("statementRank") == "preferred" and a.get("subject") == PFID + "colossus")
    script = export(seeds_sub, "cypher", force=True).data.decode("utf-8").splitlines()
    node = next(ln for ln in script if ln.startswith(f"MERGE (n:Resource {{iri: '{current}'}})"))
    assert " SET n:Statement, n += {label: 'power capacity 300 MW (2025, actual)', type: 'Statement', " in node
    assert ", amount: 300.0, unitCode: 'MW', unit: 'http://qudt.org/vocab/unit/MegaW', " in node
    rel = [ln for ln in script if ln.startswith(f"MATCH (a:Resource {{iri: '{PFID}colossus'}}), "
                                                f"(b:Resource {{iri: '{current}'}})")]
    assert len(rel) == 1
    assert " MERGE (a)-[r:powerCapacity {id: " in rel[0]
    doc = json.loads(export(seeds_sub, "cytoscape", force=True).data)
    g = nx.cytoscape_graph(doc)
    assert colossus_power([a for _, a in g.nodes(data=True)]) == COLOSSUS_POWER
    assert [a["interaction"] for u, _v, a in g.in_edges(current, data=True) if u == PFID + "colossus"] == \
        ["powerCapacity"]


HASH_SCRIPT = """
import hashlib, json, sys
from petaflop.export import Selection, export, open_store
store = open_store(sys.argv[1])
sel = Selection(seeds=("pfid:colossus", "pfid:anthropic"), hops=1)
print(json.dumps({f: hashlib.sha256(export(sel, f, store=store, force=True).data).hexdigest()
                  for f in sys.argv[2].split(",")}))
"""


def test_graph_formats_are_byte_identical_across_processes(built_graph, seeds_sub, store):
    here = {f: hashlib.sha256(export(seeds_sub, f, force=True).data).hexdigest() for f in GRAPH_FORMATS}
    again = select(Selection(seeds=("Colossus", "앤트로픽"), hops=1), store)  # the same objects, named
    assert {f: hashlib.sha256(export(again, f, force=True).data).hexdigest() for f in GRAPH_FORMATS} == here
    env = {**os.environ, "PYTHONHASHSEED": "99"}
    out = subprocess.run([sys.executable, "-c", HASH_SCRIPT, str(built_graph), ",".join(GRAPH_FORMATS)],
                         capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    assert json.loads(out.stdout) == here


# ----------------------------------------------------------------------------- RDF formats
STATEMENTS_OF_SEEDS = """
PREFIX pfa: <https://petaflop-atlas.org/ontology#>
SELECT ?p (COUNT(*) AS ?n) WHERE {
  { SELECT DISTINCT ?st WHERE {
      VALUES ?e { <https://petaflop-atlas.org/id/colossus> <https://petaflop-atlas.org/id/anthropic> }
      GRAPH <GRAPH> { { VALUES ?link { pfa:statement pfa:hasClaim } ?e ?link ?st } UNION { ?st ?to ?e }
                      ?st a pfa:Statement } } }
  GRAPH <GRAPH> { ?st ?p ?o }
} GROUP BY ?p
""".replace("GRAPH>", GRAPH_FACTS + ">")


def statement_counts(graph: rdflib.Graph) -> Counter:
    """pfa:statement links, and the facts about statement nodes by predicate."""
    statements = set(graph.subjects(rdflib.RDF.type, rdflib.URIRef(PFA.Statement)))
    counts = Counter(str(p) for s, p, _o in graph if s in statements)
    counts["(links) " + PFA.statement] = len(list(graph.triples((None, rdflib.URIRef(PFA.statement), None))))
    return counts


NAMED = ("trig", "nquads", "jsonld")


def facts_graph(ds: rdflib.Dataset, fmt: str) -> rdflib.Graph:
    """The facts graph of a format that keeps named graphs, else the union of the graphs."""
    if fmt in NAMED:
        return ds.graph(rdflib.URIRef(GRAPH_FACTS))
    union = rdflib.Graph()
    for part in ds.graphs():
        for t in part:
            union.add(t)
    return union


def parsed_facts(data: bytes, fmt: str) -> rdflib.Graph:
    if fmt in NAMED:
        ds = rdflib.Dataset()
        ds.parse(data=data, format=RDF_FORMATS[fmt])
        return facts_graph(ds, fmt)
    return rdflib.Graph().parse(data=data, format=RDF_FORMATS[fmt])


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_rdf_formats_keep_the_statement_nodes(seeds_sub, store, fmt):
    facts_only = select(Selection(seeds=("pfid:colossus", "pfid:anthropic"), hops=1, facts="asserted",
                                  provenance=False, ontology=False), store)
    expected = statement_counts(facts_graph(facts_only.to_rdflib(), fmt))
    got = statement_counts(parsed_facts(export(facts_only, fmt, force=True).data, fmt))
    assert got == expected
    # equal to the store's statements of the two entities and those that name them (another's stake in
    # Anthropic: its item), qualifier by qualifier: every statement (asserted or unverified) keeps its kind,
    # status and rank
    in_store = {r[0].value: int(r[1].value) for r in store.query(STATEMENTS_OF_SEEDS)}
    assert {p: n for p, n in got.items() if not p.startswith("(")} == in_store
    assert got[PFA.kind] == got[PFA.statementStatus] == got[PFA.statementRank] == in_store[PFA.kind] > 20
    assert 10 < got["(links) " + PFA.statement] < got[PFA.kind]  # the rest are unverified (hasClaim)
    # and the full selection (with provenance, inferred facts, ontology) round-trips them too
    full = statement_counts(parsed_facts(export(seeds_sub, fmt, force=True).data, fmt))
    assert full == statement_counts(facts_graph(seeds_sub.to_rdflib(), fmt))
    assert full[PFA.value] == in_store[PFA.value]


def test_rdf_export_keeps_the_qudt_unit_of_statements(store):
    sub = select(Selection(seeds=("pfid:colossus",), hops=1, provenance=False, ontology=False), store)
    g = rdflib.Graph().parse(data=export(sub, "turtle").data, format="turtle")
    units = list(g.triples((None, rdflib.URIRef(PFA.unit), None)))
    assert len(units) == len(list(g.subjects(rdflib.RDF.type, rdflib.URIRef(PFA.Statement)))) > 0


# ----------------------------------------------------------------------------- link statements
LINK_BOOKKEEPING = {"pfa:linkStatement", "pfa:linkStatementOf", "pfa:linkObject", "pfa:linkObjectOf"}


def test_a_planned_link_is_an_edge_with_its_status(store):
    """A link statement (docs/statements.md "Links with a status") is one edge named after its
    property carrying ``status``, never a node; an actual link carries no status."""
    site = PFID + "site-nvidia-shanghai-r-d-center"
    sub = select(Selection(seeds=("pfid:site-nvidia-shanghai-r-d-center",), hops=1), store)
    pg = property_graph(sub)
    assert not [nid for nid, attrs in pg.nodes if "/lst-" in nid or attrs.get("type") == "LinkStatement"]
    assert {PFID + "nvidia", PFID + "shanghai"} <= {nid for nid, _ in pg.nodes}  # one hop crosses the statement
    assert not [e for e in pg.edges if "/lst-" in e[1] or "/lst-" in e[2] or e[3]["predicate"] in LINK_BOOKKEEPING]
    owned = [attrs for _, s, t, attrs in pg.edges if (s, t) == (site, PFID + "nvidia")]
    assert len(owned) == 1
    assert {k: owned[0][k] for k in ("predicate", "label", "graph", "status", "lines")} == {
        "predicate": "pfa:ownedBy", "label": "owned by", "graph": "facts", "status": "planned", "lines": "L2928"}
    assert owned[0]["linkStatement"].startswith(PFID + "lst-")
    assert {c.name for c in pg.edge_columns} >= {"status", "linkStatement", "lines"}
    # the other direction: from the chip Oracle plans to buy, following incoming links only
    chip = select(Selection(seeds=("pfid:amd-mi355x",), hops=1, direction="in"), store)
    procures = [a for _, s, t, a in property_graph(chip).edges if (s, t) == (PFID + "oracle", PFID + "amd-mi355x")]
    assert [(a["predicate"], a["status"]) for a in procures] == [("pfa:procures", "planned")]
    assert all("status" not in a for *_, a in property_graph(chip).edges if "linkStatement" not in a)


def test_every_graph_format_carries_the_status(store):
    sub = select(Selection(seeds=("pfid:site-nvidia-shanghai-r-d-center",), hops=1), store)
    site, nvidia = PFID + "site-nvidia-shanghai-r-d-center", PFID + "nvidia"
    graphml = nx.read_graphml(io.BytesIO(export(sub, "graphml", force=True).data))
    assert [d["status"] for s, t, d in graphml.edges(data=True) if (s, t) == (site, nvidia)] == ["planned"]
    assert not [n for n in graphml.nodes if "/lst-" in n]
    edges = tables(sub)["edges.csv"]
    row = next(r for r in edges if (r["source"], r["target"]) == (site, nvidia))
    assert (row["predicate"], row["status"]) == ("pfa:ownedBy", "planned")
    assert {r["status"] for r in edges if not r["linkStatement"]} == {""}  # actual: no status
    cypher = export(sub, "cypher", force=True).data.decode()
    owned = next(line for line in cypher.splitlines() if "[r:ownedBy {id:" in line)
    assert f"{{iri: '{nvidia}'}}" in owned and "status: 'planned'" in owned
    assert "MERGE (n:Resource {iri: 'https://petaflop-atlas.org/id/lst-" not in cypher and ":LinkStatement" not in cypher
    data = json.loads(export(sub, "cytoscape", force=True).data)
    edge = next(e["data"] for e in data["elements"]["edges"] if (e["data"]["source"], e["data"]["target"]) == (site, nvidia))
    assert (edge["interaction"], edge["status"]) == ("ownedBy", "planned")
    assert not [n for n in data["elements"]["nodes"] if "/lst-" in n["data"]["id"]]
