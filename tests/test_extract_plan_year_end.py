"""Wave 33: the report's year's end, start or course written alone ("연말까지", "연초", "연내에") is a date of the
report's year (a deadline with 까지; 연내: in the year), and a plan's clause may name the start of its verb noun
("대량 생산에 들어간다고 예정된 X"), rule ``text:event-plan``. Sentences of our own."""

from __future__ import annotations

import pytest

from ingest.quantities import find_quantities
from petaflop.extract.facts import Location

LOC = Location(10, 10, "IX", "test slide")


@pytest.mark.parametrize(("text", "expected"), [
    ("연말까지 10만 개", [("연말까지", "2025-10-01", "2025-12-31", True)]),
    ("연말에 출시", [("연말", "2025-10-01", "2025-12-31", False)]),
    ("연초 대비 30% 상승", [("연초", "2025-01-01", "2025-03-31", False)]),
    ("연내에 백만 개", [("연내", "2025-01-01", "2025-12-31", False)]),
    ("작년 연말", [("작년 연말", "2024-10-01", "2024-12-31", False)]),
    # a year's end as of which (기준) may be last year's; words that hold 연말 are no date
    ("연말 기준 10%", []),
    ("연말연시 특수", []),
])
def test_the_years_end_alone_is_the_reports_year(text, expected):
    got = [(q.raw, q.date_start, q.date_end, "upperBound" in q.qualifiers)
           for q in find_quantities(text) if q.kind == "period"]
    assert got == expected


def _plans(ex) -> list[tuple]:
    return sorted((s.subject, s.kind, s.time.text, s.status) for s in ex.statements if s.rule == "text:event-plan")


def test_a_plan_to_start_mass_production_by_the_years_end_dates_its_thing(text_reader):
    r, ex = text_reader
    r.read("지난 7월만 해도 연말까지 대량 생산에 들어간다고 예정된 MI450", LOC, ())
    r.read("Ascend 910D는 연내 양산에 들어갈 예정.", LOC, ())
    assert _plans(ex) == [("amd-mi450", "releaseDate", "2025-Q4", "planned"),
                          ("huawei-ascend-910d", "releaseDate", "2025", "planned")]
