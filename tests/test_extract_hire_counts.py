"""A staff count whose verb hires or lets people go ("연구원 3명 영입", "80명의 직원들을 모두 해고") is not the
firm's headcount (``employeeCount``): it is a ``quantity`` whose metric says "hires" or "layoffs", read by its own
rule (``…:hire-count``), so the gate judges it apart from headcounts (petaflop/extract/text_value_guards.py).
Sentences are our own, in the report's style."""

from __future__ import annotations

from decimal import Decimal

from ingest.quantities import find_quantities
from petaflop.extract.facts import Location, Statement
from petaflop.extract.text_value_guards import hire_count, hired_scope

LOC = Location(10, 10, "IV", "test slide")


def _people(ex):
    return [(s.subject, s.kind, s.value, s.metric, s.rule) for s in ex.statements
            if s.kind in ("employeeCount", "quantity")]


def test_researchers_poached_are_hires_not_the_hirers_headcount(text_reader):
    r, ex = text_reader
    r.read("메타는 구글의 모델 개발에 참여한 딥마인드 연구원 3명 영입.", LOC, ())
    assert _people(ex) == [("meta", "quantity", Decimal(3), "hires", "text:hire-count")]
    assert not [s for s in ex.statements if s.kind == "employeeCount"]


def test_a_headcount_and_a_unit_formed_stay_staff_counts(text_reader):
    r, ex = text_reader
    r.read("메타는 1,000명의 인증 전문가 부대를 창설.", LOC, ())
    assert _people(ex) == [("meta", "employeeCount", Decimal(1000), "인증 전문가 부대", "text:staff-count")]


def test_a_count_of_people_let_go_is_layoffs():
    st = Statement("manus", "employeeCount", LOC, "text:staff-count", value=Decimal(80), unit="count",
                   scope="80명의 직원들을 모두 해고")
    assert hire_count(st) == Statement("manus", "quantity", LOC, "text:hire-count", value=Decimal(80), unit="count",
                                       scope="80명의 직원들을 모두 해고", metric="layoffs")


def test_a_staff_scope_that_is_a_noun_is_left_alone():
    st = Statement("x", "employeeCount", LOC, "text-cell:staff-count", value=Decimal(2), unit="count", scope="채용 담당자")
    assert hire_count(st) is st


def test_engineers_who_joined_are_hires_never_a_headcount(text_reader):
    r, ex = text_reader
    r.read("메타는 오픈AI 출신 엔지니어 5명이 합류.", LOC, ())
    assert _people(ex) == []  # no staff count of Meta
    s = "메타에는 엔지니어 5명이 합류."
    assert hired_scope(s, next(q for q in find_quantities(s) if q.raw == "5명")) == "5명이 합류"
