"""Sentences of our own for a name singled out by "한 곳만" / "하나만(으로도)" ("<X> 한 곳만 1GW": X alone takes
1GW): the delimiter 만 stands where 은/는 would, so X is its clause's topic (petaflop/extract/topic_case.py), and a
figure whose unit tells its measure is X's; the next clause's own topic, figure and unit make a measure of their
own, not one carried from the first clause (parallel_measure, petaflop/extract/text_figures.py)."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location
from petaflop.extract.topic_case import case_topic

LOC = Location(10, 10, "V", "test slide")


def powers(ex) -> list[tuple]:
    return sorted((s.subject, s.value, s.rule) for s in ex.statements if s.kind == "powerCapacity")


def test_one_site_alone_is_the_topic_of_its_figure(text_reader):
    r, ex = text_reader
    r.read("Colossus 한 곳만 300MW, 전체 Stargate 계획은 5 GW.", LOC, ())
    assert powers(ex) == [("colossus", Decimal(300), "text:value-unit:clause-topic"),
                          ("stargate", Decimal(5000), "text:value-unit:clause-topic")]


def test_one_alone_with_a_gloss_and_also(text_reader):
    r, ex = text_reader
    r.read("Colossus(멤피스) 하나만으로도 300MW를 소비.", LOC, ())
    assert powers(ex) == [("colossus", Decimal(300), "text:value-unit:clause-topic")]


def test_only_the_quantifier_marks_the_topic():
    text = "Colossus 한 곳만 300MW"
    assert case_topic(text, 0, 8)
    assert not case_topic("Colossus 한 곳에 300MW", 0, 8)  # a place, not "X alone"
    assert not case_topic("Colossus 하나만큼 큰", 0, 8)  # a comparison ("as big as X")


def test_a_measure_word_still_carries_to_the_next_clause(text_reader):
    r, ex = text_reader
    r.read("Colossus의 전력 용량은 300MW, Stargate는 5 GW.", LOC, ())
    assert powers(ex) == [("colossus", Decimal(300), "text:value:genitive"),
                          ("stargate", Decimal(5000), "text:value-parallel:clause-topic")]
