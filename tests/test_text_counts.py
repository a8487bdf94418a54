"""Counts of unnamed things in sentences of our own (petaflop/extract/text_counts.py): the counted noun
after or before the figure, the subject by case marking, and a verb of having or hiring in the clause."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VI", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def counts(ex: Extraction) -> list[tuple]:
    return [(s.subject, s.kind, s.value, s.metric, s.rule) for s in ex.statements
            if s.kind in ("unitCount", "employeeCount", "quantity")]


def test_a_counted_noun_ends_before_an_action_noun(reader):
    r, ex = reader
    r.read("메타는 최소 4개의 대규모 AI 클러스터 구축을 통해 자산을 확보 중.", LOC, ())
    assert counts(ex) == [("meta", "unitCount", Decimal(4), "대규모 AI 클러스터", "text:unit-count:have:clause-topic")]


def test_an_adjective_before_the_counted_noun_is_part_of_it(reader):
    r, ex = reader
    r.read("Kimi K2는 61개의 더 깊은 블록을 쌓아 성능을 높임.", LOC, ())
    assert counts(ex) == [("kimi-k2", "unitCount", Decimal(61), "더 깊은 블록", "text:unit-count:have:clause-topic")]


@pytest.mark.parametrize(("sentence", "noun"), [
    ("HLE는 2,500개의 극도로 어려운 문제로 구성", "극도로 어려운 문제"),  # an adverb is no noun with a particle
    ("HLE는 300개의 상대적으로 쉬운 문제로 구성", "상대적으로 쉬운 문제"),
])
def test_an_adverb_before_an_adjective_is_part_of_the_counted_noun(reader, sentence, noun):
    r, ex = reader
    r.read(sentence, LOC, ())
    assert [c[3] for c in counts(ex)] == [noun]


def test_the_sentence_topic_counts_in_a_later_clause(reader):
    r, ex = reader
    r.read("Kimi K2는 48개의 전문가를 사용하는 대신, 61개의 블록을 쌓아.", LOC, ())
    assert [c[2:] for c in counts(ex)] == [(Decimal(48), "전문가", "text:unit-count:have:clause-topic"),
                                          (Decimal(61), "블록", "text:unit-count:have:clause-topic")]


def test_a_noun_before_the_count(reader):
    r, ex = reader
    r.read("메타는 데이터센터 40곳을 운영 중.", LOC, ())
    assert counts(ex) == [("meta", "unitCount", Decimal(40), "데이터센터", "text:unit-count-before:have:clause-topic")]


def test_a_particle_on_the_count_means_its_noun_is_before_it_not_after(reader):
    r, ex = reader
    r.read("Tesla는 스크린 1개로 단순하지만 기능적.", LOC, ())
    r.read("xAI는 23만 개(이 중 GB200은 3만개)의 GPU로 구성된 클러스터 운영 중.", LOC, ())
    assert [c for c in counts(ex) if c[1] == "unitCount"] == []


def test_a_modifier_right_before_the_count_is_no_noun(reader):
    r, ex = reader
    r.read("메타는 총 40곳을 운영 중.", LOC, ())
    assert counts(ex) == []


def test_staff_counted_before_the_figure_with_a_verb_of_hiring(reader):
    r, ex = reader
    r.read("마이크로소프트는 구글 딥마인드에서 시니어급 연구원 24명을 고용.", LOC, ())
    assert counts(ex) == [("microsoft", "quantity", Decimal(24), "hires", "text:hire-count")]  # hires, no headcount


def test_people_who_are_not_staff_are_not_counted(reader):
    r, ex = reader
    r.read("마이크로소프트는 신규 고객 24명을 확보.", LOC, ())
    assert counts(ex) == []


def test_a_count_to_be_produced_is_the_shipments_of_hardware_only(reader):
    r, ex = reader
    r.read("MTIA v2는 2026년까지 80만 개 생산 목표. 엔비디아는 올해 100만 개 생산 계획.", LOC, ())
    assert [(s.subject, s.kind, s.value, s.status) for s in ex.statements if s.kind == "shipments"] == [
        ("meta-mtia-v2", "shipments", Decimal(800_000), "target")]


def test_a_count_ending_a_cell_is_of_the_rows_entity_and_a_count_of_partners_is_not(gaz):
    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver
    from petaflop.extract.text_reader import TextReader

    ex = Extraction()
    res = Resolver(gaz, ex)
    r = TextReader(res, use_kiwi=False)
    r.start_slide("")
    row = res.record(gaz.by_id("nvidia-b300a"))
    r.read_cell("12 채널 4개 스택", LOC, (), row)
    r.read_cell("3,000개 이상 스타트업과 협업 중", LOC, (), row)
    assert counts(ex) == [("nvidia-b300a", "unitCount", Decimal(4), "스택", "text-cell:unit-count:row")]


def test_dies_said_in_words_are_a_count_of_the_chips_dies(reader):
    r, ex = reader
    r.read("Ascend 910C는 Ascend 910B를 기반으로 듀얼 다이 구성.", LOC, ())
    r.read("메타는 듀얼 다이 전략을 검토.", LOC, ())  # a firm has no dies
    assert counts(ex) == [("huawei-ascend-910c", "unitCount", Decimal(2), "다이", "text:die-count")]


def test_a_die_cell_is_prose_of_its_row():
    from petaflop.extract.cell_text import prose_cell

    assert prose_cell("싱글 다이") and prose_cell("4-Chiplet 구조") and not prose_cell("싱글")


def test_a_count_reaching_its_noun(reader):
    r, ex = reader
    r.read("메타는 6,912개에 달하는 광 트랜시버를 투입.", LOC, ())
    assert counts(ex) == [("meta", "unitCount", Decimal(6912), "광 트랜시버", "text:unit-count:have:clause-topic")]


def test_staff_counted_after_the_figure_is_the_same_construction(reader):
    r, ex = reader
    r.read("마이크로소프트는 구글 딥마인드에서 24명의 시니어급 연구원을 고용.", LOC, ())
    assert [(s.subject, s.kind, s.value, s.rule) for s in ex.statements if s.kind == "quantity"] == [
        ("microsoft", "quantity", Decimal(24), "text:hire-count")]


def test_chips_counted_in_a_system_are_its_chips_per_system(reader):
    r, ex = reader
    r.read("CloudMatrix384는 16개의 랙에 걸쳐 384개의 Ascend 910C 칩을 필요로 하는 구조.", LOC, ())
    r.read("Trainium2 Ultra는 하나의 랙에 64개의 Trainium2 칩을 집적.", LOC, ())
    assert [(s.subject, s.kind, s.value, s.item, s.rule) for s in ex.statements if s.kind == "chipsPerSystem"] == [
        ("huawei-cloudmatrix384", "chipsPerSystem", Decimal(384), "huawei-ascend-910c",
         "text:count-item:clause-topic"),  # a named item counted for the marked topic: the count-item construction
        ("aws-trainium2-ultra", "chipsPerSystem", Decimal(64), "aws-trainium2", "text:count-item:clause-topic")]


def test_a_contractors_count_is_of_the_project_it_works_on(reader):
    r, ex = reader
    r.read("Stargate 공사 작업을 맡은 Crusoe가 현재 가스 터빈 29기를 설치 중.", LOC, ())
    assert [(s.subject, s.value, s.rule) for s in ex.statements if s.kind == "unitCount"] == [
        ("stargate", Decimal(29), "text:count-item:contractor-of")]


def test_chips_counted_in_a_chips_own_row_are_not_its_count(reader, gaz):
    r, ex = reader
    row = r.res.record(gaz.by_id("tesla-ai5"))
    r.read_cell("두 개의 칩(추정), 칩렛 구조 채택 가능성", LOC, (), row)
    r.read_cell("• 두 개의 칩 구성 • 칩 면적은 260 mm²", LOC, (), row)
    assert [s for s in ex.statements if s.kind in ("unitCount", "chipCount")] == []


def test_counts_said_to_equal_each_other_are_a_ratio_not_holdings(reader):
    r, ex = reader
    r.read("현재 유통 중인 Ascend 910C 칩 2개가 엔비디아 H20 칩 1개와 동등한 성능.", LOC, ())
    assert [s for s in ex.statements if s.kind in ("chipCount", "unitCount")] == []


def test_a_count_reached_or_processed_is_a_count_with_a_verb(reader):
    r, ex = reader
    r.read("메타는 3만 개의 리뷰를 돌파.", LOC, ())
    r.read("메타는 2조 개의 토큰으로 학습.", LOC, ())
    r.read("메타는 연산 코어 3개를 탑재하고 월 2만 장의 웨이퍼를 확보.", LOC, ())
    assert [c[2:4] for c in counts(ex)] == [(Decimal(30_000), "리뷰"), (Decimal(2 * 10**12), "토큰"),
                                           (Decimal(3), "연산 코어"), (Decimal(20_000), "웨이퍼")]


def test_a_named_network_part_counted_up_to_a_bound_is_the_subjects_count_item(reader):
    # "N개에 달하는 <named item>": the item named after the bound phrase is counted (text_reader._counted_item)
    r, ex = reader
    r.read("- 하나의 CM384 시스템은 6,912개에 달하는 400G 광 트랜시버를 투입.", LOC, ())
    r.read("- 메타는 1만 개에 이르는 H100을 보유.", LOC, ())
    got = sorted((s.subject, s.kind, s.value, s.item, s.rule) for s in ex.statements if "count-item" in s.rule)
    assert got == [("huawei-cloudmatrix384", "unitCount", Decimal(6912), "400g-optical-transceiver",
                    "text:count-item:clause-topic"),
                   ("meta", "chipCount", Decimal(10000), "nvidia-h100", "text:count-item:clause-topic")]


def test_a_chips_transistors_and_frame_rate_are_named_by_their_words(reader):
    # lexicon entries (attribute_lexicon.toml, wave 14): "트랜지스터 수는 N개", "N fps" (per second: unit_suffix.py)
    r, ex = reader
    r.read("- Tesla FSD 1 Chip은 트랜지스터 수는 60억 개 이상 • 2,300 fps 이미지 처리", LOC, ())
    got = sorted((s.subject, s.kind, s.value, s.metric) for s in ex.statements)
    assert got == [("tesla-fsd-chip-1", "quantity", Decimal(2300), "fps"),
                   ("tesla-fsd-chip-1", "unitCount", Decimal(6_000_000_000), "트랜지스터")]


def test_a_count_in_a_sentence_naming_nothing_is_the_previous_sentences_topics(reader):
    r, ex = reader
    r.read("메타는 조직을 전면 재설계. 약 300개의 AI 에이전트를 현장에 배치.", LOC, ())
    assert counts(ex) == [("meta", "unitCount", Decimal(300), "AI 에이전트", "text:unit-count:have:carried-topic")]


def test_a_carried_count_needs_its_noun_as_an_object_and_no_other_name_before(reader):
    r, ex = reader
    r.read("OpenAI는 Codex라는 코딩 에이전트를 완성. 53일 동안 63만 건의 PR을 생성.", LOC, ())
    r.read("메타는 GPU 확보가 목표. 100만 개의 GPU는 모델을 운영하는 수준을 넘어섬.", LOC, ())
    r.read("메타는 조직을 재설계. 29기 전체가 가동되면 전력을 생산.", LOC, ())
    assert counts(ex) == []


def test_a_carried_count_needs_no_other_name_before_it_in_its_sentence(reader):
    r, ex = reader
    r.read("메타는 조직을 재설계. Qwen을 가지고 80만 개의 데이터를 생성.", LOC, ())
    assert counts(ex) == []


def test_a_carried_count_may_say_where_it_was_reached(reader):
    r, ex = reader
    r.read("Grok Code Fast 1은 인기. 출시 2주 만에 OpenRouter에서 1조개 토큰 사용량 달성.", LOC, ())
    assert counts(ex) == [("grok-code-fast-1", "unitCount", Decimal(10) ** 12, "토큰",
                           "text:unit-count:have:carried-topic")]


def test_a_carried_count_is_not_one_of_an_unnamed_subject_the_clause_marks(reader):
    r, ex = reader
    r.read("메타는 로봇을 개발. 숙련된 작업자가 10개의 시연 데이터를 수집.", LOC, ())
    assert counts(ex) == []


@pytest.mark.parametrize("sentence", [
    "Kimi K2는 공개됨. Kimi K2를 가지고 50만 개의 합성 데이터를 생성하는 방식.",
    "Kimi K2는 공개됨. Kimi K2를 활용해 3만 개의 문제를 만들어 학습.",
    "Gemini 2.5 Pro를 가지고 20만 개의 예제를 제작.",
])
def test_a_count_made_with_a_tool_is_no_holding_of_the_tool(reader, sentence):
    # "X을 가지고 N개의 Y를 생성": X is what Y was made with (using X), not its owner
    r, ex = reader
    r.read(sentence, LOC, ())
    assert counts(ex) == []


def test_a_tool_before_a_verb_of_having_still_leaves_the_topics_count(reader):
    r, ex = reader
    r.read("메타는 조직을 전면 재설계. 약 300개의 AI 에이전트를 현장에 배치.", LOC, ())
    assert counts(ex) == [("meta", "unitCount", Decimal(300), "AI 에이전트", "text:unit-count:have:carried-topic")]


def test_the_subject_restated_before_the_counted_noun_owns_the_count(reader):
    # "N대의 <A> 차량": A named first in the noun after the figure, A the count's own subject: A's vehicles
    r, ex = reader
    r.read("우버는 총 2,400대의 우버 차량을 운영.", LOC, ())
    assert counts(ex) == [("uber", "unitCount", Decimal(2400), "차량", "text:unit-count:have:clause-topic")]


def test_another_firm_named_before_the_counted_noun_is_no_owner(reader):
    # "N대의 <B> 차량" said of A: B's cars A runs, or B's fleet — the sentence does not say whose
    r, ex = reader
    r.read("우버는 총 2,400대의 웨이모 차량을 운영.", LOC, ())
    assert counts(ex) == []


def test_a_count_extended_later_is_the_planned_size_of_the_count_before(reader):
    # "N개의 X 배치, 향후 M개까지 확장": M counts the same X of the same subject, planned
    r, ex = reader
    r.read("우버는 전국에 400개의 충전 허브를 운영, 향후 900개까지 확대.", LOC, ())
    got = [(s.subject, s.value, s.metric, s.status, s.rule) for s in ex.statements if s.kind == "unitCount"]
    assert got == [("uber", Decimal(400), "충전 허브", "actual", "text:unit-count:have:clause-topic"),
                   ("uber", Decimal(900), "충전 허브", "planned", "text:unit-count:have:clause-topic")]


def test_a_possible_maximum_is_no_planned_size(reader):
    # "최대 M개까지 확장 가능": how far it can go, not a plan — left unread
    r, ex = reader
    r.read("우버는 전국에 400개의 충전 허브를 운영, 최대 900개까지 확장 가능.", LOC, ())
    assert [s.value for s in ex.statements if s.kind == "unitCount"] == [Decimal(400)]


def test_a_count_after_a_rate_word_is_per_that_period(reader):
    # "월 N장", "매년 N기": a rate, per month / per year; a month's name ("9월 N장") is a date, no rate
    r, ex = reader
    r.read("우버는 월 3만 장의 쿠폰을 확보.", LOC, ())
    r.read("중국은 매년 12기의 원자로를 승인.", LOC, ())
    r.read("우버는 9월 3만 장의 쿠폰을 확보.", LOC, ())
    assert [(s.subject, s.value, s.per) for s in ex.statements if s.kind == "unitCount"] == [
        ("uber", Decimal(30000), "month"), ("china", Decimal(12), "year"), ("uber", Decimal(30000), "")]
