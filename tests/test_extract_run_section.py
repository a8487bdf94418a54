"""Figures under a section row naming one experiment (audit 29 A n=137): in a key–value table about a platform,
"<…> 대규모 실험" over "사용된 GPU 수 | 512개", "추정 총 비용 | $20,000" — those rows measure that one run, not the
platform as a whole, so their figures take the section as their scope; rows under a category section
("하드웨어 사양") keep none. Tables of our own."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from petaflop.extract.table_remarks import run_section
from tests.test_table_reader import make_table


def _table():
    t = make_table(["엔비디아 Cosmos의 학습 비용 효율성"], ["항목", "수치", "비고"], [
        ["하드웨어 사양", "", ""], ["클라우드 시간당 비용", "$2.00/시간", "클라우드 기준"],
        ["MimicBench*에서 대규모 실험", "", ""], ["사용된 GPU 수", "512개", "H100 GPU"],
        ["추정 총 비용", "$20,000", "클라우드 기준"]])
    return replace(t, rows=[replace(r, section=not any(c.text for c in r.cells[1:])) for r in t.rows])


def test_the_figures_under_an_experiment_section_are_of_that_run(table_reader):
    reader, ex = table_reader
    reader.read(_table())
    got = {(s.subject, s.kind, s.value, s.scope) for s in ex.statements if s.value is not None}
    assert ("nvidia-cosmos", "amount", Decimal(20000), "MimicBench에서 대규모 실험") in got
    assert not [s for s in ex.statements if s.value == Decimal(20000) and s.scope != "MimicBench에서 대규모 실험"]


def test_only_a_section_naming_a_run_scopes_its_rows():
    t = _table()
    assert run_section(t, 5) == "MimicBench에서 대규모 실험"
    assert run_section(t, 2) == ""  # under "하드웨어 사양": a category, no run
    assert run_section(t, 1) == ""  # no section above


def test_a_figure_whose_row_names_one_run_under_no_run_section_stays_a_claim(table_reader):
    from petaflop.extract.gate import is_unsure

    reader, ex = table_reader
    reader.read(make_table(["엔비디아 Cosmos의 학습 비용 효율성"], ["항목", "수치", "비고"], [
        ["추정 총 비용", "$20,000", "1회 실험 기준"], ["클라우드 시간당 비용", "$2.00/시간", "run-rate 기준"]]))
    got = {(s.kind, s.value, is_unsure(s.rule)) for s in ex.statements if s.value is not None}
    assert ("amount", Decimal(20000), True) in got  # the cost of one run, which no scope names: a claim
    assert ("unitPrice", Decimal(2), False) in got  # "run-rate" names no run
