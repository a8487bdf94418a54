"""A count after a list of items closed by 등 ("H100·H200 등 115,000개") counts those items; a group of
buyers or plans (a market segment) may hold such chips. Sentences are our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location


def _loc(i: int) -> Location:
    return Location(100 + i, 100 + i, "VI", "VI. 테스트", "", 0, 0)


def _counts(ex) -> set[tuple[str, str, Decimal, str, str]]:
    return {(s.subject, s.kind, s.value, s.item, s.status) for s in ex.statements if s.kind.endswith("Count")}


def test_a_count_after_a_list_closed_by_deung_counts_the_list(text_reader):
    r, ex = text_reader
    r.read("xAI는 H100·H200 등 20,000개를 확보할 계획", _loc(1), ())
    # the reader keeps the name next to the figure (its links use it); the pipeline then drops it as the
    # count's item: the count is of the whole list (count_coordinated.drop_listed_items)
    assert _counts(ex) == {("xai", "chipCount", Decimal(20000), "nvidia-h200", "planned")}


def test_a_market_segment_holds_the_chips_its_row_counts(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("hyperscalers"))  # the row's entity, as the table reader registers it
    r.read_cell("H100·H200 등 7,000개 목표치 (가나다 등 12개 프로젝트)", _loc(2), (), "hyperscalers", None)
    assert ("hyperscalers", "chipCount", Decimal(7000), "nvidia-h200", "target") in _counts(ex)


def test_deung_after_a_firm_is_no_item(text_reader):
    r, ex = text_reader
    r.read("엔비디아 등 3개 기업이 참여", _loc(3), ())
    assert not any(s.kind == "chipCount" for s in ex.statements)
