"""Hostile-query load (issue 20): runaway and normal queries at once, on the app's engine and on ``serve``.

Eight clients for 60 s each, on 127.0.0.1: two send runaway queries back to back (an ``ORDER BY``
over a cross product, which sorts 10^10 rows before its first, and a ``COUNT`` over a three-way
cross product), six send normal queries. Measured:

* the latency of the normal queries (p50, p95, max) and how many failed; "normal" are the
  catalogue queries (default parameters) the target answers in under half a second when idle;
* the peak memory of the whole process tree (the app's process, its query sandbox's zygote and
  workers; the guard and its Oxigraph), as proportional set size (pages a forked worker shares
  with its zygote count once), sampled every 0.25 s, against the stated ceiling;
* what is left running after the last time-out: CPU used by the tree in the 3 s after the run.

**app**: :func:`petaflop.app.console.run` (the SPARQL console's engine, default time limit 10 s)
over the graph loaded as the app loads it, from eight threads — as Streamlit runs each session's
script on its own thread. **serve**: ``petaflop serve --timeout 10`` and eight HTTP clients
(:class:`petaflop.endpoint.RemoteStore`).

``python -m bench.bench_hostile [--seconds 60] [--graph build/atlas.nq]`` writes
``bench/results/<date>-hostile.json`` and ``.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.common import REPO, machine_facts, pct

RUNAWAYS = [
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
]
CLIENTS, RUNAWAY_CLIENTS = 8, 2


def catalogue_queries(nq: Path) -> list[tuple[str, dict, object]]:
    """(id, bound default parameters, catalogue query) of every query without a required parameter."""
    from petaflop.params import bind_params
    from petaflop.query import EmbeddedStore
    from queries import load_catalogue

    store = EmbeddedStore(nq)
    return [(q.id, bind_params({}, q, store.has_subject), q) for q in load_catalogue()
            if all(not p.required for p in q.params)]


def fast_on(queries, ask, limit_s: float = 0.5) -> list:
    """The queries a target answers in under ``limit_s`` when idle (``ask(entry)`` returns an error or "")."""
    out = []
    for entry in queries:
        t0 = time.perf_counter()
        if not ask(entry) and time.perf_counter() - t0 < limit_s:
            out.append(entry)
    return out


class Sampler:
    """Peak RSS of a process and its descendants, and their CPU seconds."""

    def __init__(self, pid: int):
        import psutil

        self.root = psutil.Process(pid)
        self.peak_mb = 0.0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def tree(self):
        import psutil

        procs = [self.root]
        try:
            procs += self.root.children(recursive=True)
        except psutil.Error:
            pass
        return procs

    def rss_mb(self) -> float:
        """Proportional set size of the tree: pages a forked worker shares with its zygote count once."""
        import psutil

        total = 0
        for p in self.tree():
            try:
                total += p.memory_full_info().pss
            except (psutil.Error, AttributeError):
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
        return total / 2**20

    def cpu_s(self) -> float:
        import psutil

        total = 0.0
        for p in self.tree():
            try:
                t = p.cpu_times()
                total += t.user + t.system
            except psutil.Error:
                pass
        return total

    def _run(self) -> None:
        while not self._stop.wait(0.25):
            self.peak_mb = max(self.peak_mb, self.rss_mb())
            self.samples += 1

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *_exc):
        self._stop.set()
        self._thread.join()


def _load(seconds: float, normal_call, runaway_call) -> dict:
    latencies: list[float] = []
    failures: list[str] = []
    runaway = {"stopped": 0, "answered": 0, "other": 0, "longest_s": 0.0}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def normal_client(seed: int) -> None:
        rng = random.Random(seed)
        while time.monotonic() < deadline:
            t0 = time.perf_counter()
            error = normal_call(rng)
            took = time.perf_counter() - t0
            with lock:
                if error:
                    failures.append(error[:200])
                else:
                    latencies.append(took)

    def runaway_client(seed: int) -> None:
        i = seed
        while time.monotonic() < deadline:
            t0 = time.perf_counter()
            kind = runaway_call(RUNAWAYS[i % len(RUNAWAYS)])
            took = time.perf_counter() - t0
            i += 1
            with lock:
                runaway[kind] = runaway.get(kind, 0) + 1
                runaway["longest_s"] = max(runaway["longest_s"], round(took, 2))

    threads = [threading.Thread(target=runaway_client, args=(i,)) for i in range(RUNAWAY_CLIENTS)]
    threads += [threading.Thread(target=normal_client, args=(i,)) for i in range(CLIENTS - RUNAWAY_CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {
        "normal": {"answered": len(latencies), "failed": len(failures), "failures": sorted(set(failures))[:5],
                   "p50_ms": _ms(pct(latencies, 0.5)), "p95_ms": _ms(pct(latencies, 0.95)),
                   "max_ms": _ms(max(latencies) if latencies else None)},
        "runaway": runaway,
    }


def _ms(x: float | None) -> float | None:
    return None if x is None else round(1000 * x, 1)


def _after(sampler: Sampler) -> dict:
    time.sleep(1.0)
    c0 = sampler.cpu_s()
    time.sleep(3.0)
    return {"cpu_s_in_3_s_after": round(sampler.cpu_s() - c0, 2), "processes_after": len(sampler.tree())}


def bench_app(nq: Path, seconds: float, queries) -> dict:
    from petaflop import sandbox
    from petaflop.app import console
    from petaflop.app.backend import EmbeddedBackend
    from petaflop.store import load_memory_store

    backend = EmbeddedBackend(load_memory_store(nq))
    params = {qid: console.bind_params(q, {})[0] for qid, _p, q in queries}

    def ask(entry) -> str:
        qid, _p, q = entry
        r = console.run(backend, q.sparql, params[qid])
        return "" if r.ok else f"{qid}: {r.error_kind}: {r.error}"

    queries = fast_on(queries, ask)

    def normal(rng) -> str:
        return ask(rng.choice(queries))

    def runaway(text: str) -> str:
        r = console.run(backend, text)
        return "stopped" if r.error_kind == "timeout" else ("answered" if r.ok else "other")

    with Sampler(os.getpid()) as sampler:
        result = _load(seconds, normal, runaway)
    result["normal"]["kinds"] = len(queries)
    result["peak_memory_mb"] = round(sampler.peak_mb)
    limit = sandbox.memory_limit_mb(sandbox.pool_for(nq).path)
    result["ceiling_mb"] = {"per_worker": limit, "workers": 2 * sandbox.max_workers(),
                            "stated": limit * 2 * sandbox.max_workers() + 1024,
                            "how": "at most 2 x PETAFLOP_QUERY_WORKERS query workers, each under RLIMIT_AS, "
                                   "plus 1 GB for the app's own process"}
    result["after"] = _after(sampler)
    result["time_limit_s"] = console.DEFAULT_TIMEOUT_S
    return result


def bench_serve(nq: Path, seconds: float, queries, workdir: Path) -> dict:
    from petaflop.endpoint import RemoteStore
    from petaflop.query import QueryTimeout
    from petaflop.serve import free_port

    port = free_port()
    url = f"http://127.0.0.1:{port}/query"
    memory_mb = 4096
    proc = subprocess.Popen([sys.executable, "-m", "petaflop.cli", "serve", "--port", str(port), "--data", str(nq),
                             "--location", str(workdir / "oxigraph"), "--timeout", "10", "--memory-mb", str(memory_mb)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=REPO,
                            env={**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "250"})
    try:
        seen = ""
        while "SPARQL endpoint:" not in seen:
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError(f"serve ended: {seen}")
            seen += line

        def ask(entry) -> str:
            qid, params, q = entry
            try:
                RemoteStore(url).run(q.sparql, params, timeout_s=30, row_limit=1000)
            except Exception as exc:
                return f"{qid}: {type(exc).__name__}: {exc}"
            return ""

        chosen = fast_on(queries, ask)

        def normal(rng) -> str:
            return ask(rng.choice(chosen))

        def runaway(text: str) -> str:
            try:
                RemoteStore(url, retry_delays=()).run(text, timeout_s=60, row_limit=10)
            except QueryTimeout:
                return "stopped"
            except Exception:
                return "other"
            return "answered"

        with Sampler(proc.pid) as sampler:
            result = _load(seconds, normal, runaway)
        result["normal"]["kinds"] = len(chosen)
        result["peak_memory_mb"] = round(sampler.peak_mb)
        result["ceiling_mb"] = {"oxigraph": memory_mb, "stated": memory_mb + 512,
                                "how": "Oxigraph's RLIMIT_AS (--memory-mb), plus 512 MB for the guard"}
        result["after"] = _after(sampler)
        result["time_limit_s"] = 10
        return result
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()


def markdown(res: dict) -> str:
    out = [f"# Hostile-query load — {res['date']}", "", "`python -m bench.bench_hostile` (see its docstring).", "",
           f"{CLIENTS} clients for {res['seconds']:g} s on 127.0.0.1: {RUNAWAY_CLIENTS} send runaway queries "
           f"back to back, {CLIENTS - RUNAWAY_CLIENTS} send normal catalogue queries (those the target answers "
           f"in under 0.5 s when idle). Machine: {res['machine'].get('cpu_count')} CPUs, load at start "
           f"{res['machine'].get('load_average_at_start')}.", "",
           "| target | normal kinds | normal answered | failed | p50 ms | p95 ms | max ms | runaways stopped "
           "| longest runaway s | peak memory MB (PSS) | stated ceiling MB | CPU s in 3 s after |",
           "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name in ("app", "serve"):
        r = res.get(name)
        if not r:
            continue
        n, w = r["normal"], r["runaway"]
        out.append(f"| {name} | {n.get('kinds')} | {n['answered']} | {n['failed']} | {n['p50_ms']} | {n['p95_ms']} | {n['max_ms']} | "
                   f"{w.get('stopped', 0)} of {w.get('stopped', 0) + w.get('answered', 0) + w.get('other', 0)} | "
                   f"{w['longest_s']} | {r['peak_memory_mb']} | {r['ceiling_mb']['stated']} | "
                   f"{r['after']['cpu_s_in_3_s_after']} |")
    out += ["", "Ceilings: " + "; ".join(f"{k}: {res[k]['ceiling_mb']['how']}" for k in ("app", "serve") if res.get(k))]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--graph", default=str(REPO / "build" / "atlas.nq"))
    ap.add_argument("--only", choices=("app", "serve"))
    ap.add_argument("--out", default=str(REPO / "bench" / "results"))
    args = ap.parse_args(argv)
    nq = Path(args.graph)
    import tempfile

    res = {"date": dt.date.today().isoformat(), "seconds": args.seconds, "graph": str(nq),
           "machine": machine_facts()}
    queries = catalogue_queries(nq)
    if args.only in (None, "app"):
        res["app"] = bench_app(nq, args.seconds, queries)
        print(json.dumps({"app": res["app"]}), flush=True)
    if args.only in (None, "serve"):
        with tempfile.TemporaryDirectory(prefix="petaflop-hostile-") as tmp:
            res["serve"] = bench_serve(nq, args.seconds, queries, Path(tmp))
        print(json.dumps({"serve": res["serve"]}), flush=True)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"{res['date']}-hostile"
    stem.with_suffix(".json").write_text(json.dumps(res, indent=1, default=str) + "\n", encoding="utf-8")
    stem.with_suffix(".md").write_text(markdown(res), encoding="utf-8")
    print(f"wrote {stem}.json and {stem}.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
