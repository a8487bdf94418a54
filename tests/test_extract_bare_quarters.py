"""A quarter written without its year, told as the consequence of a dated event after it, is not that year's
calendar quarter: its figure keeps no time (bare_quarters.py) — on sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from foundation.periods import parse_period
from petaflop.extract.bare_quarters import before_its_cause, settle_bare_quarters
from petaflop.extract.facts import Location

Q1 = parse_period("2025-Q1")
CAUSED = ("- 2025년 5월, 유럽연합은 새로운 장비 수출 규제를 적용. 갑작스러운 규제로 AMD는 재고를 처리하지 못했고, "
          "결국 1분기에만 20억 달러의 손실을 기록.")


def test_a_bare_quarter_ending_before_the_event_that_caused_its_figure_is_no_calendar_quarter():
    assert before_its_cause(CAUSED, Q1, "1분기에만 20억 달러의 손실")


def test_a_bare_quarter_after_its_cause_or_with_no_cause_told_keeps_its_time():
    # the quarter ends after the event
    assert not before_its_cause(CAUSED.replace("2025년 5월", "2025년 2월"), Q1, "1분기에만 20억 달러의 손실")
    # a quarter reported after it ended: no consequence is told
    assert not before_its_cause("5월 28일\tAMD\t1분기 매출 20억 달러 발표", Q1, "1분기 매출 20억 달러")
    # the year is written: the text says which quarter
    assert not before_its_cause(CAUSED.replace("결국 1분기", "결국 2025년 1분기"), Q1, "1분기에만 20억 달러의 손실")
    # a bound is no event ("2026년까지")
    assert not before_its_cause("2026년까지 증설. 그 결과 1분기 매출 20억 달러", Q1, "1분기 매출 20억 달러")


def test_the_figure_read_in_prose_loses_the_quarter(text_reader):
    r, ex = text_reader
    r.read(CAUSED, Location(3, 3), ())
    loss = [st for st in ex.statements if st.value == Decimal(2_000_000_000)]
    assert [(st.subject, st.time.text if st.time else "") for st in loss] == [("amd", "2025-Q1")]
    assert settle_bare_quarters(ex, ["", "", CAUSED]) == 1
    assert [(st.subject, st.kind, st.value, st.time) for st in ex.statements if st.value == Decimal(2_000_000_000)] == [
        ("amd", loss[0].kind, Decimal(2_000_000_000), None)]
