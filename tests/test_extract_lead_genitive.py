"""A genitive before "N배 … 우위" ("일본의 3~5배 정도의 우위") is who leads, not the base the figure is a multiple
of: no multiple is read against it (subject_ways.holds_lead). Invented sentences."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location
from petaflop.extract.subject_ways import holds_lead


def _loc(n: int) -> Location:
    return Location(n, n, "X", "test slide")


def _multiples(ex, line: int) -> list[tuple]:
    return [(s.subject, s.value) for s in ex.statements if s.location.line_start == line and s.kind == "multiple"]


def test_a_genitive_before_a_lead_is_who_leads_not_the_base(text_reader):
    r, ex = text_reader
    r.read("- xAI는 새 데이터센터를 짓는 중.", _loc(1), ())
    r.read("- 총 연산 면에서 일본의 3~5배 정도의 우위는 계속될 전망.", _loc(2), ())
    r.read("- 총 연산 면에서 일본의 3~5배 규모.", _loc(3), ())
    assert _multiples(ex, 2) == []  # before: xai, 3~5 times Japan
    assert _multiples(ex, 3) == [("xai", Decimal(3))]
    s = "일본의 3~5배 정도의 우위"
    assert holds_lead(s, s.index("배") + 1)
    s = "일본의 3배 앞선 성능"
    assert holds_lead(s, s.index("배") + 1)
    s = "일본의 3배 규모"
    assert not holds_lead(s, s.index("배") + 1)
