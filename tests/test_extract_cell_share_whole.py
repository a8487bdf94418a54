"""A table cell's percentage right after a genitive whole ("매출의 15~25% 사이", "(전체 계약의 약 35%)") is its row
entity's share of that whole (cell_share_whole.py); a range, a change, a named whole or a noun after the figure
is none. Sentences of our own, in the report's style."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "IX", "test slide")


def shares(ex) -> list[tuple]:
    return sorted((s.subject, s.value, s.high, s.metric, s.rule) for s in ex.statements if s.kind == "share")


def test_a_cells_share_of_a_whole_is_its_rows(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("mistral-ai"))
    r.read_cell("구독형 계약으로의 전환 (전체 계약의 약 35%)", LOC, (), "mistral-ai")
    r.read_cell("서버 임대료를 매출의 15~25% 사이로 가정", LOC, (), "mistral-ai")
    assert shares(ex) == [
        ("mistral-ai", Decimal(15), Decimal(25), "share of 매출", "text-cell:share-of-whole:row"),
        ("mistral-ai", Decimal(35), None, "share of 전체 계약", "text-cell:share-of-whole:row"),
    ]


def test_no_share_of_a_whole_for_a_range_a_change_a_name_or_prose(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("mistral-ai"))
    r.read_cell("99% (표본 분포의 0.5% ~ 99.5% 백분위수)", LOC, (), "mistral-ai")  # a percentile band
    r.read_cell("엔비디아 매출의 30% 수준", LOC, (), "mistral-ai")  # a named whole: whose share is unclear
    r.read_cell("클라우드 매출의 12% 증가", LOC, (), "mistral-ai")  # a change
    r.read("미스트랄은 비용을 매출의 20% 수준으로 관리.", LOC, ())  # prose: not a cell's row
    assert [s for s in ex.statements if s.rule == "text-cell:share-of-whole:row"] == []

