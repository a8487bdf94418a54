"""An accuracy ("정확도") before a percent is a quantity named by its label (attribute_lexicon.toml), in
sentences of our own; a word only starting with it ("정확도면에서") is no measure."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "III", "test slide")


def quantities(ex) -> list[tuple]:
    return sorted((s.subject, s.value, s.bound, s.rule) for s in ex.statements if s.kind == "quantity")


def test_an_accuracy_raised_from_one_percent_to_another(text_reader):
    r, ex = text_reader
    r.read("메타는 심사 기간을 3배 단축하고 데이터 정확도를 60%에서 85% 이상으로 향상.", LOC, ())
    assert quantities(ex) == [("meta", Decimal(60), "", "text:value-from"),
                              ("meta", Decimal(85), "lower", "text:value-from-to")]


def test_a_word_starting_with_accuracy_names_no_measure(text_reader):
    r, ex = text_reader
    r.read("메타는 정확도면에서 경쟁사를 70% 앞섬.", LOC, ())
    assert quantities(ex) == []
