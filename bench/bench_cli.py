"""Benchmark: a catalogue query from the command line against ``petaflop --version``.

What an analyst feels is the whole command: start-up, the store check, the sandbox worker, the
query and the table. Each figure is the wall time of a real ``petaflop`` process, runs of the three
commands interleaved so that the machine's load falls on all of them alike:

* ``petaflop --version`` — the start-up alone (the yardstick: the target is a query within 2× it);
* ``petaflop query ID --data BUILD/atlas.nq`` — answered from the built store (opened read-only);
* the same with ``--data`` a copy of ``atlas.nq`` without its build folder — the graph reloaded
  from N-Quads, as every query did before the store was read (the baseline).

``python -m bench.bench_cli [--repeat N] [--graph build/atlas.nq]`` runs it alone.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

DEFAULT_QUERIES = ("clusters-by-power", "actors-by-country", "deals-by-amount")


def _petaflop() -> str:
    return str(Path(sys.executable).with_name("petaflop"))


def _time(cmd: list[str], timeout_s: float) -> float | None:
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, timeout=timeout_s, check=False)
    seconds = time.perf_counter() - started
    return seconds if proc.returncode == 0 else None


def built_graph(report: str | None, out: Path, log) -> Path:
    """A build folder whose store is current: the given one when it is, else a build into ``out``."""
    from foundation.errors import UserError
    from petaflop.store_open import built_store_dir

    nq = out / "atlas.nq"
    try:
        built_store_dir(nq)
        return nq
    except UserError:  # stale, or not built
        pass
    from petaflop.build import run_build

    log(f"building {report or 'the report'} into {out} (no HermiT, with the store)")
    run_build(report, out_dir=out, check_consistency=False, write_store=True)
    return nq


def run_cli(nq: Path, queries: tuple[str, ...] = DEFAULT_QUERIES, repeat: int = 5, timeout_s: float = 120.0,
            log=print) -> dict[str, Any]:
    """The three commands, interleaved ``repeat`` times per query; medians."""
    from bench.common import cache_dir

    plain = cache_dir() / "cli-plain" / "atlas.nq"  # the same graph with no build folder: reloaded per query
    plain.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(nq, plain)
    exe = _petaflop()
    version: list[float] = []
    per_query: list[dict[str, Any]] = []
    for qid in queries:
        store_s: list[float] = []
        reload_s: list[float] = []
        for _ in range(repeat):
            for cmd, sink in (([exe, "--version"], version),
                              ([exe, "query", qid, "--data", str(nq), "-f", "csv"], store_s),
                              ([exe, "query", qid, "--data", str(plain), "-f", "csv"], reload_s)):
                t = _time(cmd, timeout_s)
                if t is not None:
                    sink.append(t)
        row = {"id": qid, "store_s": _median(store_s), "reload_s": _median(reload_s), "n": len(store_s)}
        per_query.append(row)
        log(f"  cli {qid}: from the store {row['store_s']} s, reloading {row['reload_s']} s")
    plain.unlink(missing_ok=True)
    version_s = _median(version)
    store_med = _median([q["store_s"] for q in per_query if q["store_s"] is not None])
    reload_med = _median([q["reload_s"] for q in per_query if q["reload_s"] is not None])
    return {
        "graph": str(nq), "repeat": repeat, "queries": per_query,
        "ours": {"version_s": version_s, "query_median_s": store_med,
                 "query_to_version": round(store_med / version_s, 2) if store_med and version_s else None},
        "baseline": {"name": "the same query reloading atlas.nq (before the store was read)",
                     "query_median_s": reload_med},
        "ratio": round(reload_med / store_med, 2) if reload_med and store_med else None,
    }


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 3) if values else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", default="build/atlas.nq", help="atlas.nq of a build folder with a current store")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--query", action="append", help="catalogue id (repeatable)")
    args = ap.parse_args()
    out = run_cli(Path(args.graph), tuple(args.query or DEFAULT_QUERIES), args.repeat)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
