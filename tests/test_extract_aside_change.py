"""A change in the aside of a figure (audit 29 A n=117): in a capex list "<firm>: N 달러 (전년 대비 M% 증가)"
the growth is the growth of the figure before the parentheses, so its metric names that figure's measure
(capex), never the firm's growth as a whole; when no reading names the figure's measure, the growth stays a
claim. Sentences are our own."""

from __future__ import annotations

from decimal import Decimal

from ingest.quantities import find_quantities
from petaflop.extract.facts import Location
from petaflop.extract.figure_asides import aside_figure
from petaflop.extract.gate import is_unsure

LOC = Location(10, 10, "IV", "test slide")


def _growth(ex) -> list[tuple]:
    return [(s.subject, s.value, s.metric, is_unsure(s.rule)) for s in ex.statements if s.kind == "growthRate"]


def test_the_growth_in_a_capex_items_aside_is_the_growth_of_its_capex(text_reader):
    r, ex = text_reader
    r.lead_in = ("빅테크의 설비 투자 규모가 크게 늘어날 전망.", "")
    r.read(" - 메타: 1,420억 달러 (전년 대비 25% 증가) / 오라클: 350억 달러", LOC, ())
    assert ("meta", "capex", Decimal(142000000000)) in [(s.subject, s.kind, s.value) for s in ex.statements]
    assert _growth(ex) == [("meta", Decimal(25), "capex higher vs prior year", False)]


def test_the_growth_of_a_figure_no_reading_measures_stays_a_claim(text_reader):
    r, ex = text_reader
    r.lead_in = ("주요 기업 현황은 다음과 같음.", "")
    r.read(" - 메타: 1,420억 달러 (전년 대비 25% 증가)", LOC, ())
    assert _growth(ex) == [("meta", Decimal(25), "higher vs prior year", True)]


def test_a_growth_that_names_its_own_measure_is_kept_as_it_is(text_reader):
    r, ex = text_reader
    r.read("메타의 매출은 전년 대비 25% 증가.", LOC, ())
    assert _growth(ex) == [("meta", Decimal(25), "매출 higher vs prior year", False)]


def test_the_figure_an_aside_follows():
    s = "메타: 1,420억 달러 (전년 대비 25% 증가), 직원 3만 명(전년 대비 5% 감소)"
    values = [q for q in find_quantities(s) if q.kind not in ("date", "period")]
    pct = [q for q in values if q.kind == "percent"]
    assert aside_figure(s, pct[0].start, values).raw == "1,420억 달러"
    assert aside_figure("메타는 전년 대비 25% 증가", 11, values[:0]) is None
