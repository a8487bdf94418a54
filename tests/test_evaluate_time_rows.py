"""A gold fact stated on several rows with different times (a figure repeated for two years): the graph's
statement of each time is compared with the row of its own time (petaflop.evaluate.score.row_of_time)."""

from __future__ import annotations

from types import SimpleNamespace

from petaflop.evaluate.score import GoldUnit, row_of_time


def test_a_statement_is_compared_with_the_gold_row_of_its_own_time():
    first, second = SimpleNamespace(qualifiers={"time": "2019"}), SimpleNamespace(qualifiers={"time": "2020"})
    unit = GoldUnit([first, second], set(), set())  # type: ignore[list-item]
    assert row_of_time(unit, SimpleNamespace(qualifiers={"time": "2020"})) is second  # type: ignore[arg-type]
    assert row_of_time(unit, SimpleNamespace(qualifiers={"time": "2019"})) is first  # type: ignore[arg-type]
    assert row_of_time(unit, SimpleNamespace(qualifiers={})) is first  # type: ignore[arg-type]
    assert row_of_time(unit, SimpleNamespace(qualifiers={"time": "2021"})) is first  # type: ignore[arg-type]
