"""Shared pieces of ``petaflop bench``: machine facts, percentiles, and child processes.

Every heavy step runs in a child process (``python -m bench.child TASK ARGS``) so that

* its **peak memory** is its own: the child reports ``getrusage(RUSAGE_SELF).ru_maxrss`` as its
  last line, and the parent also samples the child's RSS with psutil (the fallback when a child
  is cut off);
* a **stuck run is cut off**: the parent kills the child's process group after ``timeout_s``
  and keeps whatever result lines the child had already printed (one JSON object per line).
"""

from __future__ import annotations

import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def pct(values: list[float], q: float) -> float | None:
    """The q-quantile (0..1) by linear interpolation between closest ranks; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def ratio(baseline: float | None, ours: float | None) -> float | None:
    """baseline / ours (how many times faster we are); None when either is missing or zero."""
    if baseline is None or ours is None or ours <= 0:
        return None
    return baseline / ours


def cache_dir() -> Path:
    """Where generated synthetic graphs are kept between runs (outside the repository)."""
    base = os.environ.get("PETAFLOP_BENCH_CACHE") or os.path.join(tempfile.gettempdir(), "petaflop-bench-cache")
    path = Path(base)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _version(dist: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _oxigraph_binary() -> Path:
    return Path(sys.executable).with_name("oxigraph")


def machine_facts() -> dict[str, Any]:
    """CPU, memory, load and the versions of everything measured, for the results file."""
    facts: dict[str, Any] = {
        "host": platform.node(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpu_count": os.cpu_count(),
        "cpu_affinity": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "cpu_model": None,
        "memory_total_gb": None,
        "memory_available_gb": None,
        "load_average_at_start": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                facts["cpu_model"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import psutil

        vm = psutil.virtual_memory()
        facts["memory_total_gb"] = round(vm.total / 2**30, 2)
        facts["memory_available_gb"] = round(vm.available / 2**30, 2)
    except ImportError:  # pragma: no cover - psutil is a dependency
        pass
    versions = {name: _version(name) for name in ("pyoxigraph", "oxrdflib", "rdflib", "owlrl", "pyshacl",
                                                  "psutil", "petaflop-atlas")}
    try:
        out = subprocess.run([str(_oxigraph_binary()), "--version"], capture_output=True, text=True, timeout=10)
        versions["oxigraph_server"] = out.stdout.strip().split()[-1] if out.returncode == 0 else None
    except (OSError, subprocess.SubprocessError, IndexError):
        versions["oxigraph_server"] = None
    facts["versions"] = versions
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, timeout=10).stdout.strip()
        facts["git_commit"] = head or None
    except (OSError, subprocess.SubprocessError):
        facts["git_commit"] = None
    return facts


@dataclass
class ChildResult:
    """What a child printed (JSON objects, one per line), how long it ran and its peak memory."""

    task: str
    records: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    peak_rss_mb: float | None = None
    timed_out: bool = False
    stalled: bool = False
    returncode: int | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return not self.timed_out and self.returncode == 0 and self.error is None

    def last(self, kind: str) -> dict[str, Any] | None:
        for rec in reversed(self.records):
            if rec.get("kind") == kind:
                return rec
        return None

    def all(self, kind: str) -> list[dict[str, Any]]:
        return [r for r in self.records if r.get("kind") == kind]

    def summary(self) -> dict[str, Any]:
        return {"seconds": round(self.seconds, 3), "peak_rss_mb": self.peak_rss_mb, "timed_out": self.timed_out,
                "stalled": self.stalled, "returncode": self.returncode, "error": self.error}


def _kill(proc) -> None:
    """Stop a child and everything it started (its process group), and reap it."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


def run_child(task: str, args: dict[str, Any], timeout_s: float, log=None,
              max_rss_mb: float | None = None, stall_s: float | None = None) -> ChildResult:
    """Run ``python -m bench.child TASK ARGS`` with a time limit; collect its JSON lines and peak RSS.

    With ``max_rss_mb`` the child is also stopped when its resident memory passes that size
    (``error`` is then ``"memory limit"``): how a baseline that would exhaust the machine is cut off.
    With ``stall_s`` it is stopped when, after its first line, it prints nothing for that long
    (``stalled``): how one query that runs away is cut off without losing the others.
    """
    try:
        import psutil
    except ImportError:  # pragma: no cover - psutil is a dependency
        psutil = None
    cmd = [sys.executable, "-m", "bench.child", task, json.dumps(args)]
    result = ChildResult(task=task)
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, cwd=str(REPO), text=True,
                                start_new_session=True)
        lines: list[str] = []
        last_line = [0.0]

        def reader() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.append(line)
                last_line[0] = time.perf_counter()
                if log is not None and line.startswith("{") and '"kind": "progress"' in line:
                    try:
                        log(json.loads(line).get("message", ""))
                    except ValueError:
                        pass

        thread = threading.Thread(target=reader, daemon=True)
        thread.start()
        peak = 0
        ps = psutil.Process(proc.pid) if psutil else None
        while proc.poll() is None:
            if ps is not None:
                try:
                    peak = max(peak, ps.memory_info().rss)
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    pass
            if max_rss_mb is not None and peak > max_rss_mb * 2**20:
                result.error = "memory limit"
                _kill(proc)
                break
            stalled = stall_s is not None and last_line[0] and time.perf_counter() - last_line[0] > stall_s
            if stalled or time.perf_counter() - started > timeout_s:
                result.timed_out = True
                result.stalled = bool(stalled)
                _kill(proc)
                break
            time.sleep(0.1)
        thread.join(timeout=10)
        result.seconds = time.perf_counter() - started
        result.returncode = proc.returncode
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    for line in lines:
        line = line.strip()
        if line.startswith("{"):
            try:
                result.records.append(json.loads(line))
            except ValueError:
                continue
    usage = result.last("rusage")
    own = usage.get("peak_rss_kb") / 1024 if usage and usage.get("peak_rss_kb") else None
    result.peak_rss_mb = round(max(own or 0, peak / 2**20), 1) or None
    failure = result.last("error")
    if result.error == "memory limit":
        pass
    elif failure:
        result.error = failure.get("message")
    elif not result.timed_out and proc.returncode != 0:
        tail = [ln for ln in stderr.strip().splitlines() if ln.strip()][-3:]
        result.error = f"exit {proc.returncode}: " + " | ".join(tail)[-400:]
    return result


def emit(kind: str, **values: Any) -> None:
    """Child side: print one JSON record (flushed, so a parent that cuts us off still has it)."""
    print(json.dumps({"kind": kind, **values}, default=str), flush=True)


def progress(message: str) -> None:
    emit("progress", message=message)
