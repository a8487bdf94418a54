"""Dates and benchmark scores of task H (wave 6), on tables and sentences of our own: a firm's figure in a
table its caption says compares benchmarks, a date column attached to the thing the row's first cell names
(table mappings' ``on = "first"``), scores and release dates in parentheses after a name, a lead date
written without its comma (petaflop/extract/table_reader.py, tables.py, text_scores.py, text_dates.py)."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Extraction, Location
from petaflop.extract.resolve import Resolver

LOC = Location(10, 10, "IV", "test slide")


def make_table(caption: list[str], header: list[str], rows: list[list[str]], transposed: bool = False) -> Table:
    line = 100
    head = [Cell(h, h, line, j + 1) for j, h in enumerate(header)]
    body = [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)]) for i, r in enumerate(rows)]
    return Table("T-01-1", Span(line - len(caption), line + len(rows)), caption, head, body, transposed=transposed,
                 chapter="IV", slide_title="IV. 테스트: 표", column_labels=header)


def scores(ex: Extraction) -> set[tuple]:
    return {(s.subject, s.value, s.unit, s.scope, s.rule) for s in ex.statements if s.kind == "benchmarkScore"}


def dated(ex: Extraction) -> list[tuple]:
    return [(s.subject, s.kind, s.time.text, s.status, s.rule) for s in ex.statements if s.kind.endswith("Date")]


@pytest.mark.parametrize(("caption", "expected"), [
    ("Anthropic과 OpenAI의 벤치마크 결과 비교", {
        ("anthropic", Decimal("38.1"), "%", "추세 분석", "table-reader:benchmarkScore@model-default:caption"),
        ("openai", Decimal("23.8"), "%", "추세 분석", "table-reader:benchmarkScore@model-default:caption")}),
    ("Anthropic과 OpenAI 비교", set()),  # no benchmark named: a firm's unlabelled figure is no score
])
def test_a_firms_figure_is_a_benchmark_score_only_under_a_benchmark_caption(table_reader, caption, expected):
    r, ex = table_reader
    r.read(make_table([caption], ["항목", "Anthropic", "OpenAI"], [["추세 분석", "38.1%", "23.8%"]], transposed=True))
    assert scores(ex) == expected


def test_a_date_column_can_belong_to_the_thing_the_first_cell_names(gaz):
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor

    ex = Extraction()
    mapping = next(m for m in load_mappings() if m.id == "tesla-chips")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], Resolver(gaz, ex),
                        SimpleNamespace(mine=lambda *a, **k: []), lambda t: ())
    te._rows(make_table(["차량용 칩"], ["버전", "출시 시기", "칩 이름", "제조사", "제조 공정"],
                        [["HW1", "2014년 9월", "EyeQ3", "모빌아이", "40 nm"],
                         ["AI6", "2031년", "Tesla AI6 Chip", "삼성전자", "2 nm"]]), mapping)
    assert dated(ex) == [("tesla-hw1", "releaseDate", "2014-09", "actual", "table:tesla-chips:releaseDate"),
                         ("tesla-ai6", "releaseDate", "2031", "planned", "table:tesla-chips:releaseDate")]
    links = {(f.subject, f.predicate, str(f.obj)) for f in ex.facts}
    # the maker column: Mobileye runs no foundry, so it designed EyeQ3 (tests/test_extract_maker_column.py)
    assert ("mobileye-eyeq3", "designedBy", "mobileye") in links and ("mobileye-eyeq3", "fabricatedBy", "mobileye") not in links
    assert ("tesla-ai6", "fabricatedBy", "samsung-electronics") in links


def test_scores_in_parentheses_after_names_in_a_sentence_about_a_test(text_reader):
    r, ex = text_reader
    r.read("ARC-AGI v2 시험 기준, Grok 4 (15.9%)는 Claude Opus 4 (8.6%) 대비 약 2배.", LOC, ())
    assert scores(ex) == {("grok-4", Decimal("15.9"), "%", "ARC-AGI v2 시험 기준", "text:paren-score"),
                          ("claude-opus-4", Decimal("8.6"), "%", "ARC-AGI v2 시험 기준", "text:paren-score")}


def test_points_make_a_firms_score_but_a_share_sentence_has_none(text_reader):
    r, ex = text_reader
    r.read("평균 점수 기준, 구글(9.0점), 메타(7.4점).", LOC, ())
    r.read("시장 점유율 기준, 구글(9.0%), 메타(7.4%).", LOC, ())
    assert {(s[0], s[1], s[2]) for s in scores(ex)} == {("google", Decimal("9.0"), ""), ("meta", Decimal("7.4"), "")}


def test_a_year_in_parentheses_after_a_chips_name_is_its_release(text_reader):
    r, ex = text_reader
    r.read("TPU v2(2017) 대비 최신 Ironwood(2025)는 성능 향상.", LOC, ())
    assert dated(ex) == [("google-tpu-v2", "releaseDate", "2017", "actual", "text:name-paren-date:releaseDate"),
                         ("google-tpu-v7-ironwood", "releaseDate", "2025", "actual", "text:name-paren-date:releaseDate")]


def test_a_lead_month_without_a_comma_dates_the_later_announcement(text_reader):
    r, ex = text_reader
    r.read("올해 4월 화웨이는 칩의 열세를 규모로 넘는, 이른바 전략의 결정체인 CloudMatrix384 아키텍처를 공개.", LOC, ())
    assert dated(ex) == [("huawei-cloudmatrix384", "announcedDate", "2025-04", "actual",
                          "text:event-lead-date")]
    r.read("올해 매출 화웨이는 칩의 열세를 규모로 넘는, 이른바 결정체인 CloudMatrix384 아키텍처를 공개.", LOC, ())  # a year and a noun: no lead date
    assert len(dated(ex)) == 1


def test_an_event_happened_at_its_clauses_date_else_the_lead_date(text_reader):
    r, ex = text_reader
    r.read("2025년 4월 발생한 이베리아 반도 정전 사태에서 발전이 정지.", LOC, ())
    r.read("2024년 7월, 데이터센터 밀집 지역에서 전압 강하 사태가 발생.", LOC, ())
    r.read("이베리아 반도 정전 이후 2026년 계획이 바뀜.", LOC, ())  # a date after the event is not its date
    assert dated(ex) == [
        ("iberian-peninsula-blackout-april-2025", "eventDate", "2025-04", "actual", "text:event-class-date"),
        ("northern-virginia-grid-disturbance-july-2024", "eventDate", "2024-07", "actual", "text:event-class-date")]


def test_a_score_as_the_object_of_its_verb_belongs_to_the_model_before_it(text_reader):
    r, ex = text_reader
    r.read("Qwen3-235B-A22B는 생각 없이 ARC-AGI-1에서 41%를 기록.", LOC, ())
    r.read("Grok 4는 약 17%의 점수로 경쟁 모델을 압도.", LOC, ())
    r.read("Grok 4의 조정 영업마진은 46%를 기록.", LOC, ())  # no test named: a margin, not a score
    assert scores(ex) == {("qwen3-235b-a22b", Decimal(41), "%", "ARC-AGI-1", "text:score-verb"),
                          ("grok-4", Decimal(17), "%", "", "text:score-verb:unsure")}  # on no named test: a claim


def test_a_span_of_months_is_no_release_date_but_dates_a_plan_by_both_its_ends(text_reader):
    r, ex = text_reader
    r.read("1~2월에 출시된 B40의 수출도 허용.", LOC, ())  # a past span names no one date
    assert dated(ex) == []
    r.read("11~12월에 출시 예정인 B40의 수출도 허용.", LOC, ())  # a plan's span: both ends (audit 29 A n=133)
    assert [d[:3] for d in dated(ex)] == [("nvidia-rtx-pro-6000d", "releaseDate", "2025-11~2025-12")]
