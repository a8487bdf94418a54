"""A firm named by its segment in apposition ("<segment> 업체인 <firm>", text_role_firms), and the
counterpart nouns written with an equals sign ("A의 파운드리 파트너 = B", text_links)."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VI", "test slide")


def links(ex: Extraction, prop: str) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity and f.predicate == prop)


def test_a_firm_named_as_a_segment_is_in_it(text_reader):
    r, ex = text_reader
    r.read("신형 클라우드 업체인 CoreWeave의 CEO가 주장.", LOC, ())
    assert links(ex, "inSegment") == [("coreweave", "neoclouds", "text:segment-members")]


def test_a_segment_merely_beside_a_firm_names_no_member(text_reader):
    r, ex = text_reader
    r.read("신형 클라우드 시장에서 CoreWeave가 성장.", LOC, ())
    assert links(ex, "inSegment") == []


@pytest.mark.parametrize("sentence, expected", [
    ("애플의 파운드리 파트너 = TSMC", [("apple", "tsmc", "text:counterpart:genitive")]),
    ("애플의 파운드리 파트너 = 삼성전자, TSMC", [("apple", "samsung-electronics", "text:counterpart:genitive"),
                                          ("apple", "tsmc", "text:counterpart:genitive")]),
])
def test_a_partner_given_by_an_equals_sign(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert links(ex, "partnerOf") == expected


def test_a_firm_named_as_an_ai_drug_discovery_firm_is_in_that_segment(text_reader):
    r, ex = text_reader
    r.read("AI 신약 개발 전문 기업인 Palantir가 투자 유치.", LOC, ())
    assert links(ex, "inSegment") == [("palantir", "ai-drug-discovery", "text:segment-members")]


def test_ai_drug_discovery_merely_beside_a_firm_names_no_member(text_reader):
    r, ex = text_reader
    r.read("AI 신약 개발 분야에서 Palantir가 성장.", LOC, ())
    assert links(ex, "inSegment") == []
