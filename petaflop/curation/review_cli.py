"""``petaflop review``: the queue at the terminal, one fact at a time with its report line.

Keys: ``c`` confirm, ``r`` reject (asks why), ``e`` correct a value or object (asks the new one
and why), ``s`` skip, ``q`` quit. The report's line (and, for a table cell, its caption, header
and column) is read from the report at run time, never stored.
"""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from petaflop.curation.actions import CurationError
from petaflop.curation.queue import QueueItem, build_queue, shacl_warnings, table_context
from petaflop.curation.service import Curator, FactSpec, resolve_user


def spec_of(item: QueueItem) -> FactSpec:
    """A queue item's fact as typed input (ids resolve to themselves)."""
    t = item.target
    if t.kind == "link":
        return FactSpec(t.subject, t.line, property=t.property, object=t.object)
    value = (t.value + (f"~{t.high}" if t.high else "")) if t.value else t.time
    return FactSpec(t.subject, t.line, kind=t.statement_kind, value=value, unit=t.unit, status=t.status,
                    time=t.time if t.value else "", scope=t.scope, item=t.item)


def queue_for(c: Curator, links: bool = True) -> list[QueueItem]:
    return build_queue(c.index, c.actions(), warnings=shacl_warnings(c.graph_path.parent / "coverage.json"),
                       include_links=links)


def show(item: QueueItem, c: Curator, console: Console, n: int, total: int, doc=None) -> None:
    console.rule(f"[{n}/{total}] risk {item.risk:.2f}")
    console.print(f"[bold]{escape(item.title)}[/]", highlight=False)
    for why in item.reasons:
        console.print(f"  • {escape(str(why))}", highlight=False)
    lines = c.lines_if_found()
    occ = item.occurrence
    if occ.table and doc is not None:
        caption, header, label = table_context(doc, occ.table, occ.column)
        console.print(f"  table {occ.table}, row {occ.row}, column {occ.column}"
                      + (f" ({escape(label)})" if label else ""), highlight=False)
        if caption:
            console.print(f"  caption: {escape(caption)}", highlight=False)
        if header:
            console.print(f"  header:  {escape(header)}", highlight=False)
    if lines is None:
        console.print(f"  line {occ.line_start}: (report not found)")
    else:
        for ln in range(occ.line_start, occ.line_end + 1):
            if 1 <= ln <= len(lines):
                console.print(f"  line {ln}: {escape(lines[ln - 1])}", highlight=False)


def run_review(c: Curator, limit: int, list_only: bool, links: bool, user: str | None, console: Console) -> None:
    queue = queue_for(c, links)
    if list_only:
        table = Table(title=f"review queue: {len(queue)} facts not reviewed (riskiest first)")
        for col in ("risk", "line", "fact", "why"):
            table.add_column(col, overflow="fold")
        for item in queue[:limit]:
            table.add_row(f"{item.risk:.2f}", str(item.line), escape(item.title), escape("; ".join(map(str, item.reasons))))
        console.print(table)
        return
    who = resolve_user(user)  # before anything is shown: no anonymous review
    doc = _document(c)
    done = 0
    for n, item in enumerate(queue[:limit], 1):
        show(item, c, console, n, min(limit, len(queue)), doc)
        while True:
            key = typer.prompt("[c]onfirm [r]eject [e] correct [s]kip [q]uit", default="s").strip().lower()[:1]
            try:
                if key == "c":
                    a = c.confirm(who, spec_of(item))
                elif key == "r":
                    a = c.reject(who, spec_of(item), typer.prompt("why is it wrong?"))
                elif key == "e":
                    a = _correct(c, who, item)
                elif key in ("s", "q"):
                    a = None
                else:
                    continue
            except CurationError as exc:
                console.print(f"[red]not recorded:[/] {escape(str(exc))}", highlight=False)
                continue
            break
        if key == "q":
            break
        if a is not None:
            done += 1
            console.print(f"[green]recorded[/] {a.type} {a.id}", highlight=False)
    console.print(f"{done} actions recorded by {escape(who)}; they apply at the next `petaflop build`", highlight=False)


def _correct(c: Curator, who: str, item: QueueItem):
    if item.target.kind == "link":
        new = typer.prompt("the right object (name or id)")
        return c.correct(who, spec_of(item), typer.prompt("why?"), new_object=new)
    new = typer.prompt(f"the right value (e.g. '2 GW'; now {item.target.value} {item.target.unit})")
    return c.correct(who, spec_of(item), typer.prompt("why?"), new_value=new)


def _document(c: Curator):
    """The parsed report, for table captions and headers (None when the report is not found)."""
    from foundation.errors import ReportNotFound
    from foundation.paths import resolve_report
    from ingest import parse_report

    try:
        return parse_report(resolve_report(c.report))
    except ReportNotFound:
        return None
