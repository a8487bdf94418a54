"""A bare count followed by "가지" (kinds) counts the kinds of what follows it; it is no value of the measure
named before it (text_value_guards.counts_kinds). Sentences of our own (invented)."""

from __future__ import annotations

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VII", "VII. 중국 AI: Zhipu AI")


def values(ex) -> set[tuple]:
    return {(st.subject, st.kind, st.value, st.rule) for st in ex.statements}


def test_a_number_of_kinds_after_a_measure_word_is_no_value_of_it(text_reader):
    r, ex = text_reader
    r.start_slide(LOC.slide_title)
    r.read("- Zhipu AI는 모델을 공개.", LOC, ())
    r.read("- 기존 아키텍처를 채택하여, 모델 크기 확장과 “Adam 옵티마이저”라는 2가지 핵심 변수에만 집중.", LOC, ())
    assert not any(kind == "parameterCount" for _, kind, _, _ in values(ex))


def test_the_measure_with_its_own_figure_is_still_read(text_reader):
    r, ex = text_reader
    r.read("- Zhipu AI의 모델 크기는 3,550억 파라미터.", LOC, ())
    assert ("zhipu-ai", "parameterCount", 355000000000, "text:value:genitive") in values(ex)


def test_a_count_of_kinds_of_a_named_thing_stays(text_reader):
    r, ex = text_reader
    r.read("- 구글은 “Atlas”라는 논문에서 3가지 메모리 유형을 제시.", LOC, ())
    assert ("google", "unitCount", 3, "text:part-count") in values(ex)
