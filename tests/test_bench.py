"""`petaflop bench --quick`: the harness runs end to end and its results have the promised shape.

Only the shape is checked (keys, types, a baseline and a ratio per workload) — never timings.
"""

from __future__ import annotations

import json
import numbers

import pytest
from typer.testing import CliRunner

from bench.run import TARGETS, WORKLOADS
from petaflop.cli import app
from petaflop.synthetic import generate


def _number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


@pytest.fixture(scope="module")
def quick_results(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bench")
    out = tmp / "results.json"
    mp = pytest.MonkeyPatch()
    mp.setenv("PETAFLOP_BENCH_CACHE", str(tmp / "cache"))
    try:
        result = CliRunner().invoke(app, ["bench", "--quick", "--json", str(out)])
    finally:
        mp.undo()
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8")), out


@pytest.mark.slow
def test_quick_run_writes_json_and_markdown(quick_results):
    data, out = quick_results
    assert data["schema"] == 1 and data["quick"] is True
    assert set(data["workloads"]) == set(WORKLOADS)
    md = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "| target | goal | measured | met | where |" in md
    for name in ("Build", "Catalogue queries", "Reasoning", "Scale", "Serving"):
        assert f"## {name}" in md


@pytest.mark.slow
def test_machine_facts_are_recorded(quick_results):
    m = quick_results[0]["machine"]
    assert isinstance(m["cpu_count"], int) and m["cpu_count"] >= 1
    assert _number(m["memory_total_gb"])
    for package in ("pyoxigraph", "rdflib", "owlrl", "oxrdflib"):
        assert isinstance(m["versions"][package], str)


@pytest.mark.slow
def test_every_workload_has_a_baseline_and_a_ratio(quick_results):
    for name, workload in quick_results[0]["workloads"].items():
        assert isinstance(workload["baseline"], dict) and workload["baseline"]["name"], name
        assert _number(workload["ratio"]) and workload["ratio"] > 0, name


@pytest.mark.slow
def test_workload_details(quick_results):
    w = quick_results[0]["workloads"]
    assert set(w["build"]["ours"]["stages_s"]) >= {"parse", "extract", "reason", "validate", "store"}
    queries = w["queries"]["queries"]
    assert queries and all({"id", "engines"} <= set(q) for q in queries)
    engines = {e for q in queries for e in q["engines"]}
    assert {"raw", "oxrdflib", "rdflib"} <= engines
    for q in queries:
        for fig in q["engines"].values():
            assert {"p50_s", "p95_s", "n", "status"} <= set(fig)
    assert any(g["graph"] == "report" for g in w["reasoning"]["graphs"])
    for row in w["scale"]["sizes"]:
        assert _number(row["load"]["seconds"]) and _number(row["peak_rss_mb"])
        assert {"seconds", "status"} <= set(row["materialise"])
    for side in ("ours", "baseline"):
        for level in w["serving"][side]["levels"]:
            assert {"clients", "requests", "ok", "errors", "throughput_qps", "p50_s", "p95_s"} <= set(level)


@pytest.mark.slow
def test_targets_are_reported_not_asserted(quick_results):
    summary = quick_results[0]["summary"]
    assert {t["target"] for t in summary}
    assert all(t["met"] in (True, False, None) for t in summary)
    assert set(quick_results[0]["targets"]) == set(TARGETS)


def test_synthetic_graph_is_deterministic_and_typed(tmp_path):
    import pyoxigraph as ox

    a, b = tmp_path / "a.nq", tmp_path / "b.nq"
    stats = generate(a, 20000, seed=3)
    generate(b, 20000, seed=3)
    assert a.read_bytes() == b.read_bytes()
    assert stats.quads >= 20000 and set(stats.per_graph) == {"ontology", "facts", "provenance"}
    store = ox.Store()
    store.bulk_load(path=str(a), format=ox.RdfFormat.N_QUADS)
    assert len(store) == stats.quads  # no duplicate quads
    pfa = "https://petaflop-atlas.org/ontology#"
    for cls in ("ComputeCluster", "ClusterPhase", "Investment", "GPU", "ExportControlEvent"):
        assert any(store.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                           ox.NamedNode(pfa + cls), None)), cls
    smaller = tmp_path / "c.nq"
    generate(smaller, 10000, seed=3)
    assert a.read_bytes().startswith(smaller.read_bytes())  # a smaller graph is a prefix of a larger one


def test_a_child_past_its_time_limit_is_stopped_and_reported(tmp_path):
    from bench.common import run_child

    child = run_child("generate", {"path": str(tmp_path / "g.nq"), "size": 10_000_000, "seed": 1,
                                   "provenance": 0.5, "with_ontology": True}, 1.0)
    assert child.timed_out and not child.ok
    assert child.seconds < 15
