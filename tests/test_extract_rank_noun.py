"""A rank written into a noun phrase said of a name (petaflop/extract/text_rank_noun.py): the name after
"N위 <noun> 중 하나인" / "N번째로 <superlative> <noun>이 된", or the topic that rose to "N번째 <noun>으로 등극",
is ranked (rule ``text:rank:ranked-noun``); an ordinal of a sequence ("2번째 클러스터인 X") is no rank."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "III", "test slide")
RULE = "text:rank:ranked-noun"


def _ranks(ex):
    return [(s.subject, s.value, s.rule, s.scope, s.status) for s in ex.statements if s.kind == "rank"]


def test_the_name_after_a_superlative_ordinal_is_ranked(text_reader):
    r, ex = text_reader
    r.read("세계 4번째로 높은 가치의 스타트업이 된 Anthropic", LOC, ())
    assert _ranks(ex) == [("anthropic", Decimal(4), RULE, "세계 높은 가치의 스타트업", "actual")]


def test_the_name_after_a_ranked_group_is_ranked(text_reader):
    r, ex = text_reader
    r.read("2위 그룹 중 하나인 OpenAI는 혁신의 역사 때문.", LOC, ())
    assert _ranks(ex) == [("openai", Decimal(2), RULE, "그룹 중 하나", "actual")]


def test_the_topic_that_rose_to_an_ordinal_place_is_ranked(text_reader):
    r, ex = text_reader
    r.read("xAI는 평점 50만 개를 돌파했는데, 이 기록을 세운 두 번째 AI 앱으로 등극.", LOC, ())
    assert _ranks(ex) == [("xai", Decimal(2), RULE, "기록을 세운 AI 앱", "actual")]


def test_an_ordinal_of_a_sequence_is_no_rank(text_reader):
    r, ex = text_reader
    r.read("테슬라는 2번째 클러스터인 Cortex 2.0을 건설 중. 첫 번째 캠퍼스는 텍사스.", LOC, ())
    assert _ranks(ex) == []


def test_a_rank_after_an_estimated_one_keeps_its_status(text_reader):
    r, ex = text_reader
    r.read("구글은 자체 평가 기준 추산 1위.", LOC, ())
    r.read("2위 그룹 중 하나인 OpenAI는 혁신의 역사 때문.", Location(11, 11, "III", "test slide"), ())
    assert [(s, v, st) for s, v, _, _, st in _ranks(ex)] == [("google", Decimal(1), "estimate"),
                                                              ("openai", Decimal(2), "estimate")]


def test_a_slide_title_ranks_the_name_it_describes(text_reader):
    r, ex = text_reader
    r.read_title("[참고] 세계 4번째로 높은 가치의 스타트업이 된 Anthropic", LOC)
    assert _ranks(ex) == [("anthropic", Decimal(4), RULE, "세계 높은 가치의 스타트업", "actual")]


def test_a_ranked_deal_phrase_ranks_the_deal_the_sentence_before_stated(text_reader):
    r, ex = text_reader
    r.read("아마존의 Anthropic 투자 금액은 총 80억 달러. 아마존 역사상 세 번 째로 큰 규모의 투자.", LOC, ())
    assert _ranks(ex) == [("investment--amazon--anthropic--L10", Decimal(3), RULE, "아마존 역사상 큰 규모의 투자", "actual")]
