"""Exporting a selection: bytes in one format (:func:`export`), to a file (:func:`write_export`),
and the helpers the CLI uses to read its options."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from foundation.names import local_name
from petaflop.export.errors import BadParameter
from petaflop.export.formats import resolve_format
from petaflop.export.selection import Preview, Selection, Subgraph, gc_paused, select


@dataclass(frozen=True)
class ExportResult:
    data: bytes
    format: str
    filename: str
    media_type: str
    preview: Preview


def suggested_filename(sub: Subgraph, extension: str) -> str:
    first = sub.seeds[0] if sub.seeds else None
    stem = local_name(first.value) if isinstance(first, ox.NamedNode) else "selection"
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-") or "selection"
    return f"petaflop-{stem}-{sub.selection.hops}hop{extension}"


def export(selection: Selection | Subgraph, fmt: str, *, store: ox.Store | None = None,
           force: bool = False) -> ExportResult:
    """Bytes of a selection in one format (see :data:`petaflop.export.formats.FORMATS`)."""
    spec = resolve_format(fmt)
    sub = selection if isinstance(selection, Subgraph) else select(selection, store)
    sub.check(force=force)
    with gc_paused():
        data = spec.write(sub)
    return ExportResult(data=data, format=spec.name, filename=suggested_filename(sub, spec.extension),
                        media_type=spec.media_type, preview=sub.preview())


def write_export(selection: Selection | Subgraph, fmt: str | None, out: Path | str, *,
                 store: ox.Store | None = None, force: bool = False) -> ExportResult:
    """Export to a file; the format defaults to the one the file extension names."""
    out = Path(out)
    spec = resolve_format(fmt, out)
    result = export(selection, spec.name, store=store, force=force)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(result.data)
    return result


def preview(selection: Selection, store: ox.Store | None = None) -> Preview:
    return select(selection, store).preview()


# ----------------------------------------------------------------------------- CLI helpers
def parse_param_args(args: Iterable[str] | None) -> dict[str, str]:
    """``NAME=VALUE`` strings (``--param``) → a dict, read as ``petaflop query`` reads them
    (:func:`petaflop.params.parse_param_args`)."""
    from petaflop.params import parse_param_args as parse
    from petaflop.query import ParamError

    try:
        return parse(list(args or ()))
    except ParamError as exc:
        raise BadParameter(str(exc)) from None


def read_sparql_arg(text: str | None) -> str | None:
    """``--sparql`` takes the query text, or ``@file.rq``."""
    if text and text.startswith("@"):
        path = Path(text[1:])
        if not path.is_file():
            raise BadParameter(f"--sparql {text!r}: no such file")
        return path.read_text(encoding="utf-8")
    return text


def check_output(fmt_name: str, out: Path | str | None) -> None:
    """Refuse output targets that cannot hold the format (before any work is done)."""
    if fmt_name == "csv":
        if out is None:
            raise BadParameter("--out: the csv format writes a zip (nodes.csv, edges.csv, statements.csv, columns.csv); "
                               "give --out FILE.zip")
        if Path(out).suffix.lower() != ".zip":
            raise BadParameter(f"--out {str(out)!r}: the csv format writes a zip; name the file *.zip")
