"""text:chosen-over on sentences of our own: "A/B보다 C 선택" — the thing chosen over others of its kind
competes with each of them, in prose and in a table cell without figures (text_chosen_over.py)."""

from __future__ import annotations

from petaflop.extract.cell_text import prose_cell
from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VI", "test slide")


def rivals(ex: Extraction) -> list[tuple[str, str, str]]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "competesWith")


def test_the_chosen_firm_competes_with_each_firm_passed_over(text_reader):
    r, ex = text_reader
    r.read("가격이 같다면 고객은 DeepSeek/알리바바보다 OpenAI를 선호.", LOC, ())
    assert rivals(ex) == [("openai", "alibaba", "text:chosen-over"), ("openai", "deepseek", "text:chosen-over")]


def test_things_of_another_kind_or_a_country_are_no_rivals(text_reader):
    r, ex = text_reader
    r.read("이 고객은 엔비디아보다 H100 선택.", LOC, ())  # a firm and a chip
    r.read("투자자는 중국보다 엔비디아 선택.", LOC, ())  # a country
    r.read("엔비디아보다 화웨이가 빠르게 성장.", LOC, ())  # a comparison, no choice
    assert rivals(ex) == []


def test_a_cell_of_a_choice_is_read_as_prose():
    assert prose_cell("성능이 같다면 화웨이보다 엔비디아 선택")
    assert not prose_cell("화웨이 엔비디아")
