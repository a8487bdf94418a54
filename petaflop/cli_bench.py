"""``petaflop bench``: the benchmarks of the checkout's ``bench/`` (registered on the main app).

Benchmarks are not installed with the product: :func:`_import_bench` loads the ``bench`` package
from the checkout by path, and an installed wheel says so in one line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console

ReportOption = Annotated[
    str | None,
    typer.Option("--report", help="Path to the report text (else $PETAFLOP_REPORT, else ../shared/seeds/…)."),
]

console = Console()
err_console = Console(stderr=True, soft_wrap=True)


def _import_bench():
    """The repository's ``bench`` package, imported by path: benchmarks are not installed with the product.

    The checkout is ``foundation.paths.REPO_ROOT``; an installed wheel has no ``bench/`` beside it.
    Its modules import each other as ``bench.…`` (found through the package's own path, so
    ``sys.path`` is left alone); its child processes run ``python -m bench.child`` in the checkout.
    """
    import importlib
    import importlib.util
    import sys
    from pathlib import Path

    from foundation import paths
    from foundation.errors import UserError

    folder = paths.REPO_ROOT / "bench"
    if not (folder / "run.py").is_file():
        raise UserError(f"petaflop bench runs from a checkout of the repository: no bench/run.py in {paths.REPO_ROOT}")
    loaded = sys.modules.get("bench")
    if loaded is None or [Path(p).resolve() for p in getattr(loaded, "__path__", [])] != [folder.resolve()]:
        for name in [m for m in sys.modules if m == "bench" or m.startswith("bench.")]:
            del sys.modules[name]  # another ``bench`` (not this checkout's)
        spec = importlib.util.spec_from_file_location("bench", folder / "__init__.py",
                                                      submodule_search_locations=[str(folder)])
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench"] = module
        spec.loader.exec_module(module)
    return importlib.import_module("bench.run")


def bench(
    quick: Annotated[bool, typer.Option("--quick", help="Small inputs, about a minute (checks the harness).")] = False,
    json_out: Annotated[
        str | None, typer.Option("--json", help="Write the results here (default bench/results/<date>-<host>.json).")
    ] = None,
    only: Annotated[
        str | None, typer.Option("--only", help="Comma-separated workloads: build, queries, reasoning, scale, serving.")
    ] = None,
    compare: Annotated[
        bool, typer.Option("--compare", help="Then print each figure more than 30 % slower than the last committed "
                           "results on the same inputs (a report: the exit code is unchanged).")
    ] = False,
    report: ReportOption = None,
) -> None:
    """Benchmark every workload side by side with rdflib/owlrl; write JSON and a Markdown table (from a checkout)."""
    from foundation.errors import UserError

    bench_run = _import_bench()
    wanted = [w.strip() for w in (only or "").split(",") if w.strip()] or None
    unknown = sorted(set(wanted or []) - set(bench_run.WORKLOADS))
    if unknown:
        raise UserError(f"unknown workload(s) {', '.join(unknown)}; choose from {', '.join(bench_run.WORKLOADS)}")
    results = bench_run.run(quick=quick, json_out=json_out, only=wanted, report=report,
                            log=lambda msg: err_console.print(msg, highlight=False, soft_wrap=True))
    for t in results["summary"]:
        mark = "—" if t["met"] is None else ("met" if t["met"] else "NOT met")
        console.print(f"{t['target']}: {t['value']} (goal {t['goal']}) {mark}", highlight=False, soft_wrap=True)
    console.print(f"wrote {results['paths']['json']} and {results['paths']['markdown']}")
    if compare:
        for line in bench_run.guard_lines(results):
            console.print(line, markup=False, highlight=False, soft_wrap=True)  # keys hold [brackets]


def register(app: typer.Typer, friendly: Callable[[Callable[..., Any]], Callable[..., Any]]) -> None:
    app.command("bench")(friendly(bench))
