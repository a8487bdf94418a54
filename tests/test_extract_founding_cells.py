"""A founding in a timeline row ("<날짜> | 회사 설립"): the row's organisation was founded at the row's date,
judged with the other dated events of a row or clause (petaflop/extract/text_frames.py, rule
``text-cell:event:dated``). Cells of our own."""

from __future__ import annotations

from foundation.periods import parse_period
from petaflop.extract.facts import Location

LOC = Location(10, 10, "IV", "test slide")


def _dated(ex) -> set[tuple]:
    return {(s.subject, s.kind, s.time.text, s.rule) for s in ex.statements if s.kind.endswith("Date")}


def test_a_company_founded_in_a_timeline_row_is_dated_like_its_releases(text_reader, gaz):
    r, ex = text_reader
    r.res.record(gaz.by_id("xai"))
    r.read_cell("회사 설립", LOC, (), "xai", parse_period("2023-03-09"))
    r.read_cell("Grok-1 출시", LOC, (), "xai", parse_period("2023-11-03"))
    assert _dated(ex) == {("xai", "foundedDate", "2023-03-09", "text-cell:event:dated"),
                          ("grok-1", "releaseDate", "2023-11-03", "text-cell:event:dated")}


def test_a_founding_set_as_a_goal_later_in_the_row_is_none(text_reader, gaz):
    r, ex = text_reader
    r.res.record(gaz.by_id("xai"))
    r.read_cell("새 프로젝트 공개, 소프트웨어 회사 설립을 목표로 제시", LOC, (), "xai", parse_period("2025-08-22"))
    assert not [s for s in ex.statements if s.kind == "foundedDate"]
