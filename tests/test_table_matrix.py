"""Two-way (scenario) tables: one measure of the caption's entity against two variables
(petaflop/extract/table_matrix.py), on tables of our own."""

from __future__ import annotations

from decimal import Decimal

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Extraction
from petaflop.extract.lexicon import load_lexicon
from petaflop.extract.resolve import Resolver
from petaflop.extract.table_matrix import is_matrix, read_matrix


def make_table(caption: list[str], header: list[str], rows: list[list[str]]) -> Table:
    line = 100
    head = [Cell(h, h, line, j + 1) for j, h in enumerate(header)]
    body = [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)]) for i, r in enumerate(rows)]
    return Table("T-01-1", Span(line - len(caption), line + len(rows)), caption, head, body,
                 chapter="VI", slide_title="VI. 테스트: 표", column_labels=header)


MATRIX = (["Ascend 910B의 다이 생산량 가정"], ["", "월간 웨이퍼 생산량 (WPM)", "1,000", "2,000"],
          [["수율", "10%", "100", "200"], ["", "20%", "200", "400"]])


def test_a_scenario_matrix_gives_one_estimate_per_cell_with_its_scenario(gaz):
    ex = Extraction()
    n = read_matrix(make_table(*MATRIX), Resolver(gaz, ex), load_lexicon(), ())
    assert n == 4
    got = [(s.subject, s.kind, s.value, s.status, s.per, s.scope, s.metric, s.rule) for s in ex.statements]
    # a what-if grid: every cell is a scenario's value, and "다이 생산량" (dies made) is a count of dies with its
    # metric, never the chip's shipments (a dual-die chip is two dies)
    assert got[0] == ("huawei-ascend-910b", "unitCount", Decimal(100), "estimate", "month",
                      "scenario: 월간 웨이퍼 생산량 (WPM) 1,000, 수율 10%", "다이 생산량", "table-matrix:unitCount")
    assert [s.value for s in ex.statements] == [Decimal(100), Decimal(200), Decimal(200), Decimal(400)]
    assert ex.statements[3].scope.endswith("2,000, 수율 20%")


def test_a_matrix_of_shipments_keeps_the_scenario_scope_and_names_no_production_metric(gaz):
    ex = Extraction()
    _caption, header, body = MATRIX
    read_matrix(make_table(["Ascend 910B의 출하량 시나리오"], header, body), Resolver(gaz, ex), load_lexicon(), ())
    assert [(s.kind, s.metric, s.scope[:9]) for s in ex.statements][:1] == [("shipments", "", "scenario:")]


def test_a_table_of_named_rows_is_no_matrix():
    rows = make_table(["출하량 전망"], ["", "Q1", "Q2", "Q3"], [["폭스콘", "10", "20", "30"], ["관타", "5", "6", "7"]])
    assert not is_matrix(rows)


def test_a_caption_without_an_entity_owning_a_measure_gives_nothing(gaz):
    ex = Extraction()
    _caption, header, body = MATRIX
    assert read_matrix(make_table(["웨이퍼 생산량 가정"], header, body), Resolver(gaz, ex), load_lexicon(), ()) == 0
    assert ex.statements == []



def test_a_change_column_gives_the_second_names_signed_difference_from_the_first(gaz):
    from petaflop.extract.table_matrix import read_change_column

    ex = Extraction()
    t = make_table(["모델 비교"], ["항목", "DeepSeek-V3", "Kimi K2", "V3 대비 K2의 변화"],
                   [["총 파라미터", "100B", "130B", "↑ 30 %"], ["어텐션 헤드 수", "32", "24", "↓ 25 %"],
                    ["레이어 수", "40", "40", "동일"]])
    assert read_change_column(t, Resolver(gaz, ex), ()) == 2
    assert [(s.subject, s.kind, s.value, s.unit, s.metric) for s in ex.statements] == [
        ("kimi-k2", "relativeDifference", Decimal(30), "%", "총 파라미터 vs DeepSeek V3"),
        ("kimi-k2", "relativeDifference", Decimal(-25), "%", "어텐션 헤드 수 vs DeepSeek V3")]


def test_a_change_column_of_multiples_names_its_subject_by_another_columns_first_words(gaz):
    from petaflop.extract.table_matrix import read_change_column

    ex = Extraction()
    t = make_table(["사양 비교"], ["사양", "엔비디아 GB200", "7세대 TPU Ironwood", "6세대 TPU Trillium 대비 7세대 성능"],
                   [["메모리 용량", "1 GB", "2 GB", "3배 증가"], ["전력", "1 W", "1 W", "성능/전력 효율 2배 향상"],
                    ["연산", "1", "1", "-"]])
    assert read_change_column(t, Resolver(gaz, ex), ()) == 2
    got = [(s.kind, s.value, s.unit, s.metric, s.rule) for s in ex.statements]
    assert got == [("multiple", Decimal(3), "x", "메모리 용량 vs Google TPU v6 Trillium", "table-change-column"),
                   ("multiple", Decimal(2), "x", "성능/전력 효율 vs Google TPU v6 Trillium", "table-change-column")]
    assert {s.subject for s in ex.statements} == {ex.statements[0].subject} and "ironwood" in ex.statements[0].subject


def test_a_first_word_shared_by_two_columns_names_no_subject(gaz):
    from petaflop.extract.table_matrix import read_change_column

    ex = Extraction()
    t = make_table(["사양 비교"], ["사양", "7세대 TPU Ironwood", "7세대 TPU Ironwood Pod", "6세대 TPU Trillium 대비 7세대 성능"],
                   [["메모리 용량", "1 GB", "2 GB", "3배 증가"]])
    assert read_change_column(t, Resolver(gaz, ex), ()) == 0
