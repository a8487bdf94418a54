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
    assert figures(ex, "growthRate") == [("meta", Decimal(30), "text:change-unbased:named")]


def test_one_unnamed_member_as_subject_keeps_the_chapter_topic_out(text_reader):
    r, ex = text_reader
    r.start_slide("X. 팔란티어: 고객 확대")
    r.read("팔란티어는 기록적인 실적을 냄.", LOC, ())
    r.read("매출은 1년 만에 3배로 늘어남.", LOC, ())
    r.read("유럽의 한 은행은 1년 만에 계약 규모를 5배로 늘림.", LOC, ())
    assert [(s, v) for s, v, _ in figures(ex, "multiple")] == [("palantir", Decimal(3))]


def test_a_firm_on_a_slide_comparing_its_product_stands_for_the_product(text_reader):
    r, ex = text_reader
    r.start_slide("[참고] 테슬라 로보택시 vs 웨이모 서비스 면적 비교")
    r.read("테슬라가 웨이모보다 약 1.5배 더 넓은 면적을 갖게 됨", LOC, ())
    r.read("웨이모가 테슬라보다 약 2.5배 더 넓은 면적을 보유", LOC, ())
    r.start_slide("테슬라와 웨이모의 비교")
    r.read("테슬라가 웨이모보다 약 4배 더 넓은 면적을 갖게 됨", LOC, ())
    assert [(s, v) for s, v, _ in figures(ex, "multiple")] == [
        ("tesla-robotaxi", Decimal("1.5")), ("waymo", Decimal("2.5")), ("tesla", Decimal(4))]
