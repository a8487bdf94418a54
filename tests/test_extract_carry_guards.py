"""A topic carried from an earlier block of the slide ("block-topic") owns a later multiple only when the
sentence names no other party before the figure, quotes no product name and has no owned topic of its own
(carry_guards.py)."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.carry_guards import block_topic_owns
from petaflop.extract.facts import Location
from petaflop.extract.text_frames import Mention_


def _loc(n: int) -> Location:
    return Location(n, n, "X", "test slide")


def _multiples(ex, line: int) -> list[tuple]:
    return [(s.subject, s.value, s.high, s.rule) for s in ex.statements
            if s.kind == "multiple" and s.location.line_start == line]


def test_a_block_topic_owns_a_multiple_of_a_sentence_naming_only_its_base(text_reader):
    r, ex = text_reader
    r.read("- xAI는 새 데이터센터를 짓는 중.", _loc(1), ())
    r.read("- 구글 대비 학습 비용 20배.", _loc(2), ())
    r.read("- 올해 매출은 적지만, 이후에는 3~4배의 성장이 가능할 것으로 전망.", _loc(3), ())
    assert _multiples(ex, 2) == [("xai", Decimal(20), None, "text:multiple:block-topic")]
    assert _multiples(ex, 3) == [("xai", Decimal(3), Decimal(4), "text:multiple-growth:block-topic")]


def test_a_sentence_naming_another_party_keeps_the_block_topic_off_its_multiple(text_reader):
    r, ex = text_reader
    r.read("- xAI는 새 데이터센터를 짓는 중.", _loc(1), ())
    r.read("- 테슬라의 서비스 면적 확장, 2달 만에 거의 10배로 확장.", _loc(2), ())
    r.read("- '가나-7B'와 경쟁 모델을 시험한 결과 구글보다 3배 빨라.", _loc(3), ())
    r.read("- 그런데 가나 생성의 비용은 텍스트보다 100배쯤 무겁다.", _loc(4), ())
    assert [s for s in _multiples(ex, 2) + _multiples(ex, 3) + _multiples(ex, 4) if s[0] == "xai"] == []


def test_block_topic_owns_excepts_the_base_and_names_listed_with_it():
    topic = Mention_("xai", "AILab", -1, -1, "block")
    s = "가나와 다라의 클러스터 대비 50배 이상의 성능"
    q = s.index("50배")
    listed = [Mention_("gana", "Firm", 0, 2, "with"), Mention_("dara", "Firm", 3, 5, "genitive")]
    assert block_topic_owns(s, q, listed, topic, "dara", 3)
    assert not block_topic_owns(s, q, listed, topic, "", q)  # the genitive is no part of the base: another party
    s = "이들의 매출은 전년 대비 3배"
    assert block_topic_owns(s, s.index("3배"), [], topic, "", s.index("전년"))
    s = "가나 생성의 비용은 텍스트보다 100배"
    assert not block_topic_owns(s, s.index("100배"), [], topic, "", s.index("텍스트"))
    s = "'X-7B'와 비교해 3배 빠름"
    assert not block_topic_owns(s, s.index("3배"), [], topic, "", s.index("3배"))
    s = '"기대 이하의 성능"이 부각되며, 비용은 30배'
    assert block_topic_owns(s, s.index("30배"), [], topic, "", s.index("30배"))
