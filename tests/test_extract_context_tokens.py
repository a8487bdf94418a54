"""Tokens that measure a context window ("128,000 토큰의 장문 컨텍스트"): the figure is the model's context
length (the measure word after the tokens), not a count of tokens it trained on or processed."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "III", "test slide")


def _values(ex) -> set[tuple]:
    return {(s.subject, s.kind, s.value, s.rule) for s in ex.statements}


def test_tokens_of_a_long_context_in_prose_are_its_context_length(text_reader):
    r, ex = text_reader
    r.read("Grok-1.5는 128,000 토큰의 장문 컨텍스트 처리 능력을 갖춤.", LOC, ())
    assert _values(ex) == {("grok-1-5", "contextLength", Decimal(128000), "text:value-after:clause-topic")}


def test_tokens_of_a_context_in_a_models_row(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("grok-1-5"))
    r.read_cell("128,000 토큰의 장문 컨텍스트 처리 능력", LOC, (), "grok-1-5")
    assert _values(ex) == {("grok-1-5", "contextLength", Decimal(128000), "text-cell:value-after:row")}


def test_tokens_a_model_trained_on_stay_a_token_count(text_reader):
    r, ex = text_reader
    r.read("Qwen3는 무려 36조 토큰의 데이터셋으로 학습.", LOC, ())
    assert _values(ex) == {("qwen3", "tokenCount", Decimal(36) * 10**12, "text:token-count")}
