"""Money and shares in prose, on sentences of our own: a sum restated in another currency in parentheses
(petaflop/extract/figure_asides.py), a share of an entity framed by "의 경우" (text_shares.py), a potential
revenue that goes to a firm and one spending stated per two periods (text_money.py)."""

from __future__ import annotations

from decimal import Decimal

from ingest.quantities import Quantity
from petaflop.extract.facts import Extraction, Location
from petaflop.extract.figure_asides import restated_sum
from petaflop.extract.values import find_quantities

LOC = Location(10, 10, "IV", "test slide")


def _read(text_reader, sentence: str) -> Extraction:
    r, ex = text_reader
    r.read(sentence, LOC, ())
    return ex


def _rows(ex: Extraction, kind: str) -> list[tuple]:
    return sorted((s.subject, s.value, s.high, s.unit, s.status, s.per, s.rule) for s in ex.statements if s.kind == kind)


def _money(s: str) -> list[Quantity]:
    return [q for q in find_quantities(s) if q.kind != "date"]


# ------------------------------------------------------------------ a sum restated in another currency
def test_a_sum_alone_in_parentheses_in_another_currency_restates_the_sum_before():
    s = "가격이 3억 원(20만 달러~25만 달러) 수준"
    values = _money(s)
    assert restated_sum(s, values[0], values) is values[1]
    s = "가격이 3억 원(약 5억 원) 수준"  # the same currency: a second figure, not a restatement
    assert restated_sum(s, _money(s)[0], _money(s)) is None
    s = "가격이 3억 원(20만 달러, 작년 기준) 수준"  # more than the sum inside the parentheses
    assert restated_sum(s, _money(s)[0], _money(s)) is None


def test_the_restated_sum_is_stated_as_the_first_one_is(text_reader):
    ex = _read(text_reader, "웨이모는 센서를 더하면 차량 한 대당 가격이 3억 원(20만 달러~25만 달러)에 달함.")
    assert _rows(ex, "unitPrice") == [
        ("waymo", Decimal(200000), Decimal(250000), "USD", "actual", "", "text:value:clause-topic"),
        ("waymo", Decimal(300000000), None, "KRW", "actual", "", "text:value:clause-topic"),
    ]


def test_an_approximate_restatement_stays_approximate(text_reader):
    ex = _read(text_reader, "DeepSeek의 총 소유 비용(TCO)은 12억 달러(약 1조 6천억 원)로 추정")
    got = sorted((s.value, s.unit, s.approximate, s.status) for s in ex.statements if s.kind == "amount")
    assert got == [(Decimal(1200000000), "USD", False, "estimate"), (Decimal(1600000000000), "KRW", True, "estimate")]


def test_a_sum_in_parentheses_after_a_name_is_no_restatement(text_reader):
    ex = _read(text_reader, "OpenAI(100억 달러)와 Anthropic이 경쟁.")
    assert [s for s in ex.statements if s.unit in ("USD", "KRW")] == []


# ------------------------------------------------------------------ "<X>의 경우 N%가"
def test_a_percentage_of_an_entity_framed_by_its_case_is_its_share(text_reader):
    ex = _read(text_reader, "새로 만든 초지능 연구소(MSL)의 경우 30~35%가 외부 출신 연구원일 정도.")
    assert _rows(ex, "share") == [("meta-superintelligence-labs", Decimal(30), Decimal(35), "%", "actual", "",
                                   "text:share-of:whole-owner")]


def test_a_person_framed_by_its_case_has_no_share(text_reader):
    ex = _read(text_reader, "젠슨 황의 경우 30%가 외부 출신.")
    assert _rows(ex, "share") == []


# ------------------------------------------------------------------ a potential revenue going to a firm
def test_a_potential_revenue_opportunity_going_to_a_firm_is_no_revenue_but_an_amount_so_named(text_reader):
    ex = _read(text_reader, "이 데이터센터들은 엔비디아에 700억 달러 이상의 잠재적 수익 기회를 줄 것으로 추산.")
    assert _rows(ex, "revenue") == []  # an opportunity, not the firm's revenue (audit 24)
    got = [(s.subject, s.value, s.unit, s.status, s.bound, s.metric, s.rule) for s in ex.statements if s.kind == "amount"]
    # who gives it is unnamed ("이 데이터센터들은"): read alone it is the firm's whole opportunity, a claim (audit N3)
    assert got == [("nvidia", Decimal(70000000000), "USD", "estimate", "lower", "잠재적 수익 기회",
                    "text-money:results:unsure")]


def test_a_potential_revenue_opportunity_from_a_named_giver_names_it(text_reader):
    ex = _read(text_reader, "구글의 신규 데이터센터들은 엔비디아에 700억 달러 이상의 잠재적 수익 기회를 제공.")
    got = [(s.subject, s.value, s.metric, s.rule) for s in ex.statements if s.kind == "amount"]
    assert got == [("nvidia", Decimal(70000000000), "잠재적 수익 기회 (from 구글)", "text-money:results")]


def test_a_potential_revenue_going_to_a_firm_is_no_revenue_either(text_reader):
    ex = _read(text_reader, "이 공장들은 인텔에 50억 달러의 잠재 매출을 안길 것으로 추정.")
    assert _rows(ex, "revenue") == []
    assert [(s.subject, s.value, s.status, s.metric) for s in ex.statements if s.kind == "amount"] == [
        ("intel", Decimal(5000000000), "estimate", "잠재 매출")]


def test_a_sum_going_to_a_firm_without_a_word_of_revenue_is_no_revenue(text_reader):
    ex = _read(text_reader, "이 데이터센터들은 엔비디아에 700억 달러 이상의 주문을 줄 것으로 추산.")
    assert _rows(ex, "revenue") == []


# ------------------------------------------------------------------ one spending, two periods
def test_a_spending_per_day_coordinated_with_one_per_year_is_its_capex_per_day(text_reader):
    ex = _read(text_reader, "아마존은 2026년에 “하루 2억 달러”, 연간 700억 달러 이상을 지출에 투입할 것으로 전망.")
    got = sorted((s.subject, s.value, s.per, s.status, s.time.text if s.time else "") for s in ex.statements
                 if s.kind == "capex")
    assert got == [("amazon", Decimal(200000000), "day", "forecast", "2026"),
                   ("amazon", Decimal(70000000000), "", "forecast", "2026")]  # the year framing the sentence (w27)


def test_a_sum_before_a_comma_and_another_sum_without_a_period_word_is_not_read(text_reader):
    ex = _read(text_reader, "아마존은 2억 달러, 700억 달러를 투자할 계획.")
    assert [s.value for s in ex.statements if s.kind == "capex" and s.per] == []


# ------------------------------------------------------------------ a plural name ("…들의", "…들이")
def test_a_plural_group_named_with_its_genitive_owns_the_measure_after_it(text_reader):
    ex = _read(text_reader, "2024년 주요 테크 기업들의 AI 투자 규모가 年 2,000억 달러로 급증.")
    got = [(s.subject, s.kind, s.value, s.rule) for s in ex.statements if s.unit == "USD"]
    assert got == [("big-tech", "amount", Decimal(200000000000), "text:value:genitive")]


def test_a_date_after_which_a_figure_holds_is_not_its_time(text_reader):
    ex = _read(text_reader, "3분기 실적 이후 주요 테크 기업들의 AI 투자 규모가 年 2,000억 달러로 급증.")
    # never the quarter: a year's figure (年) after it is that year's (figure_time.py)
    assert [(s.subject, s.value, s.time.text if s.time else None) for s in ex.statements if s.unit == "USD"] == [
        ("big-tech", Decimal(200000000000), "2025")]
    ex = _read(text_reader, "3분기 실적 이후 주요 테크 기업들의 AI 투자 규모가 1,000억 달러로 급증.")
    assert [s.time for s in ex.statements if s.value == Decimal(100000000000)] == [None]
    ex = _read(text_reader, "3분기 주요 테크 기업들의 AI 투자 규모가 500억 달러로 급증.")
    assert [s.time.text for s in ex.statements if s.value == Decimal(50000000000) and s.time] == ["2025-Q3"]


# ------------------------------------------------------------------ a remark giving the row's figure at another year
def _table_shares(table_reader, remark: str, value: str = "30%") -> list[tuple]:
    from tests.test_table_reader import make_table

    reader, ex = table_reader
    reader.read(make_table(["알리바바 클라우드 주요 지표"], ["구분", "수치", "비고"],
                           [["국내 점유율", value, remark]]))
    return sorted((s.subject, s.kind, s.value, s.time.text if s.time else "", s.rule) for s in ex.statements
                  if s.unit == "%")


def test_a_remark_stating_a_percentage_at_a_year_is_the_rows_measure_then(table_reader):
    got = _table_shares(table_reader, "국내 1위이지만 2019년에는 45%였음")
    assert ("alibaba-cloud", "marketShare", Decimal(45), "2019", "table-reader:marketShare@79") in got
    assert next(g for g in got if g[2] == 30)[:3] == ("alibaba-cloud", "marketShare", Decimal(30))


def test_a_remark_with_a_percentage_not_said_to_have_been_the_rows_is_not_read(table_reader):
    got = _table_shares(table_reader, "2019년에는 45% 성장")
    assert [g for g in got if g[2] == 45 and g[1] == "marketShare"] == []


# ------------------------------------------------------------------ "N 달러 (기존 M에서 상향)"
def test_the_figure_a_capex_was_revised_from_is_its_earlier_capex(text_reader):
    ex = _read(text_reader, "아마존은 2026년 CAPEX 가이던스 900억 달러 (기존 800억에서 상향 조정).")
    got = sorted((s.subject, s.value, s.unit, s.status, s.time.text if s.time else "", s.scope, s.rule)
                 for s in ex.statements if s.kind == "capex")
    # the figure it was raised from is no longer the forecast: an earlier value
    assert got == [("amazon", Decimal(80000000000), "USD", "forecast", "2026", "earlier value", "text-money:capex"),
                   ("amazon", Decimal(90000000000), "USD", "forecast", "2026", "", "text-money:capex")]


def test_a_revision_without_its_earlier_figure_or_in_another_currency_adds_nothing(text_reader):
    ex = _read(text_reader, "아마존은 2026년 CAPEX 가이던스 900억 달러 (기존 대비 상향).")
    ex = _read(text_reader, "구글은 2026년 CAPEX 가이던스 700억 달러 (기존 80조 원에서 상향).")
    assert sorted(s.value for s in ex.statements if s.kind == "capex") == [Decimal(70000000000), Decimal(90000000000)]


def test_a_run_rate_here_in_a_business_named_before_is_no_whole_revenue(text_reader):
    # audit 27 n=102: "… 시장인 로봇으로, 인텔은 여기서 연간 20억 달러의 런레이트" — the figure is the business's, which
    # "여기서" only points back to: read alone it is the firm's whole revenue, so it stays a claim
    ex = _read(text_reader, "그리고 중요한 분야는 로봇으로, 인텔은 여기서 이미 연간 20억 달러의 런레이트.")
    assert [(s.subject, s.value, s.rule) for s in ex.statements if s.kind == "revenue"] == [
        ("intel", Decimal(2000000000), "text-money:results:unsure")]


def test_a_run_rate_the_firm_has_itself_is_its_revenue(text_reader):
    ex = _read(text_reader, "인텔은 이미 연간 20억 달러의 런레이트.")
    assert [(s.subject, s.rule) for s in ex.statements if s.kind == "revenue"] == [("intel", "text-money:results")]
