"""Workload *scale* of ``petaflop bench``: synthetic graphs of growing size, end to end.

Per size, each step in its own child process (peak memory per step; a time limit each):

1. **generate** the graph with :mod:`bench.synthetic` (cached between runs, keyed by size,
   seed and generator version);
2. **bulk load** it into an on-disk pyoxigraph store (``Store.bulk_load``);
3. **materialise**: the facts graph through :func:`petaflop.reasoning.materialise_into` (copied
   into an in-memory store, the rules run there, the new triples written back as ``pfg:inferred``);
   the figure is all three steps;
4. **catalogue**: every catalogue query on that store, p50/p95 (:mod:`bench.bench_catalogue`).

The baseline is the same graph in rdflib (``Dataset.parse``, then the catalogue with one run per
query under a time cap), tried only where it fits in memory: the parent stops the child past
``rdflib_max_rss_mb`` and does not try larger sizes.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import cache_dir, emit, progress, ratio, run_child


def graph_name(size: int, seed: int, provenance: float, with_ontology: bool, inferred: bool = False) -> str:
    from bench.synthetic import GENERATOR_VERSION

    return (f"syn-{size}-s{seed}-p{int(provenance * 100)}-{'o' if with_ontology else 'n'}{'i' if inferred else ''}"
            f"-v{GENERATOR_VERSION}.nq")


def generate_task(path: str, size: int, seed: int, provenance: float, with_ontology: bool,
                  inferred: bool = False) -> None:
    """Child: write the graph; with ``inferred``, append its materialisation as ``pfg:inferred``."""
    from dataclasses import asdict

    import pyoxigraph as ox

    from bench.synthetic import generate
    from petaflop import reasoning

    started = time.perf_counter()
    stats = generate(path, size, seed, provenance=provenance, with_ontology=with_ontology)
    seconds = time.perf_counter() - started
    out = asdict(stats)
    if inferred:
        facts = [ox.Triple(q.subject, q.predicate, q.object)
                 for q in ox.parse(path=path, format=ox.RdfFormat.N_QUADS) if q.graph_name == reasoning.GRAPH_FACTS]
        store, found = reasoning.materialise_store(facts)
        data = ox.serialize(store.quads_for_pattern(None, None, None, reasoning.GRAPH_INFERRED),
                            format=ox.RdfFormat.N_QUADS)
        with open(path, "ab") as handle:
            handle.write(data)
        out["per_graph"]["inferred"] = len(found)
        out["quads"] += len(found)
    emit("result", seconds=seconds, stats=out)


def ensure_graph(size: int, seed: int, provenance: float = 0.5, with_ontology: bool = True, log=print,
                 timeout_s: float = 1800, inferred: bool = False) -> tuple[Path, dict[str, Any]]:
    """The cached synthetic graph (generated in a child when missing) and its stats (+ generation time)."""
    path = cache_dir() / graph_name(size, seed, provenance, with_ontology, inferred)
    side = path.with_suffix(".json")
    if path.is_file() and side.is_file():
        stats = json.loads(side.read_text())
        stats["cached"] = True
        return path, stats
    log(f"generating {path.name}")
    child = run_child("generate", {"path": str(path), "size": size, "seed": seed, "provenance": provenance,
                                   "with_ontology": with_ontology, "inferred": inferred}, timeout_s, log)
    res = child.last("result")
    if not res:
        raise RuntimeError(f"generating {path.name} failed: {child.error or 'timeout'}")
    stats = dict(res["stats"], generate_s=res["seconds"], generate_peak_rss_mb=child.peak_rss_mb,
                 bytes=path.stat().st_size)
    side.write_text(json.dumps(stats, indent=1))
    stats["cached"] = False
    return path, stats


def _disk_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def load_task(nq: str, store_dir: str) -> None:
    import pyoxigraph as ox

    store = ox.Store(store_dir)
    started = time.perf_counter()
    store.bulk_load(path=nq, format=ox.RdfFormat.N_QUADS)
    seconds = time.perf_counter() - started
    quads = len(store)
    store.flush()
    del store
    emit("result", seconds=seconds, quads=quads, disk_bytes=_disk_bytes(Path(store_dir)))


def materialise_task(store_dir: str, dump_to: str | None = None) -> None:
    """Child: :func:`petaflop.reasoning.materialise_into` on the on-disk store (copy in, rules, copy out)."""
    import pyoxigraph as ox

    from petaflop import reasoning

    reasoning._ontology_triples()
    store = ox.Store(store_dir)
    progress("materialising the facts graph")
    started = time.perf_counter()
    stats = reasoning.materialise_into(store)
    seconds = time.perf_counter() - started
    emit("materialised", seconds=seconds, facts=stats.facts, inferred=stats.inferred)
    started = time.perf_counter()
    store.flush()
    write_s = stats.seconds.get("copy_out", 0.0) + time.perf_counter() - started
    if dump_to:  # the same data (facts, provenance, ontology, inferred) for the rdflib baselines
        store.dump(dump_to, format=ox.RdfFormat.N_QUADS)
    emit("result", read_facts_s=stats.seconds.get("copy_in"), rules_s=stats.seconds.get("rules"), seconds=seconds,
         write_s=round(write_s, 3), inferred=stats.inferred, rule_runs=stats.rule_runs)


def _step(child, keys: tuple[str, ...] = ("seconds",)) -> dict[str, Any]:
    res = child.last("result") or {}
    out = {k: res.get(k) for k in keys}
    out.update(peak_rss_mb=child.peak_rss_mb, status="ok" if child.ok and res else
               ("timeout" if child.timed_out else "failed"), wall_s=round(child.seconds, 2))
    if child.error:
        out["error"] = child.error
    if child.timed_out:
        out["limit_s"] = round(child.seconds)
    return out


def run_scale(sizes: list[int], seed: int, limits: dict[str, float], catalogue: dict[str, Any], log,
              keep: int | None = None, rdflib_max_rss_mb: float = 10_000
              ) -> tuple[dict[str, Any], tuple[Path | None, Path | None]]:
    """Every step per size; returns the results, and the store kept for serving (size ``keep``) with its
    N-Quads (inferred triples included when materialisation finished)."""
    from bench.bench_catalogue import run_catalogue, summarise

    rows = []
    kept: Path | None = None
    kept_nq: Path | None = None
    dump: Path | None = None
    rdflib_stopped: str | None = None
    rdflib_peak_per_quad: float | None = None
    for size in sizes:
        path, stats = ensure_graph(size, seed, log=log, timeout_s=limits["generate"])
        row: dict[str, Any] = {"size": size, "quads": stats["quads"], "per_graph": stats["per_graph"],
                               "file_mb": round(stats["bytes"] / 2**20, 1),
                               "generate": {"seconds": stats["generate_s"], "cached": stats["cached"],
                                            "peak_rss_mb": stats.get("generate_peak_rss_mb")}}
        store_dir = Path(tempfile.mkdtemp(prefix=f"store-{size}-", dir=cache_dir()))
        dump = None
        try:
            log(f"scale {size}: bulk load")
            row["load"] = _step(run_child("load", {"nq": str(path), "store_dir": str(store_dir)}, limits["load"], log),
                                ("seconds", "quads", "disk_bytes"))
            log(f"scale {size}: materialise (limit {limits['materialise']:.0f} s)")
            if rdflib_stopped is None and rdflib_peak_per_quad is not None:
                expected = rdflib_peak_per_quad * row["quads"]
                if expected > rdflib_max_rss_mb:  # would be stopped by the memory limit: say so, do not try
                    rdflib_stopped = (f"{size} quads (not attempted: ~{expected / 1024:.0f} GB expected from the "
                                      f"previous size, limit {rdflib_max_rss_mb / 1024:.0f} GB)")
            dump = store_dir.with_suffix(".nq") if (rdflib_stopped is None or size == keep) else None
            mat = run_child("materialise", {"store_dir": str(store_dir), "dump_to": str(dump) if dump else None},
                            limits["materialise"], log)
            if dump is not None and not (mat.ok and dump.is_file()):
                dump = None  # materialisation was cut off: rdflib gets the graph without inferences
            row["baseline_input"] = "the same graph with its inferred triples" if dump else "the generated graph"
            row["materialise"] = _step(mat, ("seconds", "read_facts_s", "rules_s", "write_s", "inferred", "rule_runs"))
            done = mat.last("materialised")
            if done and row["materialise"]["seconds"] is None:
                row["materialise"].update(seconds=done["seconds"], inferred=done["inferred"])
            if done:
                row["materialise"]["facts"] = done["facts"]
            engines = list(catalogue["engines"]) + (["rdflib"] if rdflib_stopped is None else [])
            log(f"scale {size}: catalogue ({', '.join(engines)})")
            cat = run_catalogue({"store_dir": str(store_dir)}, engines, catalogue["repeat"], catalogue["budget_s"],
                                limits["catalogue"], log, rdflib_cap_s=catalogue["rdflib_cap_s"], rdflib_repeat=1,
                                max_rss_mb=rdflib_max_rss_mb, rdflib_nq=str(dump or path),
                                rdflib_timeout_s=limits["rdflib"],
                                stall_s=catalogue.get("stall_s"), max_queries=catalogue.get("max_queries"))
            row["catalogue"] = summarise(cat, engines=tuple(catalogue["engines"]))
            base_summary = summarise(cat, engines=("rdflib",)) if "rdflib" in engines else None
            row["catalogue"]["queries"] = cat["queries"]
            if "rdflib" in engines:
                rd = cat.get("rdflib") or {}
                row["baseline"] = {"name": "rdflib Dataset (in memory)", "status": rd.get("status"),
                                   "load_s": rd.get("load_s"), "peak_rss_mb": (rd.get("child") or {}).get("peak_rss_mb"),
                                   "catalogue": base_summary["engines"].get("rdflib") if base_summary else None}
                if rd.get("status") != "ok" or rd.get("load_s") is None:
                    rdflib_stopped = f"{size} quads ({rd.get('status')})"
                elif row["baseline"]["peak_rss_mb"]:
                    rdflib_peak_per_quad = row["baseline"]["peak_rss_mb"] / row["quads"]
            else:
                row["baseline"] = {"name": "rdflib Dataset (in memory)", "status": "not run",
                                   "note": f"rdflib stopped at {rdflib_stopped}"}
            peaks = [row[k].get("peak_rss_mb") for k in ("load", "materialise")]
            peaks.append(row["catalogue"].get("peak_rss_mb"))
            row["peak_rss_mb"] = max((p for p in peaks if p), default=None)
            speedups = row["catalogue"]["ratios"]
            row["ratios"] = {
                "load": ratio(row["baseline"].get("load_s"), row["load"].get("seconds")),
                "catalogue_median_speedup": speedups.get("rdflib_median_speedup"),
                "memory": ratio(row["baseline"].get("peak_rss_mb"), row["peak_rss_mb"]),
            }
            row["ratio"] = row["ratios"]["load"]
            if size == keep:
                kept, store_dir = store_dir, None
                kept_nq = dump or path
        finally:
            if store_dir is not None:
                shutil.rmtree(store_dir, ignore_errors=True)
                if dump is not None:
                    dump.unlink(missing_ok=True)
        rows.append(row)
    return {"baseline": {"name": "rdflib Dataset (in memory)", "stopped_at": rdflib_stopped,
                         "max_rss_mb": rdflib_max_rss_mb},
            "sizes": rows,
            "ratio": rows[0]["ratio"] if rows else None,
            "ratio_note": "bulk load speed-up over rdflib's parse at the smallest size; per size in sizes[].ratios"}, \
        (kept, kept_nq)
