"""Spans of time: a range of months or years as written ("올해 3~5월", "2023~2025년") is a span
(``2025-03~2025-05``, ``2023~2025``), not the enclosing year and not a count of years; a table's caption led
by such a range dates its cells; a change between a table's two period columns holds over their span; and a
change measured from a base date ("2024년 대비") holds from the base to its clause's other date. A date kind
(a release) never takes a span. Sentences and tables are our own."""

from __future__ import annotations

from foundation.periods import Period, parse_period, span_from_bounds, span_of
from ingest.quantities import find_quantities
from petaflop.extract.cell_text import cell_period
from petaflop.extract.figure_time import figure_time, with_bases
from tests.test_status_context import _at, _settle_times, _value
from tests.test_table_reader import make_table


def test_a_span_of_months_or_years_has_its_ends_and_no_xsd_point():
    months = parse_period("2025-03~2025-05")
    assert months == Period("2025-03-01", "2025-05-31", "month", "2025-03~2025-05")
    assert months.is_span and months.xsd is None
    assert parse_period("2023~2025") == Period("2023-01-01", "2025-12-31", "year", "2023~2025")
    assert parse_period("2025~2023") is None  # backwards
    assert parse_period("2025-03~2025") is None  # ends of two precisions
    assert span_of(parse_period("2025-Q1"), parse_period("2025-Q3")) is None  # only years or months
    assert parse_period("2025-07").xsd == ("2025-07", "gYearMonth")


def test_bounds_that_name_a_period_stay_that_period_and_others_become_a_span():
    assert span_from_bounds("2025-01-01", "2025-03-31").text == "2025-Q1"
    assert span_from_bounds("2025-07-01", "2025-12-31").text == "2025-H2"
    assert span_from_bounds("2025-03-01", "2025-05-31").text == "2025-03~2025-05"
    assert span_from_bounds("2021-01-01", "2025-07-31").text == "2021-01~2025-07"
    assert span_from_bounds("2016-01-01", "2023-12-31").text == "2016~2023"
    assert span_from_bounds("2025-03-11", "2025-05-31") is None  # not whole months


def test_written_ranges_read_as_spans():
    assert [(q.kind, q.raw) for q in find_quantities("2023~2025년 매출")] == [("period", "2023~2025년")]
    assert cell_period("2023년~2025년") == parse_period("2023~2025")
    assert cell_period("올해 3~5월,").text == "2025-03~2025-05"  # the report's year
    assert cell_period("2025년 3월~5월").text == "2025-03~2025-05"
    assert cell_period("1~3월").text == "2025-Q1"
    assert cell_period("2025년 3월").text == "2025-03"


def test_a_caption_led_by_a_range_dates_its_cells_and_a_change_column_takes_the_span_of_its_columns():
    caption = make_table(["올해 3~5월, 월 방문 횟수 기준 웹사이트"], ["순위", "웹사이트", "월 평균"], [["1", "A", "16.30"]])
    assert _settle_times([caption], _value("unitCount", loc=_at(3))) == ["2025-03~2025-05"]
    change = make_table(["트래픽 변화"], ["도메인", "2월 방문자 수", "5월 방문자 수", "변동률"], [["A", "39억", "54억", "41%"]])
    assert _settle_times([change], _value(loc=_at(2)), _value("growthRate", loc=_at(4))) == ["2025-02", "2025-02~2025-05"]
    three = make_table(["트래픽 변화"], ["도메인", "1월", "2월", "5월", "변동률"], [["A", "1", "2", "3", "41%"]])
    assert _settle_times([three], _value("growthRate", loc=_at(5))) == [None]  # between which two?


def _times(sentence: str) -> dict[str, str | None]:
    qs = find_quantities(sentence)
    dates = with_bases(sentence, [q for q in qs if q.kind in ("date", "period")])
    values = [q for q in qs if q.kind not in ("date", "period")]
    out = {}
    for q in values:
        t = figure_time(q, dates, 0, len(sentence), values)
        out[q.raw] = t.text if t else None
    return out


def test_a_change_from_a_base_date_holds_from_the_base_to_the_other_date():
    assert _times("가나다전자의 2030년 매출은 2024년 대비 147% 증가") == {"147%": "2024~2030"}
    assert _times("요금은 2023년 초 대비 2024년 중순 기준 약 150배 인하") == {"약 150배": "2023~2024"}
    # any other figure takes the clause's own date, never the base
    assert _times("2024년 대비 2030년에 117GW") == {"117GW": "2030"}
    # no other date: the base alone does not date the change
    assert _times("2024년 대비 30% 증가") == {"30%": None}
    assert _times("2025년 매출 10억 달러") == {"10억 달러": "2025"}


def test_a_quarter_or_half_written_alone_is_a_period_of_the_reports_year_not_a_number():
    assert [(q.kind, q.raw) for q in find_quantities("3분기에 양산")] == [("period", "3분기")]
    assert cell_period("하반기 출시").text == "2025-H2"
    assert cell_period("올해 하반기").text == "2025-H2"
    assert cell_period("2026년 1분기").text == "2026-Q1"  # a stated year is kept
    assert [q.kind for q in find_quantities("4분기 연속 성장")] == ["number"]  # a count of quarters, no date


def test_a_claims_time_is_the_period_the_text_names_never_its_first_month():
    from petaflop.extract.claim_values import find_values

    assert [(v.raw, v.as_of) for v in find_values("가나다의 올해 매출은 10억 달러")] == [("10억 달러", "2025")]
    assert [v.as_of for v in find_values("2025년 3분기 내 55만개")] == ["2025-Q3"]
    assert [v.as_of for v in find_values("2024년 3월 시리즈 B에서 3억 달러")] == ["2024-03"]


def test_a_power_figure_that_a_total_after_it_includes_is_not_the_rows():
    from petaflop.extract.text_power import cell_power_of_another

    s = "4.5 GW 신규 포함 총 5 GW 용량"
    part, total = [q for q in find_quantities(s) if q.kind == "power"]
    assert cell_power_of_another(s, part, [], "acme") and not cell_power_of_another(s, total, [], "acme")
