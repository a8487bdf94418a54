"""Rows of a table of firms that name a group of its firms (a hook of the table reader).

A table whose rows are firms ("폭스콘 | 10 | 175 …", "1 | TSMC | 30,239 …") often closes on summary rows;
most are no one's ("총 …") or the caption product's (``table_caption_total.py``), but
three name a group of the firms, whose figures are the group's own:

* the top of the ranking: "TOP 4", "Top 10", "상위 5", "합계 | Total of Top 10" — the first N firms;
* the rest, listed: "기가바이트, 위원, 페가트론, SMCI, 아수스, 레노보 등" — three or more names, the last
  followed by 등, naming firms none of which has a row of its own.

Each is a market segment (``MarketSegment``) named by its label, one per table (its id holds the table's and the row's),
and its cells are read as any firm row's. Read only in a table where at least two other rows are
organisations, and a top N only when the table has N firm rows at least. Rule ids carry ``:group-row``,
so the gate judges these rows apart from the firms' own.

A row "기타 업체 점유율 | 1% | 7%" under period columns, below the listed rest, gives that group's share of
the table's market ("the other firms' share": the rest is the only group of other firms the table names);
its rule ids carry ``:group-row:others``. Without a listed rest above it, the row is no one's. The share is
scoped by its market: the one its label or caption names ("… 시장 점유율"), else what the table measures, as its
caption's first line says ("GB200 NVL72의 ODM 출하량 전망" → "GB200 NVL72의 ODM 출하량"); with no caption, a claim.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from ingest.model import Row, Table
from petaflop.extract.facts import EntityRecord
from petaflop.extract.gate import unsure
from petaflop.extract.resolve import created_id, is_a
from petaflop.extract.table_market_scope import market_of

#: "TOP 4", "Top 10", "상위 5", "Total of Top 10", "Top 4 합계": the first N of the ranking
_TOP = re.compile(r"^(?:(?:Total of|Sum of)\s)?(?:the\s)?(?:TOP|Top|top|상위)\s?(?P<n>\d{1,3})(?:\s?(?:합계?|기업|업체|개사|社))?$")
#: "A, B, C 등": three or more names, the last followed by 등 ("etc.")
_LISTED = re.compile(r"^(?P<items>[^,\t]{1,20}(?:,\s?[^,\t]{1,20}){2,})\s등$")
#: a label cell that only says the row sums others ("합계 | Total of Top 10"): the group is named next to it
_SUM_WORD = re.compile(r"^(?:합계|총계|소계|Total|Sum)$")
#: "기타 업체 점유율", "기타 기업 비중", "기타 M/S": the share of the other firms (the listed rest)
_OTHERS_SHARE = re.compile(r"^기타\s?(?:업체|기업|회사|업체들|기업들|社)?\s?(?:의\s)?(?P<measure>점유율|시장\s?점유율|비중|M/S|share)$")


def _org_rows(reader: Any, table: Table, key: int, skip: int) -> set[str]:
    """Ids of the organisations the other rows of the key column name, one each."""
    out: set[str] = set()
    for r, row in enumerate(table.rows, 1):
        if r == skip or key >= len(row.cells):
            continue
        ent = reader.res.gaz.lookup(row.cells[key].text.strip())
        if ent is not None and is_a(ent.type, "Organization"):
            out.add(ent.id)
    return out


def _group_label(reader: Any, table: Table, r: int, row: Row, key: int) -> str | None:
    """The row's label when it names a group of the table's firms, else None."""
    texts = [c.text.strip() for c in row.cells[key:key + 2]]
    text = texts[1] if len(texts) > 1 and _SUM_WORD.match(texts[0]) else texts[0] if texts else ""
    firms = _org_rows(reader, table, key, r)
    if len(firms) < 2:
        return None
    if (top := _TOP.match(text)) is not None:
        return text if len(firms) >= int(top.group("n")) > 1 else None
    if (listed := _LISTED.match(text)) is not None:
        names = [reader.res.gaz.lookup(x.strip()) for x in listed.group("items").split(",")]
        orgs = {e.id for e in names if e is not None and is_a(e.type, "Organization")}
        return text if len(orgs) >= 2 and not orgs & firms else None
    return None


def _listed_rest_above(reader: Any, table: Table, r: int, key: int) -> int | None:
    """The ordinal of the one row above ``r`` that lists the rest of the firms ("A, B, C 등"), else None."""
    found = [i for i, row in enumerate(table.rows[:r - 1], 1) if key < len(row.cells)
             and _LISTED.match(row.cells[key].text.strip()) and _group_label(reader, table, i, row, key) is not None]
    return found[0] if len(found) == 1 else None


def _read_others_share(reader: Any, table: Table, r: int, row: Row, key: int, labels: list) -> bool:
    """"기타 업체 점유율 | 1% | 7%" below the listed rest: that group's share in each period column."""
    m = _OTHERS_SHARE.match(row.cells[key].text.strip()) if key < len(row.cells) else None
    rest = _listed_rest_above(reader, table, r, key) if m is not None else None
    if rest is None or created_id(f"{table.id} group row {rest}") not in reader.ex.entities:
        return False
    eid = created_id(f"{table.id} group row {rest}")
    market = market_of(row.cells[key].text, table.caption) or _caption_measure(table.caption)
    tag, reader.tag = reader.tag, reader.tag + ":group-row:others"
    first = len(reader.ex.statements)
    try:
        for j, cell in enumerate(row.cells):
            if j != key and j < len(labels) and labels[j].period is not None:
                reader._cell(table, r, cell, eid, replace(labels[j], text=m.group("measure"), scope=market), None,
                             reader._unit_note(table, row))
    finally:
        reader.tag = tag
    if not market:  # a share of no market the table names: a claim
        for i in range(first, len(reader.ex.statements)):
            reader.ex.statements[i] = replace(reader.ex.statements[i], rule=unsure(reader.ex.statements[i].rule))
    return True


#: words closing a caption that say how its figures are given, not what they measure
_CAPTION_TAIL = re.compile(r"\s?(?:전망|추이|현황|예상|추정|추산|비교|현황 및 전망)$")


def _caption_measure(caption: list[str]) -> str:
    """What a table of firms measures, as its caption's first line says ("GB200 NVL72의 ODM 출하량 전망" →
    "GB200 NVL72의 ODM 출하량"): the market the others' share is of; "" without a caption."""
    text = re.sub(r"\s?\([^()]*\)", "", caption[0]).strip() if caption else ""
    text = _CAPTION_TAIL.sub("", text).strip()
    return text[:60] if len(text) > 2 else ""


def read_group_row(reader: Any, table: Table, r: int, row: Row, key: int, labels: list) -> bool:
    """Read row ``r`` as a group of the table's firms (a ``MarketSegment``), or as the listed rest's share
    (``_read_others_share``); True when it was one."""
    text = _group_label(reader, table, r, row, key)
    if text is None:
        return _read_others_share(reader, table, r, row, key, labels)
    eid = created_id(f"{table.id} group row {r}")  # one per table: "TOP 4" of one ranking is not another's
    latin = not re.search(r"[가-힣]", text)
    reader.ex.add_entity(EntityRecord(eid, ("MarketSegment",), text if latin else "", "" if latin else text,
                                      (text,), "table"))
    tag, reader.tag = reader.tag, reader.tag + ":group-row"
    try:
        for j, cell in enumerate(row.cells):
            if j != key and j < len(labels) and cell.text.strip() != text:
                reader._cell(table, r, cell, eid, labels[j], None, reader._unit_note(table, row))
    finally:
        reader.tag = tag
    return True
