"""The total column of a comparison of chips: the owner's own figure.

"항목 | A100 | H20 | H800 | H100 | 전체" with "총 서버 설비 투자금액 (백만달러) | $237 | … | $1,629": in a
comparison whose header names one chip per column (read as ``:header-entities``), money spent on
each chip is the spending of the organisation the caption names (``_owners_spend``). The column
headed by a total word (전체, 합계, 총계, Total) sums the chips: it is that organisation's own figure,
with scope ``total`` and no item. Only spending and counts are read there (a total of prices or of
lifetimes means nothing). One rule id, ``table-reader:total-owner``, whatever the kind: the gate judges the reading apart.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from petaflop.extract.resolve import is_a
from petaflop.extract.table_cell_reader import CellReader

if TYPE_CHECKING:
    from ingest.model import Cell, Table

#: a header cell that is a total and nothing else
_TOTAL_HEADER = re.compile(r"^\s*(?:전체|합계|총계|총합|Total|TOTAL|total)\s*$")
#: what a total column may state for the owner: money spent and things counted
_TOTAL_KINDS = {"amount", "capex", "chipCount", "unitCount"}


def total_column(table: Table, texts: list[str], subjects: dict[int, str]) -> int | None:
    """The index of the one total column of a chip comparison, else None."""
    found = [j for j, t in enumerate(texts) if j and j not in subjects and _TOTAL_HEADER.match(t)]
    return found[0] if len(found) == 1 else None


def read_total(reader: CellReader, table: Table, r: int, cell: Cell, subjects: dict[int, str], label) -> None:
    """The owner's total from the total column's cell of row ``r`` (``label`` is the row's label)."""
    records = [reader.ex.entities.get(s) for s in subjects.values()]
    if reader.tag != ":header-entities" or not records or not all(
            rec is not None and any(is_a(t, "Chip") for t in rec.types) for rec in records):
        return
    owner = reader._caption_organization(table)
    if owner is None or owner in subjects.values() or not (cell.text or "").strip():
        return
    first = len(reader.ex.statements)
    reader._cell(table, r, cell, owner, label, None, "", prose=False)
    kept = []
    for st in reader.ex.statements[first:]:
        if st.subject == owner and st.kind in _TOTAL_KINDS and not st.item:
            kept.append(replace(st, scope=st.scope or "total", rule="table-reader:total-owner"))
    del reader.ex.statements[first:]
    reader.ex.statements.extend(kept)
