"""Scale of input (issue 20): the report repeated up to 50 MB, and one line of 1 MB.

Each measurement runs in its own process; its wall time, CPU time and peak resident memory
(``wait4``) are recorded — CPU time is what to compare on a machine shared with other jobs:

* **parse** (``ingest.parse_report``) of the report repeated k times, k up to 104 (50 MB);
* **build** (``petaflop build --no-hermit``) of the report repeated k times, for the smaller k,
  with the time of each stage as the build prints it;
* the report with one of its lines made 1 MB long (the line repeated in place, so every other
  line keeps its number): parse and build.

Per-MB figures show which stages grow faster than the input. The inputs are written to a
temporary folder, never into the repository.

``python -m bench.bench_input_scale [--parse 1,2,5,10,20,50,104] [--build 1,2,5,10]`` writes
``bench/results/<date>-input-scale.json`` and ``.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import REPO, machine_facts

LONG_LINE = 1572  # a paragraph line of the report (about 600 bytes), repeated in place to 1 MB


def _run(cmd: list[str], timeout_s: float) -> dict:
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=REPO,
                            env={**os.environ, "COLUMNS": "300"})
    out = []
    deadline = t0 + timeout_s
    import selectors

    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    cut = False
    while True:
        if time.monotonic() > deadline:
            proc.kill()
            cut = True
        events = sel.select(1.0)
        if events:
            line = proc.stdout.readline()
            if not line:
                break
            out.append(line)
        elif proc.poll() is not None:
            break
    rest = proc.stdout.read()
    out.append(rest)
    _pid, status, usage = os.wait4(proc.pid, 0)
    return {"seconds": round(time.monotonic() - t0, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "peak_mb": round(usage.ru_maxrss / 1024),
            "exit": os.waitstatus_to_exitcode(status), "cut_off": cut, "output": "".join(out)}


def repeated(report: Path, k: int, folder: Path) -> Path:
    path = folder / f"report-x{k}.txt"
    if not path.exists():
        text = report.read_text(encoding="utf-8")
        path.write_text("\n".join([text] * k), encoding="utf-8")
    return path


def long_line(report: Path, folder: Path) -> Path:
    path = folder / "report-1mb-line.txt"
    lines = report.read_text(encoding="utf-8").split("\n")
    line = lines[LONG_LINE - 1]
    unit = line + " "
    lines[LONG_LINE - 1] = unit * (1_000_000 // len(unit.encode("utf-8")))
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def parse_once(path: Path, timeout_s: float) -> dict:
    code = ("import json, time, sys; from ingest import parse_report; t=time.perf_counter(); "
            f"d=parse_report({str(path)!r}); print(json.dumps({{'parse_s': time.perf_counter()-t, "
            "'tables': len(d.tables), 'chapters': len(d.chapters)}))")
    r = _run([sys.executable, "-c", code], timeout_s)
    found = re.findall(r"\{.*\}", r["output"])
    r.update(json.loads(found[-1]) if found else {})
    del r["output"]
    return r


def build_once(path: Path, out: Path, timeout_s: float) -> dict:
    r = _run([sys.executable, "-m", "petaflop.cli", "build", "--no-hermit", "--report", str(path), "--out", str(out)],
             timeout_s)
    text = " ".join(r.pop("output").split())
    m = re.search(r"stages: (.*?) HermiT", text)
    r["stages_s"] = {k: round(int(v) / 1000, 1) for k, v in re.findall(r"(\w+) (\d+) ms", m.group(1))} if m else {}
    if r["exit"] != 0:
        r["error"] = text[-300:]
    return r


def markdown(res: dict) -> str:
    out = [f"# Input scale — {res['date']}", "", "`python -m bench.bench_input_scale` (see its docstring). "
           f"Machine: {res['machine'].get('cpu_count')} CPUs, {res['machine'].get('memory_total_gb')} GB; "
           f"load at start {res['machine'].get('load_average_at_start')} (other jobs were running).", "",
           "## Parse (ingest.parse_report)", "",
           "| input | MB | parse s (wall) | process CPU s | CPU s per MB | peak MB | peak MB per MB | tables |",
           "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for row in res["parse"]:
        out.append(f"| {row['input']} | {row['mb']} | {row.get('parse_s', float('nan')):.2f} | {row['cpu_s']} | "
                   f"{row['cpu_s'] / row['mb']:.2f} | {row['peak_mb']} | {row['peak_mb'] / row['mb']:.0f} | "
                   f"{row.get('tables')} |")
    stages = sorted({k for row in res["build"] for k in row.get("stages_s", {})},
                    key=lambda k: ["parse", "extract", "assert", "reason", "validate", "store"].index(k)
                    if k in ("parse", "extract", "assert", "reason", "validate", "store") else 9)
    out += ["", "## Build (petaflop build --no-hermit)", "",
            "| input | MB | wall s | CPU s | CPU s per MB | peak MB | peak MB per MB | "
            + " | ".join(f"{s} s" for s in stages) + " |",
            "| --- | --- | --- | --- | --- | --- | --- | " + " | ".join("---" for _ in stages) + " |"]
    for row in res["build"]:
        cells = " | ".join(str(row.get("stages_s", {}).get(s, "")) for s in stages)
        status = "" if row["exit"] == 0 else (" (cut off)" if row["cut_off"] else f" (exit {row['exit']})")
        out.append(f"| {row['input']}{status} | {row['mb']} | {row['seconds']} | {row['cpu_s']} | "
                   f"{row['cpu_s'] / row['mb']:.0f} | {row['peak_mb']} | {row['peak_mb'] / row['mb']:.0f} | {cells} |")
    out += ["", "Stage times are wall-clock, as the build prints them."]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    from foundation.paths import resolve_report

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--parse", default="1,2,5,10,20,50,104")
    ap.add_argument("--build", default="1,2,5,10")
    ap.add_argument("--report", default=None)
    ap.add_argument("--timeout", type=float, default=3600)
    ap.add_argument("--out", default=str(REPO / "bench" / "results"))
    args = ap.parse_args(argv)
    report = resolve_report(args.report)
    mb = report.stat().st_size / 1e6
    res = {"date": dt.date.today().isoformat(), "machine": machine_facts(), "report_mb": round(mb, 3),
           "parse": [], "build": []}
    with tempfile.TemporaryDirectory(prefix="petaflop-input-scale-") as tmp:
        folder = Path(tmp)
        line = long_line(report, folder)
        for k in [int(x) for x in args.parse.split(",") if x]:
            row = parse_once(repeated(report, k, folder), args.timeout)
            row.update(input=f"report x{k}", mb=round(k * mb, 2))
            res["parse"].append(row)
            print(json.dumps(row), flush=True)
        row = parse_once(line, args.timeout)
        row.update(input="one 1 MB line", mb=round(line.stat().st_size / 1e6, 2))
        res["parse"].append(row)
        print(json.dumps(row), flush=True)
        for k in [int(x) for x in args.build.split(",") if x]:
            row = build_once(repeated(report, k, folder), folder / f"build-x{k}", args.timeout)
            row.update(input=f"report x{k}", mb=round(k * mb, 2))
            res["build"].append(row)
            print(json.dumps(row), flush=True)
        row = build_once(line, folder / "build-line", args.timeout)
        row.update(input="one 1 MB line", mb=round(line.stat().st_size / 1e6, 2))
        res["build"].append(row)
        print(json.dumps(row), flush=True)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"{res['date']}-input-scale"
    stem.with_suffix(".json").write_text(json.dumps(res, indent=1, default=str) + "\n", encoding="utf-8")
    stem.with_suffix(".md").write_text(markdown(res), encoding="utf-8")
    print(f"wrote {stem}.json and {stem}.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
