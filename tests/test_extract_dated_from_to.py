"""A from-to pair whose later figure carries its own date between the two ("12% → 올해 6월 38%로",
"10억 달러에서 2025년 50억 달러로"): the later figure measures what the first did, each at its own date
(text_value_guards.FROM_TO)."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location


def _read(text_reader, s: str) -> list[tuple]:
    r, ex = text_reader
    r.read(s, Location(1, 1, "X", "test slide"), ())
    return [(s.subject, s.kind, s.value, s.time.text if s.time else None, s.rule) for s in ex.statements]


def test_a_dated_later_figure_after_an_arrow_is_the_pairs_end(text_reader):
    assert _read(text_reader, "- 구글의 점유율은 2023년 12% → 2025년 38%로 급증.") == [
        ("google", "marketShare", Decimal(12), "2023", "text:value-from"),
        ("google", "marketShare", Decimal(38), "2025", "text:value-from-to")]


def test_a_dated_later_figure_after_에서_is_the_pairs_end(text_reader):
    assert _read(text_reader, "- 구글의 매출은 올해 1월 10억 달러에서 올해 6월 50억 달러로 급증.") == [
        ("google", "revenue", Decimal(10 ** 9), "2025-01", "text:value-from"),
        ("google", "revenue", Decimal(5 * 10 ** 9), "2025-06", "text:value-from-to")]
