"""Contract tables (table_contracts): a counterparty row is the firm's partner or customer by what its
description says; rows that say neither, and tables naming no single firm, give nothing."""

from __future__ import annotations

from types import SimpleNamespace

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Extraction
from petaflop.extract.resolve import Resolver
from petaflop.extract.table_contracts import add_contract_parties


def _table(caption: str, title: str, rows: list[tuple[str, str]]) -> Table:
    header = [Cell(t, t, 1, j + 1) for j, t in enumerate(("계약 업체", "발표일", "주요 내용"))]
    body = [Row(2 + i, [Cell(a, a, 2 + i, 1), Cell("2025년 1월", "2025년 1월", 2 + i, 2), Cell(d, d, 2 + i, 3)])
            for i, (a, d) in enumerate(rows)]
    return Table("X-1-1", Span(1, 1 + len(rows)), [caption], header, body, chapter="X", slide_title=title)


def _extract(gaz, table: Table) -> Extraction:
    ex = Extraction()
    add_contract_parties(SimpleNamespace(tables=[table]), ex, Resolver(gaz, ex), lambda t: ())
    return ex


def _links(gaz, table: Table) -> list[tuple]:
    return sorted((f.subject, f.predicate, str(f.obj), f.rule) for f in _extract(gaz, table).facts
                  if f.predicate in ("customerOf", "partnerOf"))


def test_the_description_decides_partner_or_customer(gaz):
    t = _table("주요 계약 체결 내용", "X. 팔란티어: 제조업", [
        ("두산밥캣", "플랫폼을 도입하는 다년 계약을 체결"),
        ("파나소닉 에너지", "공장에 플랫폼을 도입하는 다년 파트너십을 체결"),
        ("Ursa Major", "생산 증대를 위한 협의"),
    ])
    assert _links(gaz, t) == [
        ("doosan-bobcat", "customerOf", "palantir", "table:contracts:customerOf"),
        ("panasonic-energy", "partnerOf", "palantir", "table:contracts:partnerOf"),
    ]


def test_no_single_firm_no_links(gaz):
    t = _table("계약 내용", "X. 팔란티어와 엔비디아: 비교", [("두산밥캣", "플랫폼을 도입")])
    assert _links(gaz, t) == []


def test_each_row_is_a_deal_node_with_its_parties_and_date(gaz):
    t = _table("주요 계약 체결 내용", "X. 팔란티어: 제조업", [
        ("두산밥캣", "플랫폼을 도입하는 다년 계약을 체결"),
        ("파나소닉 에너지", "공장에 플랫폼을 도입하는 다년 파트너십을 체결"),
        ("Ursa Major", "플랫폼을 사용하여 생산 증대"),
    ])
    ex = _extract(gaz, t)
    parties = sorted((f.subject, str(f.obj)) for f in ex.facts if f.predicate == "hasParty")
    assert parties == [
        ("contract--doosan-bobcat--palantir--L2", "doosan-bobcat"), ("contract--doosan-bobcat--palantir--L2", "palantir"),
        ("contract--ursa-major--palantir--L4", "palantir"), ("contract--ursa-major--palantir--L4", "ursa-major"),
        ("partnership--panasonic-energy--palantir--L3", "palantir"),
        ("partnership--panasonic-energy--palantir--L3", "panasonic-energy"),
    ]
    assert sorted((s.subject, s.kind, s.time.text, s.rule) for s in ex.statements) == [
        ("contract--doosan-bobcat--palantir--L2", "announcedDate", "2025-01", "table:contracts:deal:announcedDate:signed"),
        ("contract--ursa-major--palantir--L4", "announcedDate", "2025-01", "table:contracts:deal:announcedDate:row"),
        ("partnership--panasonic-energy--palantir--L3", "announcedDate", "2025-01",
         "table:contracts:deal:announcedDate:signed"),
    ]


def test_a_row_launching_a_named_product_dates_the_product_not_the_deal(gaz):
    t = _table("주요 계약 체결 내용", "X. 팔란티어: 제조업", [
        ("BlueForge Alliance", "혁신: '군함을 위한 Warp Speed(Warp Speed for Warships)'를 출시하여 전환"),
        ("Ursa Major", "AI 기반 소프트웨어 플랫폼을 출시"),  # an unnamed launch: the date stays the deal's
    ])
    ex = _extract(gaz, t)
    assert sorted((s.subject, s.kind, s.time.text, s.rule) for s in ex.statements) == [
        ("partnership--ursa-major--palantir--L3", "announcedDate", "2025-01", "table:contracts:deal:announcedDate:row"),
        ("warp-speed-for-warships", "announcedDate", "2025-01", "table:contracts:launch:announcedDate"),
    ]
