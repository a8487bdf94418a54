"""``petaflop check``: the build's SHACL and HermiT checks on a built graph, alone (registered on the main app).

The verdicts come from ``<build>/checks/`` when their inputs (ontology, the checks' code, the
checked triples) hash as when they were last run (:mod:`petaflop.checks`); otherwise the checks
run (SHACL in a child process while HermiT runs in its JVM) and the verdicts are stored there.
Exit 0 when the graph conforms and is consistent; 1 with every violation listed when it is not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape


def check(
    data: Annotated[str | None, typer.Option("--data", help="atlas.nq of a build (default: build/atlas.nq).")] = None,
    no_hermit: Annotated[bool, typer.Option("--no-hermit", help="SHACL only.")] = False,
    rerun: Annotated[bool, typer.Option("--rerun", help="Run the checks even when their inputs are unchanged.")
                     ] = False,
) -> None:
    """Check a built graph: SHACL shapes and HermiT consistency (cached while their inputs are unchanged)."""
    from pathlib import Path

    from foundation.errors import UserError
    from foundation.paths import BUILD_DIR
    from petaflop.checks import graph_triples, run_checks
    from petaflop.cli_checks import input_file
    from petaflop.store import load_memory_store

    out = Console()
    err = Console(stderr=True, soft_wrap=True)
    nq = input_file(data, "--data") if data else BUILD_DIR / "atlas.nq"
    if not Path(nq).is_file():
        load_memory_store(Path(nq))  # the usual "no graph at …; run `petaflop build`" error
    triples = graph_triples(Path(nq))
    verdicts = run_checks(triples, Path(nq).parent, hermit=not no_hermit, rerun=rerun,
                          say=lambda msg: err.print(escape(msg), highlight=False))
    shacl = verdicts["shacl"]
    out.print(f"SHACL: {len(shacl['errors'])} violation(s), {len(shacl['warnings'])} warning(s) "
              f"over {len(triples)} triples", highlight=False)
    shown = dict.fromkeys(f"  violation: {e['focus']} {e['path'] or ''}: {e['message']}"
                          + (f" (value {e['value']})" if e.get("value") else "") for e in shacl["errors"])
    for line in shown:  # each distinct one once (pySHACL reports some per alternative of an sh:or)
        out.print(escape(line), highlight=False, soft_wrap=True)
    hermit = verdicts.get("hermit")
    if hermit is not None:
        out.print(escape(hermit["message"]), highlight=False, soft_wrap=True)
    failed = [f"{len(shacl['errors'])} SHACL violation(s)"] if shacl["errors"] else []
    if hermit is not None and not hermit["consistent"]:
        failed.append("HermiT: inconsistent")
    if failed:
        raise UserError(f"{nq}: " + "; ".join(failed))


def register(app: typer.Typer, friendly: Callable[[Callable[..., Any]], Callable[..., Any]]) -> None:
    app.command("check")(friendly(check))
