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


def _values(ex, line: int) -> list[tuple]:
    return [(s.subject, s.kind, s.value, s.rule) for s in ex.statements if s.location.line_start == line]


def test_a_previous_sentences_topic_owns_a_figure_of_a_sentence_naming_no_one(text_reader):
    r, ex = text_reader
    r.read("- xAI는 X와 합병. 합병 기업 가치는 약 900억 달러.", _loc(1), ())
    assert _values(ex, 1) == [("xai", "valuation", Decimal(90000000000), "text:value:previous-sentence-topic")]


def test_a_previous_sentences_topic_is_judged_apart_when_the_sentence_names_another(text_reader):
    r, ex = text_reader
    r.read("- OpenAI는 새 계약을 맺음. 가나 GB200 클러스터는 H100 약 300만 개에 해당하는 성능.", _loc(1), ())
    assert [(s[0], s[1], s[3]) for s in _values(ex, 1) if s[1] == "h100EquivalentCount"] == [
        ("openai", "h100EquivalentCount", "text:value:inherited-other-named")]


def test_a_staff_count_carried_to_a_product_is_judged_apart(text_reader):
    r, ex = text_reader
    r.read("- 가나전자가 만든 AI 서비스 Manus는 본사를 옮김. 이 과정에서 직원 40명을 해고.", _loc(1), ())
    r.read("- xAI는 본사를 옮김. 이 과정에서 직원 40명을 해고.", _loc(2), ())
    assert [(s[0], s[3]) for s in _values(ex, 1) if s[1] == "quantity"] == [  # layoffs: no headcount
        ("manus", "text:hire-count:inherited-other-named")]
    assert [(s[0], s[3]) for s in _values(ex, 2) if s[1] == "quantity"] == [
        ("xai", "text:hire-count:previous-sentence-topic")]


def test_of_nested_metric_words_the_longer_measures_the_figure(text_reader):
    r, ex = text_reader
    r.read("- Kimi K2는 새 모델. 활성 파라미터가 300억 개로, 경쟁 모델을 앞섬.", _loc(1), ())
    assert [(s[0], s[1], s[2]) for s in _values(ex, 1)] == [("kimi-k2", "activeParameterCount", Decimal(30000000000))]


def test_a_figure_stated_per_unit_is_not_measured_by_a_metric_word_before_the_unit():
    from petaflop.extract.text_value_guards import per_unit_start

    s = "연 30억 달러의 잠재 매출 추정(1K 토큰당 $0.004 비용으로 가정)"
    assert per_unit_start(s, s.index("$0.004")) == s.index("토큰당")
    assert per_unit_start(s, s.index("30억")) == 0
    s = "GPU 1개당 가격은 3만 달러"
    assert per_unit_start(s, s.index("3만")) == 0  # the metric word after the unit still measures it


def test_a_sales_word_before_a_per_unit_price_gives_it_no_revenue(text_reader):
    r, ex = text_reader
    r.read("- xAI는 새 API를 공개. 연 30억 달러의 매출 추정(1K 토큰당 $0.004 비용으로 가정).", _loc(1), ())
    assert [(s[1], s[2]) for s in _values(ex, 1) if s[1] == "revenue"] == [("revenue", Decimal(3000000000))]


def test_a_potential_revenue_is_no_revenue(text_reader):
    # "잠재 매출", "잠재적 수익 기회": a revenue that might be earned is no revenue of the firm (audit 24)
    r, ex = text_reader
    r.read("- xAI는 새 API를 공개. 연 30억 달러의 잠재 매출 추정(1K 토큰당 $0.004 비용으로 가정).", _loc(1), ())
    assert [s for s in _values(ex, 1) if s[1] == "revenue"] == []
