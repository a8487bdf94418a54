"""Makers of power equipment written before it (petaflop/extract/text_power_maker.py): the bare maker, its
genitive and its kind appositive before a named turbine, battery or fuel cell; a technology offered when the
clause calls it a product — and the ownerships each construction must refuse."""
from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.text_reader import TextReader

LOC = Location(10, 10, "V", "test slide")


def made(ex: Extraction) -> set[tuple[str, str, str, str]]:
    return {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts
            if f.obj_is_entity and f.predicate in ("designedBy", "developedBy", "offeredBy", "manufacturedBy")}


@pytest.mark.parametrize(("sentence", "fact"), [
    ("백업 전력으로 테슬라 Megapack 208대 설치", ("tesla-megapack", "developedBy", "tesla")),
    ("테슬라 'Megapack'의 전력부하 방어 역할", ("tesla-megapack", "developedBy", "tesla")),
    ("특히 테슬라 ESS인 Megapack을 활용한 부하 관리", ("tesla-megapack", "developedBy", "tesla")),
    ("GE Vernova의 LM2500XPRESS 한 대는 약 35MW를 발전.", ("ge-vernova-lm2500xpress", "developedBy", "ge-vernova")),
    ("GE Vernova의 LM2500XPRESS 10대를 설치", ("ge-vernova-lm2500xpress", "developedBy", "ge-vernova")),  # its brand
    ("블룸에너지의 에너지 서버는 모듈형.", ("bloom-energy-server", "developedBy", "bloom-energy")),
    ("GE Vernova의 가스터빈 및 에너지 솔루션이 주요 수출 품목", ("gas-turbine", "offeredBy", "ge-vernova")),
])
def test_a_maker_written_before_its_power_equipment(text_reader: tuple[TextReader, Extraction], sentence, fact):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert (*fact, "text:power-maker") in made(ex)


@pytest.mark.parametrize("sentence", [
    "xAI의 BESS 구축이 완료됨.",  # an AI lab's battery is its own, not its make
    "xAI의 Megapack 208대가 부하를 흡수.",  # ditto (and a fleet)
    "Crusoe의 LM2500XPRESS 29기가 가동 중.",  # a firm's genitive with a count: the fleet it installed
    "Oracle의 가스터빈 도입이 늦어짐.",  # a technology in a firm's genitive, no word of sale: its plant
    "테슬라 Megapack과 비슷한 배터리를 개발",  # a comparison: another's product
])
def test_ownership_and_comparison_are_not_making(text_reader: tuple[TextReader, Extraction], sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert {f for f in made(ex) if f[3] == "text:power-maker"} == set()
