"""Counts of the parts a whole is made of, in sentences of our own (petaflop/extract/count_parts.py):
"N가지/N단계/N계층" before a noun naming a whole is the unitCount of the whole's owner."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VIII", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def parts(ex: Extraction) -> list[tuple]:
    return [(s.subject, s.value, s.metric) for s in ex.statements if s.rule == "text:part-count"]


def test_the_topic_owns_the_kinds_of_a_structure(reader):
    r, ex = reader
    r.read("메타는 뇌처럼 3가지 기억을 함께 쓰는 구조로 비용을 줄임.", LOC, ())
    assert parts(ex) == [("meta", Decimal(3), "kinds of 기억")]


def test_the_stages_of_a_theory_are_no_count_about_its_author(reader):
    r, ex = reader
    r.read("메타가 정의한 로봇의 5단계 진화론", LOC, ())
    r.read("메타가 제시한 로봇의 5단계 이론", LOC, ())
    r.read("메타는 로봇 시장의 4가지 분류를 발표.", LOC, ())
    assert parts(ex) == []


def test_a_structure_its_owner_defined_is_no_part_of_the_owner(reader):
    r, ex = reader
    r.read("메타가 정의한 로봇의 3계층 구조", LOC, ())
    r.read("메타는 로봇의 3계층 구조를 채택.", LOC, ())
    assert parts(ex) == [("meta", Decimal(3), "tiers of 구조")]


def test_a_name_holding_the_count_owns_it(reader):
    r, ex = reader
    r.read("가나다전자는 대륙까지 잇는 3계층 네트워크 아키텍처라는 답을 제시.", LOC, ())
    assert parts(ex) == [("nvidia-three-tier-network-architecture", Decimal(3), "tiers of 네트워크 아키텍처")]


def test_the_whole_may_take_several_words(reader):
    r, ex = reader
    r.read("메타는 6단계 학습 파이프라인을 공개.", LOC, ())
    assert parts(ex) == [("meta", Decimal(6), "stages of 학습 파이프라인")]


def test_stage_numbers_and_plans_are_no_counts(reader):
    r, ex = reader
    r.read("메타는 1단계: 보급 단계에 머묾.", LOC, ())
    r.read("메타는 2단계 공사를 완료.", LOC, ())
    r.read("메타는 4단계 전략을 따름.", LOC, ())
    r.read("메타는 3가지 변수를 고려한 구조.", LOC, ())
    assert parts(ex) == []


def test_no_owner_no_count(reader):
    r, ex = reader
    r.read("이 3계층 구조는 따라잡기 어려움.", LOC, ())
    assert parts(ex) == []


def test_the_owner_of_the_topic_owns_a_pipeline_in_a_later_clause_but_no_roadmap(reader):
    r, ex = reader
    r.read("메타의 플랫폼은 현재의 사업을 기반으로, 명확한 4단계 파이프라인을 통해 시장을 공략.", LOC, ())
    r.read("메타의 비전은 현재의 사업을 기반으로, 명확한 3단계 로드맵을 통해 시장을 공략.", LOC, ())
    assert parts(ex) == [("meta", Decimal(4), "stages of 파이프라인")]


def test_a_dashed_count_before_a_structure_counts_its_parts(reader):
    r, ex = reader
    r.read("메타의 핵심은 생성기와 판별기의 2-모델 구조.", LOC, ())
    r.read("메타는 4-Chiplet 구조를 채택.", LOC, ())  # dies and chiplets are the die-count reader's
    assert parts(ex) == [("meta", Decimal(2), "모델")]
