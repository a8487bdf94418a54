"""Benchmark: how long parsing the whole report takes (the target is well under 1 s).

Not a test (timings depend on the machine); run it by hand::

    .venv/bin/python -m bench.bench_parse [--report PATH] [--repeat N]

It prints the best and median wall time of ``ingest.parse_report`` over N fresh runs, and
what was parsed, so a regression in either speed or output is visible at a glance.
"""

from __future__ import annotations

import argparse
import statistics
import time


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report", default=None)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    from foundation.paths import resolve_report
    from ingest import parse_report

    path = resolve_report(args.report)
    parse_report(path)  # warm-up: imports and regex compilation are not parsing
    times = []
    doc = None
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        doc = parse_report(path)
        times.append(time.perf_counter() - t0)
    assert doc is not None
    print(f"report: {path}")
    print(
        f"lines {len(doc.lines)}, chapters {len(doc.chapters)}, tables {len(doc.tables)}, "
        f"figures {len(doc.figures)}, sources {len(doc.sources)}, unaccounted {len(doc.unaccounted_lines)}"
    )
    print(
        f"parse_report: best {min(times) * 1000:.0f} ms, median {statistics.median(times) * 1000:.0f} ms "
        f"over {len(times)} runs (target < 1000 ms)"
    )


if __name__ == "__main__":
    main()
