"""Audit 12: figures whose words limit what they measure keep that limit. A margin keeps its whole name
("운영마진", not "마진"); a depreciation period in a model's table is scoped to the model, not the chip's
lifetime; a multiple under a caption heading naming the part compared ("스케일업 네트워킹 비용") keeps the
part; a change of a measure written after "<place> 내" holds there. Sentences and tables of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.compared_measure import heading_part, measure_within
from petaflop.extract.facts import Extraction, Location
from petaflop.extract.lexicon import compound_at
from petaflop.extract.resolve import Resolver
from petaflop.extract.table_market_scope import label_scope

LOC = Location(10, 10, "X", "test slide")


# --------------------------------------------------------------------------- a margin's whole name


@pytest.mark.parametrize(("text", "word", "metric"), [
    ("GCP 운영마진은 20.7%로 확대", "마진", "운영마진"),
    ("조정 영업이익률 46%", "이익률", "영업이익률"),
    ("2024년 EBITDA 마진을 75%로", "마진", "EBITDA 마진"),
    ("잉여현금흐름(FCF) 마진율은 57%", "마진", "잉여현금흐름(FCF) 마진율"),
    ("예비율은 37%", "예비율", "예비율"),
])
def test_a_margin_metric_is_the_whole_compound_it_is_written_in(text, word, metric):
    at = text.index(word)
    assert compound_at(text, at, at + len(word)) == metric


def test_a_margin_in_prose_is_a_share_named_by_its_whole_metric(text_reader):
    r, ex = text_reader
    r.read("팔란티어의 조정 영업이익률은 46%를 기록.", LOC, ())
    assert [(s.subject, s.kind, s.value, s.metric) for s in ex.statements if s.kind == "share"] == [
        ("palantir", "share", Decimal(46), "영업이익률")]


# --------------------------------------------------------------------------- an assumed depreciation period


def test_a_depreciation_row_is_scoped_to_the_model_its_caption_names():
    assert label_scope("lifetime", "감가상각연수(년)", ["DeepSeek AI TCO 계산, 4년 총비용 추정"]) == \
        "감가상각연수 (DeepSeek AI TCO 계산)"
    assert label_scope("lifetime", "감가상각 기간", ["서버 비용 비교"]) == "감가상각 기간"  # no model: the label
    assert label_scope("lifetime", "수명", ["DeepSeek AI TCO 계산"]) == ""  # a lifetime proper


def test_a_depreciation_period_read_from_a_tco_table_is_not_a_bare_lifetime(gaz):
    from petaflop.extract.table_reader import TableReader

    ex = Extraction()
    res = Resolver(gaz, ex)
    line = 100
    header = ["항목(unit)", "A100", "H100", "전체"]
    rows = [["감가상각연수(년)", "4", "4", ""], ["엔비디아 GPU 평균판매가 (달러)", "$10,000", "$20,000", ""]]
    table = Table("T-01-1", Span(line - 1, line + len(rows)), ["DeepSeek AI TCO 계산"],
                  [Cell(h, h, line, j + 1) for j, h in enumerate(header)],
                  [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)])
                   for i, r in enumerate(rows)], chapter="VII", slide_title="VII. 테스트", column_labels=header)
    TableReader(res, lambda t: ()).read(table)
    assert sorted((s.subject, s.value, s.unit, s.scope) for s in ex.statements if s.kind == "lifetime") == [
        ("nvidia-a100", Decimal(4), "year", "감가상각연수 (DeepSeek AI TCO 계산)"),
        ("nvidia-h100", Decimal(4), "year", "감가상각연수 (DeepSeek AI TCO 계산)")]


# --------------------------------------------------------------------------- the part a heading names


@pytest.mark.parametrize(("heading", "metric", "part"), [
    ("AI 시스템 레벨에서의 스케일업 네트워킹 비용 및 필요전력", "비용 vs B", "스케일업 네트워킹"),
    ("AI 시스템 레벨에서의 스케일업 네트워킹 비용 및 필요전력", "전력 소비 vs B", "스케일업 네트워킹"),
    ("텍사스에서의 자율주행 서비스 면적 비교", "면적 higher vs B", "자율주행 서비스"),
    ("연도별 전력 발전량 추이", "전력 발전량 vs B", ""),  # the measure holds them already
    ("랙 시스템 비교", "비용 vs B", ""),  # the heading does not write the measure
    ("vs 고객 연도별 매출", "매출 vs B", ""),  # a distribution word is no part
])
def test_a_caption_heading_names_the_part_a_multiple_compares(heading, metric, part):
    assert heading_part(heading, metric) == part


def test_a_multiple_under_a_heading_of_a_part_keeps_the_part_in_its_metric(text_reader):
    r, ex = text_reader
    r.caption_heading = "칩 레벨에서의 스케일업 네트워킹 비용 및 필요전력"
    r.read("CM384는 NVL72에 비해 비용은 6배에 달하고, 전력 소비는 무려 11배", LOC, ())
    got = [(s.subject, s.value, s.metric) for s in ex.statements if s.kind == "multiple"]
    assert got == [("huawei-cloudmatrix384", Decimal(6), "스케일업 네트워킹 비용 vs NVIDIA GB200 NVL72"),
                   ("huawei-cloudmatrix384", Decimal(11), "스케일업 네트워킹 전력 소비 vs NVIDIA GB200 NVL72")]
    r.caption_heading = ""
    ex.statements.clear()
    r.read("CM384는 NVL72에 비해 비용은 6배", LOC, ())
    assert [s.metric for s in ex.statements if s.kind == "multiple"] == ["비용 vs NVIDIA GB200 NVL72"]


# --------------------------------------------------------------------------- a place a measure holds in


def test_a_place_within_before_the_measure_scopes_the_change(text_reader):
    s = "미국 내 상업 고객 수는 전년 대비 64% 증가"
    assert measure_within(s, 0, s.index("64"), "상업 고객 수 higher vs prior year", "higher vs prior year") == "미국 내"
    assert measure_within(s, 0, s.index("64"), "higher vs prior year", "higher vs prior year") == ""
    r, ex = text_reader
    r.read("팔란티어의 미국 내 상업 고객 수는 전년 대비 64% 증가.", LOC, ())
    got = [(s.subject, s.kind, s.value, s.metric, s.scope) for s in ex.statements if s.kind == "growthRate"]
    assert got == [("palantir", "growthRate", Decimal(64), "상업 고객 수 higher vs prior year", "미국 내")]
    ex.statements.clear()
    r.read("팔란티어의 상업 고객 수는 전년 대비 64% 증가.", LOC, ())
    assert [s.scope for s in ex.statements if s.kind == "growthRate"] == [""]


def test_a_measure_owned_by_no_name_is_scoped_to_its_owner(text_reader):
    from petaflop.extract.compared_measure import owner_segment

    s = "상위 20개 고객의 매출은 30% 증가"
    assert owner_segment(s, 0, s.index("30%"), "매출", []) == "상위 20개 고객"
    s = "128,000 토큰의 처리 능력(16배)"
    assert owner_segment(s, 0, s.index("16"), "처리 능력", []) == ""  # a figure, cut at its comma
    r, ex = text_reader
    r.read("팔란티어는 성장 중. 상위 20개 고객의 매출은 30% 증가.", LOC, ())
    assert [(s.subject, s.value, s.metric, s.scope) for s in ex.statements if s.kind == "growthRate"] == [
        ("palantir", Decimal(30), "매출", "상위 20개 고객")]
    ex.statements.clear()
    r.read("팔란티어의 매출은 30% 증가.", LOC, ())  # the owner is the subject's name: no scope
    assert [(s.subject, s.value, s.scope) for s in ex.statements if s.kind == "growthRate"] == [
        ("palantir", Decimal(30), "")]


def test_a_bare_place_before_the_measure_scopes_the_change(text_reader):
    s = "한편, 미국 정부 매출은 전년 대비 53% 증가"
    us = (s.index("미국"), s.index("미국") + 2)
    assert measure_within(s, 0, s.index("53"), "정부 매출 vs prior year", "vs prior year", [us]) == "미국"
    assert measure_within(s, 0, s.index("53"), "정부 매출 vs prior year", "vs prior year") == ""
    r, ex = text_reader
    r.read("팔란티어의 미국 정부 매출은 전년 대비 53% 증가.", LOC, ())
    got = [(s.subject, s.value, s.scope) for s in ex.statements if s.kind == "growthRate"]
    assert got == [("palantir", Decimal(53), "미국")]
    ex.statements.clear()
    r.read("미국은 팔란티어의 정부 매출이 전년 대비 53% 증가.", LOC, ())  # the place is no modifier of the measure
    assert [s.scope for s in ex.statements if s.kind == "growthRate"] == [""]
