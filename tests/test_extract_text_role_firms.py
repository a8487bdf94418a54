"""The role-noun appositive (text_role_firms): "A의 경쟁사인 B", "경쟁사(B, C 등)", "A의 파트너 = B" —
and look-alikes that state no link."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VI", "test slide")


def links(ex: Extraction, prop: str) -> list[tuple]:
    return sorted((f.subject, str(f.obj)) for f in ex.facts
                  if f.obj_is_entity and f.predicate == prop and f.rule == "text:role-appositive")


@pytest.mark.parametrize("sentence, prop, expected", [
    ("오라클의 경쟁사인 IBM과 SAP가 약진.", "competesWith", [("oracle", "ibm"), ("oracle", "sap")]),
    ("인텔은 경쟁사인 AMD에 점유율을 잃음.", "competesWith", [("intel", "amd")]),
    ("엔비디아는 경쟁사(AMD, 인텔 등)보다 앞섬.", "competesWith", [("nvidia", "amd"), ("nvidia", "intel")]),
    ("애플의 파운드리 파트너 = TSMC", "partnerOf", [("apple", "tsmc")]),
    ("구글의 최대 파트너인 삼성전자가 참여.", "partnerOf", [("google", "samsung-electronics")]),
])
def test_the_named_firms_take_the_role_towards_the_owner(text_reader, sentence, prop, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert links(ex, prop) == expected


@pytest.mark.parametrize("sentence", [
    "오라클, 인텔의 핵심 파트너들(AMD, IBM)과 협상 중.",  # two owners: whose partner is which?
    "경쟁사들이 연간 성장을 이어감.",  # no firm named after the noun
    "엔비디아는 경쟁사 대비 앞섬.",  # no appositive
    "중국 내 최대 라이벌인 AMD가 추격.",  # the genitive of no named firm
    "구글의 자회사 딥마인드가 경쟁사인 OpenAI를 앞섬.",  # a rival of the subsidiary or of its parent?
])
def test_look_alikes_state_no_role(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert links(ex, "competesWith") == [] and links(ex, "partnerOf") == []


def test_a_firm_named_as_a_segment_is_in_it(text_reader):
    r, ex = text_reader
    r.read("신형 클라우드 업체인 CoreWeave의 CEO가 주장.", LOC, ())
    assert sorted((f.subject, str(f.obj)) for f in ex.facts if f.predicate == "inSegment"
                  and f.rule == "text:role-appositive") == [("coreweave", "neoclouds")]
