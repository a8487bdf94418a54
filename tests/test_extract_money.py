"""Money, stakes and dated figures in tables: a figure of an unnamed other actor is judged apart,
a dated row dates its figures, and an investor list's stakes are the investors' stakes in the row's
subject (small tables and sentences of our own)."""

from __future__ import annotations

import re
from decimal import Decimal
from types import SimpleNamespace

import pytest

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.claims import ClaimMiner, load_promotions
from petaflop.extract.facts import Extraction, Location
from petaflop.extract.resolve import Resolver

LOC = Location(10, 10, "IV", "test slide")


@pytest.fixture()
def miner(gaz):
    ex = Extraction()
    return ClaimMiner(Resolver(gaz, ex), load_promotions()), ex


def _valuations(ex: Extraction) -> set[tuple]:
    return {(f.subject, f.obj, f.rule, f.as_of or "") for f in ex.facts if f.predicate == "valuationUSD"}


def test_a_figure_of_an_unnamed_other_actor_is_not_the_rows_without_its_own_rule(miner, gaz):
    m, ex = miner
    m.res.record(gaz.by_id("openai"))
    m.mine('"2인 스타트업이 시드 단계에서 3억 달러 기업 가치를 받는다."', LOC, "openai", (), "t", in_table=True)
    m.mine("시리즈 C에서 기업 가치 700억 달러로 평가", LOC, "openai", (), "t", in_table=True)
    assert _valuations(ex) == {("openai", Decimal(300_000_000), "claim:org-valuation:row:generic-subject", ""),
                               ("openai", Decimal(70_000_000_000), "claim:org-valuation:row", "")}


def test_a_dated_row_dates_the_figures_that_name_no_time(miner, gaz):
    m, ex = miner
    m.res.record(gaz.by_id("xai"))
    m.mine("첫 공식 밸류에이션으로 기업가치는 300억 달러로 평가", LOC, "xai", (), "t", in_table=True,
           row_date="2024-02-03")
    m.mine("2023년 기업가치 100억 달러", LOC, "xai", (), "t", in_table=True, row_date="2024-02-03")
    got = {(value, as_of[:4] if value == 10_000_000_000 else as_of) for _, value, _, as_of in _valuations(ex)}
    assert got == {(Decimal(30_000_000_000), "2024-02-03"), (Decimal(10_000_000_000), "2023")}  # its own year wins


def test_an_investor_lists_stakes_are_stakes_in_the_rows_subject(gaz):
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor

    ex = Extraction()
    mapping = next(m for m in load_mappings() if m.id == "company-profile")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], Resolver(gaz, ex),
                        SimpleNamespace(mine=lambda *a, **k: []), lambda t: ())
    line = 100
    rows = [["설립", "2023년 3월"], ["주요 투자자", "알리바바(지분율 20%), 텐센트(지분 5% 추정), HongShan, 미국의 Coatue 등"]]
    table = Table("T-01-1", Span(line - 1, line + len(rows)), ["Moonshot AI에 대한 기업 개요"],
                  [Cell("항목", "항목", line, 1), Cell("내용", "내용", line, 2)],
                  [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)])
                   for i, r in enumerate(rows)], chapter="VII", slide_title="VII. 테스트", column_labels=["항목", "내용"])
    te._key_value(table, mapping)
    stakes = {(s.subject, s.value, s.unit, s.status, s.item, s.rule) for s in ex.statements if s.kind == "equityStake"}
    assert stakes == {("alibaba", Decimal(20), "%", "actual", "moonshot-ai", "table:company-profile:equityStake"),
                      ("tencent", Decimal(5), "%", "estimate", "moonshot-ai", "table:company-profile:equityStake")}
    assert ("moonshot-ai", "fundedBy", "hongshan") in {(f.subject, f.predicate, f.obj) for f in ex.facts}


@pytest.mark.parametrize(("label", "kind"), [
    ("입력 가격 (1M 토큰당)", "unitPrice"),
    ("GPU 임대 단가 ($/시간)", None),  # the price of a rented input is the subject's cost, not its price
    ("전기 요금 ($/kWh)", None),
    ("감가상각비 (차량 가격/ 연 수명)", "amount"),
    ("연간 법인세", "amount"),
    ("FCF 현재가치 (3년차)", "amount"),
    ("일일 총이익 (Gross Profit)", "profit"),
    ("매출 총이익률", "grossMargin"),
    ("추론 서비스 총마진율", "grossMargin"), ("총 마진", "grossMargin"),  # a gross margin, not a share
    ("마진율", "share"),
])
def test_money_labels_read_through_the_lexicon(label, kind):
    from petaflop.extract.lexicon import load_lexicon

    entry = load_lexicon().value_for(label)
    assert (entry.kind if entry else None) == kind


@pytest.mark.parametrize(("header", "per"), [
    ("입력 가격 (1M 토큰당)", "1M input tokens"), ("입력비용 (100만 토큰당)", "1M input tokens"),
    ("요금 ($/마일)", "mile"), ("가격", ""), ("비용 (월)", "month"),
    # a noun with 당 in the row label, a period word opening it — and the words that only end in 당
    ("질의당 처리 시간 (초)", "query"), ("칩 하나당 시간별 비용", "chip-hour"), ("PE 당 로컬 메모리", "PE"),
    ("GPU당 설비 투자", "GPU"), ("7. 일일 운행 횟수", "day"), ("연간 매출 (USD)", "year"), ("하루 처리량 (개)", "day"),
    # money per unit of time per thing: both denominators
    ("칩 하나당 시간별 자본 비용 (USD/hr/GPU)", "GPU-hour"), ("유효 학습 PFLOP당 TCO ($/hr/PFLOP)", "PFLOP-hour"),
    ("메모리 대역폭당 TCO (\\$/hr/TB/s)", "TB/s-hour"),
    ("해당 매출", ""), ("상당 부분", ""), ("총 매출", ""), ("월 매출", "")])
def test_a_per_unit_header_names_its_denominator(header, per):
    from petaflop.extract.table_per import per_of_header

    assert per_of_header(header) == per


def test_a_pledge_row_naming_its_facility_invests_in_it_not_in_the_country(gaz):
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor

    ex = Extraction()
    mapping = next(m for m in load_mappings() if m.id == "us-investment-pledges")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], Resolver(gaz, ex),
                        SimpleNamespace(mine=lambda *a, **k: []), lambda t: ())
    line = 100
    rows = [["IBM", "900억", "AI 제조"], ["소프트뱅크·OpenAI", "3,000억", "AI 인프라(Project Stargate)"]]
    table = Table("T-01-1", Span(line - 1, line + len(rows)), ["투자 약속"],
                  [Cell(h, h, line, j + 1) for j, h in enumerate(["투자 주체", "투자액(달러)", "세부 분야"])],
                  [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)])
                   for i, r in enumerate(rows)], chapter="V", slide_title="V. 테스트",
                  column_labels=["투자 주체", "투자액(달러)", "세부 분야"])
    te._rows(table, mapping)
    investees = {(f.subject, str(f.obj)) for f in ex.facts if f.predicate == "hasInvestee"}
    assert investees == {("us-investment-pledges--ibm--united-states", "united-states"),
                         ("us-investment-pledges--softbank--openai--stargate", "stargate")}


@pytest.mark.parametrize(("row_date", "header", "period"), [
    ("2020", "4분기", "2020-Q4"), ("2018년", "1 분기", "2018-Q1"), ("2024", "하반기", "2024-H2"),
    ("2024", "비고", "2024"), ("2023-05", "2분기", "2023-05"), ("", "3분기", "")])
def test_a_year_row_under_a_quarter_column_dates_its_cell_to_the_quarter(row_date, header, period):
    from petaflop.extract.tables import _grid_period

    assert _grid_period(row_date, header) == period


def test_a_device_column_names_the_rows_product_after_its_maker(gaz):
    from petaflop.extract.table_reader import TableReader
    from petaflop.extract.text_reader import TextReader

    ex = Extraction()
    res = Resolver(gaz, ex)
    text = TextReader(res, use_kiwi=False)
    text.start_slide("")
    line = 100
    header, rows = ["기기명", "AI 연산 처리", "가격 범위"], [["메타 Ray-Ban", "스냅드래곤 AR1", "$199~$249"],
                                                       ["애플 Vision Pro", "M2 + R1", "$2,999+"]]
    table = Table("T-01-1", Span(line - 1, line + len(rows)), ["AI 글래스"],
                  [Cell(h, h, line, j + 1) for j, h in enumerate(header)],
                  [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)])
                   for i, r in enumerate(rows)], chapter="III", slide_title="III. 테스트", column_labels=header)
    TableReader(res, lambda t: (), text=text).read(table)
    prices = {(s.subject, s.value, s.high) for s in ex.statements if s.kind == "unitPrice"}
    assert prices == {("ray-ban-meta-smart-glasses", Decimal(199), Decimal(249)), ("apple-vision-pro", Decimal(2999), None)}


def test_a_comparison_whose_header_names_chips_prices_them_and_books_spend_to_the_captions_owner(gaz):
    from petaflop.extract.table_reader import TableReader

    ex = Extraction()
    res = Resolver(gaz, ex)
    line = 100
    header = ["항목(unit)", "A100", "H100", "전체"]
    rows = [["엔비디아 GPU 평균판매가 (달러)", "$10,000", "$20,000", ""],
            ["운영 비용 (백만달러)", "$100", "$200", "$300"]]
    table = Table("T-01-1", Span(line - 1, line + len(rows)), ["DeepSeek AI TCO 계산"],
                  [Cell(h, h, line, j + 1) for j, h in enumerate(header)],
                  [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)])
                   for i, r in enumerate(rows)], chapter="VII", slide_title="VII. 테스트", column_labels=header)
    TableReader(res, lambda t: ()).read(table)
    got = {(s.subject, s.kind, s.value, s.item, re.sub(r"@\d+", "", s.rule)) for s in ex.statements}
    assert got == {  # the rule ids without the lexicon entry's line
        ("nvidia-a100", "unitPrice", Decimal(10000), "", "table-reader:unitPrice:header-entities"),
        ("nvidia-h100", "unitPrice", Decimal(20000), "", "table-reader:unitPrice:header-entities"),
        ("deepseek", "amount", Decimal(100_000_000), "nvidia-a100", "table-reader:amount:header-entities:owner"),
        ("deepseek", "amount", Decimal(200_000_000), "nvidia-h100", "table-reader:amount:header-entities:owner"),
        ("deepseek", "amount", Decimal(300_000_000), "", "table-reader:total-owner")}  # the total column: the owner's


def test_a_header_naming_entity_and_measure_per_column_reads_each_section(gaz):
    from petaflop.extract.table_reader import TableReader

    ex = Extraction()
    res = Resolver(gaz, ex)
    line = 100
    header = ["시스템 레벨(단위 : $, W)", "NVL72 비용", "NVL72 전력", "CM384 비용", "CM384 전력"]
    rows = [["스위치 관련", "$1,000", "500W", "$2,000", "900W"],
            ["칩 레벨(단위 : $, W)", "GB200 비용", "GB200 전력", "Ascend 910C 비용", "Ascend 910C 전력"],
            ["스위치", "$30", "7W", "$40", "8W"]]
    table = Table("T-01-1", Span(line - 1, line + len(rows)), ["스케일업 네트워킹 비용 및 필요전력"],
                  [Cell(h, h, line, j + 1) for j, h in enumerate(header)],
                  [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)])
                   for i, r in enumerate(rows)], chapter="VI", slide_title="VI. 테스트", column_labels=header)
    TableReader(res, lambda t: ()).read(table)
    got = {(s.subject, s.kind, s.value, s.unit) for s in ex.statements}
    assert got == {
        ("nvidia-gb200-nvl72", "hardwareCost", Decimal(1000), "USD"), ("nvidia-gb200-nvl72", "powerDemand", Decimal("0.0005"), "MW"),
        ("huawei-cloudmatrix384", "hardwareCost", Decimal(2000), "USD"),
        ("huawei-cloudmatrix384", "powerDemand", Decimal("0.0009"), "MW"),
        ("nvidia-gb200", "hardwareCost", Decimal(30), "USD"), ("nvidia-gb200", "powerDemand", Decimal("0.000007"), "MW"),
        ("huawei-ascend-910c", "hardwareCost", Decimal(40), "USD"),
        ("huawei-ascend-910c", "powerDemand", Decimal("0.000008"), "MW")}


@pytest.mark.parametrize(("cell", "label"), [("2024년 05월 10일", True), ("2024-05-10", True), ("2024년 5월", True),
                                             ("2028년까지 완성", False), ("내년 상반기 완료 계획", False)])
def test_only_a_cell_that_is_a_date_alone_labels_a_row_with_its_date(cell, label):
    from petaflop.extract.tables import _DATE_LABEL

    assert bool(_DATE_LABEL.fullmatch(cell)) is label


def _powers(ex: Extraction) -> set[tuple]:
    return {(f.subject, f.obj, f.rule) for f in ex.facts if f.predicate == "powerCapacityMW"}


def test_a_power_figure_of_another_referent_than_the_slides_topic_is_judged_apart(miner, gaz):
    m, ex = miner
    m.res.record(gaz.by_id("colossus"))
    m.mine("프로젝트 목표는 3GW이고 빠르게 짓는 중.", LOC, "colossus", (), "t")
    m.mine("부지는 1단계가 끝났다. 이 곳만으로도 약 0.8GW를 수용.", LOC, "colossus", (), "t")
    m.mine("12기 전체가 가동되면 총 약 400 MW를 생산.", LOC, "colossus", (), "t")
    m.mine("예상 전력 소모량은 약 20 GW로 추정.", LOC, "colossus", (), "t")
    apart = "claim:cluster-power:slide:other-referent"
    assert {(value, rule) for _, value, rule in _powers(ex)} == {
        (Decimal(3000), "claim:cluster-power:slide"), (Decimal(800), apart), (Decimal(400), apart), (Decimal(20000), apart)}


def test_a_note_column_of_a_mapped_key_value_table_ranks_the_rows_figure(gaz):
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor
    from petaflop.extract.text_reader import TextReader

    ex = Extraction()
    res = Resolver(gaz, ex)
    mapping = next(m for m in load_mappings() if m.id == "company-profile")
    text = TextReader(res, use_kiwi=False)
    text.start_slide("")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], res,
                        SimpleNamespace(mine=lambda *a, **k: []), lambda t: (), text=text)
    line = 100
    rows = [["시장 점유율", "20%", "2024년", "국내 시장 2위, 조사 기관"], ["직원 수", "300명", "2025년", "업계 평균"]]
    table = Table("T-01-1", Span(line - 1, line + len(rows)), ["Moonshot AI에 대한 기업 개요"],
                  [Cell(h, h, line, j + 1) for j, h in enumerate(["항목", "내용", "시점", "비고"])],
                  [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)])
                   for i, r in enumerate(rows)], chapter="VII", slide_title="VII. 테스트",
                  column_labels=["항목", "내용", "시점", "비고"])
    te._key_value(table, mapping)
    assert {(s.subject, s.value, s.scope, s.rule) for s in ex.statements if s.kind == "rank"} == {
        ("moonshot-ai", Decimal(2), "국내 시장", "text:rank:named")}


def test_a_zero_dollar_line_of_a_cost_breakdown_is_a_zero_hardware_cost_but_a_zero_price_is_no_figure(gaz):
    """'구리 인터커넥트 | $500 | 0 | $0 | 0': the system of the '$0' column spends nothing on that part (a cost
    of zero, as the gold reads it); a '$0' under another money measure (a price) still states no amount."""
    from petaflop.extract.table_reader import TableReader

    ex = Extraction()
    res = Resolver(gaz, ex)
    line = 100
    header = ["시스템 레벨(단위 : $, W)", "NVL72 비용", "NVL72 전력", "CM384 비용", "CM384 전력"]
    rows = [["구리 기반 인터커넥트", "$500", "0", "$0", "0"]]
    table = Table("T-01-1", Span(line - 1, line + len(rows)), ["스케일업 네트워킹 비용 및 필요전력"],
                  [Cell(h, h, line, j + 1) for j, h in enumerate(header)],
                  [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)])
                   for i, r in enumerate(rows)], chapter="VI", slide_title="VI. 테스트", column_labels=header)
    TableReader(res, lambda t: ()).read(table)
    got = {(s.subject, s.value, s.unit) for s in ex.statements if s.kind == "hardwareCost"}
    assert got == {("nvidia-gb200-nvl72", Decimal(500), "USD"), ("huawei-cloudmatrix384", Decimal(0), "USD")}
    ex2 = Extraction()
    header = ["항목(unit)", "A100", "H100"]
    rows = [["엔비디아 GPU 평균판매가 (달러)", "$0", "$20,000"]]
    table = Table("T-01-2", Span(line - 1, line + 1), ["GPU 가격 비교"],
                  [Cell(h, h, line, j + 1) for j, h in enumerate(header)],
                  [Row(line + 1, [Cell(t, t, line + 1, j + 1) for j, t in enumerate(rows[0])])],
                  chapter="VII", slide_title="VII. 테스트", column_labels=header)
    TableReader(Resolver(gaz, ex2), lambda t: ()).read(table)
    assert {(s.subject, s.value) for s in ex2.statements if s.kind == "unitPrice"} == {("nvidia-h100", Decimal(20000))}
