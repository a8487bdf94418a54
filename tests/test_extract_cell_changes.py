"""A table row naming one thing and, in a later cell, a figure with a word of change and no base
(cell_changes.py): the thing's relativeDifference (a percentage) or multiple (N배)."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.cell_changes import RULE, add_cell_changes


def _table(rows: list[tuple[str, ...]], header: tuple[str, ...] = ("분야", "솔루션", "성과")) -> Table:
    head = [Cell(t, t, 1, j + 1) for j, t in enumerate(header)]
    body = [Row(2 + i, [Cell(c, c, 2 + i, j + 1) for j, c in enumerate(row)]) for i, row in enumerate(rows)]
    return Table("X-1-1", Span(1, 1 + len(rows)), ["사례"], head, body, chapter="X", slide_title="t")


def _changes(text_reader, table: Table) -> list[tuple]:
    r, ex = text_reader
    add_cell_changes(SimpleNamespace(tables=[table]), ex, r, lambda t: ())
    return sorted((s.subject, s.kind, s.value, s.unit, s.rule) for s in ex.statements)


def test_a_cut_and_a_gain_in_a_later_cell_are_the_named_things_relative_differences(text_reader):
    table = _table([("해운", "AI 기반 OceanWise 플랫폼", "평균 12% 연료 절감, 속도 8% 향상")])
    assert _changes(text_reader, table) == [
        ("oceanwise", "relativeDifference", Decimal(-12), "%", RULE),
        ("oceanwise", "relativeDifference", Decimal(8), "%", RULE)]


def test_a_multiple_with_a_word_of_change_is_the_named_things_multiple(text_reader):
    assert _changes(text_reader, _table([("개선된 NCCL", "3배 낮은 지연 시간")], ("기술", "효과"))) == [
        ("nccl", "multiple", Decimal(3), "x", RULE)]


def test_a_cell_with_a_base_a_target_or_another_name_before_the_figure_gives_nothing(text_reader):
    rows = [("NCCL", "이전 버전 대비 3배 향상"), ("NCCL", "목표: 지연 3배 단축"), ("NCCL", "HiNAS 연료 9% 절감"),
            ("NCCL", "9% 히트율로 효율성 향상")]
    assert _changes(text_reader, _table(rows, ("기술", "효과"))) == []


def test_a_matrix_comparing_named_columns_gives_nothing(text_reader):
    table = _table([("메모리", "HBM3e", "6배 증가")], ("사양", "NVIDIA GB200", "Ironwood"))
    assert _changes(text_reader, table) == []


def _metrics(text_reader, table: Table) -> list[tuple]:
    r, ex = text_reader
    add_cell_changes(SimpleNamespace(tables=[table]), ex, r, lambda t: ())
    return sorted((s.value, s.metric) for s in ex.statements)


def test_each_figure_of_a_listed_pair_measures_the_noun_before_it(text_reader):
    # "X 7% 향상 및 Y 5% 감소": 7% is X's gain, 5% Y's cut — not the words after the figure
    table = _table([("해운", "자율운항 시스템 (HiNAS)", "횡단 성공, 연료효율 7% 향상 및 온실가스 배출 5% 감소")])
    assert _metrics(text_reader, table) == [
        (Decimal(-5), "lower 온실가스 배출 vs without"), (Decimal(7), "higher 연료효율 vs without")]


def test_an_aside_measures_the_phrase_before_it_and_an_adjective_the_noun_after_it(text_reader):
    rows = [("NVLink 6", "3.6TB/s 양방향 대역폭 (2배 향상)"), ("NCCL", "4배 낮은 지연 시간")]
    assert _metrics(text_reader, _table(rows, ("기술", "효과"))) == [
        (Decimal(2), "higher 양방향 대역폭 vs without"), (Decimal(4), "lower 지연 시간 vs without")]
