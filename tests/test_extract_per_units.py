"""What a figure is given per (petaflop.extract.table_per): a row label with a noun and 당 ("토큰당 활성
전문가", "개발자 1인당 연간 수익"), a sub-header of a level of things ("칩 레벨"), an item under a group row,
and a per or a period named right before the figure in its cell or clause ("(샘플당 $0.34)", "연간 80억
달러"). Tables and sentences are our own."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ontology.model import load_model
from petaflop.extract.cell_text import cell_period
from petaflop.extract.facts import EntityRecord, Extraction, Fact, Location, Statement
from petaflop.extract.status_context import settle_statuses
from petaflop.extract.table_per import per_before, per_of_header, row_per
from petaflop.statements import statement_from_fact
from tests.test_table_reader import make_table


def _at(column: int, line: int, table_id: str = "T-01-1") -> Location:
    return Location(line, line, "IV", "IV. 테스트: 표", table_id, line - 100, column)


def _value(kind: str, loc: Location, raw: str = "", unit: str = "USD") -> Statement:
    return Statement("acme", kind, loc, "test", value=Decimal(5), unit=unit, raw=raw)


def test_the_per_named_right_before_a_figure():
    assert per_before("비교적 예측 가능 (샘플당 $0.34)") == "sample"
    assert per_before("연간 80억 달러 현금 소진") == "year"
    assert per_before("각 task 당 300개 생성") == "task"
    assert per_before("차량 한 대당 가격이 2억 원(15만 달러)") == "vehicle"
    assert per_before("월 20달러") == "month"
    # not a per: the 당 of 해당/상당, a month of a date, a cell of many figures
    assert per_before("해당 2억 원") == per_before("상당 부분이 30%") == per_before("3월 10일 출시") == ""
    assert per_before("칩당 10W, 20W, 30W") == ""


def test_a_row_label_a_level_of_things_or_a_group_row_gives_the_per():
    table = make_table(["비교"], ["항목", "값"],
                       [["개발자 1인당 연간 추정 수익", "$1,130"], ["토큰당 활성 전문가", "8"], ["1회 운송 시간", "0.4"],
                        ["칩 레벨(단위 : $, W)", "A 비용"], ["스위치", "$2,330"],
                        ["시스템 레벨(단위 : $, W)", "B 비용"], ["스위치", "$167,760"],
                        ["합계", ""], ["", "연간 OPEX (임차료)", "300", "5 GW 용량"]])
    assert [row_per(table, line, 2) for line in (101, 102, 103, 105, 107)] == \
        ["developer-year", "token", "", "chip", ""]
    assert row_per(table, 109, 3) == "year"  # the item of the group row labels the figure right after it
    assert row_per(table, 109, 4) == ""  # not a remark further on


def test_settling_reads_the_per_of_a_cell_and_of_a_prose_figure():
    table = make_table(["비교"], ["항목", "내용"], [["현금", "연간 80억 달러 현금 소진"], ["비용", "예측 가능 (샘플당 $0.34)"]])
    lines = [""] * 99 + ["항목\t내용", "현금\t연간 80억 달러 현금 소진", "비용\t예측 가능 (샘플당 $0.34)", "본문"]
    prose = Location(104, 104, "IV", "IV. 테스트", None, 0, 0)
    ex = Extraction(statements=[_value("amount", _at(2, 101)), _value("amount", _at(2, 102)),
                                _value("unitPrice", prose, "차량 한 대당 가격이 2억 원"),
                                _value("rackPower", prose, "랙당 250kW가 넘는", "kW")])
    settle_statuses([table], ex, lines)
    assert [s.per for s in ex.statements] == ["year", "sample", "vehicle", ""]  # rackPower is per rack already


def test_a_mapped_table_fact_takes_the_per_of_its_row():
    table = make_table(["사양"], ["항목", "A 모델"], [["총 전문가 숫자", "128"], ["토큰당 활성 전문가", "8"]])
    facts = [Fact("acme", "expertCount", "128", False, _at(2, 101), "table:t:expertCount"),
             Fact("acme", "expertCount", "8", False, _at(2, 102), "table:t:expertCount")]
    ex = Extraction(facts=facts)
    settle_statuses([table], ex, [])
    model = load_model()
    pers = [statement_from_fact(f, model.truthy_rule("expertCount"), model).per for f in ex.facts]
    assert pers == ["", "token"]


def test_a_token_price_header_names_the_side_of_the_tokens():
    assert per_of_header("입력 가격 (1M 토큰당)") == "1M input tokens"
    assert per_of_header("캐시된 입력 가격 (1M 토큰당)") == "1M cached input tokens"
    assert per_of_header("출력 비용 (달러/백만 토큰)") == "1M output tokens"
    assert per_of_header("가격 (1M 토큰당)") == "1M tokens"


def test_a_lettered_section_of_a_model_table_with_a_remark_gives_its_per():
    table = make_table(["모델"], ["항목", "단위", "값", "비고"],
                       [["B. 연간 차량당 지표", "", "", ""], ["58. 총수익", "$", "39,018", ""],
                        ["C. 가치평가 (차량당)", "", "", "향후 10년간 가정"], ["62. FCF 현재가치 (1년차)", "$", "17,442", ""],
                        ["D. 부가 수익 (차량당 연간)", "", "", ""], ["17. 광고 수익", "$", "1,000", ""]])
    assert [row_per(table, line, 3) for line in (102, 104, 106)] == ["vehicle-year", "vehicle", "vehicle-year"]


def test_a_period_before_a_dated_figure_is_its_total_not_a_rate():
    assert per_before("연간 5천억 달러 이상을 지출", periods=False) == ""
    assert per_before("칩당 192GB", periods=False) == "chip"
    prose = Location(104, 104, "IV", "IV. 테스트", None, 0, 0)
    dated = replace(_value("capex", prose, "2025년 연간 5천억 달러 이상을 지출"), time=cell_period("2025"))
    ex = Extraction(statements=[dated, _value("amount", prose, "연간 80억 달러 현금 소진")])
    settle_statuses([], ex, [])
    assert [s.per for s in ex.statements] == ["", "year"]


def test_an_hourly_price_of_a_chip_is_per_gpu_hour():
    prose = Location(104, 104, "IV", "IV. 테스트", None, 0, 0)
    gpu = replace(_value("unitPrice", prose, "시간당 1달러"), subject="l40", per="hour")
    car = replace(_value("unitPrice", prose, "시간당 14달러"), per="hour")
    ex = Extraction(statements=[gpu, car])
    ex.add_entity(EntityRecord("l40", ("GPU",), "L40"))
    settle_statuses([], ex, [])
    assert [s.per for s in ex.statements] == ["GPU-hour", "hour"]


def test_a_row_label_pricing_one_thing_gives_the_per():
    table = make_table(["차량 1대 경제성"], ["항목", "값", "설명"],
                       [["차량 가격 (USD)", "30,000", "구매 총비용"], ["평균 승차 요금 (USD)", "7", "한 번 탑승"],
                        ["1. 차량 가격 (예: 사이버캡)", "28,000", "가정"], ["감가상각비 (차량 가격/ 연 수명)", "5,600", ""],
                        ["차량 가격 합산", "9", ""]])
    assert [row_per(table, line, 2) for line in range(101, 106)] == ["vehicle", "ride", "vehicle", "", ""]
    ex = Extraction(statements=[_value("unitPrice", _at(2, 101)), _value("unitPrice", _at(2, 102))])
    settle_statuses([table], ex, [""] * 110)
    assert [s.per for s in ex.statements] == ["vehicle", "ride"]
