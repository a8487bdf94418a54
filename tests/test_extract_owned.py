"""Links read by the frames of ``text_owned`` and ``text_succession`` on sentences of our own: a relative
clause of making public, an organisation's own things listed by kind, a segment's members in its
parenthesis, acquisitions and product succession."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VI", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def read(reader, sentence: str, rule: str) -> set[tuple[str, str, str]]:
    r, ex = reader
    r.read(sentence, LOC, ())
    return links(ex, rule)


def links(ex: Extraction, rule: str) -> set[tuple[str, str, str]]:
    return {(f.subject, f.predicate, str(f.obj)) for f in ex.facts if f.obj_is_entity and f.rule == rule}


def test_a_thing_made_public_by_the_subject_of_a_relative_clause(reader):
    assert read(reader, "Stargate는 구글이 지난 3월 공개한 프로젝트.", "text:made-public") == {
        ("stargate", "announcedBy", "google")}


def test_a_name_modifying_another_noun_is_not_what_was_made_public(reader):
    assert read(reader, "화웨이가 내놓은 HBM 대체재가 주목받음", "text:made-public") == set()


def test_the_things_an_organisation_lists_as_its_own_are_its(reader):
    assert read(reader, "메타는 자체 클라우드(GCP)와 칩(Kirin) 개발", "text:own-list") == {
        ("huawei-kirin", "designedBy", "meta"), ("google-cloud", "partOf", "meta")}


def test_an_own_platform_is_offered_unless_the_list_says_developed(reader):
    assert read(reader, "메타는 자체 플랫폼(CUDA)과 브라우저(Chrome)까지 수직 계열화", "text:own-list") == {
        ("cuda", "offeredBy", "meta"), ("google-chrome", "offeredBy", "meta")}
    reader[1].facts.clear()
    assert read(reader, "메타는 자체 OS(Chrome)와 칩(Kirin) 개발", "text:own-list") == {
        ("google-chrome", "developedBy", "meta"), ("huawei-kirin", "designedBy", "meta")}


def test_products_and_platforms_in_a_segments_parenthesis_are_in_it(reader):
    assert read(reader, "신생 클라우드(ChatGPT·CUDA 등)의 성장", "text:segment-members") == {
        ("chatgpt", "inSegment", "neoclouds"), ("cuda", "inSegment", "neoclouds")}


def test_a_list_without_own_says_nothing_of_ownership(reader):
    assert read(reader, "메타는 경쟁사 칩(Kirin)을 분석", "text:own-list") == set()


def test_the_organisations_in_a_segments_parenthesis_are_in_the_segment(reader):
    assert read(reader, "신생 클라우드(CoreWeave·Fluidstack 등)의 성장", "text:segment-members") == {
        ("coreweave", "inSegment", "neoclouds"), ("fluidstack", "inSegment", "neoclouds")}


def test_a_parenthesis_with_more_than_names_lists_no_members(reader):
    assert read(reader, "신생 클라우드(CoreWeave가 주도)의 성장", "text:segment-members") == set()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("H100의 후속 모델인 H200은 빠름", {("nvidia-h200", "succeeds", "nvidia-h100")}),
    ("Ascend 910B 대비 차세대 칩인 Ascend 910C의 변화", {("huawei-ascend-910c", "succeeds", "huawei-ascend-910b")}),
    ("엔비디아가 Hopper에서 차세대 Blackwell로 도약", {("nvidia-blackwell", "succeeds", "nvidia-hopper")}),
    ("AMD의 “MI355X” 전작인 MI300은 저렴", {("amd-mi355x", "succeeds", "amd-mi300")}),
    ("AMD의 “MI355X” 전전작인 MI300은 저렴", set()),  # the one before the predecessor: no direct succession
    ("Kimi-1.5(1월) → Kimi-2(7월)", {("kimi-k2", "succeeds", "kimi-1-5")}),
    ("H100 → Ascend 910C", set()),  # not one family
    ("H100 대비 Ascend 910C의 성능", set()),  # a comparison, not a next generation
])
def test_which_generation_follows_which(reader, sentence, expected):
    assert read(reader, sentence, "text:succession") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("화웨이가 Ascend 910B에서 차세대 Ascend 910C로 향상", {("huawei-ascend-910b", "designedBy", "huawei"),
                                                  ("huawei-ascend-910c", "designedBy", "huawei")}),
    ("OpenAI는 GPT-4에서 GPT-4o로 발전", {("gpt-4", "developedBy", "openai"), ("gpt-4o", "developedBy", "openai")}),
    ("메타가 H100에서 B200으로 전환", set()),  # a buyer's switch says nothing of who made them
    ("메타의 H100에서 B200으로 향상", set()),  # no subject right before the older name
])
def test_the_subject_whose_generations_move_on_made_both(reader, sentence, expected):
    assert read(reader, sentence, "text:succession:maker") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("구글은 Windsurf를 30억 달러에 인수", {("google", "acquired", "windsurf")}),
    ("엔비디아의 'CentML' 인수 사건", {("nvidia", "acquired", "centml")}),
    ("구글이 인수를 완료한 CentML의 창업자", {("google", "acquired", "centml")}),
    ("구글이 인수를 발표한 CentML의 창업자", set()),  # announced, not done
    ("엔비디아의 'CentML' 인수 발표", set()),
    ("메타는 Scale AI의 지분 49%를 인수", set()),  # a stake, not the firm
    ("구글은 Windsurf를 인수 검토", set()),  # not done
])
def test_an_acquisition_names_the_buyer_and_the_bought(reader, sentence, expected):
    assert read(reader, sentence, "text:acquisition") == expected


def test_a_thing_shown_by_the_clauses_organisation_is_announced_by_it(reader):
    assert read(reader, "올해 화웨이는 열세를 규모로 압도하는, CloudMatrix384를 공개.", "text:made-public") == {
        ("huawei-cloudmatrix384", "announcedBy", "huawei")}


def test_a_thing_named_as_a_vision_shown_by_the_topic_is_announced_by_it(reader):
    assert read(reader, "엔비디아는 국경을 넘는 AI 슈퍼-팩토리라는 새로운 비전을 제시.", "text:made-public") == {
        ("nvidia-ai-super-factory", "announcedBy", "nvidia")}


def test_a_policy_shown_by_a_government_body_is_announced_by_it_but_not_a_plan_to_show(reader):
    assert read(reader, "상무부는 지난주 AI Action Plan을 발표.", "text:made-public") == {
        ("americas-ai-action-plan", "announcedBy", "us-department-of-commerce")}
    assert read(reader, "국방부는 AI Action Plan을 발표할 예정", "text:made-public") == {
        ("americas-ai-action-plan", "announcedBy", "us-department-of-commerce")}  # (the first sentence's only)


def test_a_succession_in_a_table_cell_is_the_same_rule_as_in_prose(reader):
    r, ex = reader
    r.res.record(r.res.gaz.by_id("moonshot-ai"))
    r.read_cell("Kimi-1.5(2025년 1월) → Kimi-2(2025년 7월)", LOC, (), "moonshot-ai")
    assert links(ex, "text:succession") == {("kimi-k2", "succeeds", "kimi-1-5")}


def test_a_system_replacing_the_existing_one_succeeds_it(reader):
    assert read(reader, "Kyber는 기존의 수평 트레이 Oberon 구조를 버린 새로운 시스템", "text:succession") == {
        ("nvidia-kyber", "succeeds", "nvidia-oberon")}


def test_an_existing_system_merely_mentioned_is_no_succession(reader):
    assert read(reader, "Kyber는 기존의 Oberon 구조와 함께 쓰인다", "text:succession") == set()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("구글은 Windsurf와 CentML을 인수", {("google", "acquired", "windsurf"), ("google", "acquired", "centml")}),
    ("메타는 스타트업 투자를 확대. Windsurf와 CentML 인수", {("meta", "acquired", "windsurf"),
                                                          ("meta", "acquired", "centml")}),
    ("구글은 Windsurf와 CentML을 인수 검토", set()),  # not done
    ("메타는 스타트업 투자를 확대. Windsurf와 CentML 인수 추진", set()),
])
def test_every_firm_of_a_list_is_acquired(reader, sentence, expected):
    assert read(reader, sentence, "text:acquisition") == expected
