"""A maker with its things in parentheses right after its name (petaflop/extract/paren_maker.py), on sentences
of our own: the things named are its work; a parenthesis with other words, or an organisation in it, is not."""
from __future__ import annotations

import pytest

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VII", "test slide")


def made(ex) -> set[tuple[str, str, str]]:
    return {(f.subject, f.predicate, str(f.obj)) for f in ex.facts if f.rule == "text:paren-maker"}


@pytest.mark.parametrize(("sentence", "facts"), [
    ("가격을 앞세운 AMD(MI355X)와 성능의 엔비디아(H100)가 맞섬.",
     {("amd-mi355x", "designedBy", "amd"), ("nvidia-h100", "designedBy", "nvidia")}),
    ("수혜는 삼성(로직+CoWoS) 쪽일 수 있음.", {("cowos", "developedBy", "samsung-electronics")}),
    ("자원이 적은 DeepSeek(GRPO)와 달리", {("grpo", "developedBy", "deepseek")}),  # a bare technique
])
def test_the_things_in_a_makers_parenthesis_are_its_work(text_reader, sentence, facts):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert made(ex) == facts


@pytest.mark.parametrize("sentence", [
    "머스크는 xAI(Colossus 포함)를 홍보.",  # other words than names: what it includes, not what it made
    "엔비디아(에이전트의 근간)는 견고.",  # no name at all
    "마이크로소프트(OpenAI 투자)와 구글(DeepMind)이 경쟁.",  # an organisation inside: not a thing made
    "AMD (2024년 MI355X 발표 이후)는 상승.",  # a clause in the parenthesis
])
def test_a_parenthesis_of_other_words_names_no_work(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert made(ex) == set()
