"""A name marked by 도 ("also": "오라클도 설비를 함께 공급") joins one sentence as one more party;
it is not the topic the block's next sentences, or the slide's next blocks, are about."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.text_frames import also_marked

LOC = Location(10, 10, "III", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def users(ex: Extraction) -> list[tuple]:
    return [(s.subject, s.value, s.rule) for s in ex.statements if s.kind == "userCount"]


@pytest.mark.parametrize(("text", "marked"), [
    ("ABC도 함께", True), ("ABC社도 함께", True), ("ABC는 함께", False), ("ABC 도입", False), ("ABC는 인도에", False),
    ("ABC조차 달성하지 못한 성과.", True), ("ABC마저 이룬 기록", True), ("ABC조직", False),
    ("ABC마저 이탈로 지연될 전망이고, 공급은 의존", False), ("ABC조차 하락.", False),
])
def test_also_marked(text, marked):
    assert also_marked(text, 3) is marked


def test_a_name_marked_by_also_is_not_carried_to_the_next_block(reader):
    r, ex = reader
    r.read("메타는 올해 신규 캠퍼스를 착공. 오라클도 전력 설비를 함께 공급.", LOC, ())
    r.read("월간 이용자 3억 명 돌파.", LOC, ())
    assert users(ex) == [("meta", Decimal("3E+8"), "text:value:block-topic")]


def test_a_name_marked_by_also_is_not_carried_to_the_next_sentence(reader):
    r, ex = reader
    r.read("메타는 올해 신규 캠퍼스를 착공. 오라클도 설비를 함께 공급. 월간 이용자 3억 명 돌파.", LOC, ())
    assert users(ex) == [("meta", Decimal("3E+8"), "text:value:previous-sentence-topic")]


def test_a_name_marked_by_the_topic_particle_is_still_carried(reader):
    r, ex = reader
    r.read("메타는 올해 신규 캠퍼스를 착공. 오라클은 설비를 함께 공급.", LOC, ())
    r.read("월간 이용자 3억 명 돌파.", LOC, ())
    assert users(ex) == [("oracle", Decimal("3E+8"), "text:value:block-topic")]


def test_a_name_marked_by_even_is_not_carried_to_the_next_sentence(reader):
    r, ex = reader
    r.read("메타는 올해 신규 캠퍼스를 착공. 오라클조차 달성하지 못한 성과. 월간 이용자 3억 명 돌파.", LOC, ())
    assert users(ex) == [("meta", Decimal("3E+8"), "text:value:previous-sentence-topic")]


def test_a_name_marked_by_even_as_the_subject_of_its_sentence_is_still_carried(reader):
    r, ex = reader
    r.read("메타는 올해 신규 캠퍼스를 착공. 오라클마저 이탈로 지연될 전망이고, 공급은 불투명.", LOC, ())
    r.read("월간 이용자 3억 명 돌파.", LOC, ())
    assert users(ex) == [("oracle", Decimal("3E+8"), "text:value:block-topic")]
