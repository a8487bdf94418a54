"""Audit 13: a change of an outlook or guidance ("매출 전망이 … 75% 급감") revises a forecast: a done change of the
outlook (its metric), not the subject's growth forecast (text_shares.ChangeReader._change), while a change of the
measure itself is growth. Sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VIII", "test slide")


def _growth(ex) -> list[tuple]:
    return [(s.subject, s.value, s.status, s.metric) for s in ex.statements if s.kind == "growthRate"]


def test_a_cut_outlook_is_a_done_revision_not_a_growth_forecast(text_reader):
    r, ex = text_reader
    r.read("Groq은 올해 매출 전망이 20억 달러 이상에서 5억 달러 이상으로 75% 급감.", LOC, ())
    assert _growth(ex) == [("groq", Decimal(-75), "actual", "매출 전망 수정 (revision)")]


def test_a_change_of_the_measure_itself_is_growth(text_reader):
    r, ex = text_reader
    r.read("Groq은 올해 매출이 75% 급감.", LOC, ())
    assert [g[:3] for g in _growth(ex)] == [("groq", Decimal(-75), "actual")]
    assert "revision" not in _growth(ex)[0][3]
