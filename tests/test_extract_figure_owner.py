"""Who a figure is about (text_figures._multiple_subject): not a name standing before the quotation
the figure is in, and not the chapter's topic when the clause's subject is one member it does not name."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "X", "test slide")


def figures(ex: Extraction, kind: str) -> list[tuple]:
    return [(s.subject, s.value, s.rule) for s in ex.statements if s.kind == kind]


def test_a_name_before_a_quotation_does_not_own_the_figure_quoted(text_reader):
    r, ex = text_reader
    r.read("메타 매출은 30% 증가.", LOC, ())
    r.read("메타 CEO 마크 저커버그는 “서버 비용이 40% 감소”를 강조.", LOC, ())
    assert figures(ex, "growthRate") == [("meta", Decimal(30), "text:change-unbased:measure-owner")]


def test_one_unnamed_member_as_subject_keeps_the_chapter_topic_out(text_reader):
    r, ex = text_reader
    r.start_slide("X. 팔란티어: 고객 확대")
    r.read("팔란티어는 기록적인 실적을 냄.", LOC, ())
    r.read("매출은 1년 만에 3배로 늘어남.", LOC, ())
    r.read("유럽의 한 은행은 1년 만에 계약 규모를 5배로 늘림.", LOC, ())
    assert [(s, v) for s, v, _ in figures(ex, "multiple")] == [("palantir", Decimal(3))]
