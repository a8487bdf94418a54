"""Parse the report into a typed document (chapters → slides → blocks, tables, figures, sources).

Why a package: every later stage (extraction, provenance) reads the report only through
:class:`ingest.model.Document`, so line numbers, table ids and cited sources mean the same
everywhere. Entry points:

* :func:`parse_report` — parse a file (fresh every call);
* :func:`load_document` — the same, cached per path and modification time (the report is
  read once per process however many stages ask for it);
* :func:`document_to_json` — the document as plain JSON data (``petaflop parse --json``).
"""

from __future__ import annotations

import functools
import os
from datetime import date
from pathlib import Path
from typing import Any

from ingest.model import Block, Document, Figure, Row, Table
from ingest.parser import (
    EmptyReport,
    InvalidEncoding,
    NotAReport,
    ReportFormatError,
    iter_blocks,
    line_owners,
    parse_bytes,
    parse_report,
    parse_text,
)
from ingest.quantities import REFERENCE_DATE

__all__ = [
    "EmptyReport",
    "InvalidEncoding",
    "NotAReport",
    "ReportFormatError",
    "document_to_json",
    "iter_blocks",
    "line_owners",
    "load_document",
    "parse_bytes",
    "parse_report",
    "parse_text",
]


@functools.lru_cache(maxsize=8)
def _cached(path: str, mtime_ns: int, size: int, reference: date) -> Document:
    return parse_report(path, reference)


def load_document(path: str | os.PathLike[str] | None = None, reference: date = REFERENCE_DATE) -> Document:
    """The parsed report, cached by (path, mtime, size); ``path`` defaults to the resolved report.

    The cached document is shared: treat it as read-only.
    """
    from foundation.paths import resolve_report

    p = Path(path).resolve() if path is not None else resolve_report()
    st = p.stat() if p.is_file() else None
    if st is None:
        return parse_report(p, reference)  # raises the clear error
    return _cached(str(p), st.st_mtime_ns, st.st_size, reference)


# ----------------------------------------------------------------------------- JSON


def _row_json(r: Row) -> dict[str, Any]:
    out: dict[str, Any] = {"line": r.line, "cells": [_cell_json(c) for c in r.cells]}
    if r.section:
        out["section"] = True
    return out


def _cell_json(c) -> dict[str, Any]:
    out: dict[str, Any] = {"text": c.text, "line": c.line, "column": c.column}
    if c.raw != c.text:
        out["raw"] = c.raw
    if c.items:
        out["items"] = c.items
    if c.merged:
        out["merged"] = True
        out["carried"] = c.carried
    if c.quantity is not None:
        out["quantity"] = c.quantity.to_json()
    return out


def _table_json(t: Table) -> dict[str, Any]:
    return {
        "id": t.id,
        "chapter": t.chapter,
        "slide_title": t.slide_title,
        "lines": t.lines.as_list(),
        "body_lines": t.body_lines.as_list() if t.body_lines else None,
        "caption": t.caption,
        "header": [c.text for c in t.header],
        "header_rows": [_row_json(r) for r in t.header_rows],
        "column_labels": t.column_labels,
        "column_units": t.column_units,
        "rows": [_row_json(r) for r in t.rows],
        "notes": t.notes,
        "sources": t.sources,
        "source_line": t.source_line,
        "source_notes": t.source_notes,
        "transposed": t.transposed,
        "continues": t.continues,
    }


def _figure_json(f: Figure) -> dict[str, Any]:
    return {
        "id": f.id,
        "chapter": f.chapter,
        "slide_title": f.slide_title,
        "lines": f.lines.as_list(),
        "caption": f.caption,
        "text": f.text,
        "notes": f.notes,
        "sources": f.sources,
        "source_line": f.source_line,
        "source_notes": f.source_notes,
    }


def _block_json(b: Block) -> dict[str, Any]:
    if isinstance(b, Table | Figure):
        return {"kind": b.kind, "id": b.id, "lines": b.lines.as_list()}
    out: dict[str, Any] = {"kind": b.kind, "text": b.text, "lines": b.lines.as_list()}
    if b.kind == "bullet":
        out["level"] = b.level
        out["marker"] = b.marker
    return out


def document_to_json(doc: Document) -> dict[str, Any]:
    """Plain JSON data: chapters (with slides and blocks), tables, figures, sources, accounting."""
    return {
        "path": doc.path,
        "sha256": doc.sha256,
        "reference_date": doc.reference_date,
        "line_count": len(doc.lines),
        "front_matter": [{"text": h.text, "lines": h.lines.as_list()} for h in doc.front_matter],
        "contents": [{"title": e.title, "page": e.page, "line": e.line} for e in doc.contents],
        "chapters": [
            {
                "key": ch.key,
                "title": ch.title,
                "heading": ch.heading_text,
                "lines": ch.lines.as_list(),
                "cover": [h.text for h in ch.cover],
                "slides": [
                    {
                        "ordinal": s.ordinal,
                        "title": s.title,
                        "tag": s.tag,
                        "lines": s.lines.as_list(),
                        "blocks": [_block_json(b) for b in s.blocks],
                    }
                    for s in ch.slides
                ],
            }
            for ch in doc.chapters
        ],
        "tables": [_table_json(t) for t in doc.tables],
        "figures": [_figure_json(f) for f in doc.figures],
        "sources": doc.sources,
        "unaccounted_lines": [{"line": n, "reason": r} for n, r in doc.unaccounted_lines],
        "warnings": [{"line": w.line, "message": w.message, **({"kind": w.kind} if w.kind else {})}
                     for w in doc.warnings],
    }
