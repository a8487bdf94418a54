"""A cell listing several organisations' shares: "경쟁사 | OpenAI 25%, 구글 20%, 메타 9%".

In a table whose column is headed by a share word (점유율, share), a row naming no one subject may
list ``<organisation> <N>%`` pairs in that column's cell, separated by commas or middle dots: each
pair is the named organisation's figure under that column's label (read as the row of that
organisation would be). Only a cell made of such pairs alone, two or more of them, each naming
an organisation of the gazetteer, is read. One rule suffix, ``:share-list``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from petaflop.extract.resolve import is_a
from petaflop.extract.table_cell_reader import CellReader

if TYPE_CHECKING:
    from ingest.model import Table

#: a column headed by a share of a market
_SHARE_HEADER = re.compile(r"점유율|(?i:market\s?share)")
#: one "<name> <N>%" pair; the whole cell must be a list of them
_PAIR = re.compile(r"\s*([^\s,·%0-9][^,·%]{0,30}?)\s+(\d+(?:\.\d+)?\s?%)\s*")
_SEP = re.compile(r"\s*[,·]\s*")


def _pairs(text: str) -> list[tuple[str, str]] | None:
    """The (name, percent) pairs a cell is made of, else None."""
    parts = [p for p in _SEP.split(text.strip()) if p]
    out = []
    for p in parts:
        m = _PAIR.fullmatch(p)
        if m is None:
            return None
        out.append((m.group(1).strip(), m.group(2).replace(" ", "")))
    return out if len(out) >= 2 else None


def read_share_lists(reader: CellReader, table: Table, labels: list) -> None:
    """Each organisation's share listed in a share column's cells."""
    for r, row in enumerate(table.rows, 1):
        for j, cell in enumerate(row.cells):
            if not j or j >= len(labels) or not _SHARE_HEADER.search(labels[j].text):
                continue
            named = _named(reader, cell.text or "")
            tag, reader.tag = reader.tag, ":share-list"
            try:
                for eid, pct in named:
                    reader._cell(table, r, replace(cell, text=pct, raw=pct, items=[], quantity=None), eid, labels[j],
                                 None, reader._unit_note(table, row), prose=False)
            finally:
                reader.tag = tag


def _named(reader: CellReader, text: str) -> list[tuple[str, str]]:
    """(entity id, percent) of each organisation a cell of pairs lists, else nothing."""
    pairs = _pairs(text)
    out = []
    for name, pct in pairs or ():
        ent = reader.res.gaz.lookup(name)
        if ent is None or not is_a(ent.type, "Organization"):
            return []
        out.append((reader.res.record(ent), pct))
    return out
