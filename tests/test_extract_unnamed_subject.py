"""A figure carried to an inherited topic whose clause names its own, unnamed subject — a counted common
noun ("3인 스타트업이", "두 회사가") — is that subject's, not the topic's (text_value_guards.unnamed_subject)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Location
from petaflop.extract.text_value_guards import unnamed_subject

LOC = Location(10, 10, "VI", "test slide")


def _read(text_reader, gaz, cell):
    r, ex = text_reader
    r.res.record(gaz.by_id("openai"))  # the row's entity, known to the extraction
    r.read_cell(cell, LOC, (), "openai")
    return ex


def _values(ex):
    return {(s.subject, s.kind, s.value) for s in ex.statements}


@pytest.mark.parametrize("cell", ["3인 스타트업이 첫 투자에서 7억 달러 기업 가치를 받음.",
                                  "두 회사가 각각 7억 달러 매출을 올림."])
def test_a_counted_subjects_figure_is_not_the_rows(text_reader, gaz, cell):
    assert _values(_read(text_reader, gaz, cell)) == set()


def test_the_rows_own_valuation_is_kept(text_reader, gaz):
    ex = _read(text_reader, gaz, "첫 투자에서 7억 달러 기업 가치를 받음.")
    assert _values(ex) == {("openai", "valuation", Decimal(700000000))}


@pytest.mark.parametrize(("clause", "how", "expected"), [
    ("3인 스타트업이 시드 단계에서 ", "row", True),
    ("두 회사가 함께 ", "sentence-topic", True),
    ("매출이 ", "row", False),  # a measure marked as subject names no other owner
    ("3인 스타트업이 ", "clause-topic", False),  # the clause's own named subject stays
])
def test_unnamed_subject(clause, how, expected):
    assert unnamed_subject(clause, how) is expected
