"""Contract tables: "계약 업체 | 발표일 | 주요 내용" — the deals one firm signed, a row per counterparty.

The firm whose contracts they are is the one firm the caption names, else the one its slide's title
names (a section about that firm: "X. 팔란티어: …"). What the counterparty is to it is said by the
row's description: a partnership or a product launched together ("파트너십", "제휴", "공동", "출시")
makes them partners; otherwise the counterparty adopting or using the firm's product ("도입", "사용",
"채택") is its customer. A row saying neither, or naming no single organisation, is left alone.
Rule ids: ``table:contracts:customerOf`` and ``table:contracts:partnerOf``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from collections.abc import Callable

    from ingest.model import Document, Table
    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver

_PARTY = re.compile(r"^계약\s?(?:업체|기업|상대(?:방)?|사|주체)$")
_TEXT = re.compile(r"내용")
_PARTNER = re.compile(r"파트너십|제휴|공동\s?(?:개발|출시)|협력|출시")
_CUSTOMER = re.compile(r"도입|사용|채택|구매")


def _column(table: Table, pattern: re.Pattern[str]) -> int | None:
    return next((j for j, c in enumerate(table.header) if pattern.search(c.text.strip())), None)


def _firm(res: Resolver, table: Table) -> str:
    for text in (" ".join(table.caption), table.slide_title):
        firms = {e.id: e for e in res.entities_in(text) if is_a(e.type, "Firm") or is_a(e.type, "AILab")}
        if len(firms) == 1:
            return res.record(next(iter(firms.values())))
        if firms:
            return ""
    return ""


def add_contract_parties(doc: Document, ex: Extraction, res: Resolver,
                         sources_of: Callable[[Table], tuple[str, ...]]) -> None:
    for table in doc.tables:
        party, text = _column(table, _PARTY), _column(table, _TEXT)
        if party is None or text is None:
            continue
        firm = _firm(res, table)
        if not firm:
            continue
        for i, row in enumerate(table.rows):
            if row.section or max(party, text) >= len(row.cells):
                continue
            cell, desc = row.cells[party], row.cells[text].text
            orgs = {e.id: e for e in res.entities_in(cell.text) if is_a(e.type, "Organization")
                    and not is_a(e.type, "Country")}
            if len(orgs) != 1:
                continue
            if _PARTNER.search(desc):
                prop = "partnerOf"
            elif _CUSTOMER.search(desc):
                prop = "customerOf"
            else:
                continue
            subject = res.record(next(iter(orgs.values())))
            if subject == firm:
                continue
            loc = Location(cell.line, cell.line, table.chapter, table.slide_title, table.id, i + 1, cell.column)
            ex.add(Fact(subject, prop, firm, True, loc, f"table:contracts:{prop}", sources_of(table),
                        raw=(cell.text + " " + desc)[:60]))
