"""Benchmark: every catalogue query on the embedded store, on plain rdflib, and our wrapper's overhead.

Not a test (timings depend on the machine); run it by hand::

    .venv/bin/python -m bench.bench_queries [--data build/atlas.nq] [--repeat 20] [--rdflib-repeat 3]
                                            [--rdflib-timeout 60] [--only ID,ID] [--no-rdflib] [--json OUT]

Over the same N-Quads file, side by side in one process:

* **embedded**: ``EmbeddedStore.run`` with the query's default parameters — the whole path a
  user gets (tokenise, parse check, parameter plan, worker thread, rows of terms);
* **raw pyoxigraph**: ``Store.query`` on the same store with exactly the text and
  substitutions the wrapper sends, results fully read — so ``overhead`` is what the wrapper
  adds on top of the engine;
* **rdflib**: ``rdflib.Dataset(default_union=True)`` parsed from the same file, the query with
  its parameters bound by the same ``VALUES`` block the remote endpoints get. Each query runs
  in a forked child, so that one that takes too long is stopped at ``--rdflib-timeout``.

It prints p50 and p95 per query and the rdflib/embedded ratio, and can write JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from pathlib import Path


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def rdflib_in_child(ds, text: str, repeat: int, timeout_s: float) -> dict:
    """Run the rdflib query ``repeat`` times in a forked child; give up after ``timeout_s``."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: the Dataset is already in memory (copy-on-write)
        os.close(read)
        try:
            rows = 0

            def once() -> None:
                nonlocal rows
                rows = len(list(ds.query(text)))

            times = timed(once, repeat)
            payload = {"times": times, "rows": rows}
        except Exception as exc:  # reported, not raised: the parent prints it
            payload = {"error": f"{type(exc).__name__}: {exc}"[:200]}
        os.write(write, json.dumps(payload).encode())
        os.close(write)
        os._exit(0)
    os.close(write)
    deadline = time.monotonic() + timeout_s
    while True:
        done, _status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            os.close(read)
            return {"error": f"over {timeout_s:g} s"}
        time.sleep(0.02)
    data = b""
    while chunk := os.read(read, 65536):
        data += chunk
    os.close(read)
    return json.loads(data or b'{"error": "no answer"}')


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None, help="N-Quads file (default build/atlas.nq)")
    ap.add_argument("--repeat", type=int, default=20, help="runs per query on the embedded store")
    ap.add_argument("--rdflib-repeat", type=int, default=3, help="runs per query on rdflib")
    ap.add_argument("--rdflib-timeout", type=float, default=60.0, help="seconds per query on rdflib (all runs)")
    ap.add_argument("--only", default="", help="comma-separated catalogue ids")
    ap.add_argument("--no-rdflib", action="store_true", help="skip rdflib")
    ap.add_argument("--json", default=None, help="write the figures as JSON here")
    args = ap.parse_args()

    import pyoxigraph as ox
    from rich.console import Console
    from rich.table import Table

    from petaflop.params import bind_params
    from petaflop.query import EmbeddedStore, plan_embedded, prepare
    from petaflop.store import NQ_PATH
    from queries import load_catalogue
    from queries.sparql import insert_values

    console = Console(width=150)
    nq = Path(args.data or NQ_PATH)
    t = time.perf_counter()
    store = EmbeddedStore(nq)
    load_embedded = time.perf_counter() - t
    ds = None
    load_rdflib = None
    if not args.no_rdflib:
        import rdflib

        t = time.perf_counter()
        ds = rdflib.Dataset(default_union=True)
        ds.parse(str(nq), format="nquads")
        load_rdflib = time.perf_counter() - t
    console.print(f"loaded {nq}: pyoxigraph {load_embedded:.2f} s"
                  + (f", rdflib {load_rdflib:.2f} s" if load_rdflib is not None else ""))

    wanted = {x for x in args.only.split(",") if x}
    results = []
    for q in load_catalogue():
        if wanted and q.id not in wanted:
            continue
        params = bind_params({}, q, store.has_subject)
        rows = len(store.run(q.sparql, params, row_limit=None).rows)  # also warms up
        prepared = prepare(q.sparql, params)
        plan = plan_embedded(prepared)

        def wrapped(q=q, params=params) -> None:
            store.run(q.sparql, params, row_limit=None, timeout_s=None)

        def raw(plan=plan, prepared=prepared) -> None:
            res = store.store.query(plan.text, use_default_graph_as_union=True, substitutions=plan.substitutions,
                                    prefixes=prepared.prefixes or None)
            if not isinstance(res, ox.QueryBoolean):
                for item in res:  # read every term, as the wrapper does
                    if isinstance(item, ox.QuerySolution):
                        list(item)

        raw()
        emb, raw_t = [], []
        for _ in range(args.repeat):  # interleaved, so that load on the machine hits both alike
            emb += timed(wrapped, 1)
            raw_t += timed(raw, 1)
        entry = {"id": q.id, "rows": rows, "binding": plan.binding,
                 "embedded_p50_ms": pct(emb, 0.5) * 1e3, "embedded_p95_ms": pct(emb, 0.95) * 1e3,
                 "raw_p50_ms": pct(raw_t, 0.5) * 1e3, "raw_p95_ms": pct(raw_t, 0.95) * 1e3}
        entry["overhead_ms"] = entry["embedded_p50_ms"] - entry["raw_p50_ms"]
        if ds is not None:
            text = insert_values(q.sparql, params) if params else q.sparql
            rd = rdflib_in_child(ds, text, args.rdflib_repeat, args.rdflib_timeout)
            if "error" in rd:
                entry["rdflib_error"] = rd["error"]
            else:
                entry.update({"rdflib_rows": rd["rows"], "rdflib_p50_ms": pct(rd["times"], 0.5) * 1e3,
                              "rdflib_p95_ms": pct(rd["times"], 0.95) * 1e3})
                entry["ratio"] = entry["rdflib_p50_ms"] / max(entry["embedded_p50_ms"], 1e-6)
        results.append(entry)
        console.print(f"  {q.id}: {entry['embedded_p50_ms']:.1f} ms"
                      + (f", rdflib {entry['rdflib_p50_ms']:.0f} ms" if "rdflib_p50_ms" in entry else
                         f", rdflib {entry.get('rdflib_error', 'skipped')}"))

    table = Table(title=f"catalogue queries: embedded (x{args.repeat}) vs rdflib (x{args.rdflib_repeat})")
    for col in ("query", "rows", "emb p50 ms", "emb p95 ms", "raw p50 ms", "overhead ms",
                "rdflib p50 ms", "rdflib p95 ms", "rdflib/emb"):
        table.add_column(col, justify="left" if col == "query" else "right")
    for e in results:
        rd50 = f"{e['rdflib_p50_ms']:.1f}" if "rdflib_p50_ms" in e else e.get("rdflib_error", "—")
        rd95 = f"{e['rdflib_p95_ms']:.1f}" if "rdflib_p95_ms" in e else ""
        ratio = f"{e['ratio']:.0f}×" if "ratio" in e else ""
        rows = str(e["rows"]) + ("" if e.get("rdflib_rows", e["rows"]) == e["rows"] else f" (rdflib {e['rdflib_rows']})")
        table.add_row(e["id"], rows, f"{e['embedded_p50_ms']:.2f}", f"{e['embedded_p95_ms']:.2f}",
                      f"{e['raw_p50_ms']:.2f}", f"{e['overhead_ms']:.2f}", rd50, rd95, ratio)
    console.print(table)
    ratios = [e["ratio"] for e in results if "ratio" in e]
    summary = {
        "queries": len(results),
        "embedded_p50_ms_median": statistics.median(e["embedded_p50_ms"] for e in results) if results else None,
        "overhead_ms_median": statistics.median(e["overhead_ms"] for e in results) if results else None,
        "rdflib_ratio_median": statistics.median(ratios) if ratios else None,
        "rdflib_failures": sum("rdflib_error" in e for e in results),
        "load_seconds": {"pyoxigraph": load_embedded, "rdflib": load_rdflib},
    }
    console.print(f"median p50 embedded {summary['embedded_p50_ms_median']:.2f} ms; wrapper overhead "
                  f"{summary['overhead_ms_median']:.2f} ms; rdflib/embedded median "
                  + (f"{summary['rdflib_ratio_median']:.0f}×" if ratios else "n/a")
                  + f"; rdflib failed or timed out on {summary['rdflib_failures']}")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "machine": platform.node(), "python": platform.python_version(), "data": str(nq),
            "repeat": args.repeat, "rdflib_repeat": args.rdflib_repeat, "summary": summary, "queries": results,
        }, indent=1), encoding="utf-8")
        console.print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
