"""Figures listed after "각각" (respectively; petaflop/extract/respectively.py), in sentences and cells of our own:
each figure pairs, in order, with one of as many items — the names coordinated before "각각", else a list in
parentheses after the figures — or the statement stays a claim; the first figure is never asserted alone."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VI", "test slide")
CELL = Location(20, 20, "VIII", "test slide", "t1", 2, 3)


def _read(text_reader, text: str) -> list[tuple]:
    r, ex = text_reader
    r.read(text, LOC, ())
    return [(s.subject, s.kind, s.value, s.rule) for s in ex.statements]


def test_a_figure_of_the_list_is_the_named_item_it_pairs_with(text_reader):
    # the genitive reader took the last name for the first figure: the first figure is the first name's
    assert _read(text_reader, "TSMC와 삼성전자의 점유율은 각각 60%, 12%.") == [
        ("tsmc", "marketShare", Decimal(60), "text:value:genitive")]


def test_a_figure_read_for_the_item_it_pairs_with_is_kept(text_reader):
    assert _read(text_reader, "TSMC와 삼성전자는 각각 60%와 12%의 점유율을 기록") == [
        ("samsung-electronics", "marketShare", Decimal(12), "text:value-after:clause-topic")]


def test_a_list_with_no_items_to_pair_with_stays_a_claim(text_reader):
    assert _read(text_reader, "TSMC의 점유율은 각각 60%, 12%.") == [
        ("tsmc", "marketShare", Decimal(60), "text:value:genitive:unsure")]


def test_one_figure_after_each_is_no_list(text_reader):
    assert _read(text_reader, "TSMC는 점유율 각각 60%씩 기록") == [
        ("tsmc", "marketShare", Decimal(60), "text:value:clause-topic")]


def _cell(text_reader, gaz, text: str) -> list[tuple]:
    r, ex = text_reader
    r.res.record(gaz.by_id("nvidia"))
    r.read_cell(text, CELL, (), "nvidia")
    return [(s.value, s.metric, s.scope, s.rule) for s in ex.statements]


def test_a_cells_counts_pair_with_the_items_in_parentheses(text_reader, gaz):
    # the noun before "각각" names the items (tasks), not what is counted: the word of doing after the figures does
    assert _cell(text_reader, gaz, "task 각각 30개, 70개 생성(번역, 요약)") == [
        (Decimal(30), "생성", "task: 번역", "text-cell:unit-count-before:row"),
        (Decimal(70), "생성", "task: 요약", "text-cell:unit-count-before:row")]


def test_a_cells_counts_with_no_items_stay_claims(text_reader, gaz):
    assert _cell(text_reader, gaz, "task 각각 30개, 70개 생성") == [
        (Decimal(30), "task 각각", "", "text-cell:unit-count-before:row:unsure"),
        (Decimal(70), "task 각각", "", "text-cell:unit-count-before:row:unsure")]


def test_a_remarks_paired_counts_keep_the_rows_part_and_add_their_item(table_reader):
    # '"A-1" 로봇팔' under a section row of a measure: the part the row's figures are of (table_remarks.py),
    # before the item each count pairs with
    from dataclasses import replace

    from tests.test_table_reader import make_table

    r, ex = table_reader
    t = make_table(["NVIDIA Cosmos는 합성 데이터 생성 도구"], ["항목", "수치", "비고"],
                   [["각 task당 합성 영상 생성 비용", "", ""], ['"A-1" 로봇팔', "$12", "task 각각 30개, 70개 생성(번역, 요약)"]])
    t.rows[:] = [replace(row, section=not any(c.text for c in row.cells[1:])) for row in t.rows]
    r.read(t)
    assert [(s.subject, s.value, s.scope) for s in ex.statements if s.kind == "unitCount"] == [
        ("nvidia-cosmos", Decimal(30), '"A-1" 로봇팔; task: 번역'), ("nvidia-cosmos", Decimal(70), '"A-1" 로봇팔; task: 요약')]
