"""The ``petaflop`` command line: one entry point, a subcommand per stage.

Every command turns :class:`~foundation.errors.PetaflopError` into one red line and its exit
code (1 user error, 2 environment error) instead of a stack trace; so does a bad option value
(Click's usage errors, which would otherwise draw a box and exit 2) and any unexpected failure
(``internal error``, exit 2; ``PETAFLOP_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Annotated, Any

import click
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from foundation.errors import PetaflopError


def _classes(name: str) -> tuple[type, ...]:
    """An exception class of Click and of the copy of Click that typer ≥ 0.2x carries (typer._click)."""
    found = [getattr(click.exceptions, name, None)]
    try:
        from typer._click import exceptions as vendored

        found.append(getattr(vendored, name, None))
    except ImportError:
        pass
    found += [getattr(typer, name, None)] if name == "Abort" else []
    return tuple(c for c in found if isinstance(c, type))


_NO_ARGS = _classes("NoArgsIsHelpError")
_USAGE = _classes("UsageError")
_ABORT = _classes("Abort")
_CLICK = _classes("ClickException")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


class _OneLineErrors(typer.core.TyperGroup):
    """A bad option value is a user error: one line, exit 1 (not Click's box and exit 2)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _NO_ARGS as exc:  # help was shown: typer's own exit
            sys.exit(exc.exit_code)
        except _USAGE as exc:
            hint = f" (see {exc.ctx.command_path} --help)" if exc.ctx and exc.ctx.command_path else ""
            err_console.print(f"[bold red]error:[/] {escape(_one_line(exc.format_message()))}{hint}",
                              highlight=False)
            sys.exit(1)
        except _ABORT:
            err_console.print("[bold red]error:[/] interrupted", highlight=False)
            sys.exit(130)
        except _CLICK as exc:
            err_console.print(f"[bold red]error:[/] {escape(_one_line(exc.format_message()))}", highlight=False)
            sys.exit(exc.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    name="petaflop",
    help="Petaflop Atlas: a knowledge graph of the geopolitics of AI compute, built from the report.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    cls=_OneLineErrors,
)
console = Console()
err_console = Console(stderr=True, soft_wrap=True)  # one error, one line: never wrapped

ReportOption = Annotated[
    str | None,
    typer.Option("--report", help="Path to the report text (else $PETAFLOP_REPORT, else ../shared/seeds/…)."),
]


def friendly(func: Callable[..., Any]) -> Callable[..., Any]:
    """Show a PetaflopError as one line and exit with its code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PetaflopError as exc:
            err_console.print(f"[bold red]error:[/] {escape(_one_line(exc))}", highlight=False)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, *_CLICK, KeyboardInterrupt, BrokenPipeError):
            raise
        except MemoryError:
            err_console.print("[bold red]error:[/] out of memory", highlight=False)
            raise typer.Exit(2) from None
        except Exception as exc:
            if os.environ.get("PETAFLOP_DEBUG"):
                raise
            err_console.print(f"[bold red]error:[/] internal error ({type(exc).__name__}: "
                              f"{escape(_one_line(exc))[:300]}); PETAFLOP_DEBUG=1 shows where", highlight=False)
            raise typer.Exit(2) from None

    return wrapper


def _version_callback(value: bool) -> None:
    if value:
        from petaflop import __version__

        console.print(f"petaflop {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version_callback, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Petaflop Atlas command line."""


@app.command()
@friendly
def doctor(report: ReportOption = None) -> None:
    """Check the environment: Python and packages, Java for HermiT, the report, Chromium, free ports."""
    from petaflop.doctor import exit_code, run_checks

    checks = run_checks(report)
    table = Table(title="petaflop doctor")
    table.add_column("check")
    table.add_column("status")
    table.add_column("detail", overflow="fold")
    style = {"ok": "green", "warn": "yellow", "user": "red", "env": "red"}
    for c in checks:
        table.add_row(c.name, f"[{style[c.status]}]{c.status}[/]", c.detail)
    console.print(table)
    code = exit_code(checks)
    if code:
        err_console.print(
            f"[bold red]doctor found {'a user' if code == 1 else 'an environment'} problem[/] (exit {code})"
        )
    raise typer.Exit(code)


@app.command()
@friendly
def parse(
    report: ReportOption = None,
    json_out: Annotated[
        str | None, typer.Option("--json", help="Write the parsed document as JSON to this file.")
    ] = None,
) -> None:
    """Parse the report: chapters, slides, blocks, tables, figures, sources, warnings."""
    import collections
    import json

    from foundation.paths import resolve_report
    from ingest import document_to_json, iter_blocks, parse_report
    from petaflop.cli_checks import output_file

    output_file(json_out, "--json")  # before the work: a bad path fails at once
    doc = parse_report(resolve_report(report))
    kinds = collections.Counter(b.kind for _, _, b in iter_blocks(doc))
    console.print(f"report: {doc.path}", highlight=False)
    summary = Table(title="petaflop parse")
    summary.add_column("item")
    summary.add_column("count", justify="right")
    summary.add_row("lines", str(len(doc.lines)))
    summary.add_row("chapters", str(len(doc.chapters)))
    summary.add_row("slides", str(sum(len(c.slides) for c in doc.chapters)))
    for kind in ("heading", "paragraph", "bullet", "table", "figure"):
        summary.add_row(f"blocks: {kind}", str(kinds.get(kind, 0)))
    summary.add_row("tables (transposed)", str(sum(t.transposed for t in doc.tables)))
    summary.add_row("sources", str(len(doc.sources)))
    summary.add_row("unaccounted lines", str(len(doc.unaccounted_lines)))
    summary.add_row("warnings", str(len(doc.warnings)))
    console.print(summary)
    console.print("chapters: " + ", ".join(f"{c.key} [{c.lines.first}–{c.lines.last}]" for c in doc.chapters))
    for w in doc.warnings:
        console.print(f"[yellow]warning[/] line {w.line}: {w.message}", highlight=False)
    if json_out:
        from petaflop.atomic import write_text

        out = write_text(json_out, json.dumps(document_to_json(doc), ensure_ascii=False, indent=1))
        console.print(f"wrote {out}")


@app.command()
@friendly
def build(
    report: ReportOption = None,
    out: Annotated[str | None, typer.Option("--out", help="Build folder (default: build/).")] = None,
    no_hermit: Annotated[bool, typer.Option("--no-hermit", help="Skip the HermiT consistency check.")] = False,
    no_reference: Annotated[bool, typer.Option(
        "--no-reference", help="Leave out the reference layer (reference/*.tsv, graph pfg:reference).")] = False,
) -> None:
    """Build the graph: parse -> extract -> assert -> reason -> validate -> store; writes build/atlas.nq."""
    from pathlib import Path

    from foundation.paths import BUILD_DIR, resolve_report
    from petaflop.build import run_build
    from petaflop.cli_checks import output_folder
    from petaflop.coverage import write_coverage
    from petaflop.outlock import out_lock

    out_dir = output_folder(Path(out) if out else BUILD_DIR)
    resolve_report(report)  # a missing report fails before the folder is locked

    def progress(stage: str, msg: str) -> None:
        if msg != "start":
            console.print(f"[bold cyan]{stage:>9}[/] {escape(msg)}", highlight=False)

    with out_lock(out_dir):  # held over the build and its coverage report
        result = run_build(report, out_dir=out_dir, progress=progress, check_consistency=not no_hermit,
                           reference=not no_reference, strict=True)  # a SHACL violation fails the build
        write_coverage(result, out_dir)
    table = Table(title="objects by type")
    table.add_column("type")
    table.add_column("count", justify="right")
    for t, n in sorted(result.objects_by_type.items(), key=lambda kv: -kv[1]):
        table.add_row(t, str(n))
    console.print(table)
    graphs = ", ".join(f"{g}: {n}" for g, n in result.triples_per_graph.items())
    console.print(f"triples per graph: {graphs}")
    timings = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in result.timings.items())
    console.print(f"stages: {timings}")
    console.print(f"HermiT: {'consistent' if result.consistent else 'skipped' if result.consistent is None else 'INCONSISTENT'}"
                  f"; SHACL: {result.shacl_errors} errors, {result.shacl_warnings} warnings; "
                  f"{len(result.warnings)} extraction warnings")
    for w in getattr(result.document, "warnings", []):  # the same input warnings as `petaflop parse`
        if getattr(w, "kind", "") == "input":
            err_console.print(f"[yellow]warning[/] line {w.line}: {escape(w.message)}", highlight=False)
    console.print(f"wrote {result.nq_path} and {out_dir / 'coverage.md'}")


@app.command()
@friendly
def coverage(
    report: ReportOption = None,
    out: Annotated[str | None, typer.Option("--out", help="Folder for coverage.md/.json (default: build/).")] = None,
) -> None:
    """Write the coverage report (Markdown and JSON): tables mapped or excluded, facts, claims, conflicts."""
    from pathlib import Path

    from foundation.paths import BUILD_DIR, resolve_report
    from petaflop.build import run_build
    from petaflop.cli_checks import output_folder
    from petaflop.coverage import write_coverage
    from petaflop.outlock import out_lock

    out_dir = output_folder(Path(out) if out else BUILD_DIR)
    resolve_report(report)
    with out_lock(out_dir):
        result = run_build(report, out_dir=out_dir, check_consistency=False, write_store=False)
        jp, mp = write_coverage(result, out_dir)
    console.print(f"wrote {mp} and {jp}")


@app.command()
@friendly
def evaluate(
    report: ReportOption = None,
    gold: Annotated[str | None, typer.Option("--gold", help="Gold folder (default: tests/gold/).")] = None,
    graph: Annotated[str | None, typer.Option("--graph", help="Built graph (default: build/atlas.nq).")] = None,
    json_out: Annotated[str | None, typer.Option("--json", help="Write the evaluation as JSON here.")] = None,
    markdown_out: Annotated[str | None, typer.Option("--markdown", help="Write the evaluation as Markdown here.")] = None,
    write_gate: Annotated[bool, typer.Option("--write-gate", help="Measure every rule (asserted and unverified "
                                             "candidates) and write the precision gate file.")] = False,
    gate_file: Annotated[str | None, typer.Option("--gate-file", help="Gate file to write (default: "
                                                  "petaflop/extract/rule_gate.toml).")] = None,
    cross_validate: Annotated[bool, typer.Option("--cross-validate", help="Held-out estimate of the gate: "
                                                 "measured on half the chapters, applied to the other half.")] = False,
) -> None:
    """Score the graph against the gold annotation: precision, recall, F1 overall and by stratum."""
    from pathlib import Path

    from foundation.paths import BUILD_DIR
    from petaflop.evaluate.report import STRATA_ORDER, run, write

    ev, gold_data, view = run(gold, graph, report)
    if write_gate or cross_validate:
        _measure_gate(gold_data, Path(graph) if graph else BUILD_DIR / "atlas.nq", write_gate, gate_file,
                      cross_validate)
    jp = Path(json_out) if json_out else BUILD_DIR / "evaluation.json"
    mp = Path(markdown_out) if markdown_out else BUILD_DIR / "evaluation.md"
    written = write(ev, view, jp, mp)

    def pct(x: float | None) -> str:
        return "—" if x is None else f"{100 * x:.1f}"

    table = Table(title=f"evaluation: {ev.gold_rows} gold rows, {len(ev.units)} facts; {len(ev.judged)} graph facts judged")
    for col in ("stratum", "precision %", "recall %", "F1 %", "TP", "FP", "found", "missed"):
        table.add_column(col, justify="left" if col == "stratum" else "right")

    def add(name: str, c) -> None:
        table.add_row(name, pct(c.precision), pct(c.recall), pct(c.f1), str(c.tp), str(c.fp), str(c.recalled), str(c.fn))

    add("overall", ev.overall)
    for key in STRATA_ORDER[:2]:
        for name, c in sorted(ev.strata.get(key, {}).items()):
            add(f"{key}: {name}", c)
    console.print(table)
    t = ev.types
    console.print(f"entities: {t['found']}/{t['entities']} found, type accuracy {pct(t['type_accuracy'])} %; "
                  f"{len(ev.false_positives)} false positives, {len(ev.false_negatives)} false negatives listed")
    console.print("wrote " + " and ".join(str(p) for p in written))


def _measure_gate(gold_data, graph_path, write: bool, gate_file: str | None, cross_validate: bool) -> None:
    from datetime import date
    from pathlib import Path

    from petaflop.atomic import write_text
    from petaflop.evaluate.gating import cross_validate as held_out
    from petaflop.evaluate.gating import rule_stats
    from petaflop.evaluate.graphfacts import read_graph
    from petaflop.extract.gate import GATE_PATH, gate_text, load_gate

    all_view = read_graph(graph_path, candidates=True)
    if cross_validate:
        for name, c in held_out(gold_data, all_view).items():
            console.print(f"gate held out on {name}: precision {100 * (c.precision or 0):.1f} %, recall "
                          f"{100 * (c.recall or 0):.1f} % (TP {c.tp}, FP {c.fp}, found {c.recalled}, missed {c.fn})")
    if write:
        target = Path(gate_file) if gate_file else GATE_PATH
        current = load_gate(target) if target.is_file() else None
        text = gate_text(rule_stats(gold_data, all_view), measured=date.today().isoformat(),
                         keep_always=current.always if current else None)
        write_text(target, text + "\n")
        console.print(f"wrote {target}")


@app.command("export")
@friendly
def export_command(
    seed: Annotated[list[str] | None, typer.Option(
        "--seed", "-s", help="Object to start from: IRI, CURIE (pfid:openai), or a name/alias in English or Korean. Repeatable.")] = None,
    query_id: Annotated[str | None, typer.Option("--query", help="Catalogue query whose results are seeds.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE for --query, repeatable.")] = None,
    sparql: Annotated[str | None, typer.Option(
        "--sparql", help="SPARQL SELECT/CONSTRUCT (text or @file.rq) whose objects are seeds.")] = None,
    hops: Annotated[int, typer.Option("--hops", help="Links to follow from the seeds (0-3).")] = 1,
    direction: Annotated[str, typer.Option("--direction", help="out, in or both.")] = "both",
    include_link: Annotated[list[str] | None, typer.Option("--include-link", help="Follow only these link types.")] = None,
    exclude_link: Annotated[list[str] | None, typer.Option("--exclude-link", help="Drop these link types/attributes.")] = None,
    include_type: Annotated[list[str] | None, typer.Option("--include-type", help="Keep only objects of these classes.")] = None,
    exclude_type: Annotated[list[str] | None, typer.Option("--exclude-type", help="Drop objects of these classes.")] = None,
    facts: Annotated[str, typer.Option("--facts", help="asserted, inferred or both.")] = "both",
    provenance: Annotated[bool, typer.Option("--provenance/--no-provenance", help="Add statements and report locations.")] = True,
    ontology: Annotated[bool, typer.Option("--ontology/--no-ontology", help="Add the ontology terms used.")] = True,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help="turtle, ntriples, nquads, trig, jsonld, rdfxml, graphml, csv (zip), cypher, cytoscape; "
        "default: from --out's extension, else turtle.")] = None,
    out: Annotated[str | None, typer.Option("--out", "-o", help="Output file (default: stdout; csv needs a .zip).")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Refuse selections over this many triples (default 50000).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Export even over --limit.")] = False,
    preview_only: Annotated[bool, typer.Option("--preview", help="Only show the counts; write nothing.")] = False,
    data: Annotated[str | None, typer.Option("--data", help="N-Quads file of the graph (default: build/atlas.nq).")] = None,
) -> None:
    """Export a subgraph (seeds + hops) as RDF, GraphML, CSV, Cypher or Cytoscape JSON."""
    import sys

    from petaflop import export as ex

    selection = ex.Selection(
        seeds=tuple(seed or ()), query=query_id, query_params=ex.parse_param_args(param),
        sparql=ex.read_sparql_arg(sparql), hops=hops, direction=direction,
        include_links=tuple(include_link or ()), exclude_links=tuple(exclude_link or ()),
        include_types=tuple(include_type or ()), exclude_types=tuple(exclude_type or ()),
        facts=facts, provenance=provenance, ontology=ontology, limit=ex.DEFAULT_LIMIT if limit is None else limit,
    )
    selection.validate()
    spec = ex.resolve_format(fmt, out)
    if not preview_only:
        ex.check_output(spec.name, out)
        from petaflop.cli_checks import output_file

        output_file(out, "--out")  # a folder, or a folder that cannot be written: before the work
    sub = ex.select(selection, ex.open_store(data))
    view = sub.preview()
    err_console.print(view.summary(), highlight=False, soft_wrap=True)
    if preview_only:
        err_console.print("objects by type: " + ", ".join(f"{t} {n}" for t, n in view.by_type), highlight=False,
                          soft_wrap=True)
        return
    result = ex.export(sub, spec.name, force=force)
    if out:
        from petaflop.atomic import write_bytes

        write_bytes(out, result.data)  # temp file + rename: never half a file
        err_console.print(f"wrote {out} ({spec.name}, {len(result.data)} bytes)", highlight=False, soft_wrap=True)
    else:
        sys.stdout.buffer.write(result.data)
        sys.stdout.buffer.flush()


@app.command()
@friendly
def docs(
    out: Annotated[str, typer.Option("--out", help="Output directory for index.html.")] = "docs/ontology",
) -> None:
    """Generate the HTML documentation of the ontology (classes, links, diagram, rules, competency questions)."""
    from petaflop.cli_checks import output_folder
    from petaflop.docs import build_docs

    page = build_docs(output_folder(out))
    console.print(f"wrote {page}")


# --------------------------------------------------------------------------- query, serve, push

def _register_sparql() -> None:
    """``petaflop query``, ``serve`` and ``push`` (petaflop/cli_sparql.py)."""
    from petaflop.cli_sparql import register

    register(app, friendly)


_register_sparql()


def _register_bench() -> None:
    """``petaflop bench`` (petaflop/cli_bench.py)."""
    from petaflop.cli_bench import register

    register(app, friendly)


_register_bench()


# --------------------------------------------------------------------------- review and curation


def _register_curation() -> None:
    """``petaflop curate …`` and ``petaflop review`` (petaflop/curation/cli.py)."""
    from petaflop.curation.cli import register

    register(app, friendly)


_register_curation()


def _register_check() -> None:
    """``petaflop check`` (petaflop/cli_check.py)."""
    from petaflop.cli_check import register

    register(app, friendly)


_register_check()


def main() -> None:
    app()


if __name__ == "__main__":
    from petaflop.cli import main as _main  # the module proper: cli_sparql registers its commands on its app

    _main()
