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


def test_users_won_are_an_addition_not_all_the_users():
    line = "- 출시 후 1주일 만에 2,000만 명 이상의 신규 가나 앱 사용자 유입."
    assert added_figure(line, "2,000만 명 이상의 신규 ")
    assert added_figure("- 신규 가입자 수는 약 300만 명으로 집계 완료.", "300만 명으로 집계 완료")
    assert added_figure("- 월간 사용자 9억 명(3달 만에 2억 명 증가) 기록.", "2억 명 증가) 기록.")
    # the total the users grew to, and a total beside the gain, are not additions
    assert not added_figure("- 사용자 수가 7억 명으로 증가한 상태.", "7억 명으로 증가한 상")
    assert not added_figure("- 월간 사용자 9억 명(3달 만에 2억 명 증가) 기록.", "9억 명(3달 만에 2")
    assert not added_figure("- 직원 수 1,200명 이상으로 100배 증가.", "1,200명 이상으로 10")


def test_a_new_sites_size_is_not_an_addition():
    assert not added_figure("- 개발 예정인 신규 사이트는 1.4GW급 시설로 건설 중.", "1.4GW급 시설로 건설")


def test_the_new_part_named_inside_a_total_is_an_addition():
    line = "- 다라 캠퍼스는 2만 개 추가분 포함 총 12만 개의 GPU, 3.2 GW 신규 포함 총 4 GW 용량 계약."
    assert added_figure(line, "2만 개 추가분 포함 총")
    assert added_figure(line, "3.2 GW 신규 포함 총")
    # the total after it is not
    assert not added_figure(line, "12만 개의 GPU, 3.2")
    assert not added_figure(line, "4 GW 용량 계약.")
