"""A named part of a model or product, written with the whole's name first ("<model> 음성 기능"), is part of
that model or product (name_parent.part_parent, rule text:name-parent:part)."""
from __future__ import annotations

from petaflop.extract.facts import Location
from petaflop.extract.name_parent import part_parent


def test_the_head_of_a_parts_written_name_is_its_whole(gaz):
    assert part_parent("GPT-4o 음성 기능", gaz, "gpt-4o-voice-feature").id == "gpt-4o"
    assert part_parent("Operator 추론 엔진", gaz, "openai-operator-inference-engine").id == "openai-operator"
    assert part_parent("OpenAI 추론 엔진", gaz, "x") is None  # a firm's engine: its maker, not a whole
    assert part_parent("GPT-4o 및 mini 모델", gaz, "x") is None  # no part noun
    assert part_parent("GPT-4o 음성 기능", gaz, "gpt-4o") is None  # never its own part


def test_a_named_part_in_a_sentence_is_part_of_its_whole(text_reader):
    r, ex = text_reader
    r.read("구글은 Gemini 2.5 Pro와 경쟁할 GPT-4o 음성 기능을 평가.", Location(10, 10, "IV", "test slide"), ())
    got = {(f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "partOf"}
    assert got == {("gpt-4o-voice-feature", "gpt-4o", "text:name-parent:part")}
