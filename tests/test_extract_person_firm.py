"""A person standing for the firm they head (person_firm.py): a head's figure of the firm's measure is the firm's,
under ``text:person-for-firm``, when the sentence's title or the links read so far tie the person to exactly one
firm — on sentences of our own, with look-alikes that state nothing (a tie to two firms, another firm's genitive,
the person's own figures)."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location
from petaflop.extract.person_firm import settle_stand_ins

HEAD = "Mistral AI CEO 리사 수는 혁신을 강조."
PLAN = "리사 수는 연말까지 20만 개의 H100 성능에 해당하는 컴퓨팅을 확보할 계획."


def loc(line: int) -> Location:
    return Location(line, line, "I", "test slide")


def firm_figures(ex) -> list[tuple]:
    return sorted((s.subject, s.kind, s.value, s.status) for s in ex.statements if s.rule == "text:person-for-firm")


def test_a_head_named_before_stands_for_the_firm(text_reader):
    r, ex = text_reader
    r.read(HEAD, loc(10), ())
    r.read(PLAN, loc(11), ())
    assert firm_figures(ex) == [("mistral-ai", "h100EquivalentCount", Decimal("200000"), "planned")]


def test_a_title_in_the_sentence_ties_the_person_and_a_target_stays_a_target(text_reader):
    r, ex = text_reader
    r.read("Mistral AI의 CEO 리사 수는 5년 내 H100 동급 연산 능력 100만 개의 GPU 확보를 목표.", loc(10), ())
    assert firm_figures(ex) == [("mistral-ai", "h100EquivalentCount", Decimal("1000000"), "target")]
    assert not [s for s in ex.statements if s.subject == "lisa-su"]


def test_a_planned_multiple_of_the_firm(text_reader):
    r, ex = text_reader
    r.read(HEAD, loc(10), ())
    r.read('리사 수는 "5개월 내 컴퓨트 플릿 2배 증설" 계획도 발표.', loc(11), ())
    assert firm_figures(ex) == [("mistral-ai", "multiple", Decimal("2"), "planned")]


def test_no_firm_for_two_firms_another_genitive_or_the_persons_own(text_reader):
    r, ex = text_reader
    r.read(HEAD, loc(10), ())
    r.read("Anthropic의 리사 수는 연말까지 20만 개의 H100 성능에 해당하는 컴퓨팅을 확보할 계획.", loc(11), ())
    r.read("리사 수는 민주당에 20만 개의 H100 성능에 해당하는 컴퓨팅을 기부.", loc(12), ())
    r.read("리사 수는 재직 4개월 만에 회사를 떠났음.", loc(13), ())  # the person's own span stays the person's
    assert firm_figures(ex) == []
    assert ("lisa-su", "duration", Decimal("4")) in {(s.subject, s.kind, s.value) for s in ex.statements}
    r.read("Anthropic의 연구원 리사 수는 혁신을 강조.", loc(14), ())  # now tied to two firms
    r.read(PLAN, loc(15), ())
    assert firm_figures(ex) == []


def test_a_tie_read_later_decides_once_the_report_is_read(text_reader):
    r, ex = text_reader
    r.read(PLAN, loc(10), ())
    assert [(s.subject, s.rule) for s in ex.statements] == [("lisa-su", "text:person-for-firm")]
    r.read(HEAD, loc(30), ())
    settle_stand_ins(ex)
    assert firm_figures(ex) == [("mistral-ai", "h100EquivalentCount", Decimal("200000"), "planned")]


def test_an_untied_person_keeps_no_firm_figure(text_reader):
    r, ex = text_reader
    r.read(PLAN, loc(10), ())
    settle_stand_ins(ex)
    assert ex.statements == []


def test_a_count_in_a_chips_performance_is_a_yardstick(text_reader):
    r, ex = text_reader
    r.read("Mistral AI는 연말까지 400만 개의 A100 성능에 해당하는 컴퓨팅을 확보.", loc(10), ())
    assert {(s.subject, s.kind, s.value) for s in ex.statements if s.value is not None} == {
        ("mistral-ai", "a100EquivalentCount", Decimal("4000000"))}


def test_the_firms_own_figure_in_the_sentence_keeps_its_rule(text_reader):
    r, ex = text_reader
    r.read(HEAD, loc(10), ())
    r.read("Mistral AI는 5만 개의 H100을 가동, 리사 수는 20만 개의 A100 성능에 해당하는 연산 확보", loc(11), ())
    got = {(s.kind, s.value, s.rule) for s in ex.statements if s.subject == "mistral-ai"}
    assert got == {("chipCount", Decimal("50000"), "text:count-item:clause-topic"),
                   ("a100EquivalentCount", Decimal("200000"), "text:person-for-firm")}
    assert not [s for s in ex.statements if "<-" in s.subject]


def test_a_founder_stands_for_the_firm_they_founded(text_reader):
    r, ex = text_reader
    r.read("Mistral AI 창업자 리사 수는 혁신을 강조.", loc(10), ())  # a founding: affiliatedWith under :founder
    r.read(PLAN, loc(11), ())
    assert firm_figures(ex) == [("mistral-ai", "h100EquivalentCount", Decimal("200000"), "planned")]
