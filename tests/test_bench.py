"""`petaflop bench --quick`: the harness runs end to end and its results have the promised shape.

Only the shape is checked (keys, types, a baseline and a ratio per workload) — never timings.
"""

from __future__ import annotations

import json
import numbers
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench.run import TARGETS, WORKLOADS
from bench.synthetic import generate
from petaflop.cli import app


def _number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


@pytest.fixture(scope="module")
def quick_results(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bench")
    out = tmp / "results.json"
    mp = pytest.MonkeyPatch()
    mp.setenv("PETAFLOP_BENCH_CACHE", str(tmp / "cache"))
    try:
        result = CliRunner().invoke(app, ["bench", "--quick", "--json", str(out), "--compare"])
    finally:
        mp.undo()
    assert result.exit_code == 0, result.output
    assert "bench guard: " in result.output  # the comparison ran (what it finds depends on the machine)
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
    for side in ("ours", "guarded", "baseline"):
        for level in w["serving"][side]["levels"]:
            assert {"clients", "requests", "ok", "errors", "throughput_qps", "p50_s", "p95_s"} <= set(level)
    # Our server's whole-catalogue levels run each query once per client (one round), so every query
    # has a p95 of its own at the top level, and the summary names the worst.
    whole = [lv for lv in w["serving"]["ours"]["levels"] if lv["mix"] == "catalogue"]
    top = max(whole, key=lambda lv: lv["clients"])
    assert top["rounds"] == 1
    assert top["requests"] == top["clients"] * len(w["serving"]["mixes"]["catalogue"])
    assert all(d["ok"] + d["errors"] == top["clients"] for d in top["per_query"].values())
    assert all(d["p95_s"] >= d["p50_s"] for d in top["per_query"].values() if d["ok"])
    # The targets are read from `petaflop serve` (the guard, a fresh server per level): same rounds, and
    # the summary names its worst query.
    guarded = [lv for lv in w["serving"]["guarded"]["levels"] if lv["mix"] == "catalogue"]
    gtop = max(guarded, key=lambda lv: lv["clients"])
    assert gtop["clients"] == top["clients"] and gtop["errors"] == 0
    assert gtop["requests"] == gtop["clients"] * len(w["serving"]["mixes"]["catalogue"])
    worst = [t for t in quick_results[0]["summary"] if t["target"] == "server, every catalogue query's p95 (s): the worst"]
    assert len(worst) == 1 and worst[0]["value"] == round(max(d["p95_s"] for d in gtop["per_query"].values()
                                                                if d["ok"]), 3)
    assert "petaflop serve" in worst[0]["where"]
    # `petaflop serve` as it starts by default: the catalogue's answers computed first (every one kept), then
    # the same clients; its targets are reported beside the cold server's, named as such.
    warm = w["serving"]["warm"]
    assert warm["warm"]["queries"] == warm["warm"]["kept"] == len(w["serving"]["mixes"]["catalogue"])
    assert warm["warm"]["failed"] == []
    wtop = max((lv for lv in warm["levels"] if lv["mix"] == "catalogue"), key=lambda lv: lv["clients"])
    assert (wtop["errors"], wtop["requests"]) == (0, wtop["clients"] * len(w["serving"]["mixes"]["catalogue"]))
    warm_worst = [t for t in quick_results[0]["summary"]
                  if t["target"] == "server, every catalogue query's p95 (s), catalogue answers computed at start: the worst"]
    assert len(warm_worst) == 1 and "computed at start" in warm_worst[0]["where"]


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


def test_bench_runs_from_a_checkout_without_being_installed(tmp_path):
    """``bench`` is not an installed package; ``petaflop bench`` imports it from the checkout by path."""
    petaflop = Path(sys.executable).with_name("petaflop")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    found = subprocess.run([sys.executable, "-c", "import importlib.util; print(importlib.util.find_spec('bench'))"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert found.stdout.strip() == "None", "bench is still installed: reinstall the project (make venv)"
    run = subprocess.run([str(petaflop), "bench", "--only", "nope"], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 1  # the workloads came from the checkout's bench/run.py
    assert run.stderr.strip() == "error: unknown workload(s) nope; choose from " + ", ".join(WORKLOADS)


def test_bench_without_a_checkout_is_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setattr("foundation.paths.REPO_ROOT", tmp_path)  # an installed wheel: no bench/ beside it
    result = CliRunner().invoke(app, ["bench", "--quick"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "runs from a checkout of the repository" in lines[0] and str(tmp_path) in lines[0]


def _results(started: str, build_s: float, reason_s: float, qps: float, report: str = "/x/mini_report.txt",
             workloads: tuple[str, ...] = ("build", "reasoning", "serving"), quick: bool = True) -> dict:
    w = {"build": {"input": report, "ours": {"total_s": build_s}},
         "reasoning": {"graphs": [{"graph": "synthetic 5e2", "ours": {"seconds": reason_s}}]},
         "serving": {"graph_quads": 7036, "ours": {"levels": [{"mix": "fast", "clients": 2, "errors": 0,
                                                               "throughput_qps": qps}]}}}
    return {"schema": 1, "started": started, "quick": quick, "config": {"scale": {"keep": 5000}}, "workloads": {k: w[k] for k in workloads},
            "machine": {"host": "h", "load_average_at_start": [0.3], "git_commit": "abc1234"}}


def test_guard_reports_a_workload_50_percent_slower_and_not_one_10_percent_slower():
    from bench.compare import compare, report_lines

    before = _results("2026-12-01T10:00:00", build_s=2.0, reason_s=1.0, qps=300.0)
    after = _results("2026-12-02T10:00:00", build_s=3.0, reason_s=1.1, qps=290.0)
    result = compare(after, [("bench/results/old-quick.json", before)])
    assert len(result.compared) == 3
    assert [c.key for c in result.slower] == ["build: total s [mini_report.txt]"]
    assert result.slower[0].slowdown == pytest.approx(0.5)
    text = "\n".join(report_lines(result))
    assert "SLOWER build: total s [mini_report.txt]: 2.00 s -> 3.00 s (+50%" in text
    assert "SLOWER reasoning" not in text and "SLOWER serving" not in text
    assert "workloads slower: build" in text


def test_guard_compares_throughput_inversely_and_ignores_millisecond_noise():
    from bench.compare import compare

    before = _results("2026-12-01T10:00:00", build_s=0.004, reason_s=1.0, qps=300.0)
    after = _results("2026-12-02T10:00:00", build_s=0.008, reason_s=1.0, qps=150.0)  # +4 ms; half the queries/s
    slower = {c.key: c.slowdown for c in compare(after, [("old", before)]).slower}
    assert slower == {"serving: fast mix, 2 clients [synthetic 5000]": pytest.approx(1.0)}


def test_guard_compares_like_with_like_and_takes_the_newest_results_holding_each_figure():
    from bench.compare import compare, report_lines

    full = _results("2026-11-26T13:00:00", 19.5, 0.8, 500.0, report="the report (default location)", quick=False)
    older = _results("2026-12-01T10:00:00", build_s=2.0, reason_s=1.0, qps=300.0)
    newer = _results("2026-12-02T09:00:00", build_s=9.9, reason_s=2.0, qps=300.0, workloads=("reasoning",))
    after = _results("2026-12-02T10:00:00", build_s=2.1, reason_s=2.1, qps=300.0)
    result = compare(after, [("newer", newer), ("older", older), ("full", full)])
    sources = {c.key: (c.source, c.before) for c in result.compared}
    assert sources == {"build: total s [mini_report.txt]": ("older", 2.0),
                       "reasoning: rules s [synthetic 5e2]": ("newer", 2.0),
                       "serving: fast mix, 2 clients [synthetic 5000]": ("older", 300.0)}
    assert not result.slower
    nothing = compare(after, [("full", full)])  # a full run (other inputs, other repeats): never compared
    assert not nothing.compared and len(nothing.new) == 3
    assert report_lines(nothing)[0].startswith("bench guard: no committed results hold these figures")


def test_guard_reads_the_committed_results_only(tmp_path):
    from bench.compare import committed_results

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True, timeout=60)

    results = tmp_path / "bench" / "results"
    results.mkdir(parents=True)
    old = _results("2026-12-01T10:00:00", 2.0, 1.0, 300.0)
    (results / "a-quick.json").write_text(json.dumps(old), encoding="utf-8")
    (results / "app.json").write_text(json.dumps({"interactions": {}}), encoding="utf-8")  # another script's
    git("init", "-q")
    git("add", "bench")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "results")
    (results / "a-quick.json").write_text(json.dumps(_results("2026-12-03T10:00:00", 5, 5, 5)), encoding="utf-8")
    (results / "b-quick.json").write_text(json.dumps(_results("2026-12-04T10:00:00", 6, 6, 6)), encoding="utf-8")
    assert committed_results(tmp_path) == [("bench/results/a-quick.json", old)]


def test_bench_compare_prints_the_slower_figures(monkeypatch):
    """The CLI wiring of --compare, with the run and the committed results replaced by two result dicts."""
    import bench.compare
    import bench.run

    before = _results("2026-12-01T10:00:00", build_s=2.0, reason_s=1.0, qps=300.0)
    after = {**_results("2026-12-02T10:00:00", build_s=3.0, reason_s=1.1, qps=290.0), "summary": [],
             "paths": {"json": "out.json", "markdown": "out.md"}}
    monkeypatch.setattr(bench.run, "run", lambda **_kw: after)
    monkeypatch.setattr(bench.compare, "committed_results", lambda: [("bench/results/old-quick.json", before)])
    result = CliRunner().invoke(app, ["bench", "--quick", "--compare"])
    assert result.exit_code == 0, result.output  # slower figures never change the exit code
    assert "SLOWER build: total s [mini_report.txt]: 2.00 s -> 3.00 s (+50%" in result.output
    assert "SLOWER reasoning" not in result.output


_FAILS = "import sys; sys.stderr.write('Traceback\\nOSError: [Errno 98] Address already in use\\n'); sys.exit(1)"
_ANSWERS = """
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
class H(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length') or 0))
        self.send_response(200); self.end_headers(); self.wfile.write(b'{}')
    def log_message(self, *a):
        pass
HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
"""


def _fake_guards(tmp_path, scripts: list[str]):
    """A stand-in for ``bench_serve._guard_process``: the n-th start runs ``scripts[n]`` (a real child)."""
    from bench import bench_serve

    started = []

    def start(store_dir, params, warm_file=None):
        port = bench_serve.free_port()
        err = tmp_path / f"guard-{len(started)}.log"
        with err.open("wb") as out:
            proc = subprocess.Popen([sys.executable, "-c", scripts[len(started)], str(port)], stderr=out)
        started.append(proc)
        return proc, port, err
    return start, started


def test_a_guard_that_does_not_come_up_is_started_again_and_the_reason_is_reported(tmp_path, monkeypatch):
    from bench import bench_serve

    start, started = _fake_guards(tmp_path, [_FAILS, _ANSWERS])
    monkeypatch.setattr(bench_serve, "_guard_process", start)
    logged: list[str] = []
    proc, _port, why = bench_serve._start_guard(tmp_path, {}, logged.append)
    try:
        assert len(started) == 2 and proc is started[1] and proc.poll() is None
        assert why == "exit 1: OSError: [Errno 98] Address already in use"
        assert logged == ["serving: the guard did not come up (exit 1: OSError: [Errno 98] Address already in use)"
                          ", starting it again"]
    finally:
        bench_serve._stop(proc)


def test_a_guard_that_never_comes_up_is_an_error_naming_its_reason(tmp_path, monkeypatch):
    from bench import bench_serve

    start, started = _fake_guards(tmp_path, [_FAILS, _FAILS])
    monkeypatch.setattr(bench_serve, "_guard_process", start)
    result = bench_serve._start_guard(tmp_path, {}, lambda _m: None)
    assert result == "the guard did not come up twice (the second: exit 1: OSError: [Errno 98] Address already in use)"
    assert [p.returncode for p in started] == [1, 1]


def test_a_server_that_came_up_late_or_never_is_named_in_the_markdown_with_its_reason():
    from bench.markdown import markdown

    results = _results("2026-12-01T10:00:00", 1.0, 1.0, 300.0, workloads=("serving",))
    results.update(date="2026-12-01", summary=[], seconds=1.0)
    serving = results["workloads"]["serving"]
    serving.update(max_requests_per_level=10, duration_s_per_level=1, request_timeout_s=1, mixes={"fast": []})
    serving["guarded"] = {"name": "petaflop serve (guard)", "error": "did not come up twice (exit 1: a | b\nc)",
                          "levels": [{"mix": "fast", "clients": 8, "errors": 0, "throughput_qps": 5.0,
                                      "note": "the guard came up at the second start (the first: exit 1: x)"}]}
    text = markdown(results)
    assert "| petaflop serve (guard) | — | — | — | — | — | did not come up twice (exit 1: a / b c) | | |" in text
    assert ("petaflop serve (guard): fast mix, 8 clients: the guard came up at the second start "
            "(the first: exit 1: x).") in text
