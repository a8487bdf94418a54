"""The platform frame (text_platform.py) on sentences of our own: a firm the words call the platform a
model is used through offers it — and look-alikes that name no such route."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VI", "test slide")


def offered(ex: Extraction) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "offeredBy")


@pytest.mark.parametrize("sentence, expected", [
    # "<F> 같은 클라우드 플랫폼에서": the model the sentence's topic (carried from the sentence before)
    ("Kimi K2는 완전 오픈소스. Groq 같은 클라우드 플랫폼에서 즉시 사용 가능.", [("kimi-k2", "groq")]),
    # "제 3자 플랫폼 (<F> 등)": the one model named in the sentence
    ("제 3자 플랫폼 (Cerebras 등)을 포함한 사용량은 Kimi K2 출시 후 급증.", [("kimi-k2", "cerebras")]),
    # two firms listed in the parentheses
    ("외부 플랫폼 (Groq, Cerebras 등)에서도 Kimi K2 사용 가능.", [("kimi-k2", "cerebras"), ("kimi-k2", "groq")]),
])
def test_a_firm_called_the_platform_offers_the_model(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert offered(ex) == [(*e, "text:platform-offer") for e in expected]


def test_a_price_cell_via_a_firm_offers_the_rows_model(text_reader, gaz):
    r, ex = text_reader
    r.res.record(gaz.by_id("kimi-k2"))
    r.read_cell("0.2 달러 (Groq 경유)", Location(40, 40, "VI", "test slide", "t1", 1, 2), (), "kimi-k2")
    assert offered(ex) == [("kimi-k2", "groq", "text:platform-offer")]


@pytest.mark.parametrize("sentence", [
    "OpenAI는 검색 광고(구글)와 이커머스 플랫폼(AWS)을 겨냥.",  # no model: a market, not a route
    "알리바바는 Groq 같은 클라우드 플랫폼에서 서비스를 제공.",  # the topic is a firm, no model
    "Kimi K2와 Qwen은 Groq 같은 클라우드 플랫폼에서 사용 가능.",  # two models: whose is not said
    "Kimi K2는 Groq의 클라우드 플랫폼에서 학습.",  # a genitive, not a platform named so
    "Kimi K2는 Groq 같은 플랫폼 기업과 경쟁.",  # a kind of firm ("플랫폼 기업"), not a route to the model
])
def test_no_offer_without_one_model_and_a_firm_called_its_platform(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert offered(ex) == []
