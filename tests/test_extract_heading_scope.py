"""Audit 23 (b): a caption heading limiting its measure to a place ("<place>에서의 … 면적 비교") scopes a
multiple compared under it: the areas in that city, not the firms' whole."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.compared_measure import field_scope, heading_scope
from petaflop.extract.facts import Location

LOC = Location(10, 10, "X", "test slide")


@pytest.mark.parametrize(("heading", "metric", "scope"), [
    ("애리조나 피닉스에서의 데이터센터 부지 면적 비교", "데이터센터 부지 면적 higher vs AMD", "애리조나 피닉스"),
    ("일본 내 데이터센터 부지 면적 비교", "데이터센터 부지 면적 higher vs AMD", "일본"),
    ("일본 전역에서의 데이터센터 부지 면적 비교", "데이터센터 부지 면적 higher vs AMD", "일본 전역"),
    ("일본 도심에서의 데이터센터 부지 면적 비교", "데이터센터 부지 면적 higher vs AMD", ""),  # a word no place names
    ("데이터센터 부지 면적 비교", "데이터센터 부지 면적 higher vs AMD", ""),  # no place in the heading
    ("신규 거점에서의 데이터센터 부지 면적", "데이터센터 부지 면적 higher vs AMD", ""),  # no place the gazetteer names
    ("애리조나 피닉스에서의 매출 비교", "데이터센터 부지 면적 higher vs AMD", ""),  # not the metric's measure
])
def test_a_headings_place_scopes_its_measure(gaz, heading, metric, scope):
    assert heading_scope(heading, metric, gaz) == scope


def test_a_multiple_under_a_placed_heading_is_scoped_to_the_place(text_reader):
    r, ex = text_reader
    r.caption_heading = "애리조나 피닉스에서의 데이터센터 부지 면적 비교"
    r.read("엔비디아가 AMD보다 약 2.4배 더 넓은 면적을 확보함", LOC, ())
    got = [(s.subject, s.value, s.scope) for s in ex.statements if s.kind == "multiple"]
    assert got == [("nvidia", Decimal("2.4"), "애리조나 피닉스")]
    r.caption_heading = ""


@pytest.mark.parametrize(("text", "scope"), [
    ("특히 민감한 금융 분야에서 엔비디아는", "금융 분야"),  # the modifiers before the field's noun are left out
    ("자율주행 로봇 분야에서도 엔비디아는", "자율주행 로봇 분야"),
    ("이 분야에서 엔비디아는", ""),  # a pronoun: the field is another sentence's
    ("엔비디아는", ""),
])
def test_a_field_the_clause_names(text, scope):
    assert field_scope(text, 0, len(text)) == scope


def test_a_multiple_in_a_field_the_clause_names_holds_in_that_field(text_reader):
    r, ex = text_reader
    r.read("특히 까다로운 법률 분야에서 엔비디아는 AMD 대비 오답 비율을 약 1/3 수준으로 줄였다고 발표", LOC, ())
    got = [(s.subject, s.value, s.scope) for s in ex.statements if s.kind == "multiple"]
    assert len(got) == 1 and got[0][0] == "nvidia" and got[0][2] == "법률 분야"
