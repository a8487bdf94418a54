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
                              3) == "매출 QoQ"
    assert tmc.change_measure(make_table(["파운드리 순위"], ["기업", "2Q25 매출", "1Q25 매출", "QoQ(%)"],
                                         [["TSMC", "3", "2", "5%"]]), 3) == "파운드리 매출 QoQ"
    assert tmc.change_measure(make_table(["실적"], ["기업", "2Q25 매출", "2Q25 이익", "QoQ(%)"], [["TSMC", "3", "2", "5%"]]),
                              3) == ""  # two measures: which one changed is not said
    r, ex = table_reader
    r.read(t)
    assert [(s.subject, s.value, s.metric) for s in ex.statements if s.kind == "growthRate"] == [
        ("chatgpt", Decimal(41), "방문자 수"), ("claude", Decimal(37), "방문자 수")]


def test_a_ranking_of_three_foundries_or_more_grows_their_foundry_revenue(gaz):
    header = ["순위", "기업명", "2Q25 매출", "1Q25 매출", "QoQ(%)"]
    foundries = make_table(["TSMC의 점유율은 70%를 초과"], header,
                           [["1", "TSMC", "3", "2", "5%"], ["2", "삼성", "3", "2", "9%"], ["3", "SMIC", "2", "2", "-1%"]])
    assert tmc.change_measure(foundries, 4, gaz) == "파운드리 매출 QoQ"
    assert tmc.change_measure(foundries, 4) == "매출 QoQ"  # no gazetteer: no segment guessed
    two = make_table(["실적"], header, [["1", "TSMC", "3", "2", "5%"], ["2", "엔비디아", "3", "2", "9%"],
                                        ["3", "SMIC", "2", "2", "-1%"]])
    assert tmc.change_measure(two, 4, gaz) == "매출 QoQ"


def test_a_foundry_rankings_revenue_share_and_rank_hold_in_the_foundry_business(gaz):
    from petaflop.extract.facts import Extraction, Location, Statement

    header = ["순위", "기업명", "2Q25 매출", "QoQ(%)", "점유율"]
    rows = [["1", "TSMC", "30", "5%", "70%"], ["2", "삼성", "3", "9%", "7%"], ["3", "SMIC", "2", "-1%", "5%"]]
    table = make_table(["TSMC의 점유율은 70%를 초과"], header, rows)

    def at(kind: str, scope: str = "", rule: str = "table-reader:x") -> Statement:
        loc = Location(102, 102, "IX", "IX. 테스트: 표", table.id, 2, 5)
        return Statement("samsung-electronics", kind, loc, rule, value=Decimal(7), unit="%", scope=scope)

    ex = Extraction(statements=[at("marketShare"), at("rank", "2Q25 매출"), at("revenue"), at("growthRate"),
                                at("marketShare", rule="table:mapped:share")])
    tmc.scope_foundry_tables([table], ex, gaz)
    assert [s.scope for s in ex.statements] == ["파운드리 시장", "파운드리 2Q25 매출", "파운드리", "", ""]
    named = make_table(["파운드리 순위"], header, rows)  # the caption names the segment: kept as read
    ex = Extraction(statements=[at("marketShare")])
    tmc.scope_foundry_tables([named], ex, gaz)
    assert ex.statements[0].scope == ""


def test_a_growth_rate_without_measure_columns_takes_its_rows_label(table_reader):
    t = make_table(["엔비디아 가치 평가 가정"], ["항목", "단위", "값", "비고"],
                   [["7. 할인율 (WACC)", "%", "11%", ""], ["8. 영구 성장률 (Terminal Value)", "%", "2%", "DCF 계산 시 사용"]])
    assert tmc.change_measure(t, 2, label="8. 영구 성장률 (Terminal Value)") == "8. 영구 성장률 (Terminal Value)"
    assert tmc.change_measure(t, 2, label="연간 성장률 (%)") == ""  # a change and its span: no measure
    assert tmc.change_measure(t, 2, label="YoY") == ""
    r, ex = table_reader
    r.read(t)
    assert [(s.value, s.metric) for s in ex.statements if s.kind == "growthRate"] == [
        (Decimal(2), "영구 성장률 (Terminal Value)")]  # the row's list number is no part of it
