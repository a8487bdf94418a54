"""``petaflop curate …`` and ``petaflop review``: the curation commands (registered by petaflop/cli.py).

Every command names facts the way a reader does — a subject by name, a statement by kind and
value, a link by property and object, and the report line — and fails with one line and exit
code 1 (nothing written) when the user, the fact, the unit, the reason or the evidence is wrong.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

console = Console()
err_console = Console(stderr=True, soft_wrap=True)

Subject = Annotated[str, typer.Argument(help="The subject: a name or alias (English or Korean) or an id.")]
Line = Annotated[int, typer.Option("--line", "-l", help="The report line the fact is read from (1-based).")]
Kind = Annotated[str, typer.Option("--kind", "-k", help="Statement kind (pfk:…), e.g. powerCapacity.")]
Value = Annotated[str, typer.Option("--value", "-v", help="The value: '300 MW', '1.2 GW', '7B USD', '34~35 MW', "
                                   "'2025-07' for a date kind.")]
UnitOpt = Annotated[str, typer.Option("--unit", help="Unit of --value when it has none (MW, USD, %, count…).")]
Status = Annotated[str, typer.Option("--status", help="Narrow: actual, planned, target, estimate, forecast.")]
Time = Annotated[str, typer.Option("--time", help="Narrow: the time the value holds for (2025, 2025-H2, 2025-07).")]
Scope = Annotated[str, typer.Option("--scope", help="Narrow: the statement's scope.")]
Item = Annotated[str, typer.Option("--item", help="Narrow: the counted item (a name or id).")]
Prop = Annotated[str, typer.Option("--property", "-p", help="Link property (pfa:…), e.g. operatedBy.")]
Obj = Annotated[str, typer.Option("--object", "-o", help="The link's other end: a name, alias or id.")]
Reason = Annotated[str, typer.Option("--reason", "-r", help="Why (required to reject, correct, add, merge, split).")]
User = Annotated[str | None, typer.Option("--user", "-u", envvar="PETAFLOP_CURATION_USER",
                                          help="Who decides (or $PETAFLOP_CURATION_USER).")]
Data = Annotated[str | None, typer.Option("--data", help="The built graph (default: build/atlas.nq).")]
LogDir = Annotated[str | None, typer.Option("--log-dir", help="Curation folder (default: $PETAFLOP_CURATION_DIR, "
                                            "else curation/ beside the graph).")]
Report = Annotated[str | None, typer.Option("--report", help="The report text (else $PETAFLOP_REPORT, else ../shared/…).")]


def _curator(data: str | None, log_dir: str | None, report: str | None):
    from petaflop.curation.service import Curator

    return Curator.open(data, log_dir, report)


def _spec(subject: str, line: int, kind: str, value: str, unit: str, status: str, time: str, scope: str, item: str,
          prop: str, obj: str):
    from petaflop.curation.actions import CurationError
    from petaflop.curation.service import FactSpec

    if bool(prop) != bool(obj):
        raise CurationError("a link needs both --property and --object")
    if prop and (kind or value):
        raise CurationError("name a statement (--kind, --value) or a link (--property, --object), not both")
    return FactSpec(subject, line, kind=kind, value=value, unit=unit, status=status, time=time, scope=scope,
                    item=item, property=prop, object=obj)


def _recorded(action) -> None:
    console.print(f"recorded {action.type} {action.id} by {escape(action.user)}: {escape(action.target.describe())}",
                  highlight=False)
    console.print("[dim]it applies to build/atlas.nq at the next `petaflop build` (the app applies it at once)[/]")


def confirm(subject: Subject, line: Line = 0, kind: Kind = "", value: Value = "", unit: UnitOpt = "",
            status: Status = "", time: Time = "", scope: Scope = "", item: Item = "", prop: Prop = "", obj: Obj = "",
            reason: Reason = "", user: User = None, data: Data = None, log_dir: LogDir = None,
            report: Report = None) -> None:
    """Confirm a statement or link against its report line (an unverified claim so confirmed becomes a fact)."""
    c = _curator(data, log_dir, report)
    _recorded(c.confirm(user, _spec(subject, line, kind, value, unit, status, time, scope, item, prop, obj), reason))


def reject(subject: Subject, line: Line = 0, kind: Kind = "", value: Value = "", unit: UnitOpt = "",
           status: Status = "", time: Time = "", scope: Scope = "", item: Item = "", prop: Prop = "", obj: Obj = "",
           reason: Reason = "", user: User = None, data: Data = None, log_dir: LogDir = None,
           report: Report = None) -> None:
    """Reject a statement or link (with --reason): it leaves the facts and truthy values, kept as rejected."""
    c = _curator(data, log_dir, report)
    _recorded(c.reject(user, _spec(subject, line, kind, value, unit, status, time, scope, item, prop, obj), reason))


def correct(subject: Subject, line: Line = 0, kind: Kind = "", value: Value = "", unit: UnitOpt = "",
            status: Status = "", time: Time = "", scope: Scope = "", item: Item = "", prop: Prop = "",
            obj: Obj = "", reason: Reason = "",
            new_value: Annotated[str, typer.Option("--new-value", help="The right value ('2 GW').")] = "",
            new_unit: Annotated[str, typer.Option("--new-unit", help="The right unit (same number).")] = "",
            new_status: Annotated[str, typer.Option("--new-status", help="The right status.")] = "",
            new_time: Annotated[str, typer.Option("--new-time", help="The right time.")] = "",
            new_scope: Annotated[str, typer.Option("--new-scope", help="The right scope.")] = "",
            new_item: Annotated[str, typer.Option("--new-item", help="The right counted item.")] = "",
            new_property: Annotated[str, typer.Option("--new-property", help="A link's right property.")] = "",
            new_object: Annotated[str, typer.Option("--new-object", help="A link's right object.")] = "",
            user: User = None, data: Data = None, log_dir: LogDir = None, report: Report = None) -> None:
    """Correct a statement (value, unit, status, time, scope, item) or a link (property, object), with --reason."""
    c = _curator(data, log_dir, report)
    _recorded(c.correct(user, _spec(subject, line, kind, value, unit, status, time, scope, item, prop, obj), reason,
                        new_value, new_unit, new_status, new_time, new_scope, new_item, new_property, new_object))


def add(subject: Subject, line: Line = 0, kind: Kind = "", value: Value = "", unit: UnitOpt = "",
        status: Status = "", time: Time = "", scope: Scope = "", item: Item = "", prop: Prop = "", obj: Obj = "",
        evidence: Annotated[str, typer.Option("--evidence", "-e", help="Exact text of the line (at most 60 "
                                              "characters) the fact rests on.")] = "",
        reason: Reason = "", user: User = None, data: Data = None, log_dir: LogDir = None,
        report: Report = None) -> None:
    """Add a fact the extractors missed: cite the line and --evidence found on it."""
    c = _curator(data, log_dir, report)
    spec = _spec(subject, line, kind, value, unit, status, time, scope, item, prop, obj)
    _recorded(c.add(user, spec, evidence, reason))


def merge(keep: Annotated[str, typer.Argument(help="The entity to keep.")],
          drop: Annotated[str, typer.Argument(help="The entity whose facts move to KEEP.")],
          line: Line = 0, reason: Reason = "", user: User = None, data: Data = None, log_dir: LogDir = None,
          report: Report = None) -> None:
    """Merge two entities that are one thing (DROP's facts and names go to KEEP)."""
    _recorded(_curator(data, log_dir, report).merge(user, keep, drop, line, reason))


def split(entity: Subject,
          name: Annotated[str, typer.Option("--name", help="English name of the new entity.")] = "",
          name_ko: Annotated[str, typer.Option("--name-ko", help="Its Korean name.")] = "",
          type_: Annotated[str, typer.Option("--type", help="Its class (default: the entity's classes).")] = "",
          fact_line: Annotated[list[int] | None, typer.Option(
              "--fact-line", help="A line whose facts belong to the new entity (repeatable).")] = None,
          line: Line = 0, reason: Reason = "", user: User = None, data: Data = None, log_dir: LogDir = None,
          report: Report = None) -> None:
    """Split an entity: the facts read only on the --fact-line lines go to a new entity --name."""
    from petaflop.curation.actions import CurationError

    if not fact_line:
        raise CurationError("--fact-line: give the line(s) whose facts belong to the new entity")
    c = _curator(data, log_dir, report)
    _recorded(c.split(user, entity, name, list(fact_line), line or fact_line[0], reason, name_ko, type_))


def log(orphaned: Annotated[bool, typer.Option("--orphaned", help="Only actions whose fact is gone, with why.")] = False,
        as_json: Annotated[bool, typer.Option("--json", help="JSON Lines: one action and its status per line.")] = False,
        data: Data = None, log_dir: LogDir = None) -> None:
    """The actions of the log with their status on the built graph: applied, superseded or orphaned (and why)."""
    from petaflop.curation.actions import canonical_json

    c = _curator(data, log_dir, None)
    results = c.overlay().results
    shown = [r for r in results if r.status == "orphaned"] if orphaned else results
    if as_json:
        sys.stdout.write("".join(canonical_json(r.to_json()) + "\n" for r in shown))
        return
    table = Table(title=f"curation log {c.log.path}: {len(results)} actions"
                  + (f", {len(shown)} orphaned" if orphaned else ""))
    for col in ("when", "who", "action", "fact", "status"):
        table.add_column(col, overflow="fold")
    for r in shown:
        a = r.action
        status = r.status + (f": {r.reason}" if r.reason else "") + (f" ({r.note})" if r.note else "")
        table.add_row(a.created[:19].replace("T", " "), escape(a.user), a.type, escape(a.target.describe()),
                      escape(status))
    console.print(table)


def export(out: Annotated[str | None, typer.Option("--out", help="File to write (default: stdout).")] = None,
           log_dir: LogDir = None, data: Data = None) -> None:
    """Export the log as JSON Lines (one action per line, in log order) to share or review in git."""
    from petaflop.atomic import write_text

    text = _log(log_dir, data).export_jsonl()
    if out:
        write_text(out, text)
        err_console.print(f"wrote {out} ({text.count(chr(10))} actions)", highlight=False)
    else:
        sys.stdout.write(text)


def import_(path: Annotated[str, typer.Argument(help="A JSON Lines export (or - for stdin).")],
            log_dir: LogDir = None, data: Data = None) -> None:
    """Import actions from JSON Lines: ids are checked against their content; actions already held are skipped."""
    from petaflop.curation.actions import CurationError

    if path == "-":
        text = sys.stdin.read()
    else:
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        except OSError as exc:
            raise CurationError(f"cannot read {path}: {exc.strerror or exc}") from None
    added, skipped = _log(log_dir, data).import_jsonl(text, source=path)
    console.print(f"imported {added} actions ({skipped} already in the log)")


def _log(log_dir: str | None, data: str | None):
    from pathlib import Path

    from foundation.paths import BUILD_DIR
    from petaflop.curation.log import ActionLog, default_dir

    return ActionLog(log_dir or default_dir(Path(data).parent if data else BUILD_DIR))


def review(limit: Annotated[int, typer.Option("--limit", help="Items to go through (or list).")] = 20,
           list_only: Annotated[bool, typer.Option("--list", help="Only list the queue; record nothing.")] = False,
           links: Annotated[bool, typer.Option("--links/--no-links", help="Include links, not only values.")] = True,
           user: User = None, data: Data = None, log_dir: LogDir = None, report: Report = None) -> None:
    """The review queue, riskiest first, one fact at a time with its report line: confirm, reject, correct, skip."""
    from petaflop.curation.review_cli import run_review

    run_review(_curator(data, log_dir, report), limit, list_only, links, user, console)


COMMANDS: list[tuple[str, Callable[..., Any]]] = [
    ("confirm", confirm), ("reject", reject), ("correct", correct), ("add", add), ("merge", merge),
    ("split", split), ("log", log), ("export", export), ("import", import_),
]


def register(app: typer.Typer, friendly: Callable[[Callable[..., Any]], Callable[..., Any]]) -> None:
    """Add ``curate …`` and ``review`` to the main command line, errors shown as one line by ``friendly``."""
    curate = typer.Typer(help="Record review actions (confirm, reject, correct, add, merge, split), show, export "
                              "and import the log.", no_args_is_help=True, rich_markup_mode="rich")
    for name, func in COMMANDS:
        curate.command(name)(friendly(func))
    app.add_typer(curate, name="curate")
    app.command("review")(friendly(review))
