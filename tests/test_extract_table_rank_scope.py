"""A ranking table's places hold in what the table ranks by (table_rank_scope.py): the caption's
"<X> 기준", else the header of its value column, else a caption that is a title — never a headline
sentence cut at 40 characters."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.table_rank_scope import caption_basis, rank_scope, title_caption, value_column_header
from tests.test_table_reader import make_table


def test_caption_basis():
    assert caption_basis(["지난 분기, 月매출 기준 상위 기업", "A사 압도적"]) == "月매출 기준"
    assert caption_basis(["다운로드 수 기준 인기 앱"]) == "다운로드 수 기준"
    assert caption_basis(["2025년 기준 상위 기업"]) == ""  # a date, not a ranking
    assert caption_basis(["상위 기업 목록"]) == ""


def test_value_column_header():
    t = make_table(["A의 점유율은 60%를 초과... B는 추격 중"], ["순위", "기업명", "2Q25 매출", "1Q25 매출", "QoQ(%)"],
                   [["1", "TSMC", "30,239", "25,517", "18.5%"], ["2", "UMC", "1,903", "1,759", "8.2%"]])
    assert value_column_header(t) == "2Q25 매출"
    assert title_caption(t.caption) == ""  # a "..." headline
    assert rank_scope(t) == "2Q25 매출"
    cut = make_table(["대회 순위표"], ["Rank", "Name", "so...", "Global"], [["1", "TSMC", "100", "591"]])
    assert value_column_header(cut) == ""  # the header is cut short
    assert rank_scope(cut) == "대회 순위표"  # the title
    unit = make_table(["A와 B가 압도적임"], ["순위", "웹사이트", "월 평균(십억 회)"], [["1", "구글", "16.30"]])
    assert rank_scope(unit) == "월 평균"
    assert rank_scope(make_table(["A와 B가 압도적임"], ["순위", "웹사이트", "분야"], [["1", "구글", "검색"]])) == ""


def test_a_rank_holds_in_what_the_table_ranks_by(table_reader):
    r, ex = table_reader
    r.read(make_table(["올해 3~5월, 月방문 횟수 기준 인기있는 웹사이트", "A와 B의 점유율은 압도적"],
                      ["순위", "기업명", "월 평균(십억 회)"], [["1", "TSMC", "16.30"], ["2", "UMC", "5.39"]]))
    got = {(s.subject, s.value, s.scope) for s in ex.statements if s.kind == "rank"}
    assert got == {("tsmc", Decimal(1), "月방문 횟수 기준"), ("umc", Decimal(2), "月방문 횟수 기준")}
