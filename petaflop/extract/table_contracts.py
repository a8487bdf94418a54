"""Contract tables: "계약 업체 | 발표일 | 주요 내용" — the deals one firm signed, a row per counterparty.

The firm whose contracts they are is the one firm the caption names, else the one its slide's title
names (a section about that firm: "X. 팔란티어: …"). What the counterparty is to it is said by the
row's description: a partnership or a product launched together ("파트너십", "제휴", "공동", "출시")
makes them partners; otherwise the counterparty adopting or using the firm's product ("도입", "사용",
"채택") is its customer. A row saying neither, or naming no single organisation, is left alone.
Rule ids: ``table:contracts:customerOf`` and ``table:contracts:partnerOf``.

Each such row is also a deal node (``table:contracts:deal``): a ``pfa:Partnership`` when the row
says partnership ("파트너십", "제휴", or a product launched together), a ``pfa:Contract`` when it
says contract ("계약") or adoption, with both parties (``hasParty``) and the row's date column
("발표일", "일자", "날짜") as the date it was announced (``announcedDate``) — unless the row launches a
named product ("'<name>'를 출시"): then the date is the product's (table_contract_launch.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from foundation.namespaces import PFA, RDF
from petaflop.extract.cell_text import quantity_period
from petaflop.extract.facts import EntityRecord, Fact, Location, Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.table_contract_launch import date_launch, launched_product
from petaflop.extract.values import find_quantities

if TYPE_CHECKING:
    from collections.abc import Callable

    from ingest.model import Document, Table
    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver

_PARTY = re.compile(r"^계약\s?(?:업체|기업|상대(?:방)?|사|주체)$")
_TEXT = re.compile(r"내용")
_PARTNER = re.compile(r"파트너십|제휴|공동\s?(?:개발|출시)|협력|출시")
_CUSTOMER = re.compile(r"도입|사용|채택|구매")
_DATE = re.compile(r"^(?:발표|체결|계약)?\s?(?:일|일자|날짜|시기|시점)$")
_PARTNERSHIP_WORD = re.compile(r"파트너십|제휴")
_SIGNED = re.compile(r"계약|파트너십|제휴|협약|체결")


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
        date = _column(table, _DATE)
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
            when = row.cells[date].text if date is not None and date < len(row.cells) else ""
            _deal(ex, subject, firm, prop, desc, when, loc, sources_of(table), launched_product(res, desc))


def _deal(ex: Extraction, party: str, firm: str, prop: str, desc: str, when: str, loc: Location,
          sources: tuple[str, ...], product: str = "") -> None:
    """The row's deal as a node: its kind by the row's words, both parties, the date announced."""
    partner = _PARTNERSHIP_WORD.search(desc) or (prop == "partnerOf" and "계약" not in desc)
    kind = "Partnership" if partner else "Contract"
    rule = "table:contracts:deal"
    node = f"{kind.lower()}--{party}--{firm}--L{loc.line_start}"
    names = " – ".join((r.name_en or r.name_ko) if (r := ex.entities.get(e)) else e for e in (party, firm))
    ex.add_entity(EntityRecord(node, (kind,), f"{kind}: {names}", "", (), "table"))
    ex.add(Fact(node, RDF.type, PFA[kind], True, loc, rule, sources))
    for p in (party, firm):
        ex.add(Fact(node, "hasParty", p, True, loc, rule, sources, raw=desc[:60]))
    dates = [q for q in find_quantities(when) if q.kind in ("date", "period")]
    period = quantity_period(dates[0]) if len(dates) == 1 else None
    if period is not None and product:  # "'<name>'를 출시": the row dates the launch (table_contract_launch.py)
        date_launch(ex, product, period, loc, sources, when)
    elif period is not None:
        # a row saying the deal was signed dates the deal; a row about a launch or a use may date that
        how = "signed" if _SIGNED.search(desc) else "row"
        ex.statements.append(Statement(node, "announcedDate", loc, f"{rule}:announcedDate:{how}", time=period,
                                       sources=sources, raw=when[:60]))
