"""An investment told by a relative clause ("A가 투자한 <kind> B") on sentences of our own — and look-alikes
that name no investee."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VI", "test slide")


def invested(ex: Extraction) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "investsIn")


@pytest.mark.parametrize("text, expected", [
    # the investor marked as the subject, the investee after at most three words of its kind
    ("구글이 투자한 AI 스타트업 Anthropic 매출 추이", [("google", "anthropic", "text:investment:link")]),
    ("구글이 투자한 Anthropic은 성장.", [("google", "anthropic", "text:investment:link")]),
    # the investee marked before the verb: the marked frame's (no second reading); the investor after: none
    ("Anthropic에 투자한 구글은 성장.", []),
    # a word with a particle after the verb, the verb's noun another thing, a genitive: no investee
    ("구글이 투자한 데이터센터에 Anthropic이 입주.", []),
    ("구글이 투자한 금액은 Anthropic보다 큼.", []),
    ("구글의 투자한 Anthropic", []),
])
def test_the_investee_a_relative_clause_of_investment_describes(text_reader, text, expected):
    r, ex = text_reader
    r.read(text, LOC, ())
    assert invested(ex) == expected
