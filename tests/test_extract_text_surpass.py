"""A thing said to surpass another of its kind competes with it (text_surpass)."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VI", "test slide")


def rivals(ex) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "competesWith")


@pytest.mark.parametrize("sentence, pair", [
    ("특히 DeepSeek-Coder-V2는 평가에서 GPT-4 Turbo 능가", ("deepseek-coder-v2", "gpt-4-turbo")),
    ("차세대 Ascend 910D는 H20 성능을 동등/초과할 것을 목표.", ("huawei-ascend-910d", "nvidia-h20")),
])
def test_the_topic_surpassing_a_thing_of_its_kind_competes_with_it(text_reader, sentence, pair):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert rivals(ex) == [(*pair, "text:surpass")]


def test_a_cell_saying_the_rows_chip_surpasses_another(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("huawei-ascend-910d"))
    r.read_cell("H20 성능 일부 초과", LOC, (), "huawei-ascend-910d")
    assert rivals(ex) == [("huawei-ascend-910d", "nvidia-h20", "text:surpass")]


@pytest.mark.parametrize("sentence", [
    "중국은 이제 엔비디아를 능가하는 역량을 갖춤.",          # a country and a firm: not things of one kind
    "Kimi K2는 좋은 평가, 일부 벤치마크에선 GPT-4.1마저 능가.",  # the topic is in another clause
])
def test_no_rivalry_across_kinds_or_clauses(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert rivals(ex) == []


@pytest.mark.parametrize("sentence, pair", [
    # the topic carried over the clause break of "-며" to a tie it reached
    ("메타(Llama)는 막대한 자본을 쏟아부으며 Anthropic과 동률 수준까지 추격.", ("meta", "anthropic")),
    # the topic across a list's commas: matched, or close enough to compete
    ("H200은 용량, 대역폭 등 지표에서 최신 MI355X와 대등하거나 경쟁 가능한 수준에 도달", ("nvidia-h200", "amd-mi355x")),
])
def test_the_topic_reaching_a_tie_with_a_thing_of_its_kind_competes_with_it(text_reader, sentence, pair):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert rivals(ex) == [(*pair, "text:surpass")]


@pytest.mark.parametrize("sentence", [
    "메타는 투자를 늘리며 엔비디아와 동률 수준.",                   # no verb of reaching or chasing
    "메타는 자본을, 구글은 인재를 쏟아부으며 Anthropic과 동률 수준까지 추격.",  # two topics: whose tie?
    "H200은 좋은 평가, 일부 지표에서 MI355X마저 능가.",  # a plain surpassing stays in its clause
])
def test_no_tie_without_its_verb_or_with_two_topics(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert rivals(ex) == []
