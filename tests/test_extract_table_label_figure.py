"""A key–value table's row the lexicon does not know (petaflop.extract.table_label_figure): a bare figure or a date
opening the value cell is the profiled entity's measure the label names. Tables of our own."""

from __future__ import annotations

from decimal import Decimal

from tests.test_table_reader import make_table


def _read(reader, caption, header, rows):
    r, ex = reader
    r.read(make_table(caption, header, rows))
    return ex


def test_an_unknown_labels_bare_figure_or_date_is_a_quantity_or_date_of_the_profiled_entity(table_reader):
    ex = _read(table_reader, ["Anthropic에 대한 실험 요약"], ["항목", "내용"],
               [["재현 확률", "87% (반복 실험 10회 중)"], ["초기화 번호", "7 (고정값)"],
               ["마감 시점", "약 2027년 4월 2일경"], ["실험 방식", "반복 측정 (표본 기반)"]])
    got = {(s.subject, s.kind, s.value, s.unit, s.metric, s.scope, s.time.text if s.time else "", s.rule)
           for s in ex.statements}
    assert got == {
        ("anthropic", "quantity", Decimal(87), "%", "재현 확률", "", "", "table-reader:label-figure"),
        ("anthropic", "quantity", Decimal(7), "", "초기화 번호", "", "", "table-reader:label-figure"),
        ("anthropic", "eventDate", None, "", "", "마감 시점", "2027-04-02", "table-reader:label-figure"),
    }


def test_a_figure_whose_unit_the_label_or_a_unit_column_gives_or_a_figure_in_prose_is_not_read(table_reader):
    ex = _read(table_reader, ["Anthropic에 대한 실험 요약"], ["항목", "내용"],
               [["장비 임대 단가 ($/시간)", "3"], ["재현 확률", "실험의 87%가 성공"], ["표본", "3, 5"]])
    assert [s for s in ex.statements if s.rule == "table-reader:label-figure"] == []
    ex = _read(table_reader, ["Anthropic에 대한 실험 요약"], ["항목", "단위", "내용"], [["평균 속도", "mph", "20"]])
    assert [s for s in ex.statements if s.rule == "table-reader:label-figure"] == []


def test_a_label_the_lexicon_knows_keeps_its_own_entry(table_reader):
    ex = _read(table_reader, ["Anthropic에 대한 실험 요약"], ["항목", "내용"], [["실험 횟수", "1,000번"]])
    assert {(s.kind, s.value, s.rule) for s in ex.statements} == {
        ("unitCount", Decimal(1000), "table-reader:unitCount@392")}
