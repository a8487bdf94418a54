"""Workloads *build* and *reasoning* of ``petaflop bench``.

* **build**: the report build stage by stage and its reasoning step against rdflib + owlrl —
  this is :mod:`bench.bench_build` (``build_stages`` and ``reasoning_side_by_side``), run in a
  child process with a time limit.
* **reasoning**: our SPARQL-rule materialisation (:func:`petaflop.reasoning.materialise_store`)
  against owlrl's OWL 2 RL closure of an rdflib graph, on synthetic fact graphs of growing size
  (ontology + facts, no provenance: what the build reasons over). Each engine runs in its own
  child process; owlrl is cut off after ``owlrl_timeout_s`` and not tried on larger graphs once
  it has been cut off.
"""

from __future__ import annotations

import time
from typing import Any

from bench.common import emit, progress, ratio, run_child

# --------------------------------------------------------------------------- child tasks


def build_task(report: str | None, repeat: int, with_owlrl: bool) -> None:
    """Child: bench_build's stage timings, then its reasoning side by side (ours and owlrl)."""
    from bench.bench_build import build_stages, reasoning_side_by_side

    progress(f"build x{repeat}")
    cold, stages = build_stages(report, repeat, hermit=False)
    emit("stages", stages=stages, cold=cold)
    progress("reasoning side by side" + (" (with owlrl)" if with_owlrl else ""))
    emit("side", **reasoning_side_by_side(report, with_owlrl=with_owlrl))


def _read_triples(path: str):
    import pyoxigraph as ox

    return [ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(path=path, format=ox.RdfFormat.N_QUADS)]


def ours_task(path: str) -> None:
    """Child: materialise a fact file (N-Quads, any graph) with the SPARQL rules; the input is read first."""
    from petaflop import reasoning

    reasoning._ontology_triples()  # parsing the ontology is not reasoning
    triples = _read_triples(path)
    started = time.perf_counter()
    _store, found = reasoning.materialise_store(triples)
    seconds = time.perf_counter() - started
    emit("result", seconds=seconds, input_triples=len(triples), inferred=len(found))


def owlrl_task(path: str) -> None:
    """Child: the same ontology + facts in an rdflib Graph, closed under OWL 2 RL by owlrl."""
    import owlrl
    import rdflib

    from ontology import load_ontology
    from petaflop.reasoning import to_rdflib

    graph = rdflib.Graph()
    for t in load_ontology():
        graph.add(t)
    for t in _read_triples(path):
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    before = len(graph)
    progress(f"owlrl on {before} triples")
    started = time.perf_counter()
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    seconds = time.perf_counter() - started
    emit("result", seconds=seconds, input_triples=before, inferred=len(graph) - before)


# --------------------------------------------------------------------------- parent side


def run_build(report: str | None, repeat: int, timeout_s: float, log) -> dict[str, Any]:
    child = run_child("build", {"report": report, "repeat": repeat, "with_owlrl": True}, timeout_s, log)
    stages_rec = child.last("stages")
    side = child.last("side") or {}
    out: dict[str, Any] = {
        "input": report or "the report (default location)",
        "repeat": repeat,
        "hermit": False,
        "child": child.summary(),
        "status": "ok" if child.ok else ("timeout" if child.timed_out else "failed"),
    }
    if not stages_rec:
        out.update(ours=None, baseline={"name": "rdflib + owlrl (OWL 2 RL)", "reason_s": None}, ratio=None,
                   error=child.error or "the build did not finish")
        return out
    stages = stages_rec["stages"]
    total = stages["total"]["median"]
    ours_reason = side.get("ours_seconds")
    owl = side.get("owlrl_seconds")
    cold = stages_rec.get("cold") or {}
    out["ours"] = {
        "cold_stages_s": {k: round(v, 4) for k, v in cold.items() if k != "total"},
        "cold_total_s": round(cold["total"], 4) if "total" in cold else None,
        "stages_s": {k: round(v["median"], 4) for k, v in stages.items() if k != "total"},
        "stages_best_s": {k: round(v["best"], 4) for k, v in stages.items() if k != "total"},
        "total_s": round(total, 4),
        "reason_alone_s": ours_reason,
        "asserted_triples": side.get("asserted_triples"),
        "inferred": side.get("ours_inferred"),
    }
    # The newcomer's path: the same parse, extract, validate and store, with owlrl as the reasoner — against
    # the cold build (SHACL run, store written), as a first build of that path would be.
    base = cold if "total" in cold else {"total": total, "reason": stages["reason"]["median"]}
    equivalent = base["total"] - base["reason"] + owl if owl is not None else None
    out["baseline"] = {"name": "rdflib + owlrl (OWL 2 RL)", "reason_s": owl, "inferred": side.get("owlrl_inferred"),
                       "whole_build_with_owlrl_s": round(equivalent, 4) if equivalent is not None else None}
    out["ratio"] = ratio(owl, ours_reason)
    out["ratios"] = {"reason_step": out["ratio"], "whole_build": ratio(equivalent, base["total"])}
    return out


def run_reasoning(sizes: list[int], seed: int, ours_timeout_s: float, owlrl_timeout_s: float, build: dict | None,
                  log) -> dict[str, Any]:
    from bench.bench_scale import ensure_graph

    rows = []
    if build and build.get("ours"):
        rows.append({
            "graph": "report", "input_triples": build["ours"]["asserted_triples"],
            "ours": {"seconds": build["ours"]["reason_alone_s"], "inferred": build["ours"]["inferred"]},
            "baseline": {"seconds": build["baseline"]["reason_s"], "inferred": build["baseline"].get("inferred"),
                         "status": "ok" if build["baseline"]["reason_s"] is not None else "failed"},
            "ratio": build.get("ratio"), "note": "measured by the build workload (bench_build)",
        })
    owlrl_stopped_at: int | None = None
    for size in sizes:
        path, stats = ensure_graph(size, seed, provenance=0.0, with_ontology=False, log=log)
        log(f"reasoning: ours on {size} facts")
        ours = run_child("ours", {"path": str(path)}, ours_timeout_s, log)
        res = ours.last("result")
        row: dict[str, Any] = {
            "graph": f"synthetic {size:.0e}".replace("+0", ""), "size": size, "input_triples": stats["quads"],
            "ours": {"seconds": res["seconds"] if res else None, "inferred": res["inferred"] if res else None,
                     "peak_rss_mb": ours.peak_rss_mb, "status": "ok" if ours.ok else
                     ("timeout" if ours.timed_out else "failed"), "error": ours.error},
        }
        if owlrl_stopped_at is not None:
            row["baseline"] = {"seconds": None, "status": "not run",
                               "note": f"owlrl did not finish on {owlrl_stopped_at} triples within "
                                       f"{owlrl_timeout_s:.0f} s"}
        else:
            log(f"reasoning: owlrl on {size} facts (limit {owlrl_timeout_s:.0f} s)")
            owl = run_child("owlrl", {"path": str(path)}, owlrl_timeout_s, log)
            ores = owl.last("result")
            status = "ok" if owl.ok and ores else ("timeout" if owl.timed_out else "failed")
            row["baseline"] = {"seconds": ores["seconds"] if ores else None,
                               "inferred": ores["inferred"] if ores else None, "peak_rss_mb": owl.peak_rss_mb,
                               "status": status, "error": owl.error}
            if status == "timeout":
                owlrl_stopped_at = size
                row["baseline"]["lower_bound_s"] = round(owl.seconds, 1)
        base = row["baseline"].get("seconds") or row["baseline"].get("lower_bound_s")
        row["ratio"] = ratio(base, row["ours"]["seconds"])
        row["ratio_is_lower_bound"] = row["baseline"].get("status") == "timeout"
        rows.append(row)
    measured = [r["ratio"] for r in rows if r.get("ratio") is not None]
    return {
        "baseline": {"name": "rdflib + owlrl (OWL 2 RL)", "timeout_s": owlrl_timeout_s,
                     "stopped_at": owlrl_stopped_at},
        "graphs": rows,
        "ratio": min(measured) if measured else None,
        "ratio_note": "smallest speed-up over the graphs measured (baseline seconds / ours)",
    }
