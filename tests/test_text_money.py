"""Money in prose read by the words that name it (petaflop/extract/text_money.py), on sentences of
our own: a price in parentheses after a name, a price noun then the price, a price per a unit, a
capex figure with its status, a firm's own spending and money it raises; and the money rows of the generic table reader."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.cleaning import clean_cell
from petaflop.extract.facts import Extraction, Location
from tests.test_table_reader import make_table

LOC = Location(10, 10, "IV", "test slide")


def money(ex: Extraction) -> list[tuple]:
    return sorted((s.subject, s.kind, s.value, s.high, s.unit, s.status, s.time.text if s.time else "", s.per, s.rule)
                  for s in ex.statements if s.rule.startswith("text-money:"))


def test_a_price_in_parentheses_after_a_name_is_its_price_per_the_period_said(text_reader):
    r, ex = text_reader
    r.read("xAI는 SuperGrok Heavy(연 $3,000)라는 요금제를 검토.", LOC, ())
    assert money(ex) == [("supergrok-heavy", "unitPrice", Decimal(3000), None, "USD", "actual", "", "year",
                          "text-money:price")]


def test_a_price_per_unit_said_in_the_sentence_gives_the_denominator(text_reader):
    r, ex = text_reader
    r.read("경쟁 모델은 이미지당 0.05 달러, OpenAI(0.25 달러)보다 저렴.", LOC, ())
    assert [(s[0], s[2], s[7]) for s in money(ex)] == [("openai", Decimal("0.25"), "image")]


def test_an_amount_in_parentheses_is_no_price_without_a_word_of_prices(text_reader):
    r, ex = text_reader
    r.read("OpenAI(100억 달러)와 Anthropic이 경쟁.", LOC, ())
    assert money(ex) == []


def test_a_price_noun_then_the_price_is_the_named_things_price_and_a_plan_stays_a_plan(text_reader):
    r, ex = text_reader
    r.read("FSD 구독료 월 199달러로 인상 검토 중.", LOC, ())
    assert money(ex) == [("tesla-full-self-driving", "unitPrice", Decimal(199), None, "USD", "planned", "", "month",
                          "text-money:price")]


def test_capex_guidance_is_a_forecast_of_the_one_firm_named_and_two_firms_say_no_owner(text_reader):
    r, ex = text_reader
    r.read("아마존은 2026년 CAPEX 가이던스 1,500억~1,600억 달러를 제시.", LOC, ())
    r.read("아마존과 구글의 CAPEX 3,000억 달러.", LOC, ())
    assert money(ex) == [("amazon", "capex", Decimal(150000000000), Decimal(160000000000), "USD", "forecast", "2026",
                          "", "text-money:capex")]


# --------------------------------------------------------------------------- money rows of tables


@pytest.fixture()
def table(table_reader):
    return table_reader


def test_a_price_range_keeps_both_dollars_after_cleaning():
    assert clean_cell("\\$10~\\$20") == ("$10~$20", [])


def test_a_monthly_cost_of_a_product_column_is_its_price_per_month_and_a_combination_is_no_one(table):
    r, ex = table
    r.read(make_table(["요금표"], ["등급", "해당 제품 (예상)", "비용 (월)"],
                      [["레벨 1", "GPT-5", "$500"], ["레벨 2", "챗봇 + Operator", "$900"]]))
    assert [(s.subject, s.kind, s.value, s.per) for s in ex.statements if s.kind == "unitPrice"] == [("gpt-5", "unitPrice", Decimal(500), "month")]


def test_a_row_named_as_estimated_gives_its_values_that_status(table):
    r, ex = table
    r.read(make_table(["기기 비교"], ["기기명", "가격 범위"], [["Ray-Ban Meta (추정)", "$100~$200"]]))
    assert [(s.kind, s.value, s.high, s.status) for s in ex.statements] == [("unitPrice", Decimal(100), Decimal(200),
                                                                             "estimate")]


def test_a_tco_row_is_an_amount(table):
    r, ex = table
    r.read(make_table(["비교"], ["항목", "GB200 NVL72", "Trainium2"], [["PFLOP당 TCO", "$0.50", "$0.70"]]))
    assert sorted((s.subject, s.kind, s.value) for s in ex.statements) == [
        ("aws-trainium2", "amount", Decimal("0.7")), ("nvidia-gb200-nvl72", "amount", Decimal("0.5"))]


def test_a_group_of_firms_as_the_plural_topic_spends_its_own_money(text_reader):
    r, ex = text_reader
    r.read("하이퍼스케일러들은 2027년에 연간 7천억 달러 이상을 지출에 투입할 것으로 전망.", LOC, ())
    r.read("하이퍼스케일러들은 올해, 데이터센터 건설에 500억 달러를 투자.", LOC, ())  # a target: not said whose
    assert [x[:2] + x[-1:] for x in money(ex)] == [("hyperscalers", "capex", "text-money:capex")]
    assert money(ex)[0][2] == Decimal(700000000000)


def test_a_firms_own_spending_is_its_capex_and_a_list_of_firms_or_a_target_says_no_owner(text_reader):
    r, ex = text_reader
    r.read("아마존이 2027년 2,000억 달러 투자 예정.", LOC, ())
    r.read("아마존, 구글은 3,000억 달러를 지출할 것.", LOC, ())
    r.read("아마존이 데이터센터 건설에 50억 달러 투자.", LOC, ())
    r.read("아마존이 500억 달러 투자를 유치.", LOC, ())  # money raised, not spent
    assert [x for x in money(ex) if x[1] == "capex"] == [("amazon", "capex", Decimal(200000000000), None, "USD", "planned", "2027", "",
                          "text-money:capex")]


def test_a_row_labelled_revenue_reads_the_one_amount_among_its_cells_words(table):
    r, ex = table
    r.read(make_table(["비교"], ["회사", "매출", "현금 보유량"], [["팔란티어", "2026년 가이던스 50억 달러(YoY +30%)", "70억 달러"]]))
    assert sorted((s.kind, s.value, s.status, s.time.text if s.time else "", s.rule) for s in ex.statements
                  if s.rule.startswith("table-reader")) == [
        ("amount", Decimal(7000000000), "actual", "", "table-reader:amount@418"),
        ("revenue", Decimal(5000000000), "forecast", "2026", "table-reader:revenue@87:in-words")]


def test_a_price_per_a_unit_right_after_a_name_is_its_price_with_the_timeline_date(text_reader):
    r, ex = text_reader
    r.read(" - 2025년 3월: DeepSeek R1 - $3/백만 토큰", LOC, ())
    r.read("RTX4070의 경우 시간당 0.2 달러, 여기에 할인.", LOC, ())
    assert [(s[0], s[2], s[6], s[7]) for s in money(ex)] == [("deepseek-r1", Decimal(3), "2025-03", "1M tokens"),
                                                          ("nvidia-rtx-4070", Decimal("0.2"), "", "hour")]


def test_money_a_firm_raises_is_its_amount_and_a_raise_being_pursued_is_planned(text_reader):
    r, ex = text_reader
    r.read("Moonshot AI는 2023년 텐센트로부터의 투자를 포함, 총 20억 달러 유치.", LOC, ())
    r.read("xAI는 30억 달러를 대출받고 추가로 90억 달러 부채 조달을 추진 중.", LOC, ())
    assert [(s[0], s[1], s[2], s[5], s[8]) for s in money(ex)] == [
        ("moonshot-ai", "amount", Decimal(2000000000), "actual", "text-money:raised"),
        ("xai", "amount", Decimal(3000000000), "actual", "text-money:raised"),
        ("xai", "amount", Decimal(9000000000), "planned", "text-money:raised")]


def test_a_share_price_is_the_firm_written_before_the_word_for_it(text_reader):
    r, ex = text_reader
    r.read("Citron이 말하는 PLTR의 적정 주가는 40달러.", LOC, ())
    r.read("6개월 후 TSLA 주가 시뮬레이션 분포에서 가장 높은 구간은 약 376~388달러 범위.", LOC, ())
    assert [(s[0], s[1], s[2], s[3], s[5]) for s in money(ex)] == [
        ("palantir", "stockPrice", Decimal(40), None, "target"),
        ("tesla", "stockPrice", Decimal(376), Decimal(388), "actual")]
    # a claimed price is no share price: its own metric, with the party who claims it (audit 16)
    assert [st.metric for st in ex.statements if st.kind == "stockPrice"] == ["fair value claimed by Citron", ""]


def test_a_target_price_is_a_target_price_and_gives_no_claimant_when_none_is_said(text_reader):
    r, ex = text_reader
    r.read("엔비디아의 목표 주가는 250달러로 상향.", LOC, ())
    r.read("PLTR의 목표가는 200달러.", LOC, ())
    assert [(st.subject, st.value, st.status, st.metric) for st in ex.statements if st.kind == "stockPrice"] == [
        ("nvidia", Decimal(250), "target", "target price"), ("palantir", Decimal(200), "target", "target price")]


def test_a_figure_after_another_one_is_no_share_price(text_reader):
    r, ex = text_reader
    r.read("엔비디아 주가가 5% 오르며 시가총액 4조 달러를 돌파.", LOC, ())
    assert [s for s in money(ex) if s[1] == "stockPrice"] == []
