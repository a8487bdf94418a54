"""A figure added to what there is ("… 추가 투입될 예정") is scoped as an addition, not shown as the whole."""

from __future__ import annotations

from petaflop.extract.prose_status import added_figure

LINE = "A사는 10만개의 H100을 가동 중이고, 3분기 내 5만개의 GB200/GB300이 추가 투입될 예정."


def test_a_count_to_be_added_is_an_addition():
    assert added_figure(LINE, "3분기 내 5만개의 GB200/")


def test_the_count_running_now_is_not():
    assert not added_figure(LINE, "A사는 10만개의 H100을")


def test_added_said_before_the_figure():
    # a figure's raw text runs 8 characters past it
    assert added_figure("B사는 추가로 2만 개를 구매했다고 밝힘.", "B사는 추가로 2만 개를 구매했다고 ")
    assert not added_figure("B사는 2만 개를 구매했다고 밝힘.", "B사는 2만 개를 구매했다고 ")


def test_an_addition_in_another_clause_is_not_this_figures():
    line = "C사는 3만 개를 보유, 내년에는 다른 설비를 추가 구축."
    assert not added_figure(line, "C사는 3만 개를 보유, ")
