"""A span of work whose clause gives the amount of work ("1년 분량의 허블 데이터를 3분 만에 분석") keeps the amount in
its scope and is a fact only of the doer the clause marks (work_amount.py)."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import EntityRecord, Extraction, Location, Statement
from petaflop.extract.gate import is_unsure
from petaflop.extract.work_amount import settle_work_amounts

D = Decimal
ALLEN = EntityRecord("allen-institute-for-ai", ("ResearchInstitute",), "Allen Institute for AI", "", ("Allen Institute",))


def _settle(line: str, value: int, unit: str, rule: str) -> tuple[str, bool]:
    ex = Extraction(entities={ALLEN.id: ALLEN}, statements=[Statement(
        ALLEN.id, "duration", Location(3, 3), rule, value=D(value), unit=unit, metric="time taken: 분석")])
    settle_work_amounts(ex, ["", "", line])
    return ex.statements[0].scope, is_unsure(ex.statements[0].rule)


def test_a_span_of_work_read_of_a_caption_head_is_a_claim_with_its_amount():
    assert _settle("AI는 1년 분량의 허블 관측 데이터를 단 3분 만에 분석", 3, "minute", "text:caption-topic") == (
        "1년 분량의 허블 관측 데이터", True)


def test_the_doer_the_clause_marks_keeps_the_span_scoped_by_the_work():
    assert _settle("Allen Institute는 10년 치 실험 기록을 단 3일 만에 분석", 3, "day",
                   "text:duration-took:clause-topic") == ("10년 치 실험 기록", False)


def test_the_source_of_the_work_is_no_doer():
    assert _settle("AI는 10년 치 Allen Institute 기록을 3일 만에 분석", 3, "day", "text:duration-took:clause-topic") == (
        "10년 치 Allen Institute 기록", True)


def test_an_amount_of_work_is_no_span():
    assert _settle("Allen Institute는 2개월 분량의 데이터를 공개", 2, "month", "text:duration-took:clause-topic") == (
        "", True)


def test_a_span_with_no_amount_of_work_is_left_alone():
    assert _settle("Allen Institute는 3일 만에 분석을 완료, 1년 치 예산은 별도", 3, "day", "text:caption-topic") == ("", False)


def test_a_doer_read_in_prose_keeps_its_span_with_the_work(text_reader):
    r, ex = text_reader
    line = "Allen Institute는 10년 치 실험 기록을 단 3일 만에 분석."
    r.read(line, Location(3, 3), ())
    settle_work_amounts(ex, ["", "", line])
    assert [(st.subject, st.value, st.unit, st.scope, st.rule) for st in ex.statements] == [
        ("allen-institute-for-ai", D(3), "day", "10년 치 실험 기록", "text:duration-took:clause-topic")]
