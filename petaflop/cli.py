"""The ``petaflop`` command line: one entry point, a subcommand per stage.

Every command turns :class:`~petaflop.errors.PetaflopError` into one red line and its exit
code (1 user error, 2 environment error) instead of a stack trace.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from petaflop import __version__
from petaflop.errors import PetaflopError

app = typer.Typer(
    name="petaflop",
    help="Petaflop Atlas: a knowledge graph of the geopolitics of AI compute, built from the report.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
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
            err_console.print(f"[bold red]error:[/] {exc}", highlight=False)
            raise typer.Exit(exc.exit_code) from None

    return wrapper


def _version_callback(value: bool) -> None:
    if value:
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

    from ingest import document_to_json, iter_blocks, parse_report
    from petaflop.paths import resolve_report

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
        from pathlib import Path

        out = Path(json_out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(document_to_json(doc), ensure_ascii=False, indent=1), encoding="utf-8")
        console.print(f"wrote {out}")


@app.command()
@friendly
def build(
    report: ReportOption = None,
    out: Annotated[str | None, typer.Option("--out", help="Build folder (default: build/).")] = None,
    no_hermit: Annotated[bool, typer.Option("--no-hermit", help="Skip the HermiT consistency check.")] = False,
) -> None:
    """Build the graph: parse -> extract -> assert -> reason -> validate -> store; writes build/atlas.nq."""
    from pathlib import Path

    from petaflop.build import run_build
    from petaflop.coverage import write_coverage
    from petaflop.paths import BUILD_DIR

    out_dir = Path(out) if out else BUILD_DIR

    def progress(stage: str, msg: str) -> None:
        if msg != "start":
            console.print(f"[bold cyan]{stage:>9}[/] {msg}")

    result = run_build(report, out_dir=out_dir, progress=progress, check_consistency=not no_hermit)
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
    console.print(f"wrote {result.nq_path} and {out_dir / 'coverage.md'}")


@app.command()
@friendly
def coverage(
    report: ReportOption = None,
    out: Annotated[str | None, typer.Option("--out", help="Folder for coverage.md/.json (default: build/).")] = None,
) -> None:
    """Write the coverage report (Markdown and JSON): tables mapped or excluded, facts, claims, conflicts."""
    from pathlib import Path

    from petaflop.build import run_build
    from petaflop.coverage import write_coverage
    from petaflop.paths import BUILD_DIR

    out_dir = Path(out) if out else BUILD_DIR
    result = run_build(report, out_dir=out_dir, check_consistency=False, write_store=False)
    jp, mp = write_coverage(result, out_dir)
    console.print(f"wrote {mp} and {jp}")


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
    from petaflop.export_formats import resolve_format

    selection = ex.Selection(
        seeds=tuple(seed or ()), query=query_id, query_params=ex.parse_param_args(param),
        sparql=ex.read_sparql_arg(sparql), hops=hops, direction=direction,
        include_links=tuple(include_link or ()), exclude_links=tuple(exclude_link or ()),
        include_types=tuple(include_type or ()), exclude_types=tuple(exclude_type or ()),
        facts=facts, provenance=provenance, ontology=ontology, limit=ex.DEFAULT_LIMIT if limit is None else limit,
    )
    selection.validate()
    spec = resolve_format(fmt, out)
    if not preview_only:
        ex.check_output(spec.name, out)
    sub = ex.select(selection, ex.open_store(data))
    view = sub.preview()
    err_console.print(view.summary(), highlight=False, soft_wrap=True)
    if preview_only:
        err_console.print("objects by type: " + ", ".join(f"{t} {n}" for t, n in view.by_type), highlight=False,
                          soft_wrap=True)
        return
    result = ex.export(sub, spec.name, force=force)
    if out:
        from pathlib import Path

        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_bytes(result.data)
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
    from petaflop.docs import build_docs

    page = build_docs(out)
    console.print(f"wrote {page}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
