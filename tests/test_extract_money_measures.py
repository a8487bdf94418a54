"""Money named by the measure after it, bounded or expected by the words after it, and a remark's price
of another named thing (petaflop/extract/text_money.py, table_remarks.py), on sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Extraction, Location
from tests.test_table_reader import make_table

LOC = Location(10, 10, "IV", "test slide")


def money(ex: Extraction) -> list[tuple]:
    return sorted((s.subject, s.kind, s.value, s.unit, s.status, s.bound, s.per, s.rule)
                  for s in ex.statements if s.rule.startswith("text-money:"))


def test_a_figure_then_the_measure_it_is_of_is_that_measure_of_the_clauses_firm(text_reader):
    r, ex = text_reader
    r.read("아마존은 3,000억 달러 이상의 기업가치로 평가받음.", LOC, ())
    r.read("메타는 올해 연간 70억 달러의 런레이트를 달성.", LOC, ())
    assert money(ex) == [
        ("amazon", "valuation", Decimal(300000000000), "USD", "actual", "lower", "", "text-money:results"),
        ("meta", "revenue", Decimal(7000000000), "USD", "actual", "", "", "text-money:results")]


def test_two_firms_or_a_share_of_the_measure_give_no_owner(text_reader):
    r, ex = text_reader
    r.read("아마존과 메타는 500억 달러의 매출을 기록.", LOC, ())
    r.read("메타는 20억 달러의 매출 비중을 차지.", LOC, ())
    assert money(ex) == []


def test_a_figure_the_writer_expects_below_is_a_forecast_with_an_upper_bound(text_reader):
    r, ex = text_reader
    r.read("xAI의 매출은 20억 달러를 밑돌 것으로 보임.", LOC, ())
    r.read("메타의 매출은 900억 달러를 웃돌 것으로 보이나 확정되지 않음.", LOC, ())
    assert money(ex) == [
        ("meta", "revenue", Decimal(90000000000), "USD", "forecast", "lower", "", "text-money:results"),
        ("xai", "revenue", Decimal(2000000000), "USD", "forecast", "upper", "", "text-money:results")]


def test_a_name_its_price_noun_then_a_price_per_a_unit_is_its_price(text_reader):
    r, ex = text_reader
    r.read("DoorDash 요금은 마일당 $2 수준.", LOC, ())
    assert money(ex) == [("doordash", "unitPrice", Decimal(2), "USD", "actual", "", "mile", "text-money:price")]


def test_a_remark_naming_another_things_price_keeps_that_price_only(table_reader):
    r, ex = table_reader
    t = make_table(["로보택시 수익 모델"], ["항목", "값", "비고"],
                   [["배달 요금 (마일당)", "0.70", "DoorDash 요금은 마일당 $2, 여기에 65% 할인"],
                    ["차량 가격", "$30,000", "마일당 $5 수준"]])
    r.read(t)
    assert [(s.subject, s.kind, s.value, s.per, s.rule) for s in ex.statements if s.rule == "text-money:price"] == [
        ("doordash", "unitPrice", Decimal(2), "mile", "text-money:price")]
