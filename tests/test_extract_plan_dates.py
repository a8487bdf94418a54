"""Wave 23, task B: dates of plans (text_dates.py) and the thing a firm works through (subject_ways.py).

* A span of months or years a plan names ("11~12월에 출시 예정인 X") dates the plan by the whole span, both ends
  kept (audit 29 A n=133; wave 23 kept its first end only), its rule the construction's with ``:span``; a span
  of a past event stays no event date.
* A lead date marked as the topic ("4분기에는 …") or one still to come ("2027년, …") dates the plan the
  sentence goes on to ("… 칩 양산 목표", "… 모델 공개 예정"); a past lead date does not date a plan.
* "A는 X를 통해 … N배 개선": X's multiple, not A's (a firm or a person is no such X).
Sentences and figures of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VI", "test slide")


def _dates(ex, rule: str) -> list[tuple]:
    return sorted((s.subject, s.kind, s.time.text, s.status) for s in ex.statements if s.rule == rule)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("엔비디아는 11~12월에 출시 예정인 GB300 칩의 사양을 공개.", [
        ("nvidia-gb300", "releaseDate", "2025-11~2025-12", "planned")]),
    ("엔비디아는 11~12월에 출시 목표인 GB300 칩의 사양을 공개.", [
        ("nvidia-gb300", "releaseDate", "2025-11~2025-12", "target")]),
    # a span of a past release names no one date
    ("엔비디아는 1~2월에 출시된 GB300 칩의 사양을 공개.", []),
])
def test_a_plans_span_dates_it_by_both_its_ends(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert _dates(ex, "text:event-plan:span") == expected  # a plan's relative clause (text_plans.py)
    assert _dates(ex, "text:event-plan") == []  # never its first month alone


def test_a_plan_led_by_a_span_of_years_keeps_both_years(text_reader):
    r, ex = text_reader
    r.read("2027~28년, 새 공정의 “Rubin” 칩 양산 목표.", LOC, ())
    assert _dates(ex, "text:event-lead-date:span") == [("nvidia-rubin", "releaseDate", "2027~2028", "target")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("4분기에는 성능을 높인 “GB300” 모델 공개 예정.", [("nvidia-gb300", "releaseDate", "2025-Q4", "planned")]),
    ("그리고 2027년, 새 공정의 “Rubin” 칩 양산 목표.", [("nvidia-rubin", "releaseDate", "2027", "target")]),
    # a past date leading the sentence is when the plan was told, not when it comes
    ("지난 3월, 엔비디아는 “Rubin” 칩 출시 예정.", []),
])
def test_a_lead_date_dates_the_plan_of_its_sentence(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert _dates(ex, "text:event-lead-date") == expected


def _multiples(ex) -> set[tuple]:
    return {(s.subject, s.value, s.rule) for s in ex.statements if s.kind == "multiple"}


def test_the_thing_a_firm_works_through_is_the_multiples_subject(text_reader):
    r, ex = text_reader
    r.read("엔비디아는 NVLink를 통해 GPU 간 통신 성능이 기존 이더넷 대비 최대 3배 개선된다고 주장.", LOC, ())
    assert _multiples(ex) == {("nvlink", Decimal(3), "text:multiple:named")}


def test_a_firm_worked_through_is_no_subject(text_reader):
    r, ex = text_reader
    r.read("엔비디아는 오라클을 통해 데이터센터 매출이 전년 대비 3배 증가.", LOC, ())
    assert {x[0] for x in _multiples(ex)} == {"nvidia"}


def test_a_multiple_of_reduction_is_the_subjects_own_change(text_reader):
    r, ex = text_reader  # "N배 단축": the subject's own measure cut by a factor (no base named)
    r.read("엔비디아는 칩 설계 기간을 4배 단축하고 수율을 높임.", LOC, ())
    assert _multiples(ex) == {("nvidia", Decimal(4), "text:multiple-growth:named")}


def test_a_noun_object_grown_n_times_is_not_the_subjects_growth(text_reader):
    r, ex = text_reader  # "A가 X를 N배로 늘렸다": X grew, not A
    r.read("엔비디아가 생산 라인을 두 배로 늘렸던 시기.", LOC, ())
    assert _multiples(ex) == set()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("2014년, 구글은 전용 칩인 TPU 개발에 착수.", [("google-tpu", "eventDate", "2014", "actual")]),
    ("가나다전자는 자체 도구인 CANN을 '18년부터 개발.", [("cann", "eventDate", "2018", "actual")]),
    # a date of sale is no start of development
    ("구글은 TPU를 2014년부터 판매.", []),
])
def test_the_start_of_a_things_development_is_its_event_date(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert [x for x in _dates(ex, "text:start-date") if x[1] == "eventDate"] == expected


def test_a_firms_own_figure_through_a_product_stays_the_firms(text_reader):
    r, ex = text_reader  # not a claim about the product: the firm's revenue grew through it
    r.read("엔비디아는 GB300을 통해 데이터센터 매출이 전년 대비 3배 증가.", LOC, ())
    assert {x[0] for x in _multiples(ex)} == {"nvidia"}


def _multiple_metrics(ex) -> set[tuple]:
    return {(s.subject, s.value, s.metric, s.rule) for s in ex.statements if s.kind == "multiple"}


def test_a_genitive_base_named_with_its_kind_word(text_reader):
    r, ex = text_reader  # "AMD 칩의 N배": the base is AMD's chip, named with its kind word
    r.read("B200은 AMD 칩의 2배 수준의 성능을 제공.", LOC, ())
    assert _multiple_metrics(ex) == {("nvidia-b200", Decimal(2), "vs AMD", "text:multiple:named")}


def test_the_head_of_a_relative_clause_named_with_its_kind_word_is_the_subject(text_reader):
    r, ex = text_reader  # "…에 불과한 개별 X 칩의 성능": X itself, not a genitive owner of another thing
    r.read("AMD 칩의 3분의 1 수준에 불과한 개별 GB300 칩의 성능을 보완하기 위해 랙 단위로 묶음.", LOC, ())
    assert _multiple_metrics(ex) == {("nvidia-gb300", Decimal("0.333"), "vs AMD", "text:multiple:named")}
