"""Shares ("A는 N%를 차지") and release dates stated around the event's verb, in sentences of our own
(petaflop/extract/text_shares.py, petaflop/extract/text_dates.py, the ratio words of the lexicon)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VI", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def shares(ex: Extraction) -> list[tuple]:
    return [(s.subject, s.value, s.unit, s.scope, s.rule) for s in ex.statements if s.kind == "share"]


def dated(ex: Extraction) -> list[tuple]:
    return [(s.subject, s.kind, s.time.text, s.status, s.rule) for s in ex.statements
            if s.kind in ("releaseDate", "announcedDate")]


# --------------------------------------------------------------------------- shares


def test_a_part_taken_by_the_clauses_topic_is_its_share(reader):
    r, ex = reader
    r.read("세계 반도체 설비에서 중국은 40%를 차지하며 선두.", LOC, ())  # the domain "X에서" is its whole
    assert shares(ex) == [("china", Decimal(40), "%", "세계 반도체 설비", "text:share-verb:clause-topic")]


def test_the_genitive_before_the_share_is_its_whole(reader):
    r, ex = reader
    r.read("미국이 전 세계 연산 능력의 약 70%에 해당.", LOC, ())
    assert shares(ex) == [("united-states", Decimal(70), "%", "전 세계 연산 능력", "text:share-verb:clause-topic")]


@pytest.mark.parametrize("sentence", [
    "중국은 30%에서 40%를 차지하는 수준으로 늘었다.",  # a change between two figures
    "시장 전체는 40%를 차지.",  # no entity marked as the part
    "중국의 40%를 차지하는 지역.",  # the whole alone, no part
])
def test_no_share_without_a_part_or_in_a_change(reader, sentence):
    r, ex = reader
    r.read(sentence, LOC, ())
    assert shares(ex) == []


def test_a_ratio_word_measures_a_percentage_as_a_share(reader):
    r, ex = reader
    r.read("엔비디아의 영업이익률은 60%.", LOC, ())
    assert [(s.subject, s.kind, s.value, s.metric) for s in ex.statements] == [
        ("nvidia", "share", Decimal(60), "영업이익률")]  # the whole compound


def test_a_chip_before_its_kind_word_takes_the_kind_words_particle(reader):
    r, ex = reader
    r.read("H100 GPU는 100개의 멀티프로세서(SM)를 탑재.", LOC, ())
    assert [(s.subject, s.kind, s.value, s.rule) for s in ex.statements] == [
        ("nvidia-h100", "unitCount", Decimal(100), "text:unit-count:have:clause-topic")]


# --------------------------------------------------------------------------- dates of releases


def test_a_date_before_the_relative_clause_of_the_release(reader):
    r, ex = reader
    r.read("2024년 3월에 첫 출시된 Ascend 910C는 새로운 칩.", LOC, ())
    assert dated(ex) == [("huawei-ascend-910c", "releaseDate", "2024-03", "actual", "text:event-before")]


def test_a_date_before_the_release_of_a_makers_product(reader):
    r, ex = reader
    r.read("2024년 3월 출시된 화웨이의 Ascend 910C는 새로운 칩.", LOC, ())
    assert dated(ex) == [("huawei-ascend-910c", "releaseDate", "2024-03", "actual", "text:event-before")]


def test_a_release_planned_for_a_date(reader):
    r, ex = reader
    r.read("2026년 2월 출시 예정인 차세대 Ascend 910D 소식.", LOC, ())
    assert dated(ex) == [("huawei-ascend-910d", "releaseDate", "2026-02", "planned", "text:event-plan")]


def test_a_date_leading_the_sentence_governs_a_later_clause_without_one(reader):
    r, ex = reader
    r.read("2025년 6월 2일, 새 오픈소스 모델 Kimi K2 공개.", LOC, ())
    assert dated(ex) == [("kimi-k2", "releaseDate", "2025-06-02", "actual", "text:event-lead-date")]


def test_a_name_then_the_date_then_the_verb(reader):
    r, ex = reader
    r.read("Ascend 910C는 2024년 5월 출시됐다.", LOC, ())
    assert dated(ex) == [("huawei-ascend-910c", "releaseDate", "2024-05", "actual", "text:event-name-date:releaseDate")]


@pytest.mark.parametrize(("sentence", "month", "status"), [
    ("Ascend 910C는 당초 2024년 5월 초 출시를 목표로 했음.", "2024-05", "target"),  # a goal (status_words)
    ("Ascend 910C가 2026년 3월에 출시될 것이라 가정.", "2026-03", "planned"),
])
def test_a_name_then_the_date_then_a_planned_release(reader, sentence, month, status):
    r, ex = reader
    r.read(sentence, LOC, ())
    assert dated(ex) == [("huawei-ascend-910c", "releaseDate", month, status, "text:event-name-date:releaseDate")]


def test_a_withdrawn_release_plan_dates_nothing(reader):
    r, ex = reader
    r.read("Ascend 910C는 2024년 5월 출시 계획을 철회.", LOC, ())
    assert dated(ex) == []


@pytest.mark.parametrize("sentence", [
    "2027년 이후 출시된 Ascend 910C 후속.",  # a bound, not a date
    "2024년 3월에 출시된 엔비디아 제품.",  # a firm is not released
    "2024년 3월, 엔비디아는 Kimi K2 출시 계획을 밝힘.",  # a plan in the clause: not a release on the date
])
def test_no_release_date_without_a_dated_release(reader, sentence):
    r, ex = reader
    r.read(sentence, LOC, ())
    assert dated(ex) == []


# --------------------------------------------------------------------------- changes without a base


def changes(ex: Extraction) -> list[tuple]:
    return [(s.subject, s.value, s.unit, s.rule) for s in ex.statements if s.kind == "growthRate"]


def test_a_growth_with_no_base_is_the_subjects_own(reader):
    r, ex = reader
    r.read("엔비디아는 매출이 60% 증가.", LOC, ())
    assert changes(ex) == [("nvidia", Decimal(60), "%", "text:change-unbased:named")]


def test_a_fall_is_negative(reader):
    r, ex = reader
    r.read("엔비디아의 순이익은 20% 급감.", LOC, ())
    assert changes(ex) == [("nvidia", Decimal(-20), "%", "text:change-unbased:named")]
    assert [s.metric for s in ex.statements if s.kind == "growthRate"] == ["순이익"]  # what fell, not the firm


def test_the_measure_that_changed_is_the_growths_metric(reader):
    r, ex = reader
    r.read("유럽에서도 RTX 4090의 가격은 최근 40% 이상 급등.", LOC, ())
    assert [(s.subject, s.value, s.metric) for s in ex.statements if s.kind == "growthRate"] == [
        ("nvidia-rtx-4090", Decimal(40), "가격")]
    r.read("엔비디아는 60% 성장.", LOC, ())
    assert [s.metric for s in ex.statements if s.kind == "growthRate"][-1] == "change"  # none named


@pytest.mark.parametrize("sentence", [
    "엔비디아의 점유율은 10%에서 20% 증가.",  # the end of a from-to change
    "시장 규모가 30% 증가.",  # no entity to carry it
])
def test_no_growth_without_its_subject_or_in_a_from_to(reader, sentence):
    r, ex = reader
    r.read(sentence, LOC, ())
    assert changes(ex) == []


def test_a_share_taken_with_a_rank(reader):
    r, ex = reader
    r.read("미국은 70%를 차지하고, 중국이 20%로 2위를 차지", LOC, ())
    assert shares(ex) == [("united-states", Decimal(70), "%", "", "text:share-verb:clause-topic"),
                          ("china", Decimal(20), "%", "", "text:share-verb:clause-topic")]


def test_a_part_of_a_whole_an_entity_owns_is_its_share(reader):
    r, ex = reader
    r.read("엔비디아 게임 매출의 30% 이상이 중국에서 발생", LOC, ())
    assert [(s.subject, s.value, s.metric, s.rule) for s in ex.statements if s.kind == "share"] == [
        ("nvidia", Decimal(30), "share of 게임 매출", "text:share-of:whole-owner")]


@pytest.mark.parametrize("sentence", ["게임 매출의 30%가 중국에서 발생", "엔비디아의 30%가 중국에서 발생"])
def test_no_share_of_a_whole_without_an_owner_or_a_measure(reader, sentence):
    r, ex = reader
    r.read(sentence, LOC, ())
    assert [s for s in ex.statements if s.kind == "share"] == []


def ranks(ex: Extraction) -> list[tuple]:
    return [(s.subject, s.value, s.scope, s.rule) for s in ex.statements if s.kind == "rank"]


def test_a_place_won_by_a_share_is_ranked_by_the_share(reader):
    r, ex = reader
    r.read("세계 반도체 설비에서 미국은 70%를 차지하고, 중국이 20%로 2위를 차지", LOC, ())
    assert ranks(ex) == [("china", Decimal(2), "by share of 세계 반도체 설비", "text:rank:named")]


def test_a_rank_after_a_count_names_no_ranking(reader):
    r, ex = reader
    r.read("중국이 20개로 2위를 차지", LOC, ())
    assert ranks(ex) == []


def test_a_topic_in_parentheses_is_an_aside_not_the_next_sentences_subject(reader):
    r, ex = reader
    r.read("앤트로픽은 API 매출 비중이 85%로 높음. (OpenAI는 27%) 고객이 급증. 관련 시장 점유율도 32%로 1위.", LOC, ())
    assert [(s[0], s[1]) for s in ranks(ex)] == [("anthropic", Decimal(1))]


def test_a_place_won_by_beating_a_rival_is_ranked_where_it_was_beaten(reader):
    r, ex = reader
    r.read("앤트로픽은 코딩 부문에서 경쟁 모델들을 제치고 1위 차지.", LOC, ())
    assert ranks(ex) == [("anthropic", Decimal(1), "코딩 부문", "text:rank:sentence-topic")]


def test_a_score_after_a_sentence_naming_the_test_is_the_models_score(reader):
    r, ex = reader
    r.read("Grok 4는 HLE 벤치마크 결과, 추론 능력 입증. 특히 협력적 추론(Grok 4 Heavy의 기능)했을 경우 44.4% 달성.", LOC, ())
    r.read("특히 Grok 4 Heavy 출시 후 매출 목표 30% 달성.", LOC, ())  # no test named in its block
    assert [(s.subject, s.value, s.rule) for s in ex.statements if s.kind == "benchmarkScore"] == [
        ("grok-4-heavy", Decimal("44.4"), "text:score-verb")]


def test_a_clause_opening_on_what_changed_names_the_growths_metric(reader):
    r, ex = reader
    r.read("구글 클라우드는 32%의 폭발적 성장. 운영마진은 11.3%에서 20.7%로 9%p 이상 확대.", LOC, ())
    got = {(s.value, s.metric) for s in ex.statements if s.kind == "growthRate"}
    assert (Decimal(9), "운영마진") in got  # the margin's widening, not the firm's growth
