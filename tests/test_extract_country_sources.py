"""A country's figures in two generic constructions (wave 20, area F), on sentences and tables of our own:

* a country's item in a table row states an amount invested and a time a step takes, besides its counts
  (petaflop/extract/cell_items.py);
* the capacity of a kind of power source ("전원", "화력") is a power capacity with that word as its metric,
  and names listed in parentheses after a common noun ("전원(화력·수력·원전)") own no figure
  (petaflop/extract/text_value_guards.py ``in_kinds_list``).
"""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.cell_items import read_policy_items
from petaflop.extract.facts import Extraction, Location
from petaflop.extract.resolve import Resolver
from petaflop.extract.text_frames import Mention_
from petaflop.extract.text_value_guards import in_kinds_list
from tests.test_extract_cell_items import _loc, make_table

LOC = Location(10, 10, "VI", "test slide")
RULE = "table-cell:country-item:unit-count"


def item_figures(gaz, text: str) -> list[tuple]:
    ex = Extraction()
    read_policy_items(make_table([["중국 현황", text]]), Resolver(gaz, ex), ex, _loc, ())
    return sorted((s.kind, s.value, s.unit, s.bound, s.status, s.metric, s.rule) for s in ex.statements
                  if s.kind != "unitCount")


def test_a_country_item_states_the_amount_invested_and_the_time_it_takes(gaz):
    assert item_figures(gaz, "전력: 3개 지역 원자로 승인 (최소 1,500억 위안 투자, 7년 소요 예상)") == [
        ("amount", Decimal(150000000000), "CNY", "lower", "actual", "투자", RULE),
        ("duration", Decimal(7), "year", "", "forecast", "time taken", RULE)]


def test_a_span_of_time_or_money_not_invested_is_no_figure_of_the_country(gaz):
    assert item_figures(gaz, "전력: 지난 3년간 매년 4기 승인") == []
    assert item_figures(gaz, "재정: 보조금 200억 위안 규모") == []


def power(reader, title: str, sentence: str) -> list[tuple]:
    r, ex = reader
    r.start_slide(title)
    r.read(sentence, LOC, ())
    return [(s.subject, s.value, s.unit, s.metric, s.rule) for s in ex.statements if s.kind == "powerCapacity"]


def test_the_capacity_of_the_sources_a_country_can_dispatch(text_reader):
    assert power(text_reader, "[참고] 일본은 전기가 모자라지 않다",
                 "- 2025년 말 기준, 바로 돌릴 수 있는 전원(화력·수력·원전·배터리)이 약 300GW.") == [
        ("japan", Decimal(300000), "MW", "바로 돌릴 수 있는 전원(화력·수력·원전·배터리)", "text:value:country-topic")]


def test_the_capacity_of_thermal_power_before_its_running_hours(text_reader):
    assert power(text_reader, "[참고] 일본은 전기가 모자라지 않다",
                 "- 작년 화력 150GW의 평균 가동시간은 3,000시간.") == [
        ("japan", Decimal(150000), "MW", "화력", "text:value:country-topic")]


def test_a_power_supply_is_no_capacity(text_reader):
    assert power(text_reader, "[참고] 일본은 전기가 모자라지 않다", "- 무정전 전원 공급 장치로 2GW.") == []


def _mention(s: str, name: str) -> Mention_:
    at = s.index(name)
    return Mention_("x", "PowerTechnology", at, at + len(name), "")


def test_a_name_in_a_list_of_kinds_after_a_common_noun_owns_nothing():
    s = "전원(화력·수력·원전)이 약 10GW"
    assert in_kinds_list(s, _mention(s, "원전")) is True
    s = "가나다전자(원전·화력 사업)의 매출"
    assert in_kinds_list(s, _mention(s, "원전")) is True
    s = "가나다칩 (원전 1.3 PFLOPS·96GB)"  # figures in the parenthesis: a spec aside, not kinds
    assert in_kinds_list(s, _mention(s, "원전")) is False
    s = "원전(화력)의 용량"  # the name before the parenthesis, no list
    assert in_kinds_list(s, _mention(s, "원전")) is False
