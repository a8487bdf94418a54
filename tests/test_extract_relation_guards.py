"""relation:model-developer on sentences of our own: the closest firm around "출시/공개/개발" made the
model — unless it is an aside in parentheses, the genitive of another noun, named after the verb whose
object is the model, or a government (relation_guards.py)."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.relations import RelationMiner, load_relation_patterns
from petaflop.extract.resolve import Resolver

LOC = Location(10, 10, "IV", "test slide")


@pytest.fixture()
def mine(gaz):
    def run(text: str) -> set[tuple[str, str]]:
        ex = Extraction()
        RelationMiner(Resolver(gaz, ex), load_relation_patterns()).mine(text, LOC, ())
        return {(f.subject, str(f.obj)) for f in ex.facts if f.rule == "relation:model-developer"}
    return run


@pytest.mark.parametrize("text, pairs", [
    # the plain constructions still read
    ("지난 3월 출시된 OpenAI의 GPT-6 성능이 화제.", {("gpt-6", "openai")}),
    ("Kimi K2를 출시한 Moonshot AI 주가 상승.", {("kimi-k2", "moonshot-ai")}),
    # an aside in parentheses: a platform named as an example
    ("외부 플랫폼 (OpenRouter 등)의 사용량은 Kimi K2 출시 이후 급증.", set()),
    # the genitive of another noun ("OpenAI의 기업 고객을 위한")
    ("OpenAI의 기업 고객을 위한 Claude 4 출시 소식.", set()),
    # the agent after the verb whose object is the model
    ("Kimi K2 모델을 출시한 후, 엔비디아 칩 대신 다른 칩으로 훈련.", set()),
    # a government approving a release
    ("中정부의 승인 이후 DeepSeek R1 출시가 이뤄짐.", set()),
])
def test_the_developer_of_a_model_is_no_aside_genitive_of_another_or_government(mine, text, pairs):
    assert mine(text) == pairs


def test_a_developer_glossing_the_model_in_parentheses_is_read(mine):
    assert mine("새 모델 Claude 4(Anthropic)를 공개.") == {("claude-4", "anthropic")}
