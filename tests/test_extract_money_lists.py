"""Money read from lists and tiers (wave 7): a nested list item "<firm>: <money>" takes the measure its
lead-in line (else the slide title) names; a cell of "label: figure; label: figure" tiers states the
row's measure once per tier; a pay column (주급, 월급, 연봉) is an amount per week, month or year.
Sentences and tables of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.table_figures import figures_by_tier
from tests.test_table_reader import make_table

LOC = Location(10, 10, "IV", "test slide")


def listed(ex: Extraction) -> list[tuple]:
    return sorted((s.subject, s.kind, s.value, s.high, s.status) for s in ex.statements
                  if s.rule in ("text-money:listed", "text-money:capex"))


def test_a_nested_items_firm_and_money_take_the_measure_of_the_lead_in_line(text_reader):
    r, ex = text_reader
    r.lead_in = ("빅테크의 설비 투자 규모가 크게 늘어날 전망.", "")
    r.read(" - 아마존: 2,000억 달러 / 구글: 900~950억 달러", LOC, ())
    assert listed(ex) == [("amazon", "capex", Decimal(200000000000), None, "forecast"),
                          ("google", "capex", Decimal(90000000000), Decimal(95000000000), "forecast")]
    assert not [s for s in ex.statements if s.kind == "unitPrice"]  # "/ 구글" is the next item, no unit


def test_the_slide_title_names_the_measure_when_the_lead_in_does_not(text_reader):
    r, ex = text_reader
    r.lead_in = ("주요 기업 현황은 다음과 같음.", "AI 기업들의 매출 비교")
    r.read(" - OpenAI: 50억 달러", LOC, ())
    assert listed(ex) == [("openai", "revenue", Decimal(5000000000), None, "actual")]


def test_no_lead_in_two_measures_or_no_label_colon_read_nothing(text_reader):
    r, ex = text_reader
    r.lead_in = ("", "CAPEX")
    r.read("- 아마존: 2,000억 달러", LOC, ())  # not a nested item
    r.lead_in = ("매출과 설비 투자 비교", "")
    r.read(" - 아마존: 2,000억 달러", LOC, ())  # two measures: which one is not said
    r.lead_in = ("설비 투자 규모", "")
    r.read(" - 아마존은 2,000억 달러", LOC, ())  # no label colon
    assert listed(ex) == []


def test_tiers_are_read_one_per_label_and_anything_else_is_no_tier():
    tiers = figures_by_tier("단계별 (0-10K: 2달러; 10K-1M: 3.5달러)", "money")
    assert [(label, q.value, q.currency) for label, q in tiers] == [("0-10K", Decimal(2), "USD"),
                                                                   ("10K-1M", Decimal("3.5"), "USD")]
    assert figures_by_tier("0.5 달러", "money") == []
    assert figures_by_tier("A: 2달러; B: 3 GW", "money") == []  # a tier of another dimension
    assert figures_by_tier("A: 2달러; A: 3달러", "money") == []  # a label repeated


@pytest.fixture()
def table(table_reader):
    return table_reader


def test_a_tiered_price_cell_gives_one_price_per_tier_with_its_scope(table):
    r, ex = table
    r.read(make_table(["가격 비교"], ["모델", "입력 비용 (달러/백만 토큰)"],
                      [["GPT-5", "길이별 (0-10K: 2달러; 10K-1M: 4달러)"]]))
    assert sorted((s.subject, s.kind, s.value, s.per, s.scope, s.rule) for s in ex.statements) == [
        ("gpt-5", "unitPrice", Decimal(2), "1M input tokens", "0-10K", "table-reader:unitPrice@103:by-tier"),
        ("gpt-5", "unitPrice", Decimal(4), "1M input tokens", "10K-1M", "table-reader:unitPrice@103:by-tier")]


def test_a_weekly_wage_column_is_an_amount_per_week(table):
    r, ex = table
    r.read(make_table(["연봉 비교"], ["선수", "클럽", "주급(EUR)"], [["홍길동", "가상 FC", "1,000,000"]]))
    assert [(s.kind, s.value, s.unit, s.per, s.metric) for s in ex.statements if s.kind == "amount"] == [
        ("amount", Decimal(1000000), "EUR", "week", "주급(EUR)")]


def revenue(ex: Extraction) -> list[tuple]:
    return sorted((s.subject, s.value, s.status, s.time.text if s.time else "", s.rule) for s in ex.statements
                  if s.rule.startswith("text-money:results"))


def test_a_revenue_figure_is_the_marked_firms_and_a_goal_is_a_target(text_reader):
    r, ex = text_reader
    r.read("팔란티어의 2027년 매출 500억 달러 목표.", LOC, ())
    assert revenue(ex) == [("palantir", Decimal(50000000000), "target", "2027", "text-money:results")]


def test_a_sentence_naming_no_firm_takes_the_slide_titles_firm_as_a_rule_of_its_own(text_reader):
    r, ex = text_reader
    r.start_slide("III. AI 플레이어: 수익화를 노릴 xAI")
    r.read("- 올해 매출은 30억 달러를 넘을 것.", LOC, ())
    assert [(s[0], s[1], s[4]) for s in revenue(ex)] == [("xai", Decimal(3000000000), "text-money:results:slide")]


def test_no_revenue_from_a_from_value_two_firms_or_a_named_product(text_reader):
    r, ex = text_reader
    r.start_slide("")
    r.read("OpenAI는 매출 전망이 40억 달러에서 10억 달러로 급감.", LOC, ())  # the first is where it moved from
    r.read("아마존과 구글의 매출 3,000억 달러.", LOC, ())
    r.read("OpenAI는 성장 중. 특히 “Claude Code” 출시 후 ARR 9억 달러 달성.", LOC, ())
    assert revenue(ex) == []


def test_a_profit_named_before_its_figure_with_its_change_between_is_the_firms_profit(text_reader):
    r, ex = text_reader
    r.read("구글 클라우드는 성장. 운영이익 50% 증가한 30억 달러 달성.", LOC, ())
    assert [(s.subject, s.kind, s.value, s.rule) for s in ex.statements if s.kind == "profit"] == [
        ("google-cloud", "profit", Decimal(3000000000), "text-money:results")]
