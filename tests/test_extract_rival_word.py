"""The bare word for rivals ("경쟁자") after a list of things closed by 등: "A, B 등 모든 경쟁자를 제치고" —
the listed things compete with the topic of their kind (rule ``text:rival-thing``), on sentences of our own."""

from __future__ import annotations

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "III", "test slide")


def links(ex: Extraction) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts
                  if f.obj_is_entity and f.predicate == "competesWith")


def test_rival_models_listed_before_the_bare_word_for_rivals_compete_with_the_topic(text_reader):
    r, ex = text_reader
    r.read("Grok 4는 Claude, Gemini 등 모든 경쟁자를 제치고 1위 달성.", LOC, ())
    r.read("Grok 4는 GPT-4.1 등 경쟁자를 앞섬.", LOC, ())
    assert links(ex) == [("grok-4", "claude", "text:rival-thing"),
                         ("grok-4", "gemini", "text:rival-thing"),
                         ("grok-4", "gpt-4-1", "text:rival-thing")]


def test_firms_listed_before_the_bare_word_for_rivals_are_not_rival_things(text_reader):
    r, ex = text_reader
    r.read("테슬라는 우버, 리프트 등 모든 경쟁자보다 저렴.", LOC, ())
    assert [x for x in links(ex) if x[2] == "text:rival-thing"] == []


def test_a_model_of_another_kind_before_the_word_is_no_rival(text_reader):
    r, ex = text_reader
    r.read("Grok 4는 H100 등 모든 경쟁자를 제침.", LOC, ())
    assert links(ex) == []


def test_a_misspelt_alias_of_an_image_model_is_the_model(gaz):
    assert gaz.lookup("헛-image-1").id == "gpt-image-1"
