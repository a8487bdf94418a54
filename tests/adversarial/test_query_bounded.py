"""Every evaluation path stops for certain at its time-out and stays under a memory ceiling.

Before: pyoxigraph ran the query on a thread of the caller, which only stopped *waiting* at the
time-out: a runaway ``COUNT`` kept a core at 100 % after its time-out message, and a runaway
``ORDER BY`` kept growing the app's memory (3.8 → 10.2 GB in 84 s). Now the query runs in a
worker process of :mod:`petaflop.sandbox` that is killed at the deadline.
"""

from __future__ import annotations

import os
import resource
import time

import pytest
from conftest import alive, assert_one_line_error, cpu_seconds, petaflop

from petaflop import sandbox
from petaflop.query import EmbeddedStore, QueryResources, QueryTimeout

ORDER_BY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"  # sorts 10^10 rows before the first
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"

pytestmark = pytest.mark.slow


def _workers(path) -> set[int]:
    pool = sandbox.pool_for(path)
    with pool.cond:
        return {w.pid for w in pool.idle} | {w.pid for w in pool.busy}


def _busy_cpu(pids: set[int], seconds: float = 1.0) -> float:
    """CPU seconds the given processes (those still alive) use over the next ``seconds``."""
    live = {p for p in pids if alive(p)}
    before = {p: cpu_seconds(p) for p in live}
    time.sleep(seconds)
    return sum(cpu_seconds(p) - before[p] for p in live if alive(p))


@pytest.mark.parametrize("text", [ORDER_BY, COUNT], ids=["order-by", "count"])
def test_a_runaway_query_is_stopped_and_frees_the_cpu(built_graph, text):
    store = EmbeddedStore(built_graph)
    store.run("ASK { ?s ?p ?o }")  # a worker is up
    t0 = time.monotonic()
    own_before = cpu_seconds(os.getpid())
    with pytest.raises((QueryTimeout, QueryResources), match=r"did not finish within 2 s|needed more than the memory"):
        store.run(text, timeout_s=2, row_limit=None)
    assert time.monotonic() - t0 < 4
    time.sleep(0.3)
    # nothing of the query outlives its time-out: not in this process, not in any worker
    assert cpu_seconds(os.getpid()) - own_before < 1.5
    assert _busy_cpu(_workers(built_graph) | {os.getpid()}) < 0.3
    assert store.run("ASK { ?s ?p ?o }").boolean is True  # and the store answers again


def test_the_app_console_stops_a_runaway_query(built_graph):
    from petaflop.app import console
    from petaflop.app.backend import EmbeddedBackend
    from petaflop.store import load_memory_store

    backend = EmbeddedBackend(load_memory_store(built_graph))
    r = console.run(backend, ORDER_BY, timeout_s=2)
    # stopped by its time limit, or (the sort grows fast) by the memory ceiling first
    assert r.error_kind == "timeout" or "needed more than the memory limit" in r.error, r.error
    time.sleep(0.3)
    assert _busy_cpu({os.getpid()} | _workers(built_graph)) < 0.3
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert rss_mb < 3000  # the sort never ran in this process


def test_a_query_over_the_memory_ceiling_is_stopped(built_graph):
    proc = petaflop("query", "--sparql", ORDER_BY, "--timeout", "120", "--limit", "0", "--data", str(built_graph),
                    env={"PETAFLOP_QUERY_MEMORY_MB": "700"})
    assert_one_line_error(proc, 1, "needed more than the memory limit of 700 MB")
    assert proc.elapsed < 100


def test_the_ceiling_is_per_worker_and_stated(built_graph, monkeypatch):
    monkeypatch.setenv("PETAFLOP_QUERY_MEMORY_MB", "900")
    assert sandbox.memory_limit_mb(built_graph) == 900
    monkeypatch.delenv("PETAFLOP_QUERY_MEMORY_MB")
    assert sandbox.memory_limit_mb(built_graph) >= sandbox.MIN_MEMORY_MB
    monkeypatch.setenv("PETAFLOP_QUERY_MEMORY_MB", "lots")
    with pytest.raises(Exception, match="not a whole number"):
        sandbox.memory_limit_mb(built_graph)


def test_a_crash_in_the_parser_or_evaluator_costs_a_worker_not_the_caller(built_graph):
    store = EmbeddedStore(built_graph)
    store.run("ASK {}")
    victim = next(iter(_workers(built_graph)))
    os.kill(victim, 11)  # as if pyoxigraph had overflowed its stack
    time.sleep(0.2)
    assert store.run("ASK { ?s ?p ?o }").boolean is True



def test_export_sparql_is_bounded(built_graph, tmp_path):
    import subprocess

    grouped = "SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } GROUP BY ?a"  # CPU, not memory
    try:
        proc = petaflop("export", "--sparql", grouped, "--data", str(built_graph), "--out", str(tmp_path / "x.ttl"),
                        timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("export --sparql was still running after 60 s")
    assert proc.returncode == 1 and "did not finish" in proc.stderr


def test_workers_cap_mallocs_arenas_and_a_stores_ceiling_counts_its_files(built_graph, tmp_path):
    """Under RLIMIT_AS, every glibc malloc arena reserves 64 MB of address space: the zygote (and so
    each worker it forks) runs with MALLOC_ARENA_MAX=2, so threads cannot reserve the ceiling away;
    a built store's ceiling grows with the size of its files like a graph file's."""
    EmbeddedStore(built_graph).run("ASK { ?s ?p ?o }")
    zygote = sandbox.pool_for(built_graph).zygote()
    with open(f"/proc/{zygote.proc.pid}/environ", "rb") as fh:
        env = dict(item.split(b"=", 1) for item in fh.read().split(b"\0") if b"=" in item)
    assert env[b"MALLOC_ARENA_MAX"] == b"2"
    store = tmp_path / "store"
    store.mkdir()
    with (store / "000001.sst").open("wb") as fh:
        fh.truncate(200 * 2**20)  # a sparse file: its size counts, no disk is used
    assert sandbox.memory_limit_mb(store) == 12 * 200 + 512
