"""Export formats (petaflop/export/formats/): every format re-imported equals the selection.

RDF formats are re-read with rdflib and compared with ``rdflib.compare.isomorphic`` (per named
graph for N-Quads, TriG and JSON-LD); GraphML, CSV and Cytoscape JSON are re-read with networkx
and compared node by node and edge by edge with the property-graph projection; the Cypher script
is parsed by a validating parser for the statement forms it uses. Exports are deterministic:
the same selection gives the same bytes in another process (other hash seed, other blank-node ids).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from foundation.namespaces import GRAPH_FACTS, PFID
from petaflop.export import EXPORT_PREFIXES, Selection, export, open_store, select
from petaflop.export.errors import ExportError
from petaflop.export.formats import (
    FORMATS,
    ExportFormat,
    property_graph,
    read_csv_zip,
    register,
    relationship_names,
    resolve_format,
)

FIXTURE = Path(__file__).parent / "fixtures" / "export_fixture.trig"
ROOT = Path(__file__).resolve().parent.parent
RDF_SINGLE = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml"}
RDF_NAMED = {"nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}


def fixture_store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module")
def fixture_sub():
    return select(Selection(seeds=("alpha-campus",), hops=3), fixture_store())


@pytest.fixture(scope="module")
def stargate_sub(built_graph):
    return select(Selection(seeds=("Stargate",), hops=2), open_store(built_graph))


@pytest.fixture(params=["fixture", "stargate"])
def sub(request):
    return request.getfixturevalue(f"{request.param}_sub")


# ----------------------------------------------------------------------------- RDF round trips
def union_graph(ds: rdflib.Dataset) -> rdflib.Graph:
    g = rdflib.Graph()
    for part in ds.graphs():
        for t in part:
            g.add(t)
    return g


def named(ds: rdflib.Dataset) -> dict[str, rdflib.Graph]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


@pytest.mark.parametrize("fmt", sorted(RDF_SINGLE))
def test_single_graph_formats_round_trip(sub, fmt):
    data = export(sub, fmt, force=True).data
    back = rdflib.Graph()
    back.parse(data=data, format=RDF_SINGLE[fmt])
    expected = union_graph(sub.to_rdflib())
    assert len(back) == len(expected) == len({q.triple for q in sub.quads})
    assert isomorphic(back, expected)


@pytest.mark.parametrize("fmt", sorted(RDF_NAMED))
def test_named_graph_formats_round_trip_per_graph(sub, fmt):
    data = export(sub, fmt, force=True).data
    back = rdflib.Dataset()
    back.parse(data=data, format=RDF_NAMED[fmt])
    expected = named(sub.to_rdflib())
    got = named(back)
    assert sorted(got) == sorted(expected) == sorted({q.graph_name.value for q in sub.quads})
    for name, graph in expected.items():
        assert len(got[name]) == len(graph), name
        assert isomorphic(got[name], graph), name


def test_jsonld_is_compacted_with_a_context(fixture_sub):
    doc = json.loads(export(fixture_sub, "jsonld").data)
    assert list(doc) == ["@context", "@graph"]
    assert doc["@context"]["pfid"] == "https://petaflop-atlas.org/id/"
    assert [g["@id"] for g in doc["@graph"]] == ["pfg:ontology", "pfg:facts", "pfg:inferred", "pfg:provenance"]
    facts = {n["@id"]: n for n in doc["@graph"][1]["@graph"]}
    assert facts["pfid:inv-gamma-alpha"] == {
        "@id": "pfid:inv-gamma-alpha",
        "@type": ["pfa:Investment"],
        "rdfs:label": [{"@value": "Investment: Gamma Fund → Alpha Campus", "@language": "en"}],
        "pfa:amountUSD": [{"@value": "1500000000", "@type": "xsd:decimal"}],
        "pfa:hasInvestee": [{"@id": "pfid:alpha-campus"}],
        "pfa:hasInvestor": [{"@id": "pfid:gamma-fund"}],
        "pfa:investorRole": [{"@value": "lead investor", "@language": "en"}],
    }


@pytest.mark.parametrize(("quad", "message"), [
    ((PFID + "alpha-phase-1", "https://petaflop-atlas.org/ontology#note", ox.Literal("line 1\r\nline 2")),
     "RDF/XML cannot carry the value 'line 1\\r\\nline 2' (a carriage return or a control character); use Turtle"),
    ((PFID + "alpha-phase-1", "https://example.org/p/123", ox.Literal("x")),
     "RDF/XML cannot write <https://example.org/p/123> as an element (no XML name at its end); use Turtle"),
])
def test_rdfxml_refuses_what_it_cannot_carry(quad, message):
    """pyoxigraph's RDF/XML writer would drop the carriage return (the XML parser reads a newline) or
    write an empty element name; the export refuses instead, and Turtle carries the same selection."""
    store = fixture_store()
    s, p, o = quad
    store.add(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o, ox.NamedNode(GRAPH_FACTS)))
    sub = select(Selection(seeds=("alpha-phase-1",), hops=0, provenance=False, ontology=False), store)
    with pytest.raises(ExportError) as err:
        export(sub, "rdfxml")
    assert str(err.value) == message
    back = rdflib.Graph().parse(data=export(sub, "turtle").data, format="turtle")
    assert isomorphic(back, union_graph(sub.to_rdflib()))


def test_rdfxml_header_comment_and_typed_elements(fixture_sub):
    text = export(fixture_sub, "rdfxml").data.decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == '<?xml version="1.0" encoding="UTF-8"?>'
    assert lines[1] == f"<!-- Petaflop Atlas export: {fixture_sub.summary()} -->"
    assert '<pfa:Investment rdf:about="https://petaflop-atlas.org/id/inv-gamma-alpha">' in text
    ET.fromstring(text.encode("utf-8"))


def test_rdfxml_opens_in_an_owl_tool(fixture_sub, tmp_path):
    """owlready2 (an OWL API for Python) loads the RDF/XML: classes, properties, typed individuals."""
    import owlready2

    path = tmp_path / "alpha.owl"
    path.write_bytes(export(fixture_sub, "rdfxml").data)
    world = owlready2.World()
    world.get_ontology(path.as_uri()).load()
    inv = world[PFID + "inv-gamma-alpha"]
    assert [c.name for c in inv.is_a] == ["Investment"]
    assert inv.amountUSD == [1500000000.0]
    assert [o.name for o in inv.hasInvestor] == ["gamma-fund"]
    assert sorted((str(x), x.lang) for x in world["https://petaflop-atlas.org/ontology#Firm"].label) == \
        [("firm", "en"), ("기업", "ko")]


def test_turtle_exact_text(tmp_path):
    """The header names the resolved selection, every export prefix is declared, one block per subject
    with ``a`` first (pyoxigraph's Turtle serialiser: tab indentation, prefixes longest namespace first)."""
    store = fixture_store()
    sub = select(Selection(seeds=("Alpha Phase 1",), hops=0, provenance=False, ontology=False), store)
    lines = export(sub, "turtle").data.decode("utf-8").splitlines(keepends=True)
    assert lines[0] == ("# Petaflop Atlas export: seeds=pfid:alpha-phase-1 hops=0 direction=both facts=both "
                        "provenance=off ontology=off\n")
    prefixes = [ln for ln in lines if ln.startswith("@prefix ")]
    assert lines[1:1 + len(prefixes)] == prefixes
    assert sorted(prefixes) == sorted(f"@prefix {p}: <{ns}> .\n" for p, ns in EXPORT_PREFIXES.items())
    assert prefixes[:2] == ["@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n",
                            "@prefix pfst: <https://petaflop-atlas.org/statement/> .\n"]
    assert "".join(lines[1 + len(prefixes):]) == (
        "pfid:alpha-phase-1 a pfa:ClusterPhase ;\n"
        '\trdfs:label "Alpha Phase 1"@en ;\n'
        '\tskos:altLabel "Phase 1"@en ;\n'
        '\tpfa:powerCapacityMW "50"^^xsd:decimal .\n'
    )


# ----------------------------------------------------------------------------- property graphs
def expected_graph(sub):
    pg = property_graph(sub)
    nodes = dict(pg.nodes)
    edges = {(s, t, eid): attrs for eid, s, t, attrs in pg.edges}
    return pg, nodes, edges


def as_dicts(g: nx.MultiDiGraph, drop_node=(), drop_edge=()):
    nodes = {n: {k: v for k, v in a.items() if k not in drop_node} for n, a in g.nodes(data=True)}
    edges = {(s, t, k): {kk: v for kk, v in a.items() if kk not in drop_edge}
             for s, t, k, a in g.edges(keys=True, data=True)}
    return nodes, edges


def test_graphml_round_trip_with_networkx(sub):
    pg, nodes, edges = expected_graph(sub)
    data = export(sub, "graphml", force=True).data
    ET.fromstring(data)  # well-formed XML
    g = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    got_nodes, got_edges = as_dicts(g, drop_edge=("id",))
    assert got_nodes == nodes
    assert got_edges == edges
    assert g.graph["selection"] == sub.summary()
    assert {k: type(v) for k, v in got_nodes[pg.nodes[0][0]].items()} == \
        {k: type(v) for k, v in pg.nodes[0][1].items()}


def test_csv_round_trip_with_networkx(sub):
    _pg, nodes, edges = expected_graph(sub)
    data = export(sub, "csv", force=True).data
    assert zipfile.ZipFile(io.BytesIO(data)).namelist() == ["nodes.csv", "edges.csv", "statements.csv", "columns.csv"]
    g = read_csv_zip(data)
    got_nodes, got_edges = as_dicts(g)
    assert got_nodes == nodes
    assert got_edges == edges


def test_cytoscape_round_trip_with_networkx(sub):
    pg, nodes, edges = expected_graph(sub)
    doc = json.loads(export(sub, "cytoscape", force=True).data)
    g = nx.cytoscape_graph(doc)
    got_nodes, got_edges = as_dicts(g, drop_node=("id", "value", "name"),
                                    drop_edge=("id", "source", "target", "key", "interaction"))
    assert got_nodes == nodes
    assert got_edges == edges
    first = doc["elements"]["nodes"][0]["data"]
    assert first["name"] == pg.nodes[0][1].get("label", first["id"])


def test_fixture_projection_exact_values(fixture_sub):
    pg, nodes, edges = expected_graph(fixture_sub)
    assert nodes[PFID + "alpha-campus"] == {
        "label": "Alpha Campus", "label_ko": "알파 캠퍼스", "type": "ComputeCluster", "types": "pfa:ComputeCluster",
        "altLabel": "Alpha", "altLabel_2": "Project Alpha", "powerCapacityMW": 100.0, "powerCapacityMW_2": 250.5,
    }
    assert nodes[PFID + "beta-corp"] == {
        "label": "Beta Corp", "label_ko": "베타", "type": "Firm", "types": "pfa:Agent pfa:Firm pfa:Organization",
        "foundedYear": 1999, "listed": True, "status": 'says "hi"\nit\'s a \\ test',
    }
    # a link to an ontology term is a string attribute; the empty string is left out
    assert nodes[PFID + "claim-alpha-power"] == {
        "type": "Claim", "types": "pfa:Claim", "claimText": "fictional claim text",
        "promotedTo": "pfa:powerCapacityMW",
    }
    assert edges[(PFID + "alpha-phase-1", PFID + "alpha-campus", next(
        k for (s, t, k), a in edges.items() if a["predicate"] == "pfa:partOf"))] == {
        "predicate": "pfa:partOf", "label": "part of", "graph": "inferred"}
    units = {c.name: c.unit for c in pg.node_columns}
    assert units["powerCapacityMW_2"] == "MW" and units["amountUSD"] == "USD"
    with zipfile.ZipFile(io.BytesIO(export(fixture_sub, "csv").data)) as zf:
        header = zf.read("nodes.csv").decode("utf-8").splitlines()[0].split(",")
        columns = zf.read("columns.csv").decode("utf-8").splitlines()
    assert header[:6] == ["id", "label", "label_ko", "type", "types", "altLabel"]
    assert "amountUSD [USD]" in header and "powerCapacityMW_2 [MW]" in header
    assert ("nodes.csv,amountUSD,amountUSD [USD],double,https://petaflop-atlas.org/ontology#amountUSD,"
            "amount (USD),USD") in columns


# ----------------------------------------------------------------------------- Cypher
TOKEN = re.compile(r"""
    (?P<ws>[ ]+)
  | (?P<string>'(?:[^'\\\n\r]|\\(?:[\\'"nrtbf]|u[0-9a-fA-F]{4}))*')
  | (?P<bq>`(?:[^`\n]|``)+`)
  | (?P<number>-?\d+(?:\.\d+)?(?:E-?\d+)?)
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<punct>\+=|->|[(){}\[\]:,;.\-])
""", re.VERBOSE)
ESCAPES = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


class CypherSyntaxError(AssertionError):
    pass


def tokenize(line: str) -> list[tuple[str, object]]:
    out, pos = [], 0
    while pos < len(line):
        m = TOKEN.match(line, pos)
        if not m:
            raise CypherSyntaxError(f"bad character at {pos}: {line[pos:pos + 20]!r}")
        kind, text = m.lastgroup, m.group()
        pos = m.end()
        if kind == "ws":
            continue
        if kind == "string":
            value = re.sub(r"\\(u[0-9a-fA-F]{4}|.)",
                           lambda e: chr(int(e.group(1)[1:], 16)) if e.group(1)[0] == "u" and len(e.group(1)) == 5
                           else ESCAPES[e.group(1)], text[1:-1])
            out.append(("value", value))
        elif kind == "number":
            out.append(("value", float(text) if any(c in text for c in ".E") else int(text)))
        elif kind == "ident" and text in ("true", "false"):
            out.append(("value", text == "true"))
        elif kind == "bq":
            out.append(("name", text[1:-1].replace("``", "`")))
        elif kind == "ident":
            out.append(("name", text))
        else:
            out.append(("p", text))
    return out


class Parser:
    def __init__(self, tokens):
        self.t, self.i = tokens, 0

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else ("eof", None)

    def take(self, kind, value=None):
        tok = self.peek()
        if tok[0] != kind or (value is not None and tok[1] != value):
            raise CypherSyntaxError(f"expected {value or kind}, got {tok[1]!r} at token {self.i}")
        self.i += 1
        return tok[1]

    def keyword(self, *words):
        for w in words:
            self.take("name", w)

    def mapping(self) -> dict:
        self.take("p", "{")
        out = {}
        while self.peek() != ("p", "}"):
            key = self.take("name")
            self.take("p", ":")
            if key in out:
                raise CypherSyntaxError(f"duplicate key {key}")
            out[key] = self.take("value")
            if self.peek() == ("p", ","):
                self.take("p", ",")
                if self.peek() == ("p", "}"):
                    raise CypherSyntaxError("trailing comma")
        self.take("p", "}")
        return out

    def end(self):
        self.take("p", ";")
        if self.i != len(self.t):
            raise CypherSyntaxError("more than one statement on a line")


def parse_cypher(script: str):
    """Validate the script (the subset the exporter writes) and return the graph it builds."""
    nodes: dict[str, tuple[list[str], dict]] = {}
    rels: dict[str, tuple[str, str, str, dict]] = {}
    constraint = False
    for lineno, line in enumerate(script.splitlines(), 1):
        if line.startswith("//"):
            continue
        if not line.endswith(";"):
            raise CypherSyntaxError(f"line {lineno}: a statement per line, ending with ';'")
        depth = 0
        for kind, value in tokenize(line):
            if kind == "p" and value in "({[":
                depth += 1
            elif kind == "p" and value in ")}]":
                depth -= 1
            if depth < 0:
                raise CypherSyntaxError(f"line {lineno}: unbalanced brackets")
        if depth:
            raise CypherSyntaxError(f"line {lineno}: unbalanced brackets")
        p = Parser(tokenize(line))
        head = p.take("name")
        if head == "CREATE":
            p.keyword("CONSTRAINT")
            p.take("name")
            p.keyword("IF", "NOT", "EXISTS", "FOR")
            p.take("p", "(")
            var = p.take("name")
            p.take("p", ":")
            p.keyword("Resource")
            p.take("p", ")")
            p.keyword("REQUIRE", var)
            p.take("p", ".")
            p.keyword("iri", "IS", "UNIQUE")
            p.end()
            constraint = True
        elif head == "MERGE":
            assert constraint, "the uniqueness constraint comes first"
            p.take("p", "(")
            p.keyword("n")
            p.take("p", ":")
            p.keyword("Resource")
            key = p.mapping()
            p.take("p", ")")
            assert list(key) == ["iri"] and isinstance(key["iri"], str)
            labels, props = [], {}
            if p.peek() == ("name", "SET"):
                p.take("name")
                while True:
                    p.keyword("n")
                    if p.peek() == ("p", "+="):
                        p.take("p", "+=")
                        props = p.mapping()
                    else:
                        while p.peek() == ("p", ":"):
                            p.take("p", ":")
                            labels.append(p.take("name"))
                    if p.peek() != ("p", ","):
                        break
                    p.take("p", ",")
            p.end()
            assert key["iri"] not in nodes, f"node merged twice: {key['iri']}"
            nodes[key["iri"]] = (labels, props)
        elif head == "MATCH":
            ends = []
            for var in ("a", "b"):
                p.take("p", "(")
                p.keyword(var)
                p.take("p", ":")
                p.keyword("Resource")
                ends.append(p.mapping()["iri"])
                p.take("p", ")")
                if var == "a":
                    p.take("p", ",")
            p.keyword("MERGE")
            p.take("p", "(")
            p.keyword("a")
            p.take("p", ")")
            p.take("p", "-")
            p.take("p", "[")
            p.keyword("r")
            p.take("p", ":")
            rtype = p.take("name")
            rid = p.mapping()
            p.take("p", "]")
            p.take("p", "->")
            p.take("p", "(")
            p.keyword("b")
            p.take("p", ")")
            p.keyword("SET", "r")
            p.take("p", "+=")
            props = p.mapping()
            p.end()
            assert all(e in nodes for e in ends), "relationships only between merged nodes"
            assert list(rid) == ["id"] and rid["id"] not in rels
            rels[rid["id"]] = (ends[0], rtype, ends[1], props)
        else:
            raise CypherSyntaxError(f"line {lineno}: unexpected {head!r}")
    return nodes, rels


def test_cypher_parser_rejects_broken_scripts():
    ok = "CREATE CONSTRAINT c IF NOT EXISTS FOR (n:Resource) REQUIRE n.iri IS UNIQUE;\n"
    parse_cypher(ok + "MERGE (n:Resource {iri: 'x'}) SET n:A, n += {a: 'it\\'s', b: 1.5E-3};")
    for bad in ["MERGE (n:Resource {iri: 'x'}) SET n += {a: 'unclosed};",
                "MERGE (n:Resource {iri: 'x'}) SET n += {a: 1}",
                "MERGE (n:Resource {iri: 'x'} SET n += {a: 1};",
                "MERGE (n:Resource {iri: 'x'}) SET n += {a: 'bad \\q escape'};",
                "MERGE (n:Resource {iri: 'x'}); MERGE (n:Resource {iri: 'y'});"]:
        with pytest.raises(CypherSyntaxError):
            parse_cypher(ok + bad)


def test_cypher_script_is_valid_and_builds_the_graph(sub):
    pg, nodes, edges = expected_graph(sub)
    script = export(sub, "cypher", force=True).data.decode("utf-8")
    got_nodes, got_rels = parse_cypher(script)
    assert {iri: props for iri, (_labels, props) in got_nodes.items()} == nodes
    assert {iri: labels for iri, (labels, _props) in got_nodes.items() if labels} == pg.node_labels
    names = relationship_names(pg)
    assert {(s, t, rid): props for rid, (s, _r, t, props) in got_rels.items()} == edges
    assert {rid: r for rid, (_s, r, _t, _p) in got_rels.items()} == \
        {eid: names[a["predicate"]] for eid, _s, _t, a in pg.edges}


def test_cypher_escapes_fixture_strings(fixture_sub):
    script = export(fixture_sub, "cypher").data.decode("utf-8")
    assert "status: 'says \"hi\"\\nit\\'s a \\\\ test'" in script
    line = next(ln for ln in script.splitlines() if "id/beta-corp'})" in ln and ln.startswith("MERGE"))
    assert line.startswith("MERGE (n:Resource {iri: 'https://petaflop-atlas.org/id/beta-corp'}) "
                           "SET n:Agent:Firm:Organization, n += {label: 'Beta Corp', label_ko: '베타', type: 'Firm'")


# ----------------------------------------------------------------------------- determinism
HASH_SCRIPT = """
import hashlib, json, sys
from petaflop.export import Selection, export, open_store
store = open_store(sys.argv[1])
sel = Selection(seeds=(sys.argv[2],), hops=int(sys.argv[3]))
print(json.dumps({f: hashlib.sha256(export(sel, f, store=store, force=True).data).hexdigest()
                  for f in sys.argv[4].split(",")}))
"""


def digests_elsewhere(data: Path, seed: str, hops: int, hash_seed: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    out = subprocess.run([sys.executable, "-c", HASH_SCRIPT, str(data), seed, str(hops), ",".join(FORMATS)],
                         capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    return json.loads(out.stdout)


def test_same_input_same_bytes_across_processes_fixture():
    sub = select(Selection(seeds=("alpha-campus",), hops=3), open_store(FIXTURE))
    here = {f: hashlib.sha256(export(sub, f).data).hexdigest() for f in FORMATS}
    assert digests_elsewhere(FIXTURE, "alpha-campus", 3, "1") == here
    assert digests_elsewhere(FIXTURE, "alpha-campus", 3, "12345") == here


def test_same_input_same_bytes_across_processes_report(built_graph, stargate_sub):
    here = {f: hashlib.sha256(export(stargate_sub, f).data).hexdigest() for f in FORMATS}
    assert digests_elsewhere(built_graph, "Stargate", 2, "7") == here


# ----------------------------------------------------------------------------- registry
@pytest.mark.parametrize(("name", "out", "expected"), [
    ("ttl", None, "turtle"), ("JSON-LD", None, "jsonld"), ("owl", None, "rdfxml"), ("neo4j", None, "cypher"),
    (None, "x/a.graphml", "graphml"), (None, "a.zip", "csv"), (None, "a.cyjs", "cytoscape"), (None, "a.owl", "rdfxml"),
    (None, "a.nq", "nquads"), (None, None, "turtle"),
])
def test_resolve_format(name, out, expected):
    assert resolve_format(name, out).name == expected


def test_registry_holds_one_instance_per_format():
    assert list(FORMATS) == ["turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml", "graphml", "csv", "cypher",
                             "cytoscape"]
    assert all(isinstance(f, ExportFormat) and f.extensions[0] == f.extension for f in FORMATS.values())
    assert [f.name for f in FORMATS.values() if f.named_graphs] == ["nquads", "trig", "jsonld"]

    class Rival(ExportFormat):
        name = "turtle2"
        extension = ".ttl2"
        media_type = "text/plain"
        description = "clashes on an alias"
        aliases = ("ttl",)

        def write(self, sub):
            return b""

    with pytest.raises(ValueError, match=r"^format 'turtle2': ttl already belongs to 'turtle'$"):
        register(Rival())
    assert "turtle2" not in FORMATS
    with pytest.raises(ExportError, match=r"^--format 'gml': unknown format; choose one of turtle, ntriples"):
        resolve_format("gml")
