"""``petaflop export``: the Stargate example on the report graph, output targets and bad input."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import networkx as nx
import pytest
import rdflib

from foundation.namespaces import PFID
from petaflop.cli import app
from petaflop.export import Selection, export, open_store

FIXTURE = Path(__file__).parent / "fixtures" / "export_fixture.trig"


def run(cli, *args):
    return cli.invoke(app, ["export", *args], catch_exceptions=False)


def test_stargate_two_hops_graphml(cli, built_graph, tmp_path):
    """The issue's example: investors of Stargate with their roles and amounts, two hops out and in."""
    out = tmp_path / "stargate.graphml"
    res = run(cli, "--seed", "Stargate", "--hops", "2", "--format", "graphml", "--out", str(out),
              "--data", str(built_graph))
    assert res.exit_code == 0, res.output
    assert f"wrote {out} (graphml, " in " ".join(res.output.split())
    g = nx.read_graphml(out, force_multigraph=True)
    labels = {n: a.get("label") for n, a in g.nodes(data=True)}
    for slug, label, kind in [("oracle", "Oracle", "Firm"), ("openai", "OpenAI", "AILab"),
                              ("softbank", "SoftBank", "Firm"),
                              ("crusoe-blue-owl-jv", "Crusoe · Blue Owl JV", "Organization")]:  # line 1930
        assert labels[PFID + slug] == label
        assert g.nodes[PFID + slug]["type"] == kind
    investments = {
        "oracle": ((40_000_000_000.0,), "AI 클라우드 공급·HW 투자자", "CAPEX+15년 리스"),
        # "초기 190억 중 40억 … 사용": the sum pledged and the part drawn, two statements
        "openai": ((4_000_000_000.0, 19_000_000_000.0), "프로젝트 스폰서 · 지분 투자자", "자체 현금/지분"),
        "crusoe-blue-owl-jv": ((11_600_000_000.0,), "부지·건설 개발사", "채무+지분"),
        "softbank": ((), "전략 투자자 (지분)", "지분(임시중단)"),  # the table gives SoftBank no amount
    }
    for slug, (amount, role, form) in investments.items():
        # the investment node of the investor table row: hasInvestor -> the investor, hasInvestee -> Stargate
        rows = [u for u, _v, a in g.in_edges(PFID + slug, data=True)
                if a["predicate"] == "pfa:hasInvestor" and a["graph"] == "facts"
                and any(a2["predicate"] == "pfa:hasInvestee" for a2 in g.get_edge_data(u, PFID + "stargate", default={}).values())]
        # the joint SoftBank·OpenAI·Oracle pledge of the US pledge table (line 2810) is another investment
        joint = PFID + "us-investment-pledges--softbank--openai--oracle--stargate"
        assert (joint in rows) == (slug in ("oracle", "openai", "softbank")), (slug, rows)
        rows = [u for u in rows if u != joint]
        assert len(rows) == 1, (slug, rows)
        attrs = g.nodes[rows[0]]
        assert attrs["type"] == "Investment"
        # SoftBank's row says its money is not put in ("자금 미투입"): a pledge, whose parties are planned link
        # statements; the export flattens them into the same edges, with their status
        status = {a.get("status") for u, _v, a in g.in_edges(PFID + slug, data=True)
                  if u == rows[0] and a["predicate"] == "pfa:hasInvestor"}
        assert status == ({"planned"} if slug == "softbank" else {None}), (slug, status)
        assert attrs["investorRole_ko"] == role
        assert attrs["investmentForm_ko"] == form
        # the amount is a statement of the investment (the statement model), flattened into a record
        # linked by an edge named after its kind: typed (double), with its unit
        amounts = [g.nodes[t] for _u, t, a in g.out_edges(rows[0], data=True)
                   if a["predicate"] == "pfk:amount" and g.nodes[t].get("type") == "Statement"]
        assert sorted((st["amount"], st["unitCode"]) for st in amounts) == [(a, "USD") for a in amount]
        assert all(isinstance(st["amount"], float) for st in amounts)
    assert '<key id="n' in out.read_text(encoding="utf-8")
    assert "unit: USD; https://petaflop-atlas.org/ontology#amountUSD" in out.read_text(encoding="utf-8")
    # the investors also reach Stargate directly through the inferred investsIn links
    assert g.has_edge(PFID + "oracle", PFID + "stargate")
    # (and as one of its builders: "<시설>는 A·B·C가 … 구축", the inverse of developedBy)
    assert {a["predicate"] for a in g.get_edge_data(PFID + "oracle", PFID + "stargate").values()} == {
        "pfa:investsIn", "pfa:developerOf"}


@pytest.mark.parametrize("fmt", ["nquads", "turtle", "graphml", "cypher"])
def test_korean_name_and_alias_seeds_give_the_same_bytes(built_graph, fmt):
    store = open_store(built_graph)
    english = export(Selection(seeds=("Stargate",), hops=1), fmt, store=store).data
    assert export(Selection(seeds=("스타게이트",), hops=1), fmt, store=store).data == english
    assert export(Selection(seeds=("project  STARGATE",), hops=1), fmt, store=store).data == english


def test_catalogue_query_on_the_report_graph(built_graph, monkeypatch):
    import queries

    monkeypatch.setattr(queries, "CATALOGUE_DIR", Path(__file__).parent / "fixtures" / "export_queries")
    sel = Selection(query="investments-into", query_params={"target": "스타게이트"}, hops=0, provenance=False,
                    ontology=False)
    result = export(sel, "nquads", store=open_store(built_graph))
    seeds = {iri.removeprefix(PFID) for iri, _label in result.preview.seeds}
    assert {"stargate", "oracle", "openai", "crusoe-blue-owl-jv", "stargate-investors--oracle--stargate"} <= seeds
    # SoftBank only pledged (the pledge table's row) and put no money in (the investors table): its investor
    # links are planned link statements, so the query's plain hasInvestor does not list it
    assert "softbank" not in seeds


def test_stdout_and_preview(cli):
    res = run(cli, "--seed", "Alpha Phase 1", "--hops", "0", "--no-provenance", "--no-ontology", "-f", "nt",
              "--data", str(FIXTURE))
    assert res.exit_code == 0
    lines = [ln for ln in res.stdout.splitlines() if ln.startswith("<")]
    assert len(lines) == 4  # type, label, alternative label, power; hops 0 leaves the phaseOf link out
    g = rdflib.Graph().parse(data="\n".join(lines), format="nt")
    assert len(g) == 4
    res = run(cli, "--seed", "alpha-campus", "--hops", "2", "--preview", "--data", str(FIXTURE))
    assert res.exit_code == 0
    assert "seeds: Alpha Campus; 8 objects, 9 links, 176 triples (ontology 108, facts 41, inferred 5, " \
           "provenance 22); limit 50000" in res.output
    assert "objects by type: Organization 2, Claim 1, ClusterPhase 1" in res.output


def test_csv_writes_a_zip(cli, tmp_path):
    out = tmp_path / "alpha.zip"
    res = run(cli, "--seed", "alpha-campus", "--format", "csv", "--out", str(out), "--data", str(FIXTURE))
    assert res.exit_code == 0, res.output
    with zipfile.ZipFile(out) as zf:
        assert zf.namelist() == ["nodes.csv", "edges.csv", "statements.csv", "columns.csv"]
        edges = zf.read("edges.csv").decode("utf-8").splitlines()
    assert edges[0] == "id,source,target,predicate,label,graph,source_label,target_label"
    res = run(cli, "--seed", "alpha-campus", "--format", "csv", "--data", str(FIXTURE))
    assert res.exit_code == 1
    assert "--out: the csv format writes a zip" in res.output
    res = run(cli, "--seed", "alpha-campus", "--format", "csv", "--out", str(tmp_path / "n.csv"), "--data", str(FIXTURE))
    assert res.exit_code == 1
    assert "the csv format writes a zip; name the file *.zip" in res.output


def test_format_from_extension(cli, tmp_path):
    out = tmp_path / "alpha.cyjs"
    res = run(cli, "--seed", "alpha-campus", "--out", str(out), "--data", str(FIXTURE))
    assert res.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["elements"]["nodes"][0]["data"]["id"].startswith("https://")


@pytest.mark.parametrize(("args", "message"), [
    (["--seed", "Alpha Campos"],
     "error: --seed 'Alpha Campos': no object has that name, alias or id; close matches: Alpha Campus (pfid:alpha-campus)"),
    (["--seed", "alpha-campus", "--hops", "5"], "error: --hops: must be 0, 1, 2 or 3, got 5"),
    (["--seed", "alpha-campus", "--include-link", "operated"],
     "error: --include-link 'operated' is not a link type (predicate) in the graph or ontology; close matches: "
     "pfa:operatedBy"),
    (["--seed", "alpha-campus", "--format", "gml"], "error: --format 'gml': unknown format; choose one of turtle"),
    (["--sparql", "SELECT ?x WHERE { ?x a pfa:Nothing }"], "error: the selection is empty ("),
    (["--seed", "alpha-campus", "--hops", "2", "--limit", "100"],
     "error: --limit: the selection has 176 triples (8 objects), over the limit of 100;"),
    (["--query", "investments-into", "--param", "target"], "error: --param 'target': expected NAME=VALUE"),
])
def test_bad_input_exits_1_and_writes_nothing(cli, tmp_path, args, message):
    out = tmp_path / "never.ttl"
    res = run(cli, *args, "--out", str(out), "--data", str(FIXTURE))
    assert res.exit_code == 1
    assert message in " ".join(res.output.split())
    assert not out.exists()


def test_force_writes_over_the_limit(cli, tmp_path):
    out = tmp_path / "big.nq"
    res = run(cli, "--seed", "alpha-campus", "--hops", "2", "--limit", "100", "--force", "--out", str(out),
              "--data", str(FIXTURE))
    assert res.exit_code == 0
    assert len(out.read_bytes().splitlines()) == 176


def test_library_returns_bytes_and_a_filename():
    result = export(Selection(seeds=("alpha-campus",)), "graphml", store=open_store(FIXTURE))
    assert result.filename == "petaflop-alpha-campus-1hop.graphml"
    assert result.media_type == "application/graphml+xml"
    assert result.preview.objects == 7
    # 7 objects, 3 statements, their report location and the cited source
    assert nx.read_graphml(io.BytesIO(result.data)).number_of_nodes() == 12
