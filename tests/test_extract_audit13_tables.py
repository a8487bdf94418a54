"""Audit 13 (tables): a model table's rows keep their own per-unit (a section naming two periods gives
none; a caption reckoning one car, "차량 한 대당", makes its totals and counts per vehicle); a table
of plans (caption "… 해외 인프라 계획") gives planned capex to the sites its cells open; a column of a
next-generation chip ("차세대 920C") holds planned specs; a yearly count read from a cell keeps the noun
counted before it or is not stated. Tables and sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.cell_items import read_policy_items
from petaflop.extract.facts import Extraction, Location
from petaflop.extract.resolve import Resolver
from petaflop.extract.sites import _PLANS, SiteReader
from petaflop.extract.table_per import one_thing, per_one_thing, row_per
from petaflop.extract.table_status import TableStatus


def _table(rows: list[list[str]], caption: str, header: list[str], line: int = 100) -> Table:
    head = [Cell(h, h, line, j + 1) for j, h in enumerate(header)]
    body = [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)]) for i, r in enumerate(rows)]
    return Table("T-01-1", Span(line - 1, line + len(rows)), [caption], head, body, chapter="IX",
                 slide_title="IX. 테스트", column_labels=header)


MODEL_ROWS = [["C. 일일/연간 수익 및 비용 분석", "", "", ""],
              ["31. 일일 승객 운행 횟수", "회", "9.5", "항목 24/항목 30"],
              ["38. 일일 승객 운송 수익", "\\$", "80.1", "항목 32*항목 9"],
              ["47. 연간 총수익", "\\$", "30,000", "항목 42*365"],
              ["49. 감가상각비 (차량 가격/ 연 수명)", "\\$", "5,000", "항목 1/항목 2.0"]]


def test_a_section_naming_two_periods_gives_a_row_none_of_them():
    table = _table(MODEL_ROWS, "표 제목", ["항목", "단위", "값", "비고 및 설명"])
    assert [row_per(table, line, 3) for line in (102, 103, 104, 105)] == ["day", "day", "year", ""]
    one = _table([["B. 일일 운행 분석", "", "", ""], ["감가상각비", "\\$", "5,000", ""]], "표", ["항목", "단위", "값", "비고"])
    assert row_per(one, 102, 3) == "day"  # a section of one period still gives it


def test_a_caption_reckoning_one_car_makes_the_rows_per_vehicle():
    table = _table(MODEL_ROWS, "로보택시라면 차량 한 대당 가치는 3배가 되는 이유", ["항목", "단위", "값", "비고 및 설명"])
    assert one_thing(table) == "vehicle"
    assert one_thing(_table(MODEL_ROWS, "로보택시의 경제성", ["항목", "단위", "값", "비고 및 설명"])) == ""
    assert [per_one_thing(p, "vehicle") for p in ("day", "year", "", "mile")] == \
        ["vehicle-day", "vehicle-year", "vehicle", "mile"]


def test_a_next_generation_column_holds_planned_specs():
    header = ["항목", "현재 주력 810C", "차세대 820C (MoE 특화)"]
    status = TableStatus(_table([["제조 공정", "SMIC 7nm", "SMIC 5nm"]], "칩 비교", header), False)
    assert status.status("processNode", None, 101, 3, "2025-09-01") == "planned"
    assert status.status("processNode", None, 101, 2, "2025-09-01") is None  # the chip of now: as read
    later = TableStatus(_table([["공정", "N3"]], "칩 비교", ["항목", "Rubin (출시 예정)"]), False)
    assert later.status("processNode", None, 101, 2, "2025-09-01") == "planned"


def _capex(gaz, plans: bool) -> list[tuple]:
    ex = Extraction()
    SiteReader(ex, Resolver(gaz, ex)).read("- 일본 오사카에 두 번째 거점 건설에 3억 달러 투자", Location(1, 1),
                                           "tencent-cloud", (), plans)
    return [(s.kind, s.value, s.status) for s in ex.statements]


def test_money_of_a_site_in_a_table_of_plans_is_planned(gaz):
    assert _capex(gaz, True) == [("capex", Decimal(300000000), "planned")]
    assert _capex(gaz, False) == [("capex", Decimal(300000000), "actual")]
    assert _PLANS.search("주요 클라우드 기업의 해외 인프라 계획")
    assert not _PLANS.search("주요 클라우드 기업의 해외 데이터센터 현황")


def _counts(gaz, text: str) -> list[tuple]:
    ex = Extraction()
    table = _table([["중국 현황", text]], "표 제목", ["항목", "세부 내용"])
    read_policy_items(table, Resolver(gaz, ex), ex,
                      lambda t, c, r: Location(c.line, c.line, t.chapter, t.slide_title, t.id, r, c.column), ())
    return sorted((int(s.value), s.metric, s.per, s.scope) for s in ex.statements if s.kind == "unitCount")


def test_a_yearly_count_keeps_the_noun_counted_before_it_or_is_not_stated(gaz):
    assert _counts(gaz, "전력: 3개 지역 4기 원자로 승인, 지난 3년간 매년 2기 승인") == [
        (2, "원자로 승인", "year", "지난 3년간"), (3, "지역", "", ""), (4, "원자로", "", "")]
    assert _counts(gaz, "전력: 매년 2기 승인") == []  # a bare count: no noun, nothing stated
