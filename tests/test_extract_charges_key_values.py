"""A loss booked is a charge of the organisation that books it, and a "지표 | 수치·내용" table is a key–value
table about its caption's entity — on sentences and tables of our own, with look-alikes that state nothing."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location
from tests.test_table_reader import make_table

LOC = Location(10, 10, "VI", "test slide")


def money(ex) -> list[tuple]:
    return sorted((s.subject, s.kind, s.value, s.rule) for s in ex.statements if s.unit == "USD")


def test_a_loss_booked_after_the_figure_is_the_topics_charge(text_reader):
    r, ex = text_reader
    r.read("Mistral AI는 재고를 처리하지 못했고, 결국 2분기에만 12억 달러의 손실을 기록하는 등 총 30억 달러에 달하는 "
           "비용이 발생.", LOC, ())
    # the next figure's metric is its own "비용", not the loss said of the figure before it
    assert money(ex) == [("mistral-ai", "amount", Decimal(3_000_000_000), "text:value-after:clause-topic"),
                         ("mistral-ai", "charge", Decimal(1_200_000_000), "text:value-after:clause-topic")]


def test_a_net_loss_stays_a_profit_and_a_loss_recovered_is_no_charge(text_reader):
    r, ex = text_reader
    r.read("Mistral AI는 작년에 5억 달러의 순손실을 기록.", LOC, ())
    r.read("Mistral AI는 이전에 발생했던 7억 달러의 손실을 만회할 기회를 얻음.", LOC, ())
    assert [k for _, k, _, _ in money(ex) if k == "charge"] == []


def test_a_metric_value_table_is_read_as_key_values_whatever_the_separator(table_reader):
    r, ex = table_reader
    r.read(make_table(["Mistral AI의 개발 생태계 현황"], ["지표", "수치·내용"],
                      [["개발자 규모", "약 20만 명"], ["비고", "유럽 최대"]]))
    assert {(s.subject, s.kind, s.value) for s in ex.statements} == {("mistral-ai", "developerCount", Decimal(200_000))}
