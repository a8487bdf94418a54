"""Benchmark: the report build by stage, and its reasoning step against rdflib + owlrl.

Not a test (timings depend on the machine); run it by hand::

    .venv/bin/python -m bench.bench_build [--report PATH] [--repeat N] [--no-owlrl] [--json OUT]
    .venv/bin/python -m bench.bench_build --extract-only [--repeat N]   # the extract stage's CPU time

It runs the whole build once cold (a new folder) and N times warm in that folder (best and median
per stage: the cached checks read back, the unchanged store kept), then reasons over the same
asserted graph (ontology + facts) twice, side by side in one process: our SPARQL-rule
materialisation in pyoxigraph, and the plain stack a newcomer would reach for —
rdflib's in-memory graph closed under OWL 2 RL by owlrl. It prints both times and the ratio.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from pathlib import Path


def _one_build(report: str | None, out: Path, hermit: bool) -> dict[str, float]:
    from petaflop.build import run_build

    started = time.perf_counter()
    result = run_build(report, out_dir=out, check_consistency=hermit)
    timings = dict(result.timings)
    timings["total"] = time.perf_counter() - started
    return timings


def build_stages(report: str | None, repeat: int, hermit: bool
                 ) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """One cold build (a new folder: the checks run, the store is written), then ``repeat`` warm ones in
    the same folder (the checks' verdicts read back, the unchanged store kept): the cold run's stages,
    and the best and median of the warm runs per stage."""
    with tempfile.TemporaryDirectory() as tmp:
        cold = _one_build(report, Path(tmp), hermit)
        runs = [_one_build(report, Path(tmp), hermit) for _ in range(repeat)]
    warm = {stage: {"best": min(r[stage] for r in runs), "median": statistics.median(r[stage] for r in runs)}
            for stage in runs[0]}
    return cold, warm


def reasoning_side_by_side(report: str | None, with_owlrl: bool) -> dict[str, float | int]:
    import owlrl
    import rdflib

    from foundation.namespaces import GRAPH_FACTS
    from foundation.paths import resolve_report
    from ingest import parse_report
    from ontology import load_ontology
    from petaflop import graph, reasoning
    from petaflop.extract.pipeline import extract

    ex = extract(parse_report(resolve_report(report)))
    facts = [(q.subject, q.predicate, q.object) for q in graph.extraction_quads(ex)
             if q.graph_name.value == GRAPH_FACTS]
    onto = load_ontology()

    started = time.perf_counter()
    ours = reasoning.materialise(facts, ontology=onto)
    ours_s = time.perf_counter() - started
    out: dict[str, float | int] = {"asserted_triples": len(facts) + len(onto), "ours_seconds": ours_s,
                                   "ours_inferred": len(ours)}
    if with_owlrl:
        g = rdflib.Graph()
        for t in onto:
            g.add(t)
        for s, p, o in facts:
            g.add((reasoning.to_rdflib(s), reasoning.to_rdflib(p), reasoning.to_rdflib(o)))
        before = len(g)
        started = time.perf_counter()
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
        out["owlrl_seconds"] = time.perf_counter() - started
        out["owlrl_inferred"] = len(g) - before
        out["speedup"] = out["owlrl_seconds"] / ours_s if ours_s else float("inf")
    return out


def extract_cpu(report: str | None, repeat: int) -> dict[str, float]:
    """CPU seconds (``time.process_time``, not wall clock: the machine is shared) of the extract
    stage, ``extract(doc, Gazetteer.load())`` on the parsed report, including the gazetteer's
    load and matcher compilation: the first run in this process and the best of ``repeat``."""
    from foundation.paths import resolve_report
    from ingest import parse_report
    from petaflop.extract.gazetteer import Gazetteer
    from petaflop.extract.pipeline import extract

    doc = parse_report(resolve_report(report))
    runs = []
    for _ in range(max(1, repeat)):
        started = time.process_time()
        extract(doc, Gazetteer.load())
        runs.append(time.process_time() - started)
    return {"first": runs[0], "best": min(runs), "median": statistics.median(runs)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report", default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-owlrl", action="store_true", help="skip the (slow) owlrl baseline")
    ap.add_argument("--no-hermit", action="store_true", help="build without the HermiT consistency check")
    ap.add_argument("--json", default=None, help="write the figures as JSON here")
    ap.add_argument("--extract-only", action="store_true", help="only the extract stage's CPU time")
    args = ap.parse_args()
    if args.extract_only:
        cpu = extract_cpu(args.report, args.repeat)
        print(f"extract CPU: first {cpu['first']:.2f} s, best {cpu['best']:.2f} s, median {cpu['median']:.2f} s"
              f" of {args.repeat}")
        return

    cold, stages = build_stages(args.report, args.repeat, hermit=not args.no_hermit)
    print(f"report build, one cold run then {args.repeat} warm (HermiT {'off' if args.no_hermit else 'on'}):")
    print(f"  {'stage':<10} {'cold ms':>9} {'best ms':>9} {'median ms':>10}")
    for stage, t in stages.items():
        print(f"  {stage:<10} {cold[stage] * 1000:>9.0f} {t['best'] * 1000:>9.0f} {t['median'] * 1000:>10.0f}")
    side = reasoning_side_by_side(args.report, with_owlrl=not args.no_owlrl)
    print(f"reasoning over {side['asserted_triples']} asserted triples (ontology + facts):")
    print(f"  SPARQL rules (pyoxigraph): {side['ours_seconds']:.2f} s, {side['ours_inferred']} new triples")
    if "owlrl_seconds" in side:
        print(f"  rdflib + owlrl (OWL 2 RL): {side['owlrl_seconds']:.2f} s, {side['owlrl_inferred']} new triples")
        print(f"  speed-up: {side['speedup']:.1f}x")
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": platform.node(), "python": platform.python_version(),
                                               "build": stages, "cold": cold, "reasoning": side}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
