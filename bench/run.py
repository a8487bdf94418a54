"""``petaflop bench``: every workload side by side with its baseline, in one run; JSON + Markdown.

Workloads (each in child processes, each with time limits; see bench/README.md):

* ``build`` — the report build stage by stage, reasoning against rdflib + owlrl (bench_build);
* ``queries`` — the catalogue, p50/p95 per query: wrapper, raw pyoxigraph, oxrdflib, rdflib;
* ``reasoning`` — SPARQL rules against owlrl on the report graph and synthetic fact graphs;
* ``scale`` — synthetic graphs: bulk load, materialisation, catalogue p50/p95, peak memory;
* ``serving`` — the Oxigraph server on 127.0.0.1 under 1/4/8 clients, against an rdflib server;
* ``cli`` — a catalogue query as a ``petaflop query`` process against ``petaflop --version``, and
  against the same query reloading ``atlas.nq`` (bench_cli).

``--quick`` runs the same code on small inputs (the mini report, graphs of a few thousand
triples, 1-2 clients for a few seconds) so that the test suite can check the results' shape in
about a minute. Results go to ``bench/results/<date>-<host>.json`` and ``.md`` (or ``--json OUT``
and the ``.md`` beside it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import re
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import REPO, cache_dir, machine_facts
from bench.markdown import markdown

WORKLOADS = ("build", "queries", "reasoning", "scale", "serving", "cli")
SCHEMA = 1

TARGETS = {
    "build_total_s": 5.0,
    "build_speedup": 10.0,
    "catalogue_median_speedup": 20.0,
    "wrapper_overhead": 0.10,
    "scale_load_s": 120.0,
    "scale_materialise_s": 120.0,
    "scale_catalogue_p95_s": 2.0,
    "scale_peak_memory_gb": 12.0,
    "serving_qps": 500.0,
    "serving_errors": 0,
    "cli_query_to_version": 2.0,
}

FULL: dict[str, Any] = {
    "seed": 7,
    "build": {"repeat": 3, "timeout_s": 1800},
    "queries": {"graph": None, "repeat": 20, "budget_s": 10.0, "timeout_s": 3600, "rdflib_repeat": 3,
                "rdflib_cap_s": 60.0, "stall_s": 300.0},
    "reasoning": {"sizes": [10_000, 100_000, 1_000_000], "ours_timeout_s": 1800, "owlrl_timeout_s": 600},
    "scale": {"sizes": [100_000, 1_000_000, 10_000_000], "keep": 1_000_000,
              "limits": {"generate": 1800, "load": 1800, "materialise": 1800, "catalogue": 3600, "rdflib": 2400},
              "catalogue": {"engines": ["raw"], "repeat": 5, "budget_s": 20.0, "rdflib_cap_s": 20.0,
                            "stall_s": 180.0},
              "rdflib_max_rss_mb": 9000},
    "serving": {"levels": [1, 4, 8], "baseline_levels": [1, 8], "guarded_levels": [1, 8], "warm_levels": [8],
                "max_requests": 6000,
                "duration_s": 30.0,
                "catalogue_rounds": 1, "catalogue_duration_s": 600.0,
                "request_timeout_s": 30.0, "rdflib_load_timeout_s": 1200, "fast_p50_s": 0.05},
    "cli": {"repeat": 5, "queries": ["clusters-by-power", "actors-by-country", "deals-by-amount"]},
}

QUICK: dict[str, Any] = {
    "seed": 7,
    "build": {"repeat": 1, "timeout_s": 300, "report": str(REPO / "tests" / "fixtures" / "mini_report.txt")},
    "queries": {"graph": "synthetic", "size": 5_000, "repeat": 2, "budget_s": 0.5, "timeout_s": 180,
                "rdflib_repeat": 1, "rdflib_cap_s": 2.0, "max_queries": 12},
    "reasoning": {"sizes": [500], "ours_timeout_s": 120, "owlrl_timeout_s": 10},
    "scale": {"sizes": [5_000], "keep": 5_000,
              "limits": {"generate": 120, "load": 120, "materialise": 120, "catalogue": 180, "rdflib": 180},
              "catalogue": {"engines": ["wrapper", "raw"], "repeat": 2, "budget_s": 0.5, "rdflib_cap_s": 2.0,
                            "stall_s": 60.0, "max_queries": 12},
              "rdflib_max_rss_mb": 2000},
    "serving": {"levels": [1, 2], "baseline_levels": [1, 2], "guarded_levels": [2], "warm_levels": [2],
                "max_requests": 40,
                "duration_s": 1.5,
                "catalogue_rounds": 1, "catalogue_duration_s": 20.0,
                "request_timeout_s": 10.0, "rdflib_load_timeout_s": 120, "fast_p50_s": 0.05},
    "cli": {"repeat": 2, "queries": ["clusters-by-power"],
            "report": str(REPO / "tests" / "fixtures" / "mini_report.txt")},
}


def _log_to_stderr(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _report_graph(report: str | None, log) -> Path:
    """build/atlas.nq, or (when it is missing) a build of the report into the bench cache."""
    from petaflop.store import NQ_PATH

    if report is None and Path(NQ_PATH).is_file():
        return Path(NQ_PATH)
    from petaflop.build import run_build

    out = cache_dir() / "report-build"
    log(f"building the report graph into {out} (no HermiT)")
    run_build(report, out_dir=out, check_consistency=False, write_store=False)
    return out / "atlas.nq"


def run(quick: bool = False, json_out: str | Path | None = None, only: list[str] | None = None,
        report: str | None = None, log=_log_to_stderr) -> dict[str, Any]:
    """Run the benchmark; write JSON and Markdown; return the results."""
    from bench.bench_catalogue import run_queries_workload
    from bench.bench_reasoning import run_build, run_reasoning
    from bench.bench_scale import ensure_graph, run_scale
    from bench.bench_serve import cleanup, run_serving

    cfg = QUICK if quick else FULL
    wanted = [w for w in WORKLOADS if not only or w in only]
    started = time.perf_counter()
    now = dt.datetime.now()
    results: dict[str, Any] = {
        "schema": SCHEMA, "date": now.date().isoformat(), "started": now.isoformat(timespec="seconds"),
        "quick": quick, "machine": machine_facts(), "config": cfg, "targets": TARGETS, "workloads": {},
    }
    seed = cfg["seed"]
    w = results["workloads"]
    def attempt(name: str, work) -> None:
        """Run one workload; a failure is recorded (and the others still run); checkpoint the JSON."""
        log(f"workload {name}")
        try:
            work()
        except Exception as exc:  # reported in the results, not raised: the other workloads still count
            import traceback

            traceback.print_exc()
            w[name] = {"status": "failed", "error": f"{type(exc).__name__}: {exc}"[:500],
                       "baseline": {"name": "not measured"}, "ratio": None}
        results["seconds"] = round(time.perf_counter() - started, 1)
        results["complete"] = False
        results["summary"] = evaluate(results)
        write(results, json_out)

    def build() -> None:
        c = cfg["build"]
        w["build"] = run_build(c.get("report", report), c["repeat"], c["timeout_s"], log)
        w["build"]["previous"] = _previous_build(w["build"].get("input"), quick)

    def queries() -> None:
        c = cfg["queries"]
        if c["graph"] == "synthetic":
            graph, _stats = ensure_graph(c["size"], seed, log=log, inferred=True)
        else:
            graph = _report_graph(report, log)
        w["queries"] = run_queries_workload(graph, quick, c, log)
        if c["graph"] == "synthetic":
            w["queries"]["graph"] = f"synthetic {c['size']} quads (quick)"

    def reasoning() -> None:
        c = cfg["reasoning"]
        w["reasoning"] = run_reasoning(c["sizes"], seed, c["ours_timeout_s"], c["owlrl_timeout_s"], w.get("build"), log)

    def scale_and_store() -> None:
        c = cfg["scale"]
        sizes = c["sizes"] if "scale" in wanted else [c["keep"]]
        if "scale" not in wanted:
            log(f"(scale only at {c['keep']}, for serving)")
        result, (store, nq) = run_scale(sizes, seed, c["limits"], c["catalogue"], log, keep=c["keep"],
                                        rdflib_max_rss_mb=c["rdflib_max_rss_mb"])
        kept.update(scale=result, store=store, nq=nq)
        if "scale" in wanted:
            w["scale"] = result

    def serving() -> None:
        from bench.bench_catalogue import plan_all

        c = cfg["serving"]
        queries = _portable_queries(kept["store"], plan_all)
        row = next(r for r in kept["scale"]["sizes"] if r["size"] == cfg["scale"]["keep"])
        ours = row["catalogue"].get("ours_engine", "raw")
        fast = {q["id"] for q in row["catalogue"]["queries"]
                if (q["engines"].get(ours, {}).get("p50_s") or 1e9) <= c["fast_p50_s"]}
        mixes = {"catalogue": queries, "fast": [q for q in queries if q["id"] in fast]}
        w["serving"] = run_serving(kept["store"], kept["nq"], mixes, c["levels"], c, c["baseline_levels"], log)
        w["serving"]["graph_quads"] = row["quads"]
        w["serving"]["fast_mix_rule"] = (f"catalogue queries whose embedded p50 on this graph was at most "
                                         f"{c['fast_p50_s'] * 1000:.0f} ms")

    def cli() -> None:
        from bench.bench_cli import built_graph, run_cli
        from foundation.paths import BUILD_DIR

        c = cfg["cli"]
        if "report" in c:  # quick: the mini report
            nq = built_graph(c["report"], cache_dir() / "cli-build-quick", log)
        elif report is not None:
            nq = built_graph(report, cache_dir() / "cli-build", log)
        else:  # build/ when its store is current, else a build of the report in the cache
            nq = _current_or_built(BUILD_DIR / "atlas.nq", log)
        w["cli"] = run_cli(nq, tuple(c["queries"]), c["repeat"], log=log)

    kept: dict[str, Any] = {"scale": None, "store": None, "nq": None}
    try:
        for name, work in (("build", build), ("queries", queries), ("reasoning", reasoning)):
            if name in wanted:
                attempt(name, work)
        if "scale" in wanted or "serving" in wanted:
            attempt("scale", scale_and_store)
        if "cli" in wanted:
            attempt("cli", cli)
        if "serving" in wanted:
            if kept["store"] is not None:
                attempt("serving", serving)
            else:
                w["serving"] = {"status": "failed", "error": "no store of the serving size (scale failed)",
                                "baseline": {"name": "not measured"}, "ratio": None}
    finally:
        cleanup(kept["store"])
        nq = kept["nq"]
        if nq is not None and nq.parent == cache_dir() and nq.name.startswith("store-"):
            nq.unlink(missing_ok=True)
    results["complete"] = True
    results["seconds"] = round(time.perf_counter() - started, 1)
    results["summary"] = evaluate(results)
    write(results, json_out)
    return results


def guard_lines(results: dict[str, Any]) -> list[str]:
    """The regression guard's report: ``results`` against the last committed results (bench/compare.py)."""
    from bench.compare import committed_results, compare, report_lines

    return report_lines(compare(results, committed_results()))


def _previous_build(input_name: Any, quick: bool) -> dict[str, Any] | None:
    """The newest committed results of the same kind (quick or full) with a build of the same input: its stages."""
    from bench.compare import committed_results

    for name, data in committed_results():
        b = (data.get("workloads") or {}).get("build") or {}
        ours = b.get("ours") or {}
        if bool(data.get("quick")) == quick and b.get("input") == input_name and ours.get("stages_s"):
            return {"source": name, "commit": (data.get("machine") or {}).get("git_commit"),
                    "stages_s": ours["stages_s"], "total_s": ours.get("total_s")}
    return None


def _current_or_built(nq: Path, log) -> Path:
    """build/atlas.nq when its store is current (built by the default command), else a build in the cache."""
    from bench.bench_cli import built_graph
    from foundation.errors import UserError
    from petaflop.store_open import built_store_dir

    try:
        built_store_dir(nq)
        return nq
    except UserError:  # stale, or not built
        return built_graph(None, cache_dir() / "cli-build", log)


def _portable_queries(store_dir: Path, plan_all) -> list[dict[str, str]]:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(store_dir))
    plans, _wrapper = plan_all(store, with_wrapper=False)
    del store
    return [{"id": p["id"], "portable": p["portable"]} for p in plans]


# --------------------------------------------------------------------------- targets


def _target(name: str, value: Any, target: Any, op: str, where: str, note: str = "") -> dict[str, Any]:
    met = None
    if value is not None:
        met = value <= target if op == "<=" else value >= target
    return {"target": name, "value": value, "goal": f"{op} {target}", "met": met, "where": where, "note": note}


def evaluate(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with the figure measured against it (met: True/False, None when not measured)."""
    w = results["workloads"]
    out = []
    b = w.get("build")
    if b:
        ours = b.get("ours") or {}
        out.append(_target("report build total (s)", ours.get("total_s"), TARGETS["build_total_s"], "<=",
                           "build", "warm: median of runs after the first, HermiT off"))
        out.append(_target("report build total, cold (s)", ours.get("cold_total_s"), TARGETS["build_total_s"], "<=",
                           "build", "first run in a new folder: SHACL run, store written, HermiT off"))
        out.append(_target("build speed-up over rdflib + owlrl, reasoning step (x)", b.get("ratio"),
                           TARGETS["build_speedup"], ">=", "build"))
        out.append(_target("build speed-up over rdflib + owlrl, whole build (x)", (b.get("ratios") or {}).get(
            "whole_build"), TARGETS["build_speedup"], ">=", "build",
            "same parse/extract/validate/store, owlrl as the reasoner; against the cold build"))
    q = w.get("queries")
    if q and "summary" in q:
        r = q["summary"]["ratios"]
        out.append(_target("catalogue median speed-up over rdflib (x)", r.get("rdflib_median_speedup"),
                           TARGETS["catalogue_median_speedup"], ">=", "queries"))
        out.append(_target("wrapper overhead over raw pyoxigraph (median per query)", r.get("wrapper_overhead_median"),
                           TARGETS["wrapper_overhead"], "<=", "queries"))
        out.append(_target("wrapper overhead over raw pyoxigraph (all queries, summed p50)",
                           r.get("wrapper_overhead_total"), TARGETS["wrapper_overhead"], "<=", "queries"))
    s = w.get("scale")
    for size in (s or {}).get("sizes") or []:
        if size.get("size") == 1_000_000 and len(s["sizes"]) > 1:
            engine = size["catalogue"]["engines"].get(size["catalogue"].get("ours_engine", "raw"), {})
            out.append(_target("catalogue worst p95 at 10^6, embedded (s)", engine.get("max_p95_s"),
                               TARGETS["scale_catalogue_p95_s"], "<=", f"scale {size['size']}"))
    if s and s.get("sizes"):
        big = s["sizes"][-1]
        where = f"scale {big['size']}"
        peak = big.get("peak_rss_mb")
        out.append(_target("bulk load (s)", big["load"].get("seconds"), TARGETS["scale_load_s"], "<=", where))
        mat = big["materialise"]
        out.append(_target("materialisation (s)", mat.get("seconds"), TARGETS["scale_materialise_s"], "<=", where,
                           "" if mat.get("status") == "ok" else f"{mat.get('status')} after {mat.get('wall_s')} s"))
        out.append(_target("catalogue worst p95 (s)", big["catalogue"]["engines"].get(
            big["catalogue"].get("ours_engine", "raw"), {}).get("max_p95_s"), TARGETS["scale_catalogue_p95_s"], "<=",
            where))
        out.append(_target("peak memory (GB)", round(peak / 1024, 2) if peak else None,
                           TARGETS["scale_peak_memory_gb"], "<=", where, "largest child process of any step"))
    c = w.get("cli")
    if c and c.get("ours"):
        out.append(_target("CLI catalogue query / petaflop --version (x)", c["ours"].get("query_to_version"),
                           TARGETS["cli_query_to_version"], "<=", "cli",
                           f"median of {len(c['queries'])} queries, {c['repeat']} runs each"))
    v = w.get("serving")
    if v and "ours" in v:
        out += _serving_targets(v, _serving_side(v), "")
        warm = (v.get("warm") or {}).get("warm") or {}
        if warm:
            out += _serving_targets(v, "warm", ", catalogue answers computed at start",
                                    f"after {warm.get('seconds')} s computing {warm.get('kept')} of "
                                    f"{warm.get('queries')} catalogue answers")
    return out


def _serving_targets(v: dict[str, Any], side: str, label: str, note: str = "") -> list[dict[str, Any]]:
    """The serving targets read from one server (``side``) at its top level of clients."""
    out = []
    levels = [lv for lv in (v.get(side) or {}).get("levels") or [] if lv.get("mix") == "catalogue"]
    top = max(levels, key=lambda lv: lv.get("clients", 0)) if levels else {}
    where = (f"serving, {(v.get(side) or {}).get('name', side)}, {top.get('clients')} clients, "
             f"{v.get('graph_quads')} quads, whole catalogue" + (f" ({note})" if note else ""))
    out.append(_target(f"server throughput (queries/s){label}", top.get("throughput_qps"), TARGETS["serving_qps"],
                       ">=", where))
    out.append(_target(f"server errors{label}", top.get("errors"), TARGETS["serving_errors"], "<=", where))
    per = {q: d for q, d in (top.get("per_query") or {}).items() if d.get("p95_s") is not None}
    if per:
        worst = max(per, key=lambda q: per[q]["p95_s"])
        over = sorted(q for q, d in per.items() if d["p95_s"] > TARGETS["scale_catalogue_p95_s"])
        out.append(_target(f"server, every catalogue query's p95 (s){label}: the worst", round(per[worst]["p95_s"], 3),
                           TARGETS["scale_catalogue_p95_s"], "<=", where,
                           f"{worst}; {len(over)} of {len(per)} queries over "
                           f"{TARGETS['scale_catalogue_p95_s']} s; {len(top.get('per_query') or {}) - len(per)} "
                           "without an answer"))
    fast = [lv for lv in (v.get(side) or {}).get("levels") or [] if lv.get("mix") == "fast"]
    if fast:
        ftop = max(fast, key=lambda lv: lv.get("clients", 0))
        out.append(_target(f"server throughput, fast mix (queries/s){label}", ftop.get("throughput_qps"),
                           TARGETS["serving_qps"], ">=", f"serving, {ftop.get('clients')} clients",
                           f"{len(v['mixes'].get('fast', []))} queries: {v.get('fast_mix_rule')}"))
    return out


def _serving_side(v: dict[str, Any]) -> str:
    """The server the serving targets are read from: ``petaflop serve`` (the guard) when it was measured at
    the top level of clients, else the bare Oxigraph server."""
    top = max((lv.get("clients", 0) for lv in (v.get("ours") or {}).get("levels") or []), default=0)
    guarded = (v.get("guarded") or {}).get("levels") or []
    return "guarded" if any(lv.get("clients") == top and lv.get("ok") for lv in guarded) else "ours"


# --------------------------------------------------------------------------- output


def default_paths(results: dict[str, Any]) -> Path:
    host = re.sub(r"[^A-Za-z0-9_.-]+", "-", results["machine"]["host"] or "host")
    suffix = "-quick" if results["quick"] else ""
    return REPO / "bench" / "results" / f"{results['date']}-{host}{suffix}.json"


def write(results: dict[str, Any], json_out: str | Path | None) -> tuple[Path, Path]:
    path = Path(json_out) if json_out else default_paths(results)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    md = path.with_suffix(".md")
    md.write_text(markdown(results), encoding="utf-8")
    results["paths"] = {"json": str(path), "markdown": str(md)}
    return path, md


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--json", default=None)
    ap.add_argument("--only", default="", help="comma-separated workloads: " + ", ".join(WORKLOADS))
    ap.add_argument("--report", default=None)
    args = ap.parse_args(argv)
    only = [x for x in args.only.split(",") if x] or None
    results = run(args.quick, args.json, only, args.report)
    print(platform.node(), results["paths"])


if __name__ == "__main__":
    main()
