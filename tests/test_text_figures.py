"""Multiples, changes against a base, and counts of unnamed things in sentences of our own
(petaflop/extract/text_figures.py): a figure becomes a statement only with its base and its subject."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VI", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def stated(ex: Extraction, kinds=("multiple", "growthRate", "relativeDifference", "unitCount")) -> list[tuple]:
    return [(s.subject, s.kind, s.value, s.unit, s.metric, s.rule) for s in ex.statements if s.kind in kinds]


def test_a_multiple_against_a_named_base_is_the_marked_subjects(reader):
    r, ex = reader
    r.read("B200이 A100보다 4배 빠르다", LOC, ())
    assert stated(ex) == [("nvidia-b200", "multiple", Decimal(4), "x", "higher vs NVIDIA A100",
                           "text:multiple:named")]


def test_a_multiple_against_the_prior_year(reader):
    r, ex = reader
    r.read("Cambricon은 전년 대비 매출이 7배 증가.", LOC, ())
    assert stated(ex) == [("cambricon", "multiple", Decimal(7), "x", "매출 higher vs prior year", "text:multiple:named")]


def test_the_owner_of_the_measure_is_the_subject_and_the_base_carries_to_the_next_clause(reader):
    r, ex = reader
    r.read("엔비디아 A100 칩과 비교했을 때는 910B의 계산 성능이 약 2배 낮고, 메모리 대역폭이 약 1.5배 낮으며", LOC, ())
    assert stated(ex) == [
        ("huawei-ascend-910b", "multiple", Decimal(2), "x", "계산 성능 lower vs NVIDIA A100", "text:multiple:named"),
        ("huawei-ascend-910b", "multiple", Decimal("1.5"), "x", "메모리 대역폭 lower vs NVIDIA A100", "text:multiple:carried")]


@pytest.mark.parametrize(("sentence", "metric"), [
    ("화웨이 CM384의 와트당 연산 효율이 엔비디아 대비 2.6배나 떨어짐.", "와트당 연산 효율 lower vs NVIDIA"),  # worse, not 2.6 times it
    ("화웨이 CM384의 비용이 엔비디아 대비 3배 절감.", "비용 lower vs NVIDIA"),
    ("화웨이 CM384의 효율이 엔비디아 대비 2배 높음.", "효율 higher vs NVIDIA"),
])
def test_a_multiple_of_a_fall_says_lower(reader, sentence, metric):
    r, ex = reader
    r.read(sentence, LOC, ())
    assert [m for *_, m, _rule in stated(ex)] == [metric]


def test_a_genitive_base_right_before_the_figure(reader):
    r, ex = reader
    r.read("2020년 프랑스 발전량은 일본의 약 1.8배", LOC, ())
    assert [(s.subject, s.value, s.metric, s.time.text) for s in ex.statements if s.kind == "multiple"] == [
        ("france", Decimal("1.8"), "발전량 vs Japan", "2020")]


def test_a_multiple_without_a_base_is_no_statement(reader):
    r, ex = reader
    r.read("Grok 3는 사전 훈련 컴퓨팅은 유지하고, 추론 컴퓨팅에만 5배를 투자.", LOC, ())
    assert stated(ex) == []


def test_the_speaker_of_a_reported_claim_is_judged_apart(reader):
    r, ex = reader
    r.read("엔비디아는 NVLink를 사용해 통신 성능이 기존 이더넷 대비 최대 3배까지 개선된다고 주장.", LOC, ())
    assert [s.rule for s in ex.statements if s.kind == "multiple"] == ["text:multiple:clause-topic-reported"]


def test_what_the_speaker_works_through_is_the_subject_of_its_claim(reader):
    r, ex = reader  # wave 23: "A는 X를 통해 …": X's figure, named in the clause
    r.read("엔비디아는 NVLink를 통해 통신 성능이 기존 이더넷 대비 최대 3배까지 개선된다고 주장.", LOC, ())
    assert [(s.subject, s.rule) for s in ex.statements if s.kind == "multiple"] == [("nvlink", "text:multiple:named")]


def test_a_percentage_of_change_against_the_prior_year_is_growth_and_against_a_rival_a_difference(reader):
    r, ex = reader
    r.read("관련 부품사인 폭스콘의 3월 매출은 전년 대비 25% 증가. Gemini는 Claude(0.5 달러) 대비 60% 저렴.", LOC, ())
    assert stated(ex) == [
        ("foxconn", "growthRate", Decimal(25), "%", "매출 higher vs prior year", "text:relative:named"),
        ("gemini", "relativeDifference", Decimal(-60), "%", "price lower vs Claude", "text:relative:named")]


def test_a_percentage_with_a_base_but_no_word_of_change_is_not_a_change(reader):
    r, ex = reader
    r.read("Gemini는 Claude 대비 60%.", LOC, ())
    assert stated(ex) == []


def test_a_percentage_of_a_rivals_size_is_a_share_relative_to_it(reader):
    r, ex = reader
    r.read("Gemini는 Claude 대비 60% 수준.", LOC, ())
    # naming no measured noun (60% of what?), it stays a claim (compared_measure.ratio_metric)
    assert stated(ex, ("share",)) == [("gemini", "share", Decimal(60), "%", "relative vs Claude", "text:ratio:named:unsure")]


def test_a_count_of_a_noun_the_subject_has(reader):
    r, ex = reader
    r.read("Kimi K2는 48개의 전문가(expert)를 사용하는 대신 더 얕은 블록을 쌓아.", LOC, ())
    assert stated(ex) == [("kimi-k2", "unitCount", Decimal(48), "count", "전문가(expert)", "text:unit-count:have:clause-topic")]


def test_a_count_without_a_verb_of_having_or_a_marked_subject_is_no_statement(reader):
    r, ex = reader
    # the previous sentence's topic owns an unmarked count only when that sentence names nothing else
    # (text_counts._carried_owner): here the product it launched may be what made the requests
    r.read("Kimi K2는 Codex라는 도구를 출시. 출시 20일 동안 9만 건의 요청을 생성.", LOC, ())
    r.read("Kimi K2는 좋다. 출시 20일 동안 9만 건의 요청이 들어옴.", LOC, ())
    assert stated(ex, ("unitCount",)) == []


def test_a_parallel_clause_measures_what_the_previous_did_and_falling_to_a_level_keeps_its_sign(reader):
    r, ex = reader
    r.read("Claude의 점유율이 10%에서 30%로 급증, Gemini는 40%에서 20%로 하락", LOC, ())
    assert [(s.subject, s.kind, s.value, s.rule) for s in ex.statements] == [
        ("claude", "marketShare", Decimal(10), "text:value-from"),  # a from-to pair: one rule per end
        ("claude", "marketShare", Decimal(30), "text:value-from-to"),
        ("gemini", "marketShare", Decimal(40), "text:value-from"),  # the pair's first end, whatever carried its measure
        ("gemini", "marketShare", Decimal(20), "text:value-from-to")]


# --------------------------------------------------------------------------- proportions (wave 6, task C)

def test_a_growth_word_after_a_multiple_without_a_base_is_judged_apart(reader):
    r, ex = reader
    r.read("Cambricon은 매출이 7배 증가.", LOC, ())
    assert stated(ex) == [("cambricon", "multiple", Decimal(7), "x", "매출 higher vs earlier value",
                           "text:multiple-growth:named")]


def test_a_condition_or_a_marker_without_a_base_makes_no_unbased_growth(reader):
    r, ex = reader
    r.read("Cambricon은 매출을 늘리려면 7배 증가해야 함. xAI는 무엇 대비 3배 증가.", LOC, ())
    assert stated(ex) == []


def test_a_common_noun_base_is_a_base_of_its_own_rule(reader):
    r, ex = reader
    r.read("B200은 사람보다 3배 빠르다", LOC, ())
    assert stated(ex) == [("nvidia-b200", "multiple", Decimal(3), "x", "higher vs 사람",
                           "text:multiple-noun-base:named")]


def test_a_named_earlier_period_is_the_subjects_own_past(reader):
    r, ex = reader
    r.read("Cambricon은 2024년 2분기 대비 50% 증가", LOC, ())
    assert stated(ex) == [("cambricon", "growthRate", Decimal(50), "%", "higher vs 2024년 2분기",
                           "text:relative:named")]


def test_an_anaphoric_clause_is_about_the_topic_of_the_clause_before(reader):
    # "이는" stands for the clause before: its figure's noun is what the multiple measures (anaphor_measure.py)
    r, ex = reader
    r.read("B200은 400PFLOP의 고밀도 FP8 연산을 제공하며, 이는 A100의 2배에 달하는 수준.", LOC, ())
    assert stated(ex) == [("nvidia-b200", "multiple", Decimal(2), "x", "고밀도 FP8 연산 vs NVIDIA A100",
                           "text:multiple:anaphora")]


def test_an_anaphoric_multiple_takes_the_measure_of_the_statement_before(reader):
    r, ex = reader
    r.read("B200은 2,000 TFLOPS의 연산 성능을 제공하며, 이는 A100의 2배에 달하는 수준.", LOC, ())
    assert stated(ex) == [("nvidia-b200", "multiple", Decimal(2), "x", "compute performance vs NVIDIA A100",
                           "text:multiple:anaphora")]


def test_an_anaphoric_multiple_with_no_figure_before_measures_nothing(reader):
    # "vs A100" says what is compared with, not what is measured: a claim (its rule unsure)
    r, ex = reader
    r.read("B200은 큰 연산을 제공하며, 이는 A100의 2배에 달하는 수준.", LOC, ())
    assert stated(ex) == [("nvidia-b200", "multiple", Decimal(2), "x", "vs NVIDIA A100",
                           "text:multiple:anaphora:unsure")]


def test_an_anaphoric_multiple_that_names_its_measure_keeps_it(reader):
    r, ex = reader
    r.read("B200은 큰 연산을 제공하며, 이는 전력 효율이 A100 대비 2배 높은 수준.", LOC, ())
    assert [(s.metric, s.rule) for s in ex.statements if s.kind == "multiple"] == [
        ("전력 효율 higher vs NVIDIA A100", "text:multiple:anaphora")]


def test_a_name_in_a_closed_aside_is_not_the_subject(reader):
    r, ex = reader
    r.read("(OpenAI는 10%) 고객 수(계약 고객도 8배 증가)", LOC, ())
    assert stated(ex) == []


def test_one_unnamed_member_of_a_genitive_is_not_its_measure(reader):
    r, ex = reader
    r.read("미국의 한 통신사는 계약 규모를 10배로 늘림", LOC, ())
    assert stated(ex) == []


def test_a_new_name_as_topic_ends_the_carried_subject(reader):
    r, ex = reader
    r.read("B200은 사람보다 3배, V99는 10배 빠르다", LOC, ())
    assert [(s.subject, s.value) for s in ex.statements if s.kind == "multiple"] == [("nvidia-b200", Decimal(3))]


def test_a_size_relative_to_a_base_with_jeongdo_is_a_share(reader):
    r, ex = reader
    r.read("Anthropic은 OpenAI 대비 20% 정도", LOC, ())
    assert [(s.subject, s.kind, s.value, s.rule) for s in ex.statements] == [
        ("anthropic", "share", Decimal(20), "text:ratio:named:unsure")]  # no measured noun: a claim


def test_a_fall_over_a_range_keeps_its_low_end_first(reader):
    r, ex = reader
    r.read("A100은 B200보다 전력이 15~20% 적고", LOC, ())
    assert [(s.kind, s.value, s.high) for s in ex.statements] == [("relativeDifference", Decimal(-20), Decimal(-15))]


def test_a_model_suffix_after_a_named_base_is_part_of_the_base(reader):
    r, ex = reader
    r.read("MI355X는 엔비디아 B200 HGX 대비 45% 저렴.", LOC, ())
    assert stated(ex) == [("amd-mi355x", "relativeDifference", Decimal(-45), "%", "price lower vs NVIDIA HGX B200",
                           "text:relative:named")]


def test_a_size_relative_to_a_genitive_base_is_a_share(reader):
    r, ex = reader
    r.read("MI300은 B200의 60% 성능", LOC, ())
    assert [(s.subject, s.kind, s.value, s.rule) for s in ex.statements] == [
        ("amd-mi300", "share", Decimal(60), "text:ratio:named")]


def test_this_opening_a_sentence_is_about_the_topic_of_the_sentence_before(reader):
    # the same anaphora as within a sentence ("…하며, 이는 A100의 2배"): one rule for both phrasings;
    # the sentence before's figure is what "이는" stands for: its statement's kind is the measure compared
    r, ex = reader
    r.read("Kimi K2는 15조 토큰으로 사전 학습됨. 이는 Qwen3의 3배 규모이자 이전 모델보다 1.5배 많은 수준.", LOC, ())
    assert [(s, k, v, metric, rule) for s, k, v, _, metric, rule in stated(ex)] == [
        ("kimi-k2", "multiple", Decimal(3), "number of tokens vs Qwen3", "text:multiple:anaphora"),
        ("kimi-k2", "multiple", Decimal("1.5"), "number of tokens higher vs previous generation",
         "text:multiple:anaphora")]


def test_this_opening_a_sentence_after_one_with_no_figure_measures_nothing(reader):
    r, ex = reader
    r.read("Kimi K2는 큰 데이터셋으로 학습. 이는 Qwen3의 3배 규모.", LOC, ())
    assert [(s, k, v, rule) for s, k, v, _, _, rule in stated(ex)] == [
        ("kimi-k2", "multiple", Decimal(3), "text:multiple:anaphora:unsure")]


# --------------------------------------------------------------------------- a change from A to B (text_transition.py)


def test_a_multiple_over_a_change_from_one_model_to_the_next_is_the_later_ones(reader):
    r, ex = reader
    r.read("xAI는 Grok 2에서 Grok 3로 넘어가며 추론 컴퓨팅을 10배 늘림.", LOC, ())
    assert [(s[0], s[2], s[4], s[5]) for s in stated(ex)] == [
        ("grok-3", Decimal(10), "추론 컴퓨팅 higher vs Grok-2", "text:multiple:named")]


def test_without_a_verb_of_change_the_from_to_pair_is_no_transition(reader):
    r, ex = reader
    r.read("xAI는 Grok 2에서 Grok 3로 모든 데이터를 옮기며 10배", LOC, ())
    assert not [s for s in stated(ex) if s[0] == "grok-3"]
