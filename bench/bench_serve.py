"""Workload *serving* of ``petaflop bench``: a SPARQL server under 1, 4 and 8 concurrent clients.

Ours: the ``oxigraph`` server binary (``serve-read-only --union-default-graph``) over the on-disk
store of the synthetic 10^6 graph (with its inferred graph). Baseline: the newcomer's server — an
``rdflib.Dataset`` of the same N-Quads behind Python's ``ThreadingHTTPServer`` answering
``POST /query``. Both bind 127.0.0.1 only; every request goes to 127.0.0.1.

The clients (threads of one child process, keep-alive HTTP/1.1 connections) cycle through the
catalogue queries, parameters bound in a ``VALUES`` block as for any remote endpoint, each client
starting at a different query. A level stops after ``max_requests`` requests or ``duration_s``
seconds, whichever comes first; a request that takes longer than ``request_timeout_s`` counts as
an error. Reported per level: throughput (completed requests / wall time), p50/p95 latency of
successful requests, errors.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench.common import cache_dir, emit, pct, progress, run_child

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_ready(port: int, proc: subprocess.Popen | None, timeout_s: float, path: str = "/query") -> bool:
    deadline = time.monotonic() + timeout_s
    body = urlencode({"query": "ASK { }"})
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=5)
            conn.request("POST", path, body=body, headers={"Content-Type": "application/x-www-form-urlencoded",
                                                           "Accept": "application/sparql-results+json"})
            resp = conn.getresponse()
            resp.read()
            conn.close()
            if resp.status == 200:
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


# --------------------------------------------------------------------------- child tasks


def clients_task(port: int, path: str, queries_file: str, clients: int, max_requests: int, duration_s: float,
                 request_timeout_s: float, rounds: int = 0) -> None:
    """Child: ``clients`` threads sending catalogue queries to 127.0.0.1:port until the budget is spent.

    ``rounds`` > 0: each client stops after sending every query of the mix that many times (so every
    query has ``clients * rounds`` samples), or when ``duration_s`` is spent, whichever comes first."""
    mix = json.loads(Path(queries_file).read_text())
    texts = [q["portable"] for q in mix]
    per_query: dict[str, list[float]] = {q["id"]: [] for q in mix}
    failed_query: dict[str, int] = {}
    lock = threading.Lock()
    state = {"sent": 0}
    latencies: list[float] = []
    errors: list[str] = []
    stop_at = time.perf_counter() + duration_s

    def take() -> bool:
        with lock:
            if state["sent"] >= max_requests or time.perf_counter() >= stop_at:
                return False
            state["sent"] += 1
            return True

    def client(index: int) -> None:
        conn = None
        k = index * 5
        last = k + rounds * len(texts) if rounds > 0 else None
        while (last is None or k < last) and take():
            qid = mix[k % len(texts)]["id"]
            text = texts[k % len(texts)]
            k += 1
            body = text.encode("utf-8")
            t = time.perf_counter()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(HOST, port, timeout=request_timeout_s)
                conn.request("POST", path, body=body, headers={
                    "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
                resp = conn.getresponse()
                data = resp.read()
                elapsed = time.perf_counter() - t
                complete = data.rstrip().endswith(b"}") and b'"head"' in data
                if resp.status == 200 and complete:
                    with lock:
                        latencies.append(elapsed)
                        per_query[qid].append(elapsed)
                else:
                    with lock:
                        errors.append(f"HTTP {resp.status}: {data[:120]!r}" if resp.status != 200 else
                                      "incomplete: the answer was cut off")
                        failed_query[qid] = failed_query.get(qid, 0) + 1
            except (OSError, http.client.HTTPException) as exc:
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}"[:160])
                    failed_query[qid] = failed_query.get(qid, 0) + 1
                if conn is not None:
                    conn.close()
                conn = None
        if conn is not None:
            conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(duration_s + request_timeout_s + 5)
    wall = time.perf_counter() - started
    kinds: dict[str, int] = {}
    for e in errors:
        key = e.split(":", 1)[0]
        kinds[key] = kinds.get(key, 0) + 1
    emit("result", clients=clients, requests=state["sent"], ok=len(latencies), errors=len(errors),
         error_kinds=kinds, wall_s=wall, throughput_qps=len(latencies) / wall if wall else None,
         p50_s=pct(latencies, 0.5), p95_s=pct(latencies, 0.95), max_s=max(latencies) if latencies else None,
         rounds=rounds,
         per_query={q: {"ok": len(v), "p50_s": pct(v, 0.5), "p95_s": pct(v, 0.95), "max_s": max(v) if v else None,
                        "errors": failed_query.get(q, 0)}
                    for q, v in per_query.items() if v or failed_query.get(q)})


def rdflib_server_task(nq: str, port: int) -> None:
    """Child: the baseline server — an rdflib Dataset behind ThreadingHTTPServer on 127.0.0.1."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import parse_qs

    import rdflib

    started = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(nq, format="nquads")
    emit("loaded", seconds=time.perf_counter() - started)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode("utf-8")
            if self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
                raw = parse_qs(raw).get("query", [""])[0]
            try:
                body = ds.query(raw).serialize(format="json")
                status = 200
            except Exception as exc:
                body, status = str(exc).encode("utf-8"), 400
            self.send_response(status)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer((HOST, port), Handler)
    server.daemon_threads = True
    progress(f"rdflib server on {HOST}:{port}")
    server.serve_forever()


# --------------------------------------------------------------------------- parent side


def _levels(port: int, mixes: dict[str, Path], levels: list[int], params: dict[str, Any], log,
            rounds: bool = False) -> list[dict]:
    """Every mix at every level of clients. ``rounds``: the whole-catalogue mix runs until each client has
    sent every query ``catalogue_rounds`` times (capped at ``catalogue_duration_s``), so that every query has
    a p95 of its own; otherwise each level runs ``duration_s``."""
    out = []
    for mix, qfile in mixes.items():
        for clients in levels:
            whole = rounds and mix == "catalogue" and params.get("catalogue_rounds", 0) > 0
            duration = params["catalogue_duration_s"] if whole else params["duration_s"]
            log(f"serving: {mix} mix, {clients} client(s) on {HOST}:{port}")
            child = run_child("clients", {"port": port, "path": "/query", "queries_file": str(qfile),
                                          "clients": clients,
                                          "max_requests": 10**9 if whole else params["max_requests"],
                                          "duration_s": duration,
                                          "request_timeout_s": params["request_timeout_s"],
                                          "rounds": params["catalogue_rounds"] if whole else 0},
                              duration + params["request_timeout_s"] + 60, log)
            res = child.last("result") or {"clients": clients, "error": child.error or "timeout"}
            res.pop("kind", None)
            res["mix"] = mix
            out.append(res)
    return out


def guard_server_task(store_dir: str, port: int, timeout_s: float, warm_file: str | None = None) -> None:
    """Child: ``petaflop serve``'s guard (its limits, answers kept) in front of Oxigraph over a built store,
    on 127.0.0.1:port until SIGTERM. ``warm_file``: compute the catalogue's answers at start, as ``petaflop
    serve`` does (:mod:`petaflop.serve_warm`), and write its report there as JSON when done."""
    import asyncio
    import threading

    from petaflop.serve import Limits, _spawn_oxigraph, wait_for_http
    from petaflop.serve import free_port as private_port
    from petaflop.serve_guard import Upstream, run_guard

    limits = Limits(timeout_s=timeout_s)

    def start(p: int) -> subprocess.Popen:
        return _spawn_oxigraph(Path(store_dir), "127.0.0.1", p, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               timeout_s=limits.timeout_s, memory_mb=limits.memory_mb)

    upstream = Upstream(start, lambda: private_port("127.0.0.1"),
                        lambda url, proc: wait_for_http(url, proc, what="oxigraph"))

    def warm() -> None:
        from petaflop.serve_warm import warm_catalogue

        report = warm_catalogue(f"http://{HOST}:{port}/query", timeout_s)
        part = Path(f"{warm_file}.part")  # written whole, then renamed: the parent never reads half of it
        part.write_text(json.dumps({"seconds": round(report.seconds, 1), "queries": report.queries,
                                    "kept": report.kept, "failed": report.failed}))
        part.replace(warm_file)

    def ready() -> None:
        if warm_file:
            threading.Thread(target=warm, daemon=True).start()

    asyncio.run(run_guard(HOST, port, upstream, limits, ready, lambda _m: None))


def _guarded(store_dir: Path, files: dict[str, Path], levels: list[int], params: dict[str, Any], log) -> dict:
    """``petaflop serve`` (the guard, answers kept) at each level of each mix, a fresh server each time: every
    level starts with no answer kept, so each query is evaluated at least once within it (a cold start)."""
    side: dict[str, Any] = {"name": "petaflop serve (guard; answers kept, a fresh server per level)", "levels": []}
    for mix, qfile in files.items():
        for clients in levels:
            started = _start_guard(store_dir, params, log)
            if isinstance(started, str):
                side["error"] = started
                return side
            proc, port, retried = started
            try:
                got = _levels(port, {mix: qfile}, [clients], params, log, rounds=True)
                for level in got:
                    if retried:
                        level["note"] = f"the guard came up at the second start (the first: {retried})"
                side["levels"] += got
            finally:
                _stop(proc)
    return side


def _start_guard(store_dir: Path, params: dict[str, Any], log, warm_file: Path | None = None
                 ) -> tuple[subprocess.Popen, int, str] | str:
    """A guard that answers, started at most twice (a port taken between choosing it and binding it fails a
    start): (process, port, why the first start failed or ""), or why neither start came up."""
    why = ""
    for attempt in (1, 2):
        proc, port, err = _guard_process(store_dir, params, warm_file)
        if wait_ready(port, proc, 120):
            return proc, port, why
        _stop(proc)
        why = f"exit {proc.poll()}: {_tail(err)}"
        log(f"serving: the guard did not come up ({why})" + (", starting it again" if attempt == 1 else ""))
    return f"the guard did not come up twice (the second: {why})"


def _tail(path: Path, limit: int = 300) -> str:
    """The last line of a child's error output (its reason to exit), at most ``limit`` characters."""
    try:
        lines = [ln for ln in path.read_text(errors="replace").splitlines() if ln.strip()]
    except OSError:
        return "no error output"
    return lines[-1][-limit:] if lines else "no error output"


def _guard_process(store_dir: Path, params: dict[str, Any], warm_file: Path | None = None
                   ) -> tuple[subprocess.Popen, int, Path]:
    """A :func:`guard_server_task` child over ``store_dir`` on a free port of 127.0.0.1, that port, and the
    file its error output goes to (read when it does not come up)."""
    port = free_port()
    args = {"store_dir": str(store_dir), "port": port, "timeout_s": params["request_timeout_s"]}
    if warm_file is not None:
        args["warm_file"] = str(warm_file)
    fd, err = tempfile.mkstemp(suffix=".log", prefix="petaflop-guard-", dir=cache_dir())
    with os.fdopen(fd, "wb") as err_out:
        proc = subprocess.Popen([sys.executable, "-m", "bench.child", "guard_server", json.dumps(args)],
                                stdout=subprocess.DEVNULL, stderr=err_out,
                                cwd=str(Path(__file__).resolve().parent.parent))
    return proc, port, Path(err)


def _warmed(store_dir: Path, files: dict[str, Path], levels: list[int], params: dict[str, Any], log) -> dict:
    """``petaflop serve`` as it starts by default: one server that first computes every catalogue query's
    answer (default parameters; :mod:`petaflop.serve_warm`), then each mix at each level of clients."""
    side: dict[str, Any] = {"name": "petaflop serve (catalogue answers computed at start)", "levels": []}
    warm_file = Path(tempfile.mkstemp(suffix=".json", prefix="petaflop-warm-", dir=cache_dir())[1])
    warm_file.unlink()
    started = _start_guard(store_dir, params, log, warm_file)
    if isinstance(started, str):
        side["error"] = started
        return side
    proc, port, retried = started
    if retried:
        side["note"] = f"the guard came up at the second start (the first: {retried})"
    try:
        log("serving: computing the catalogue's answers at start")
        deadline = time.perf_counter() + params["catalogue_duration_s"]
        while not warm_file.exists() and proc.poll() is None and time.perf_counter() < deadline:
            time.sleep(0.5)
        if not warm_file.exists():
            side["error"] = f"the catalogue's answers were not all computed within {params['catalogue_duration_s']} s"
            return side
        side["warm"] = json.loads(warm_file.read_text())
        side["levels"] = _levels(port, files, levels, params, log, rounds=True)
    finally:
        _stop(proc)
        warm_file.unlink(missing_ok=True)
    return side


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _level(side: dict[str, Any], mix: str, clients: int) -> dict[str, Any]:
    return next((lv for lv in side.get("levels", []) if lv.get("mix") == mix and lv.get("clients") == clients), {})


def run_serving(store_dir: Path, nq: Path, mixes: dict[str, list[dict[str, str]]], levels: list[int],
                params: dict[str, Any], baseline_levels: list[int], log) -> dict[str, Any]:
    """Ours (oxigraph server over ``store_dir``) then the rdflib server over ``nq``; the same clients and mixes.

    ``mixes``: name -> queries (``id`` and ``portable`` text); ``catalogue`` is the whole catalogue.
    """
    files: dict[str, Path] = {}
    for name, queries in mixes.items():
        if queries:
            path = Path(tempfile.mkstemp(suffix=".json", prefix=f"petaflop-serve-{name}-", dir=cache_dir())[1])
            path.write_text(json.dumps(queries))
            files[name] = path
    result: dict[str, Any] = {"host": HOST, "graph_quads": None,
                              "mixes": {name: [q["id"] for q in queries] for name, queries in mixes.items()},
                              "queries_in_mix": len(mixes.get("catalogue", [])),
                              "max_requests_per_level": params["max_requests"],
                              "duration_s_per_level": params["duration_s"],
                              "catalogue_rounds": params.get("catalogue_rounds", 0),
                              "catalogue_duration_s": params.get("catalogue_duration_s"),
                              "request_timeout_s": params["request_timeout_s"]}
    try:
        binary = Path(sys.executable).with_name("oxigraph")
        port = free_port()
        log_file = tempfile.TemporaryFile()
        proc = subprocess.Popen([str(binary), "serve-read-only", "--location", str(store_dir), "--bind",
                                 f"{HOST}:{port}", "--union-default-graph", "--timeout-s",
                                 str(int(params["request_timeout_s"]))], stdout=log_file, stderr=log_file)
        try:
            import psutil

            ready = wait_ready(port, proc, 120)
            ours: dict[str, Any] = {"name": "oxigraph server (serve-read-only)", "ready": ready}
            if ready:
                ours["levels"] = _levels(port, files, levels, params, log, rounds=True)
                try:
                    ours["server_rss_mb"] = round(psutil.Process(proc.pid).memory_info().rss / 2**20, 1)
                except psutil.Error:
                    pass
            else:
                log_file.seek(0)
                ours["error"] = log_file.read().decode("utf-8", "replace")[-400:]
        finally:
            _stop(proc)
            log_file.close()
        result["ours"] = ours
        if params.get("guarded_levels"):
            result["guarded"] = _guarded(store_dir, files, params["guarded_levels"], params, log)
        if params.get("warm_levels"):
            result["warm"] = _warmed(store_dir, files, params["warm_levels"], params, log)
        base: dict[str, Any] = {"name": "rdflib Dataset behind http.server (ThreadingHTTPServer)"}
        if baseline_levels:
            bport = free_port()
            cmd = [sys.executable, "-m", "bench.child", "rdflib_server", json.dumps({"nq": str(nq), "port": bport})]
            bproc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     cwd=str(Path(__file__).resolve().parent.parent))
            try:
                started = time.perf_counter()
                ready = wait_ready(bport, bproc, params["rdflib_load_timeout_s"])
                base["ready"] = ready
                base["load_s"] = round(time.perf_counter() - started, 1)
                if ready:
                    base["levels"] = _levels(bport, files, baseline_levels, params, log)
                    try:
                        import psutil

                        base["server_rss_mb"] = round(psutil.Process(bproc.pid).memory_info().rss / 2**20, 1)
                    except psutil.Error:
                        pass
                else:
                    base["error"] = ("the rdflib server did not come up within "
                                     f"{params['rdflib_load_timeout_s']:.0f} s")
            finally:
                _stop(bproc)
        else:
            base["status"] = "not run"
        result["baseline"] = base
    finally:
        for path in files.values():
            path.unlink(missing_ok=True)
    top = max(levels)
    btop = max(baseline_levels) if baseline_levels else None
    ratios = {}
    for mix in files:
        ours_qps = _level(result.get("guarded") or result["ours"], mix, top).get("throughput_qps")
        base_level = _level(result["baseline"], mix, btop) if btop else {}
        base_qps = base_level.get("throughput_qps")
        if ours_qps and base_level:
            if base_qps:
                ratios[mix] = {"ratio": ours_qps / base_qps, "lower_bound": False}
            elif base_level.get("wall_s"):  # nothing answered: at most one answer in the whole level
                ratios[mix] = {"ratio": ours_qps * base_level["wall_s"], "lower_bound": True}
    result["ratios"] = ratios
    result["ratio"] = (ratios.get("catalogue") or {}).get("ratio")
    result["ratio_note"] = (f"throughput at {top} clients, ours / rdflib at {btop} clients, whole-catalogue mix"
                            + (" (lower bound: rdflib answered nothing)" if (ratios.get("catalogue") or {}).get(
                                "lower_bound") else ""))
    return result


def cleanup(path: Path | None) -> None:
    if path is not None:
        shutil.rmtree(path, ignore_errors=True)
