"""Whose figure when the clause names no subject of its own: a span "N년 만에" after the sentence's own topic
is read as the clause's construction, and a measure the cell's own topic cannot carry ("엔비디아는 … 생산 계획"
in a chip's row) is the row's chip's — on sentences of our own, with look-alikes that state nothing."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VI", "test slide")


def durations(ex) -> list[tuple]:
    return sorted((s.subject, s.value, s.unit, s.rule) for s in ex.statements if s.kind == "duration")


def test_a_span_after_the_sentences_own_topic_is_the_clause_construction(text_reader):
    r, ex = text_reader
    r.read("Mistral AI는 경쟁사의 부진 속에, 유럽 시장을 겨냥해 “3년 만에” 새 오픈소스 모델 출시.", LOC, ())
    assert durations(ex) == [("mistral-ai", Decimal(3), "year", "text:duration-took:clause-topic")]


def shipments(ex) -> list[tuple]:
    return sorted((s.subject, s.value, s.bound, s.status, s.rule) for s in ex.statements if s.kind == "shipments")


def test_a_production_plan_of_the_firm_in_a_chips_row_is_the_chips(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("amd-mi308"))
    r.read_cell("엔비디아는 올해 50만 개 이상으로 생산 계획.", LOC, (), "amd-mi308")
    assert shipments(ex) == [("amd-mi308", Decimal(500_000), "lower", "planned", "text-cell:count-noun:row")]


def test_no_chip_production_for_a_firms_row_or_in_running_text(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("mistral-ai"))
    r.read_cell("엔비디아는 올해 50만 개 이상으로 생산 계획.", LOC, (), "mistral-ai")  # a firm's row: no chip to produce
    r.read("엔비디아는 올해 50만 개 이상으로 생산 계획.", LOC, ())  # no row at all
    assert shipments(ex) == []
