"""Audit 23 (b): a row label's closing note of an (approximate) year dates the row's figures, as a
month-as-of note does ("ARR (8월 발표치 기준)")."""

import pytest

from ingest.model import Cell, Row
from petaflop.extract.cell_text import header_period
from petaflop.extract.tables import TableExtractor


@pytest.mark.parametrize(("label", "period"), [
    ("장기 계획 (≈2031)", "2031"),  # an approximate year closing the label
    ("장기 비전 (~2032년)", "2032"),
    ("최종 단계 (약 2030)", "2030"),
    ("매출 (2024년 기준)", "2024"),  # as before
    ("최종 단계 (2030)", ""),  # a bare number in parentheses without a mark: not read as a year
    ("배수 (≈10)", ""),  # an approximate figure, not a year
])
def test_a_labels_closing_year_note_dates_its_figures(label, period):
    when = header_period(label)
    assert (when.text if when else "") == period


def test_a_row_labelled_with_an_approximate_year_is_dated_by_it():
    row = Row(5, [Cell("장기 계획 (≈2031)", "장기 계획 (≈2031)", 5, 1), Cell("총 비용", "총 비용", 5, 2),
                  Cell("3 GW(12개 부지) 목표", "3 GW(12개 부지) 목표", 5, 3)])
    assert TableExtractor._row_date(row, -1) == "2031"
    plain = Row(6, [Cell("초기 단계", "초기 단계", 6, 1), Cell("3 GW 목표", "3 GW 목표", 6, 2)])
    assert TableExtractor._row_date(plain, -1) == ""


def test_a_figure_its_aiming_rows_year_dates_stays_a_target():
    from decimal import Decimal

    from foundation.periods import parse_period
    from ingest.model import Span, Table
    from petaflop.extract.facts import EntityRecord, Extraction, Location, Statement
    from petaflop.extract.status_context import settle_statuses

    cells = ["장기 청사진 (≈2031)", "총 비용 목표", "900", "3 GW(12개 부지) 수준으로 확대"]
    row = Row(9, [Cell(t, t, 9, j) for j, t in enumerate(cells, 1)])
    table = Table("IV-1-1", Span(8, 9), ["가나다 비용 구조"], [Cell(t, t, 8, j) for j, t in enumerate(
        ["단계", "항목", "금액", "세부 내용"], 1)], [row])
    ex = Extraction()
    ex.entities["acme"] = EntityRecord("acme", ("ComputeCluster",))
    ex.statements = [Statement("acme", "unitCount", Location(9, 9, "IV", "s", "IV-1-1", 1, 4), "text-cell:unit-count:row",
                               Decimal(12), unit="count", status="forecast", time=parse_period("2031"),
                               metric="부지", raw="12개 부지")]
    settle_statuses([table], ex, [""] * 8 + ["\t".join(cells)])
    assert (ex.statements[0].status, ex.statements[0].time.text) == ("target", "2031")
