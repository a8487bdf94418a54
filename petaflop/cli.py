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
err_console = Console(stderr=True)

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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
