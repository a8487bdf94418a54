"""Purchases read by the verb frame of ``text_procure`` on sentences of our own."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VII", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def read(reader, sentence: str) -> set[tuple[str, str, str, str]]:
    r, ex = reader
    r.read(sentence, LOC, ())
    return procured(ex)


def procured(ex: Extraction) -> set[tuple[str, str, str, str]]:
    return {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts
            if f.obj_is_entity and f.predicate == "procures" and "procure" in f.rule}


def test_the_topic_buys_the_hardware_before_the_verb(reader):
    assert read(reader, "메타는 작년에 H100 GPU를 대량으로 확보.") == {
        ("meta", "procures", "nvidia-h100", "text:procure")}


def test_each_member_of_a_list_closed_by_deung_orders(reader):
    assert read(reader, "메타, 구글 등은 H20 칩 라이선스 복귀에 따라 100억 달러 이상 주문.") == {
        ("meta", "procures", "nvidia-h20", "text:procure"),
        ("google", "procures", "nvidia-h20", "text:procure")}


def test_a_planned_purchase_is_a_purchase(reader):
    assert read(reader, "메타가 3만 개의 H100 도입 계획을 발표.") == {("meta", "procures", "nvidia-h100", "text:procure")}


def test_listed_hardware_shares_the_verb(reader):
    assert read(reader, "메타는 H100, H20을 구매.") == {
        ("meta", "procures", "nvidia-h100", "text:procure"),
        ("meta", "procures", "nvidia-h20", "text:procure")}


@pytest.mark.parametrize("sentence", [
    "메타는 H100 동급 연산 능력 5만 개 확보.",  # a yardstick, not what is bought
    "메타는 H100 GPU를 구매하지 못함.",  # refused
    "미국은 H20 칩 구매 금지.",  # not an organisation that buys
    "엔비디아는 H20 칩 주문형 생산.",  # custom silicon, and its own make
])
def test_no_purchase_without_a_plain_buying_verb(reader, sentence):
    assert read(reader, sentence) == set()
