"""A table's basis and a trip's fare (petaflop.extract.table_per), and a span framing a measure
(petaflop.extract.status_words): "하루 질의량 (개)" makes the totals reckoned below it daily ("총 GPU 사용 시간",
"GPU 임대 비용", "전력 사용량"); "요금 | 2km 정도 단거리: $3.8" is the fare of one ride; "4년 동안의 총 비용은 …
로 추정" estimates the cost, not the span. Tables and sentences are our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.status_context import settle_statuses
from petaflop.extract.status_words import clause_words, frames_a_measure
from petaflop.extract.table_per import row_per
from tests.test_table_reader import make_table


def _daily_table():
    return make_table(["질의 하나당 비용 추산"], ["항목", "값"],
                      [["GPU 임대 단가 ($/시간)", "3"], ["질의당 GPU 사용 시간 (초)", "8"], ["하루 질의량 (개)", "5억"],
                       ["총 GPU 사용 시간 (초)", "4,000,000,000"], ["GPU 임대 비용 (USD)", "3,333,333"],
                       ["전력 사용량 (kWh)", "250,000"], ["전력 단가 ($/kWh)", "0.12"], ["전기 비용 (USD)", "30,000"],
                       ["일간 비용 (USD)", "3,363,333"], ["프롬프트당 비용 (센트)", "0.67"], ["운행비 비율", "30%"]])


def test_totals_reckoned_from_a_daily_volume_are_daily():
    table = _daily_table()
    assert [row_per(table, line, 2) for line in range(101, 112)] == \
        ["", "query", "day", "day", "day", "day", "", "day", "day", "prompt", ""]
    ex = Extraction(statements=[Statement("acme", "amount", Location(105, 105, "IV", "IV. 테스트: 표", "T-01-1", 5, 2),
                                          "test", value=Decimal(3333333), unit="USD")])
    settle_statuses([table], ex, [""] * 120)
    assert ex.statements[0].per == "day"


def test_no_basis_before_the_volume_row_or_where_the_periods_differ():
    # a total above the daily volume, and a table mixing daily and yearly rows, have no one basis
    above = make_table(["비용"], ["항목", "값"], [["총 GPU 사용 시간 (초)", "100"], ["하루 질의량 (개)", "10"]])
    mixed = make_table(["경제성"], ["항목", "값"],
                       [["일일 승차 횟수", "20"], ["연간 매출 (USD)", "50,000"], ["총 운행비 (USD)", "15,000"]])
    assert row_per(above, 101, 2) == ""
    assert row_per(mixed, 103, 2) == ""


def test_a_fare_for_a_trip_of_a_length_is_per_ride():
    table = make_table(["비교"], ["항목", "A사", "B사"],
                       [["요금", "3km 정도 단거리: $4.1", "3km 정도 단거리: $19"], ["", "15km 장거리: $12.5", "15km 장거리: $22"],
                        ["구독 요금", "$20", "$10"], ["요금", "$30", "$25"]])
    assert [row_per(table, line, c) for line in (101, 102) for c in (2, 3)] == ["ride"] * 4
    assert row_per(table, 103, 2) == row_per(table, 104, 2) == ""  # no trip named: no ride


def test_the_span_a_total_is_reckoned_over_is_not_estimated(text_reader):
    clause = "딥시크 TCO 계산, 3년 동안의 총 소유 비용은 12억 달러로 추정"
    assert "추정" not in clause_words(clause, "3년")  # the span frames the cost: the estimate is the cost's
    assert "추정" in clause_words(clause, "12억 달러")
    assert "추정" in clause_words("3년 걸릴 것으로 추정", "3년")
    # under a model table's caption (its figures estimates), the span's window: "…, 3년 동안의 총 소"
    assert frames_a_measure("딥시크 TCO 계산, 3년 동안의 총 소") and frames_a_measure("지난 10년간의 약속을")
    assert not frames_a_measure("3년 동안의 총 소유 비용은 12억 달러로") and not frames_a_measure("3년 걸려 완공")
    r, ex = text_reader
    r.read("DeepSeek의 3년 동안의 총 소유 비용은 12억 달러로 추정", Location(10, 10, "IV", "test slide"), ())
    assert [(s.value, s.status) for s in ex.statements if s.unit == "USD"] == [(Decimal(1200000000), "estimate")]


def test_settling_keeps_the_framing_span_actual():
    line = "딥시크 TCO 계산, 3년 동안의 총 소유 비용은 12억 달러로 추정"
    loc = Location(3, 3, "IV", "test slide")
    ex = Extraction(statements=[
        Statement("deepseek", "duration", loc, "test", value=Decimal(3), unit="year", raw="딥시크 TCO 계산, 3년 동안의 총 소"),
        Statement("deepseek", "amount", loc, "test", value=Decimal(1200000000), unit="USD", raw="총 소유 비용은 12억 달러로 추정")])
    settle_statuses([], ex, ["", "", line, ""])
    assert [s.status for s in ex.statements] == ["actual", "estimate"]


def test_a_count_in_a_cells_prose_takes_no_period_from_its_row_label():
    table = make_table(["클라우드 현황"], ["구분", "수치", "세부 내용"],
                       [["연간 투자 계획", "$52.7B", "현재 87개 가용성 영역 확보"], ["연간 매출", "$10B", "매년 100개 신설"]])
    loc = Location(101, 101, "VII", "VII. 테스트: 표", "T-01-1", 1, 3)
    cell_row = Location(102, 102, "VII", "VII. 테스트: 표", "T-01-1", 2, 3)
    ex = Extraction(statements=[
        Statement("acme", "unitCount", loc, "text-cell:unit-count:row", value=Decimal(87), unit="count",
                  raw="현재 87개 가용성 영역"),
        Statement("acme", "unitCount", loc, "table-reader:unitCount@test", value=Decimal(87), unit="count"),
        Statement("acme", "unitCount", cell_row, "text-cell:unit-count:row", value=Decimal(100), unit="count",
                  raw="100개 신설")])
    lines = [""] * 120
    lines[101] = "연간 매출\t$10B\t매년 100개 신설"
    settle_statuses([table], ex, lines)
    # the zones are a stock, not a yearly figure; the row's own count keeps its label's period; the cell's "매년" counts
    assert [s.per for s in ex.statements] == ["", "year", "year"]
