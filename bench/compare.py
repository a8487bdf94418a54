"""Regression guard: a run's figures against the last committed results that hold the same figures.

``petaflop bench --quick --compare`` (a step of ``make test`` that never fails) and by hand::

    .venv/bin/python -m bench.compare NEW.json [OLD.json ...]

Only like is compared with like: a quick run (small inputs, fewer repeats) with committed quick
results, a full run with committed full ones, and each figure is keyed by its workload and its
input (the report file, the synthetic graph's size, the serving graph, mix and clients). A figure
no committed results hold is listed as new, never compared with one measured on other inputs. Per figure, the baseline is the newest committed results file (by its
``started`` time) that holds it: the full runs are split across several files.

A figure is *slower* when it is more than ``THRESHOLD`` (30 %) worse than its baseline and, for a
time, also at least ``MIN_DELTA_S`` worse in absolute terms (quick figures are milliseconds, and
the timer noise of one millisecond is not a regression). Throughputs (queries/s) are compared as
their inverse. The result is a report; nothing here fails a build.
"""

from __future__ import annotations

import argparse
import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import REPO

THRESHOLD = 0.30
MIN_DELTA_S = 0.01
RESULTS_DIR = "bench/results"


@dataclass(frozen=True)
class Figure:
    """One comparable figure. ``parts`` (e.g. per-query p50s) are summed over the ids both runs have."""

    workload: str
    value: float
    unit: str = "s"  # "s" (lower is better) or "queries/s" (higher is better)
    parts: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Change:
    key: str
    workload: str
    before: float
    after: float
    unit: str
    source: str

    @property
    def slowdown(self) -> float:
        """How much slower, as a fraction (0.5 = 50 % slower; a throughput is compared as its inverse)."""
        if self.unit == "queries/s":
            return self.before / self.after - 1 if self.after > 0 else float("inf")
        return self.after / self.before - 1 if self.before > 0 else 0.0


@dataclass
class Comparison:
    slower: list[Change] = field(default_factory=list)
    compared: list[Change] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # source label -> description
    run: str = ""  # the compared run, described the same way


def _input_name(value: Any) -> str:
    text = str(value or "report")
    return Path(text).name if "/" in text else text


def _ours(engines: dict[str, Any], ours: str) -> float | None:
    fig = engines.get(ours) or {}
    return fig.get("p50_s") if fig.get("status", "ok") == "ok" else None


def _catalogue(queries: list[dict[str, Any]], ours: str) -> dict[str, float]:
    parts = {q["id"]: _ours(q.get("engines") or {}, ours) for q in queries}
    return {k: v for k, v in parts.items() if isinstance(v, int | float)}


def figures(results: dict[str, Any]) -> dict[str, Figure]:
    """The comparable figures of one results file (``petaflop bench`` JSON), keyed by workload and input."""
    out: dict[str, Figure] = {}
    w = results.get("workloads") or {}

    def put(key: str, workload: str, value: Any, unit: str = "s", parts: dict[str, float] | None = None) -> None:
        if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
            out[key] = Figure(workload, float(value), unit, parts or {})

    b = w.get("build") or {}
    report = _input_name(b.get("input"))
    put(f"build: total s [{report}]", "build", (b.get("ours") or {}).get("total_s"))
    put(f"build: cold total s [{report}]", "build", (b.get("ours") or {}).get("cold_total_s"))
    q = w.get("queries") or {}
    if q.get("queries"):
        ours = (q.get("summary") or {}).get("ours_engine", "wrapper")
        parts = _catalogue(q["queries"], ours)
        put(f"queries: catalogue p50 summed, {ours} [{_input_name(q.get('graph'))}]", "queries",
            sum(parts.values()), parts=parts)
    for g in (w.get("reasoning") or {}).get("graphs") or []:
        where = f"report {report}" if g.get("graph") == "report" else g.get("graph")
        put(f"reasoning: rules s [{where}]", "reasoning", (g.get("ours") or {}).get("seconds"))
    for row in (w.get("scale") or {}).get("sizes") or []:
        where = f"synthetic {row.get('size')}"
        put(f"scale: bulk load s [{where}]", "scale", (row.get("load") or {}).get("seconds"))
        mat = row.get("materialise") or {}
        if mat.get("status") == "ok":
            put(f"scale: materialise s [{where}]", "scale", mat.get("seconds"))
        cat = row.get("catalogue") or {}
        ours = cat.get("ours_engine", "raw")
        parts = _catalogue(cat.get("queries") or [], ours)
        put(f"scale: catalogue p50 summed, {ours} [{where}]", "scale", sum(parts.values()), parts=parts)
    v = w.get("serving") or {}
    keep = ((results.get("config") or {}).get("scale") or {}).get("keep")  # the served graph's size, as configured
    graph = f"synthetic {keep}" if keep else f"{v.get('graph_quads')} quads"
    for lv in (v.get("ours") or {}).get("levels") or []:
        if not lv.get("errors"):
            put(f"serving: {lv.get('mix')} mix, {lv.get('clients')} clients [{graph}]",
                "serving", lv.get("throughput_qps"), unit="queries/s")
    c = w.get("cli") or {}
    cli_parts = {q["id"]: q["store_s"] for q in c.get("queries") or [] if isinstance(q.get("store_s"), int | float)}
    put(f"cli: query processes summed [{_input_name(c.get('graph'))}]", "cli", sum(cli_parts.values()),
        parts=cli_parts)
    put("cli: petaflop --version s", "cli", (c.get("ours") or {}).get("version_s"))
    return out


def _comparable(now: Figure, then: Figure) -> tuple[float, float]:
    """The two values to compare: sums over the common parts when both have parts."""
    if now.parts and then.parts:
        common = set(now.parts) & set(then.parts)
        return sum(then.parts[k] for k in common), sum(now.parts[k] for k in common)
    return then.value, now.value


def compare(current: dict[str, Any], baselines: list[tuple[str, dict[str, Any]]],
            threshold: float = THRESHOLD, min_delta_s: float = MIN_DELTA_S) -> Comparison:
    """Each figure of ``current`` against the first of ``baselines`` (newest first) that holds it."""
    result = Comparison(run=describe(current))
    same_run = (current.get("started"), (current.get("machine") or {}).get("host"))
    held = [(label, data, figures(data)) for label, data in baselines
            if bool(data.get("quick")) == bool(current.get("quick"))  # same kind: same repeats and limits
            and (data.get("started"), (data.get("machine") or {}).get("host")) != same_run]
    for key, now in figures(current).items():
        match = next(((label, data, figs[key]) for label, data, figs in held if key in figs), None)
        if match is None:
            result.new.append(key)
            continue
        label, data, then = match
        result.sources[label] = describe(data)
        before, after = _comparable(now, then)
        if before <= 0 or after <= 0:
            continue
        change = Change(key, now.workload, before, after, now.unit, label)
        result.compared.append(change)
        big_enough = now.unit != "s" or after - before >= min_delta_s
        if change.slowdown > threshold and big_enough:
            result.slower.append(change)
    return result


def describe(results: dict[str, Any]) -> str:
    """When, where (host, load at start: quick figures move with the machine's load) and at which commit."""
    m = results.get("machine") or {}
    load = m.get("load_average_at_start") or [None]
    shown = "?" if load[0] is None else f"{load[0]:.1f}"
    return (f"{results.get('started') or results.get('date')}, host {m.get('host')}, load {shown}, "
            f"commit {m.get('git_commit')}")


def _run_results(data: Any) -> bool:
    return isinstance(data, dict) and "schema" in data and isinstance(data.get("workloads"), dict)


def committed_results(root: Path = REPO) -> list[tuple[str, dict[str, Any]]]:
    """``petaflop bench`` results committed under bench/results (as in HEAD), newest first.

    Outside a git checkout, the files on disk. Other JSON there (the single-purpose scripts') is skipped.
    """
    found: list[tuple[str, dict[str, Any]]] = []
    try:
        names = subprocess.run(["git", "-C", str(root), "ls-tree", "-r", "--name-only", "HEAD", "--", RESULTS_DIR],
                               capture_output=True, text=True, timeout=30, check=True).stdout.split()
        for name in (n for n in names if n.endswith(".json")):
            text = subprocess.run(["git", "-C", str(root), "show", f"HEAD:{name}"], capture_output=True,
                                  text=True, timeout=30, check=True).stdout
            found.append((name, json.loads(text)))
    except (OSError, subprocess.SubprocessError, ValueError):
        found = [(str(p.relative_to(root)), json.loads(p.read_text(encoding="utf-8")))
                 for p in sorted((root / RESULTS_DIR).glob("*.json"))]
    runs = [(name, data) for name, data in found if _run_results(data)]
    return sorted(runs, key=lambda x: (str(x[1].get("started") or x[1].get("date") or ""), x[0]), reverse=True)


def _value(x: float, unit: str) -> str:
    return f"{x:,.1f} {unit}" if unit == "queries/s" else f"{x * 1000:,.1f} ms" if x < 1 else f"{x:,.2f} s"


def report_lines(result: Comparison, threshold: float = THRESHOLD) -> list[str]:
    """The guard's report, one line per fact."""
    if not result.compared:
        return ["bench guard: no committed results hold these figures (a quick run is compared with committed "
                "quick results, a full run with full ones); nothing compared"]
    lines = [f"bench guard: {len(result.compared)} figures compared with the last committed results "
             f"(slower = more than {threshold:.0%} worse)"]
    lines.append(f"  this run: {result.run}")
    lines += [f"  baseline {label}: {desc}" for label, desc in sorted(result.sources.items())]
    for c in sorted(result.slower, key=lambda c: (c.workload, c.key)):
        lines.append(f"  SLOWER {c.key}: {_value(c.before, c.unit)} -> {_value(c.after, c.unit)} "
                     f"({c.slowdown:+.0%}, baseline {c.source})")
    if not result.slower:
        lines.append("  no figure is more than " + f"{threshold:.0%} slower")
    else:
        workloads = sorted({c.workload for c in result.slower})
        lines.append(f"  workloads slower: {', '.join(workloads)} (a report, not a failure: re-run to rule out noise)")
    if result.new:
        lines.append(f"  not in any committed results (not compared): {len(result.new)} figures")
    return lines


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Compare a petaflop bench results file with baselines.")
    ap.add_argument("results", help="the run to check (petaflop bench JSON)")
    ap.add_argument("baselines", nargs="*", help="baselines, newest first (default: the committed results)")
    ap.add_argument("--threshold", type=float, default=THRESHOLD)
    args = ap.parse_args(argv)
    current = json.loads(Path(args.results).read_text(encoding="utf-8"))
    baselines = ([(b, json.loads(Path(b).read_text(encoding="utf-8"))) for b in args.baselines]
                 or committed_results())
    print("\n".join(report_lines(compare(current, baselines, args.threshold), args.threshold)))


if __name__ == "__main__":
    main()
