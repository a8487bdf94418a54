"""A percentage in parentheses after a name whose measure the block's previous sentence names holds when
that sentence's frame says ("현재 …"), unless it names a time of its own. Sentences are our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "IX", "test slide")


def _yields(ex) -> dict[str, tuple[Decimal, str | None]]:
    return {s.subject: (s.value, s.time.text if s.time else None) for s in ex.statements if s.kind == "yield"}


def test_the_measure_carried_from_the_sentence_before_takes_its_frames_time(text_reader):
    r, ex = text_reader
    r.read("- 현재 삼성 SF2의 추정 수율은 40~45%. 이는 TSMC N2(70% 이상)에 비해 낮은 수치.", LOC, ())
    assert _yields(ex)["tsmc-n2"] == (Decimal(70), "2025")


def test_no_frame_or_a_time_of_its_own_carries_no_time(text_reader):
    r, ex = text_reader
    r.read("- 삼성 SF2의 추정 수율은 40~45%. 이는 TSMC N2(70% 이상)에 비해 낮은 수치.", LOC, ())
    r.read("- 현재 삼성 SF2의 추정 수율은 40~45%. 작년 인텔 18A(50%)에 비해 낮은 수치.", LOC, ())
    assert _yields(ex)["tsmc-n2"] == (Decimal(70), None)
    assert _yields(ex)["intel-18a"] == (Decimal(50), None)


def test_a_years_figure_after_a_quarter_is_that_years(text_reader):
    r, ex = text_reader
    r.read("- 2분기 실적 이후 xAI의 AI 투자 규모가 年 300억 달러로 급증.", LOC, ())
    r.read("- 2분기 실적 이후 Anthropic의 AI 투자 규모가 200억 달러로 급증.", LOC, ())
    got = {s.value: s.time.text if s.time else None for s in ex.statements if s.kind == "amount"}
    assert got == {Decimal("3E+10"): "2025", Decimal("2E+10"): None}
