"""The total rows of a table of firms that the caption says count one product.

"GB200/GB300 NVL72의 ODM … 출하량 전망" over rows "폭스콘 | 10 | 175 …", "총 GB200/300 NVL72 유닛 | 18 |
400 …", "총 GB200/300 GPU 갯수 | 1,296 | …": the rows of the firms are theirs; a row the word 총 (total)
opens sums them all, so it is the product's own figure (its units, or the GPUs its units hold), not
any firm's. Read only when the caption names exactly one piece of hardware and every hardware the
row names is that product or a part of its name ("GB200/300 GPU" of "GB200/GB300 NVL72"); a row
naming anything else (a firm, another chip) is left alone. A revenue row naming nothing ("매출 예상(백만
달러)") is the revenue those units bring: the product's too. Rule ids end with ``:caption-total``.

A caption that counts the product through one channel ("… 의 ODM(…) 출하량 전망") limits the totals to it: they
are the units shipped by those makers, not all the product's, so each total keeps the channel as its scope
("ODM 기준").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from petaflop.extract.resolve import is_a
from petaflop.extract.table_cell_reader import CellReader
from petaflop.extract.table_group_rows import read_group_row

if TYPE_CHECKING:
    from ingest.model import Row, Table

#: "총 …": a total row (not "기타", "평균", "TOP 4": those are no product's)
_TOTAL_ROW = re.compile(r"^총\s")
#: "매출 예상(백만 달러)": the revenue the counted units bring, a row naming nothing (no firm's)
_REVENUE_ROW = re.compile(r"^(?:총\s?)?매출")
#: the channel a caption counts through, before its measure: "ODM(하이퍼스케일러들은 …) 출하량", "OEM 판매량"
_CHANNEL = re.compile(r"(?<![A-Za-z])(ODM|OEM|EMS)(?![A-Za-z])\s?(?:\([^()]*\)\s?)?(?:관련\s?)?(?:출하|판매|매출|공급)")


def _caption_product(reader: CellReader, table: Table) -> tuple[str, str] | None:
    """(entity id, its English name) of the one hardware the caption names, else None."""
    found = {reader.res.record(e) for e in reader.res.entities_in(" ".join(table.caption)) if is_a(e.type, "Hardware")}
    if len(found) != 1:
        return None
    eid = found.pop()
    rec = reader.ex.entities.get(eid)
    return (eid, rec.name_en or rec.name_ko) if rec is not None else None


def read_caption_total(reader: CellReader, table: Table, r: int, row: Row, key: int, labels: list, unit_note: str) -> bool:
    """Read row ``r`` as the caption product's total; True when it was one (or a group of the firms: "TOP 4",
    "Total of Top 10" name the group, no product; ``table_group_rows.py``)."""
    if read_group_row(reader, table, r, row, key, labels):
        return True
    text = row.cells[key].text.strip()
    named = reader.res.gaz.find_mentions(text)
    if not (_TOTAL_ROW.match(text) and named) and not (_REVENUE_ROW.match(text) and not named):
        return False
    product = _caption_product(reader, table)
    if product is None:
        return False
    eid, name = product
    for m in named:
        ent = reader.res.gaz.by_id(m.entity_id)
        if m.entity_id != eid and (ent is None or is_a(ent.type, "Organization") or text[m.start:m.end] not in name):
            return False
    own = not named  # a row naming nothing says its measure itself: the row's label heads each column's
    tag, reader.tag = reader.tag, ":caption-total"
    first = len(reader.ex.statements)
    try:
        for j, cell in enumerate(row.cells):
            if j != key and j < len(labels):
                label = replace(labels[j], text=f"{text} {labels[j].text}") if own else labels[j]
                reader._cell(table, r, cell, eid, label, None, unit_note)
    finally:
        reader.tag = tag
    if channel := _CHANNEL.search(" ".join(table.caption)):  # "… ODM 출하량": the units of that channel only
        reader.ex.statements[first:] = [st if st.scope else replace(st, scope=f"{channel.group(1)} 기준")
                                        for st in reader.ex.statements[first:]]
    return True
