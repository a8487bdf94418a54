"""Wave 20, area A: a plain figure whose subject is the sentence's own topic, marked in an earlier clause
("A는 … 돌파했고 … 사용자는 N명"), is the clause-topic construction — unless another subject is marked
between the topic and the figure; "<X>와 (그 다음 모델인) <Y>" names Y as X's successor; a founder's title
("창업자", "설립자") is no founding event. Sentences and figures of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Location
from petaflop.extract.subject_ways import clause_way

LOC = Location(10, 10, "VI", "test slide")


def _of(ex, kind: str) -> set[tuple]:
    return {(s.subject, s.value, s.rule) for s in ex.statements if s.kind == kind}


def test_the_sentences_topic_carried_to_a_later_clause_is_the_clause_topic_construction(text_reader):
    r, ex = text_reader
    r.read("ChatGPT는 출시 3개월 만에 사용자 2억 명 돌파했고 올해 기준 주간 활성 사용자는 6억 명 상회.", LOC, ())
    assert _of(ex, "userCount") == {("chatgpt", Decimal(200000000), "text:value:clause-topic"),
                                    ("chatgpt", Decimal(600000000), "text:value:clause-topic")}


def test_another_subject_marked_after_the_topic_makes_the_figure_no_longer_the_topics(text_reader):
    r, ex = text_reader
    r.read("OpenAI는 MS가 권리를 포기하고, 대신 새로 전환되는 지분의 약 21%를 제안.", LOC, ())
    # the way the subject was found; the stake names no company it is in, so it stays a claim (text_stakes.py)
    assert {s.rule for s in ex.statements if s.kind == "equityStake"} == {"text:value:inherited-other-named:unsure"}


def test_a_plain_figure_or_one_with_its_measure_after_folds_the_sentence_topic_into_the_clause_topic():
    assert clause_way("value", "sentence-topic") == "clause-topic"
    assert clause_way("value-after", "sentence-topic") == "clause-topic"
    assert clause_way("value-unit", "sentence-topic") == "sentence-topic"
    assert clause_way("value", "previous-sentence-topic") == "previous-sentence-topic"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("노암 “o1과 (그 다음 모델인) o3 사이의 격차”", {("openai-o3", "succeeds", "openai-o1")}),
    ("H100과 후속 칩인 H200의 비교", {("nvidia-h200", "succeeds", "nvidia-h100")}),
    ("H100과 H200의 비교", set()),  # two chips named together: no order
])
def test_the_one_after_named_with_it(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert {(f.subject, f.predicate, str(f.obj)) for f in ex.facts if f.rule == "text:succession"} == expected



def test_a_founder_named_by_title_is_no_founding_event(text_reader):
    r, ex = text_reader
    r.read("이미 2024년 9월에 오라클 창업자/CTO인 래리 엘리슨은 티켓 값을 언급.", LOC, ())
    r.read("2023년 3월 xAI 설립.", LOC, ())
    assert {(s.subject, s.kind) for s in ex.statements if s.kind == "foundedDate"} == {("xai", "foundedDate")}
