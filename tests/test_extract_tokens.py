"""Token counts read by ``text_tokens`` on sentences of our own: the clause's marked subject, the head of
the relative clause the figure stands in, the period the count is per; no subject, no statement."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VII", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def tokens(reader, sentence: str) -> set[tuple[str, str, str]]:
    r, ex = reader
    r.read(sentence, LOC, ())
    return {(st.subject, str(st.value), st.per) for st in ex.statements if st.kind == "tokenCount"
            and st.rule == "text:token-count"}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Qwen3는 무려 12조 토큰의 데이터셋으로 학습", {("qwen3", "12000000000000", "")}),
    ("Kimi K2는 하루에 300억 개의 토큰을 처리", {("kimi-k2", "30000000000", "day")}),
    ("7조 개의 토큰으로 학습된 오픈소스 모델 Kimi K2 공개", {("kimi-k2", "7000000000000", "")}),
    ("초당 20만개의 토큰을 처리할 수 있다는 Etched의 Sohu 칩", {("etched-sohu", "200000", "second")}),
])
def test_a_count_of_tokens_is_the_token_count_of_its_named_subject(reader, sentence, expected):
    assert tokens(reader, sentence) == expected


def test_a_token_count_without_a_subject_in_its_sentence_says_nothing(reader):
    assert tokens(reader, "놀라운 것은 7조 개의 토큰으로 사전 훈련하는 동안 문제가 없었다는 점") == set()


def test_tokenization_is_not_a_count_of_tokens(reader):
    assert tokens(reader, "Qwen3는 3개 토큰화 방식을 지원") == set()


@pytest.mark.parametrize(("sentence", "scope"), [
    ("초당 20만개의 토큰을 처리할 수 있다는 Etched의 8xSohu 칩", "8xSohu"),  # an 8-chip server's, not one chip's
    ("초당 20만개의 토큰을 처리할 수 있다는 Etched의 4× Sohu 칩", "4×Sohu"),
    ("초당 20만개의 토큰을 처리할 수 있다는 Etched의 Sohu 칩", ""),
])
def test_a_count_of_a_system_of_several_units_is_scoped_to_it(reader, sentence, scope):
    r, ex = reader
    r.read(sentence, LOC, ())
    assert [(st.subject, st.scope) for st in ex.statements if st.rule == "text:token-count"] == [("etched-sohu", scope)]
