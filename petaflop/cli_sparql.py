"""``petaflop query``, ``serve`` and ``push``: the SPARQL commands (:func:`register` adds them to the CLI).

Values are checked before any work (:mod:`petaflop.cli_checks`): time-outs positive and finite,
files that exist and are UTF-8 text, paths that are what they should be. ``SERVICE`` and
``LOAD`` are refused unless ``--allow-service HOST`` names the host they would contact.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from foundation.errors import PetaflopError

console = Console()
err_console = Console(stderr=True, soft_wrap=True)  # one error, one line: never wrapped


def _catalogue_epilog() -> str:
    """The catalogue for ``petaflop query --help`` (read when help is shown, not at import)."""
    try:
        from queries import load_catalogue

        entries = load_catalogue()
    except PetaflopError as exc:
        return escape(f"Catalogue: cannot be read: {exc}")
    if not entries:
        return "Catalogue: empty (queries/*.rq)."
    lines = ["[bold]Catalogue[/] (petaflop query ID; --param NAME=VALUE):"]
    for q in entries:
        params = ", ".join(f"{p.name}: {p.type}" + (f" = {p.default}" if p.default else "") for p in q.params)
        lines.append(f"[cyan]{escape(q.id)}[/]  {escape(q.title)}" + (f"  [dim]{escape('[' + params + ']')}[/]"
                                                                       if params else ""))
    return "\n\n".join(lines)


class _CatalogueHelp(typer.core.TyperCommand):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.epilog = _catalogue_epilog()
        return super().format_help(ctx, formatter)


EndpointOption = Annotated[
    str | None,
    typer.Option("--endpoint", envvar="PETAFLOP_ENDPOINT",
                 help="SPARQL 1.1 endpoint URL (e.g. http://127.0.0.1:7878/query); default: the embedded store."),
]
UserOption = Annotated[str | None, typer.Option("--user", help="User name for the endpoint (HTTP Basic or Digest).")]
PasswordOption = Annotated[
    str | None, typer.Option("--password", envvar="PETAFLOP_PASSWORD", help="Password (or $PETAFLOP_PASSWORD).")
]
DataOption = Annotated[
    str | None, typer.Option("--data", help="N-Quads file of the graph (default: build/atlas.nq).")
]
AllowServiceOption = Annotated[
    list[str] | None,
    typer.Option("--allow-service", help="Let SERVICE / LOAD contact this host (repeatable); refused otherwise."),
]


def _data(data: str | None):
    from petaflop.cli_checks import input_file

    return input_file(data, "--data") if data else None


def _hosts(hosts: list[str] | None) -> tuple[str, ...]:
    from foundation.errors import UserError

    out = []
    for host in hosts or ():
        h = host.strip().lower()
        if not h or any(c in h for c in "/ ?#@"):
            raise UserError(f"--allow-service {host!r}: give a host name (e.g. dbpedia.org), not a URL")
        out.append(h)
    return tuple(out)


def query(
    name: Annotated[str | None, typer.Argument(help="A catalogue id (listed below) or a .rq file.")] = None,
    sparql: Annotated[str | None, typer.Option("--sparql", help="SPARQL text to run instead.")] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="NAME=VALUE, repeatable (ad-hoc text: NAME:TYPE=VALUE gives the type)."),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, csv, tsv, json (SELECT/ASK); nt, ttl or table (CONSTRUCT).")
    ] = "table",
    endpoint: EndpointOption = None,
    limit: Annotated[int, typer.Option("--limit", help="Stop after this many rows (0: no limit).")] = 10_000,
    page: Annotated[int, typer.Option("--page", help="Which page of --limit rows to show (1: the first).")] = 1,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds before the query is stopped.")] = 30.0,
    allow_update: Annotated[
        bool, typer.Option("--allow-update", help="Allow INSERT/DELETE/LOAD/CLEAR/DROP/CREATE… (read-only otherwise).")
    ] = False,
    allow_service: AllowServiceOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    whole_endpoint: Annotated[
        bool, typer.Option("--whole-endpoint", help="Query the endpoint's own dataset, not just the atlas graphs.")
    ] = False,
    data: DataOption = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Rebuild the graph first when its store is out of "
                                          "date (else such a store is refused).")] = False,
) -> None:
    """Run a SPARQL query: a catalogue query by id, a .rq file or --sparql text; embedded or on --endpoint."""
    import sys
    from pathlib import Path

    from petaflop.cli_checks import count, read_text, seconds
    from petaflop.params import bind_params, parse_param_args
    from petaflop.query import QueryError
    from petaflop.results import FORMATS, check_format, render, to_table
    from queries import get, parse_query_file

    if (name is None) == (sparql is None):
        raise QueryError("give a catalogue id, a .rq file or --sparql TEXT (exactly one); see --help")
    seconds(timeout, "--timeout")
    count(limit, "--limit", 0)
    count(page, "--page", 1)
    if page > 1 and not limit:
        raise QueryError("--page needs a page size: give --limit N (N > 0)")
    hosts = _hosts(allow_service)
    if fmt not in FORMATS:
        raise QueryError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    data_path = _data(data)
    catalogue_query = None
    if sparql is not None:
        text = sparql
    elif Path(name).is_file() or Path(name).is_dir():
        text = read_text(name, "query file")
        if text.lstrip().startswith("# id:"):
            catalogue_query = parse_query_file(name)
    elif name.endswith((".rq", ".sparql")) or "/" in name:
        raise QueryError(f"no such query file: {name}")
    else:
        catalogue_query = get(name)
        text = catalogue_query.sparql
    raw_params = parse_param_args(param)
    if endpoint:
        from foundation.namespaces import GRAPHS
        from petaflop.endpoint import RemoteStore

        store = RemoteStore(endpoint, user=user, password=password, graphs=None if whole_endpoint else GRAPHS)
    else:
        from petaflop.store_open import query_store

        store = query_store(data_path, rebuild, lambda msg: err_console.print(escape(msg), highlight=False))
    params = bind_params(raw_params, catalogue_query, store.has_subject)
    result = store.run(text, params, timeout_s=timeout, row_limit=limit or None, allow_update=allow_update,
                       allow_service=hosts, offset=(page - 1) * limit)
    if fmt != "table":
        check_format(result, fmt)
        out = render(result, fmt)
        sys.stdout.write(out if out.endswith("\n") else out + "\n")
    else:
        title = catalogue_query.title if catalogue_query else None
        console.print(to_table(result, title))
        if result.kind == "update" and not endpoint:
            err_console.print("update applied to this process's in-memory copy; the graph file is unchanged")
    if result.truncated:
        err_console.print(f"[yellow]{escape(result.truncation_message)}[/]", highlight=False)
    elif result.offset:
        err_console.print(f"rows {result.offset + 1}–{result.offset + len(result.rows)} (page {page}, the last)",
                          highlight=False)


def serve(
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 7878,
    host: Annotated[str, typer.Option("--host", help="Address to bind (loopback by default).")] = "127.0.0.1",
    data: DataOption = None,
    location: Annotated[
        str | None, typer.Option("--location", help="Oxigraph store directory (default: build/oxigraph).")
    ] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds a request may take; then it is stopped.")
                       ] = 30.0,
    max_queries: Annotated[int, typer.Option("--max-queries", help="Queries evaluated at once; others wait.")] = 4,
    max_connections: Annotated[int, typer.Option("--max-connections", help="Open connections at once.")] = 256,
    memory_mb: Annotated[int, typer.Option("--memory-mb", help="Memory ceiling of the Oxigraph server (MB).")] = 4096,
    allow_service: AllowServiceOption = None,
    cache_mb: Annotated[int, typer.Option("--cache-mb", help="Memory for answers kept (the store is read-only, "
                                          "so a query asked again is answered from memory); 0 keeps none.")] = 256,
    warm: Annotated[bool, typer.Option("--warm/--no-warm", help="Compute every catalogue query's answer (default "
                                       "parameters) right after start, so its first reader gets it from memory.")
                    ] = True,
) -> None:
    """Serve the graph over SPARQL (Oxigraph behind a guard: read-only, time-out, limits) until Ctrl-C."""
    from pathlib import Path

    from petaflop.cli_checks import count, seconds
    from petaflop.serve import SERVE_LOCATION, Limits
    from petaflop.serve import serve as run_server

    limits = Limits(timeout_s=seconds(timeout, "--timeout"), max_queries=count(max_queries, "--max-queries", 1, 64),
                    max_connections=count(max_connections, "--max-connections", 1, 10_000),
                    memory_mb=count(memory_mb, "--memory-mb", 256), allow_service=_hosts(allow_service),
                    cache_mb=count(cache_mb, "--cache-mb", 0, 65_536), warm=warm)
    if not 0 < port < 65536:
        from foundation.errors import UserError

        raise UserError(f"--port {port}: not a TCP port (1–65535)")
    data_path = _data(data)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err_console.print(f"[yellow]warning:[/] binding {escape(host)}: the endpoint is reachable from other machines")
    run_server(data_path, host, port, Path(location) if location else SERVE_LOCATION,
               say=lambda msg: console.print(msg, highlight=False), limits=limits)


def push(
    endpoint: Annotated[str, typer.Option("--endpoint", help="The store's SPARQL endpoint URL.")],
    graph: Annotated[
        list[str] | None,
        typer.Option("--graph", help="Only this graph (facts, ontology, provenance, inferred or its IRI); repeatable."),
    ] = None,
    user: UserOption = None,
    password: PasswordOption = None,
    store_url: Annotated[
        str | None, typer.Option("--store-url", help="Graph Store Protocol URL (default: guessed from --endpoint).")
    ] = None,
    update_url: Annotated[
        str | None, typer.Option("--update-url", help="SPARQL UPDATE URL (default: guessed from --endpoint).")
    ] = None,
    data: DataOption = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds per HTTP request.")] = 300.0,
) -> None:
    """Load the built graph into any SPARQL 1.1 store, then check the store holds it (a count per graph)."""
    from petaflop.cli_checks import seconds
    from petaflop.push import push as push_graphs

    seconds(timeout, "--timeout")
    done = push_graphs(endpoint, _data(data), graphs=graph, user=user, password=password, store_url=store_url,
                       update_url=update_url, timeout_s=timeout,
                       progress=lambda msg: console.print(msg, highlight=False))
    console.print(f"pushed {sum(d.triples for d in done)} triples in {len(done)} graphs to {endpoint}",
                  highlight=False)


def register(app: typer.Typer, friendly: Callable[[Callable[..., Any]], Callable[..., Any]]) -> None:
    """Add ``query``, ``serve`` and ``push`` to the main command line, errors shown as one line by ``friendly``."""
    app.command("query", cls=_CatalogueHelp)(friendly(query))
    app.command("serve")(friendly(serve))
    app.command("push")(friendly(push))
