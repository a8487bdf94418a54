"""Rows of a table of firms that name a group of its firms (petaflop/extract/table_group_rows.py): "TOP 4",
"합계 | Total of Top 10" (the top of the ranking) and "A, B, C 등" (the rest, listed) are market segments named
by their label, whose cells are read as a firm row's; rule ids carry ``:group-row``."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.gate import is_unsure
from tests.test_table_reader import make_table

CAPTION = ["GB200 NVL72의 ODM 출하량 전망"]
HEADER = ["", "Q1'25E", "Q2'25E", "2025E"]
FIRMS = [["폭스콘", "175", "3,000", "16,675"], ["위스트론", "80", "1,900", "8,780"], ["인벤텍", "0", "100", "550"]]


def _segments(ex) -> dict[str, str]:
    return {e.name_en or e.name_ko: eid for eid, e in ex.entities.items() if "MarketSegment" in e.types}


def _shipments(ex, subject: str) -> set[tuple[Decimal, str, str]]:
    return {(s.value, s.time.text if s.time else "", s.rule) for s in ex.statements
            if s.subject == subject and s.kind == "shipments"}


def test_the_top_of_a_ranking_and_the_listed_rest_are_segments_with_their_figures(table_reader):
    r, ex = table_reader
    r.read(make_table(CAPTION, HEADER, [*FIRMS, ["TOP 3", "255", "5,000", "26,005"],
                                        ["기가바이트, 페가트론, 레노보 등", "5", "500", "2,105"]]))
    seg = _segments(ex)
    assert set(seg) == {"TOP 3", "기가바이트, 페가트론, 레노보 등"}
    rule = "table-reader:shipments@130:caption:group-row"
    assert _shipments(ex, seg["TOP 3"]) == {(Decimal(255), "2025-Q1", rule), (Decimal(5000), "2025-Q2", rule),
                                            (Decimal(26005), "2025", rule)}
    assert (Decimal(2105), "2025", rule) in _shipments(ex, seg["기가바이트, 페가트론, 레노보 등"])
    # the firms' own rows are read as before, and no listed firm gets the group's figure
    assert (Decimal(175), "2025-Q1", "table-reader:shipments@130:caption") in _shipments(ex, "foxconn")
    assert not any(s.subject in ("gigabyte", "pegatron", "lenovo") for s in ex.statements)


def test_a_sum_row_naming_the_top_n_is_that_group(table_reader):
    r, ex = table_reader
    rows = [["1", "TSMC", "30,239", "18.5%"], ["2", "삼성", "3,159", "9.2%"], ["3", "SMIC", "2,209", "-1.7%"],
            ["합계", "Total of Top 3", "35,607", "14.6%"]]
    r.read(make_table(["파운드리 매출 순위"], ["순위", "기업명", "2Q25 매출", "QoQ(%)"], rows, chapter="IX"))
    seg = _segments(ex)
    assert set(seg) == {"Total of Top 3"}
    growth = {(s.value, s.rule) for s in ex.statements if s.subject == seg["Total of Top 3"] and s.kind == "growthRate"}
    assert {v for v, _ in growth} == {Decimal("14.6")} and all(rule.endswith(":group-row") for _, rule in growth)


def test_no_group_without_enough_firms_nor_one_of_firms_with_rows_of_their_own(table_reader):
    r, ex = table_reader
    r.read(make_table(CAPTION, HEADER, [*FIRMS, ["TOP 5", "255", "5,000", "26,005"],  # more than the table has
                                        ["폭스콘, 위스트론, 인벤텍 등", "255", "5,000", "26,005"],  # they have rows
                                        ["기타 업체 점유율", "1%", "7%", "6%"]]))
    assert _segments(ex) == {}


def test_the_other_firms_share_row_is_the_listed_rests_share(table_reader):
    r, ex = table_reader
    r.read(make_table(CAPTION, HEADER, [*FIRMS, ["기가바이트, 페가트론, 레노보 등", "5", "500", "2,105"],
                                        ["기타 업체 점유율", "0%", "7%", "6%"]]))
    rest = _segments(ex)["기가바이트, 페가트론, 레노보 등"]
    shares = {(s.value, s.time.text if s.time else "", s.status, s.rule) for s in ex.statements
              if s.subject == rest and s.kind == "marketShare"}
    rule = "table-reader:marketShare@79:group-row:others"
    assert shares == {(Decimal(0), "2025-Q1", "estimate", rule), (Decimal(7), "2025-Q2", "estimate", rule),
                      (Decimal(6), "2025", "estimate", rule)}
    assert not any(s.kind == "marketShare" and s.subject != rest for s in ex.statements)


def test_the_other_firms_share_is_of_the_market_the_caption_measures(table_reader):
    r, ex = table_reader
    rows = [*FIRMS, ["기가바이트, 페가트론, 레노보 등", "5", "500", "2,105"], ["기타 업체 점유율", "0%", "7%", "6%"]]
    r.read(make_table(["MI355X 랙의 ODM(위탁 생산) 출하량 추이"], HEADER, rows))
    shares = [s for s in ex.statements if s.kind == "marketShare"]
    assert {(s.value, s.scope, is_unsure(s.rule)) for s in shares} == {
        (Decimal(v), "MI355X 랙의 ODM 출하량", False) for v in (0, 7, 6)}
    r, ex = table_reader
    ex.statements.clear()
    r.read(make_table([], HEADER, rows))  # no caption: the market is not known, a claim
    assert {(s.scope, is_unsure(s.rule)) for s in ex.statements if s.kind == "marketShare"} == {("", True)}


def test_an_other_firms_share_row_without_a_listed_rest_is_no_ones(table_reader):
    r, ex = table_reader
    r.read(make_table(CAPTION, HEADER, [*FIRMS, ["TOP 3", "255", "5,000", "26,005"], ["기타 업체 점유율", "1%", "7%", "6%"]]))
    assert not any(s.kind == "marketShare" for s in ex.statements)
