"""Workload *queries* of ``petaflop bench``: the query catalogue on four engines, p50/p95 per query.

Engines, over the same graph and the same parameter values (each query's defaults):

* ``wrapper`` — :class:`petaflop.query.EmbeddedStore` ``.run()``: the path users get (tokenise,
  parse check, parameter plan, worker thread, rows of terms);
* ``raw`` — ``pyoxigraph.Store.query`` with exactly the text and ``substitutions`` the wrapper
  sends (:func:`petaflop.query.plan_embedded`), every term of every row read: so
  ``wrapper / raw - 1`` is the wrapper's overhead;
* ``oxrdflib`` — rdflib's ``Dataset`` API over the same pyoxigraph store (the ``oxrdflib``
  plugin), the query with its parameters in a ``VALUES`` block, rows read as rdflib terms;
* ``rdflib`` — plain ``rdflib.Dataset(default_union=True)`` parsed from the same N-Quads, the same
  ``VALUES`` text; in its own child process, each run cut off at ``rdflib_cap_s`` (SIGALRM:
  rdflib evaluates in Python, so the alarm stops it between two steps).

This extends the query engineer's ``bench/bench_queries.py`` (same plan, same ``VALUES`` text for
rdflib) with oxrdflib, synthetic and on-disk stores, per-step memory and time limits. When the
query layer (``petaflop.query``) is not importable, parameters are bound with a small typed
binder of its own (``VALUES`` only) and the wrapper engine is reported as unavailable.

The first run of each query on each engine is a warm-up and not counted; then engines take turns
(so load on a shared machine hits them alike) until ``repeat`` runs or ``budget_s`` seconds.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import emit, pct, progress, ratio, run_child

IN_PROCESS = ("wrapper", "raw", "oxrdflib")


# --------------------------------------------------------------------------- parameters


def _fallback_term(type_: str, default: str):
    import pyoxigraph as ox

    from foundation.namespaces import PFID, PREFIXES, XSD

    text = default.strip()
    if type_ == "string":
        return ox.Literal(default)
    if type_ in ("decimal", "integer"):
        return ox.Literal(text, datatype=ox.NamedNode(XSD[type_]))
    if type_ == "date":
        kind = {4: "gYear", 7: "gYearMonth"}.get(len(text), "date")
        return ox.Literal(text, datatype=ox.NamedNode(XSD[kind]))
    if type_ == "iri":
        prefix, _, local = text.partition(":")
        return ox.NamedNode(PREFIXES[prefix] + local if prefix in PREFIXES else text.strip("<>"))
    if type_ == "entity":
        return ox.NamedNode(PFID + text)
    raise ValueError(f"unknown parameter type {type_}")


def plan_all(store, with_wrapper: bool = True) -> tuple[list[dict[str, Any]], Any]:
    """Per catalogue query: typed parameters, what pyoxigraph is sent, and the portable VALUES text.

    Parameters are checked against ``store`` itself (a pattern look-up in this process). The
    wrapper (:class:`petaflop.query.EmbeddedStore`) is made only when asked for: handed a store
    it runs queries in a worker that loads a snapshot of it, which at 10^7 does not load within
    a query's time limit (the 10^7 catalogue step of the full runs of 2026-12-04 and -05 spent
    its hour there, measuring nothing).
    """
    from queries import load_catalogue
    from queries.sparql import insert_values

    try:
        from petaflop.params import bind_params
        from petaflop.query import EmbeddedStore, plan_embedded, prepare
    except ImportError:
        EmbeddedStore = None  # the query layer is not there: bind with VALUES ourselves
    wrapper = EmbeddedStore(store=store) if EmbeddedStore and with_wrapper else None

    def exists(iri) -> bool:
        return next(iter(store.quads_for_pattern(iri, None, None)), None) is not None

    plans = []
    for q in load_catalogue():
        if EmbeddedStore is not None:
            params = bind_params({}, q, exists)
            prepared = prepare(q.sparql, params)
            plan = plan_embedded(prepared)
            text, subs, binding = plan.text, plan.substitutions, plan.binding
            prefixes = getattr(prepared, "prefixes", None) or None
        else:
            params = {p.name: _fallback_term(p.type, p.default) for p in q.params}
            text = insert_values(q.sparql, params) if params else q.sparql
            subs, binding, prefixes = None, "values" if params else "none", None
        portable = insert_values(q.sparql, params) if params else q.sparql
        plans.append({"id": q.id, "sparql": q.sparql, "params": params, "text": text, "substitutions": subs,
                      "binding": binding, "prefixes": prefixes, "portable": portable})
    return plans, wrapper


# --------------------------------------------------------------------------- child tasks


def _open(source: dict[str, str]):
    import pyoxigraph as ox

    started = time.perf_counter()
    if "store_dir" in source:
        store = ox.Store.read_only(source["store_dir"])
    else:
        store = ox.Store()
        store.bulk_load(path=source["nq"], format=ox.RdfFormat.N_QUADS)
    return store, time.perf_counter() - started


def catalogue_task(source: dict[str, str], engines: list[str], repeat: int, budget_s: float,
                   plans_out: str | None = None, skip: list[str] | None = None, max_queries: int | None = None) -> None:
    """Child: the in-process engines on one store; one ``query`` record per query and engine."""
    import pyoxigraph as ox

    store, load_s = _open(source)
    emit("loaded", seconds=load_s)
    plans, wrapper = plan_all(store, with_wrapper="wrapper" in engines)
    if max_queries:
        plans = plans[:max_queries]
    if plans_out:
        Path(plans_out).write_text(json.dumps([{"id": p["id"], "portable": p["portable"]} for p in plans]))
    ds = None
    if "oxrdflib" in engines:
        import rdflib
        from oxrdflib import OxigraphStore

        ds = rdflib.Dataset(store=OxigraphStore(store=store), default_union=True)

    def runner(engine: str, plan: dict[str, Any]):
        if engine == "raw":
            def run() -> int:
                res = store.query(plan["text"], use_default_graph_as_union=True,
                                  substitutions=plan["substitutions"], prefixes=plan["prefixes"])
                if isinstance(res, ox.QueryBoolean):
                    return 1
                n = 0
                for item in res:  # read every term, as the wrapper does
                    if isinstance(item, ox.QuerySolution):
                        list(item)
                    n += 1
                return n
        elif engine == "wrapper":
            def run() -> int:
                return len(wrapper.run(plan["sparql"], plan["params"], row_limit=None, timeout_s=None).rows)
        else:
            def run() -> int:
                return len(list(ds.query(plan["portable"])))
        return run

    active = [e for e in engines if e in IN_PROCESS and (e != "wrapper" or wrapper is not None)]
    for e in engines:
        if e == "wrapper" and wrapper is None:
            emit("unavailable", engine="wrapper", reason="petaflop.query is not importable")
    for plan in plans:
        if plan["id"] in (skip or ()):
            continue
        emit("start", id=plan["id"])
        runs = {e: runner(e, plan) for e in active}
        times: dict[str, list[float]] = {e: [] for e in active}
        rows: dict[str, int] = {}
        failed: dict[str, str] = {}
        warm: dict[str, float] = {}
        for e in active:  # warm-up, not counted
            t = time.perf_counter()
            try:
                rows[e] = runs[e]()
            except Exception as exc:
                failed[e] = f"{type(exc).__name__}: {exc}"[:300]
            warm[e] = time.perf_counter() - t
        started = time.perf_counter()
        live = [e for e in active if e not in failed]
        if live and sum(warm[e] for e in live) > budget_s:  # too slow to repeat: the warm-up is the sample
            for e in live:
                times[e].append(warm[e])
        else:
            while live and len(times[live[0]]) < repeat and (time.perf_counter() - started) < budget_s:
                for e in live:
                    t = time.perf_counter()
                    runs[e]()
                    times[e].append(time.perf_counter() - t)
        for e in active:
            emit("query", id=plan["id"], engine=e, times=times[e], rows=rows.get(e), binding=plan["binding"],
                 status="error" if e in failed else "ok", error=failed.get(e))


class _Cutoff(BaseException):
    """Raised by the alarm in the middle of an rdflib query (BaseException: rdflib catches Exception)."""


def rdflib_task(nq: str, plans_file: str, repeat: int, budget_s: float, cap_s: float) -> None:
    """Child: plain rdflib, the same VALUES texts; each run cut off after ``cap_s``."""
    import signal

    import rdflib

    started = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(nq, format="nquads")
    emit("loaded", seconds=time.perf_counter() - started)

    def alarm(_signum, _frame):
        raise _Cutoff()

    signal.signal(signal.SIGALRM, alarm)
    for plan in json.loads(Path(plans_file).read_text()):
        progress(f"rdflib {plan['id']}")
        times: list[float] = []
        rows = None
        status, error = "ok", None
        begun = time.perf_counter()
        while len(times) < max(1, repeat) and (not times or time.perf_counter() - begun < budget_s):
            t = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, cap_s)
            try:
                rows = len(list(ds.query(plan["portable"])))
            except _Cutoff:
                status = "timeout"
                break
            except Exception as exc:
                status, error = "error", f"{type(exc).__name__}: {exc}"[:300]
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            times.append(time.perf_counter() - t)
        emit("query", id=plan["id"], engine="rdflib", times=times, rows=rows, status=status, error=error,
             cap_s=cap_s if status == "timeout" else None)


# --------------------------------------------------------------------------- parent side


def run_catalogue(source: dict[str, str], engines: list[str], repeat: int, budget_s: float, timeout_s: float,
                  log, rdflib_cap_s: float = 60.0, rdflib_repeat: int = 3, max_rss_mb: float | None = None,
                  rdflib_nq: str | None = None, rdflib_timeout_s: float | None = None, stall_s: float | None = None,
                  max_queries: int | None = None) -> dict[str, Any]:
    """All engines on one graph; returns per-query figures per engine, load times and child summaries."""
    out: dict[str, Any] = {"queries": [], "open_s": None, "status": "ok", "unavailable": {}}
    by_id: dict[str, dict[str, Any]] = {}
    fd, plans_file = tempfile.mkstemp(suffix=".json", prefix="petaflop-plans-")
    os.close(fd)
    try:
        local = [e for e in engines if e in IN_PROCESS]
        done: list[str] = []
        deadline = time.perf_counter() + timeout_s
        children = []
        while True:
            child = run_child("catalogue", {"source": source, "engines": local, "repeat": repeat, "budget_s": budget_s,
                                            "plans_out": plans_file if not children else None, "skip": done,
                                            "max_queries": max_queries},
                              max(1.0, deadline - time.perf_counter()), log, stall_s=stall_s)
            children.append(child.summary())
            loaded = child.last("loaded")
            if loaded and out["open_s"] is None:
                out["open_s"] = loaded["seconds"]
            for rec in child.all("unavailable"):
                out["unavailable"][rec["engine"]] = rec["reason"]
            for rec in child.all("query"):
                entry = by_id.setdefault(rec["id"], {"id": rec["id"], "binding": rec.get("binding"), "engines": {}})
                entry["engines"][rec["engine"]] = _figures(rec)
                if rec["id"] not in done:
                    done.append(rec["id"])
            starts = [r["id"] for r in child.all("start")]
            if not (child.stalled and starts and starts[-1] not in done):
                break
            stuck = starts[-1]  # cut off in the middle of this query: record it, go on with the rest
            log(f"query {stuck} ran over {stall_s:.0f} s: cut off")
            by_id[stuck] = {"id": stuck, "engines": {e: {"p50_s": None, "p95_s": None, "n": 0, "rows": None,
                                                         "status": "timeout", "over_s": stall_s} for e in local}}
            done.append(stuck)
            if time.perf_counter() >= deadline:
                break
        out["child"] = children[-1] if len(children) == 1 else {
            "seconds": round(sum(c["seconds"] for c in children), 3),
            "peak_rss_mb": max((c["peak_rss_mb"] or 0) for c in children) or None,
            "timed_out": children[-1]["timed_out"], "stalled": any(c["stalled"] for c in children),
            "returncode": children[-1]["returncode"], "error": children[-1]["error"], "restarts": len(children) - 1}
        if not child.ok:
            out["status"] = "timeout" if child.timed_out else "failed"
            out["error"] = child.error
        if "rdflib" in engines:
            if not Path(plans_file).stat().st_size:
                out["rdflib"] = {"status": "not run", "error": "no query plans (the pyoxigraph child failed)"}
            else:
                nq = rdflib_nq or source.get("nq")
                rd = run_child("catalogue_rdflib", {"nq": nq, "plans_file": plans_file, "repeat": rdflib_repeat,
                                                    "budget_s": budget_s, "cap_s": rdflib_cap_s},
                               rdflib_timeout_s or timeout_s, log, max_rss_mb=max_rss_mb)
                loaded = rd.last("loaded")
                out["rdflib"] = {"child": rd.summary(), "load_s": loaded["seconds"] if loaded else None,
                                 "status": "ok" if rd.ok else ("memory limit" if rd.error == "memory limit" else
                                                               "timeout" if rd.timed_out else "failed"),
                                 "cap_s": rdflib_cap_s}
                for rec in rd.all("query"):
                    entry = by_id.setdefault(rec["id"], {"id": rec["id"], "engines": {}})
                    entry["engines"]["rdflib"] = _figures(rec)
    finally:
        os.unlink(plans_file)
    out["queries"] = list(by_id.values())
    return out


def _figures(rec: dict[str, Any]) -> dict[str, Any]:
    times = rec.get("times") or []
    fig = {"p50_s": pct(times, 0.5), "p95_s": pct(times, 0.95), "n": len(times), "rows": rec.get("rows"),
           "status": rec.get("status", "ok")}
    if rec.get("error"):
        fig["error"] = rec["error"]
    if rec.get("status") == "timeout":
        fig["over_s"] = rec.get("cap_s")
    return fig


def _speedups(queries: list[dict[str, Any]], base: str, ours: str) -> tuple[list[float], int]:
    """Per query base_p50 / ours_p50; a cut-off baseline counts with its cap (a lower bound)."""
    out, lower = [], 0
    for q in queries:
        o = q["engines"].get(ours, {}).get("p50_s")
        b = q["engines"].get(base, {})
        value = b.get("p50_s")
        if value is None and b.get("status") == "timeout":
            value = b.get("over_s")
            lower += 1
        r = ratio(value, o)
        if r is not None:
            out.append(r)
    return out, lower


def summarise(cat: dict[str, Any], engines: tuple[str, ...] = ("wrapper", "raw", "oxrdflib", "rdflib")) -> dict:
    """Medians and worst cases per engine, speed-ups over the baselines and the wrapper's overhead."""
    queries = cat["queries"]
    out: dict[str, Any] = {"status": cat.get("status"), "queries_measured": len(queries),
                           "peak_rss_mb": (cat.get("child") or {}).get("peak_rss_mb"), "engines": {}}
    for e in engines:
        p50 = [q["engines"][e]["p50_s"] for q in queries if q["engines"].get(e, {}).get("p50_s") is not None]
        if not p50 and not any(e in q["engines"] for q in queries):
            continue
        worst = max(((q["engines"][e]["p95_s"], q["id"]) for q in queries
                     if q["engines"].get(e, {}).get("p95_s") is not None), default=(None, None))
        out["engines"][e] = {
            "median_p50_s": statistics.median(p50) if p50 else None,
            "max_p95_s": worst[0], "slowest_query": worst[1], "measured": len(p50),
            "timeouts": sum(q["engines"].get(e, {}).get("status") == "timeout" for q in queries),
            "errors": sum(q["engines"].get(e, {}).get("status") == "error" for q in queries),
        }
    ours = "wrapper" if "wrapper" in out["engines"] and out["engines"]["wrapper"]["measured"] else "raw"
    out["ours_engine"] = ours
    ratios: dict[str, Any] = {}
    for base in ("rdflib", "oxrdflib"):
        values, lower = _speedups(queries, base, ours)
        if values:
            ratios[f"{base}_median_speedup"] = statistics.median(values)
            ratios[f"{base}_min_speedup"] = min(values)
            ratios[f"{base}_lower_bounds"] = lower
    over = []
    for q in queries:
        w, r = q["engines"].get("wrapper", {}).get("p50_s"), q["engines"].get("raw", {}).get("p50_s")
        if w is not None and r:
            over.append(w / r - 1)
    if over:
        ratios["wrapper_overhead_median"] = statistics.median(over)
        ratios["wrapper_overhead_max"] = max(over)
        tot_w = sum(q["engines"]["wrapper"]["p50_s"] for q in queries if q["engines"].get("wrapper", {}).get("p50_s")
                    is not None and q["engines"].get("raw", {}).get("p50_s"))
        tot_r = sum(q["engines"]["raw"]["p50_s"] for q in queries if q["engines"].get("wrapper", {}).get("p50_s")
                    is not None and q["engines"].get("raw", {}).get("p50_s"))
        ratios["wrapper_overhead_total"] = tot_w / tot_r - 1 if tot_r else None
    mismatched = []
    for q in queries:
        counts = {e: f.get("rows") for e, f in q["engines"].items() if f.get("status") == "ok" and f.get("rows")
                  is not None}
        if len(set(counts.values())) > 1:
            mismatched.append({"id": q["id"], "rows": counts})
    out["ratios"] = ratios
    out["row_count_mismatches"] = mismatched
    return out


def run_queries_workload(nq: Path, quick: bool, params: dict[str, Any], log) -> dict[str, Any]:
    """The catalogue on the given graph, all four engines."""
    cat = run_catalogue({"nq": str(nq)}, ["wrapper", "raw", "oxrdflib", "rdflib"], params["repeat"],
                        params["budget_s"], params["timeout_s"], log, rdflib_cap_s=params["rdflib_cap_s"],
                        rdflib_repeat=params["rdflib_repeat"], stall_s=params.get("stall_s"),
                        max_queries=params.get("max_queries"))
    summary = summarise(cat)
    return {
        "graph": str(nq), "repeat": params["repeat"], "budget_s_per_query": params["budget_s"],
        "rdflib_repeat": params["rdflib_repeat"], "rdflib_cap_s": params["rdflib_cap_s"],
        "load_s": {"pyoxigraph": cat.get("open_s"), "rdflib": (cat.get("rdflib") or {}).get("load_s")},
        "baseline": {"name": "rdflib Dataset (plain, in memory)", **(cat.get("rdflib") or {})},
        "summary": summary,
        "ratio": summary["ratios"].get("rdflib_median_speedup"),
        "ratio_note": "median over queries of rdflib p50 / our p50 (cut-off rdflib runs count with their cap)",
        "unavailable": cat.get("unavailable"),
        "status": cat.get("status"),
        "queries": cat["queries"],
    }
