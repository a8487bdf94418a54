"""What a table's bare figures measure (table_measure_context.py): a ranking table's places hold in what
the table ranks by — the caption's "<X> 기준", else the header of its value column, else a caption that is a
title, never a headline sentence cut at 40 characters; a change column changes the measure of the period
columns before it."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract import table_measure_context as tmc
from tests.test_table_reader import make_table


def test_caption_basis():
    assert tmc.caption_basis(["지난 분기, 月매출 기준 상위 기업", "A사 압도적"]) == "月매출 기준"
    assert tmc.caption_basis(["다운로드 수 기준 인기 앱"]) == "다운로드 수 기준"
    assert tmc.caption_basis(["2025년 기준 상위 기업"]) == ""  # a date, not a ranking
    assert tmc.caption_basis(["상위 기업 목록"]) == ""


def test_value_column_header():
    t = make_table(["A의 점유율은 60%를 초과... B는 추격 중"], ["순위", "기업명", "2Q25 매출", "1Q25 매출", "QoQ(%)"],
                   [["1", "TSMC", "30,239", "25,517", "18.5%"], ["2", "UMC", "1,903", "1,759", "8.2%"]])
    assert tmc.value_column_header(t) == "2Q25 매출"
    assert tmc.title_caption(t.caption) == ""  # a "..." headline
    assert tmc.rank_scope(t) == "2Q25 매출"
    cut = make_table(["대회 순위표"], ["Rank", "Name", "so...", "Global"], [["1", "TSMC", "100", "591"]])
    assert tmc.value_column_header(cut) == ""  # the header is cut short
    assert tmc.rank_scope(cut) == "대회 순위표"  # the title
    unit = make_table(["A와 B가 압도적임"], ["순위", "웹사이트", "월 평균(십억 회)"], [["1", "구글", "16.30"]])
    assert tmc.rank_scope(unit) == "월 평균"
    assert tmc.rank_scope(make_table(["A와 B가 압도적임"], ["순위", "웹사이트", "분야"], [["1", "구글", "검색"]])) == ""


def test_a_rank_holds_in_what_the_table_ranks_by(table_reader):
    r, ex = table_reader
    r.read(make_table(["올해 3~5월, 月방문 횟수 기준 인기있는 웹사이트", "A와 B의 점유율은 압도적"],
                      ["순위", "기업명", "월 평균(십억 회)"], [["1", "TSMC", "16.30"], ["2", "UMC", "5.39"]]))
    got = {(s.subject, s.value, s.scope) for s in ex.statements if s.kind == "rank"}
    assert got == {("tsmc", Decimal(1), "月방문 횟수 기준"), ("umc", Decimal(2), "月방문 횟수 기준")}


def test_a_change_column_changes_the_measure_of_the_period_columns_before_it(table_reader):
    t = make_table(["웹 트래픽 변화"], ["챗봇 도메인", "2월 방문자 수", "5월 방문자 수", "변동률"],
                   [["ChatGPT", "39억", "54억", "41%"], ["Claude", "7,000만", "1억", "37%"]])
    assert tmc.change_measure(t, 3) == "방문자 수"
    assert tmc.change_measure(make_table(["실적"], ["기업", "2Q25 매출", "1Q25 매출", "QoQ(%)"], [["TSMC", "3", "2", "5%"]]),
                              3) == "매출"
    assert tmc.change_measure(make_table(["실적"], ["기업", "2Q25 매출", "2Q25 이익", "QoQ(%)"], [["TSMC", "3", "2", "5%"]]),
                              3) == ""  # two measures: which one changed is not said
    r, ex = table_reader
    r.read(t)
    assert [(s.subject, s.value, s.metric) for s in ex.statements if s.kind == "growthRate"] == [
        ("chatgpt", Decimal(41), "방문자 수"), ("claude", Decimal(37), "방문자 수")]
