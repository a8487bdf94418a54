"""Wave 19, area D: comparative figures whose subject the clause itself names, read as the named
construction of their family — a long owning noun phrase ("A 기반 서버의 총 비용은 … 30% 저렴"), the
sentence's topic in an earlier clause of the same sentence, a named period as the base of a percentage
("2024년 대비 N% 증가" like "전년 대비"), and a table cell's span whose clause marks its subject.
Sentences and figures of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VI", "test slide")
CELL = Location(20, 20, "VI", "test slide", "t1", 2, 2)


def _of(ex, kind: str) -> set[tuple]:
    return {(s.subject, s.value, s.rule) for s in ex.statements if s.kind == kind}


def test_a_long_noun_phrase_owning_the_measure_names_the_subject(text_reader):
    r, ex = text_reader
    r.read("MI355X 기반 서버의 총 비용은 B200 대비 30% 저렴.", LOC, ())
    assert _of(ex, "relativeDifference") == {("amd-mi355x", Decimal(-30), "text:relative:named")}


def test_the_sentences_topic_in_an_earlier_clause_names_the_multiples_subject(text_reader):
    r, ex = text_reader
    r.read("xAI는 올해 GPU 10만 개를 가동하나, 장기적으로는 현재의 40배로 확대해야 한다고 발언.", LOC, ())
    assert ("xai", Decimal(40), "text:multiple:named") in _of(ex, "multiple")


def test_a_named_year_as_the_base_of_a_percentage_is_the_named_change(text_reader):
    r, ex = text_reader
    r.read("SMIC의 매출은 2030년에 2024년 대비 120% 증가할 것으로 추산.", LOC, ())
    assert _of(ex, "growthRate") == {("smic", Decimal(120), "text:relative:named")}


def test_a_cells_span_with_its_subject_marked_is_the_prose_construction(text_reader, gaz):
    r, ex = text_reader
    r.res.record(gaz.by_id("xai"))
    r.read_cell("시리즈 B 조달. SMIC는 같은 규모에 6년 소요", CELL, (), "xai")
    assert ("smic", Decimal(6), "text:duration-took:clause-topic") in _of(ex, "duration")


def test_a_sentence_opening_with_a_multiple_carries_on_the_previous_comparison(text_reader):
    r, ex = text_reader
    r.read("SMIC는 새 공정을 공개했으며, 이는 TSMC의 1.5배에 달하는 수준. 2.5배 더 넓은 대역폭을 통해 성능을 높임.", LOC, ())
    assert ("smic", Decimal("2.5"), "text:multiple:carried") in _of(ex, "multiple")
    assert next(s.metric for s in ex.statements if s.value == Decimal("2.5")) == "대역폭 higher vs TSMC"


def test_a_multiple_opening_another_block_carries_nothing(text_reader):
    r, ex = text_reader
    r.read("SMIC는 새 공정을 공개했으며, 이는 TSMC의 1.5배에 달하는 수준.", LOC, ())
    r.read("2.5배 더 넓은 대역폭을 통해 성능을 높임.", LOC, ())
    assert all(s.value != Decimal("2.5") for s in ex.statements)
