"""A cell listing figures under premises ("N% 전환 시: 약 M 달러 …", table_caption_subject.condition_figure)
gives none of its premises' figures as the row's value; a single "condition: figure" cell keeps its figure."""

from __future__ import annotations

import pytest

from petaflop.extract.table_caption_subject import condition_figure


@pytest.mark.parametrize(("cell", "figure"), [
    ("10% 채택 시: 약 2.0억 달러 30% 채택 시: 약 6.0억 달러", ""),
    ("가격 2배 인상 경우: 약 5억 달러", ""),
    ("3km 정도 근거리: $2.5", "$2.5"),
    ("약 4.5억 달러", "약 4.5억 달러"),
])
def test_a_premises_figure_is_no_value(cell, figure):
    assert condition_figure(cell)[0] == figure


def test_a_scenario_cell_gives_no_share(table_reader):
    from tests.test_table_reader import make_table

    r, ex = table_reader
    r.read(make_table(["팔란티어-라마 제휴 잠재 매출"], ["분석 단계", "근거", "예상 매출 (팔란티어 몫)"],
                      [["2. 가정", "전환율 가정", "10% 채택 시: 약 2.0억 달러 30% 채택 시: 약 6.0억 달러"]]))
    assert not any(s.kind == "share" for s in ex.statements)
