"""relation:partnership:comitative on sentences of our own: the partner marked with the comitative ("B와
협력") partners the clause's subject; a contract's parties, a pair across a dash or a contrast, a party
listed with the partner and an owner in the genitive make no partnership (relation_guards.py)."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.relations import RelationMiner, load_relation_patterns
from petaflop.extract.resolve import Resolver

LOC = Location(10, 10, "IX", "test slide")


@pytest.fixture()
def mine(gaz):
    def run(text: str) -> set[frozenset[str]]:
        ex = Extraction()
        RelationMiner(Resolver(gaz, ex), load_relation_patterns()).mine(text, LOC, ())
        return {frozenset((f.subject, str(f.obj))) for f in ex.facts
                if f.predicate == "partnerOf" and f.rule.startswith("relation:partnership")}
    return run


def pairs(*ps: tuple[str, str]) -> set[frozenset[str]]:
    return {frozenset(p) for p in ps}


@pytest.mark.parametrize("text, expected", [
    # the partner marked with the comitative, the other party the subject or topic
    ("팔란티어는 TeleTracking과의 파트너십을 발표.", pairs(("palantir", "teletracking"))),
    ("테슬라: 삼성과의 협력이 의미하는 것", pairs(("tesla", "samsung-electronics"))),
    # the names listed with the marked partner are partners too
    ("AWS, OpenAI 등과의 협력 강화도 AMD가 얻은 신뢰.", pairs(("amd", "openai"), ("amd", "amazon-web-services"))),
    # a contract's parties are a buyer and a seller, no partners
    ("메타는 구글 클라우드와 6년 계약 체결.", set()),
    ("OpenAI는 펜타곤과 2억 달러 규모의 계약 체결.", set()),
    # an inline dash inside a bullet starts another statement
    ("FDA는 지침 발표 - Eli Lilly와 파트너십 체결.", set()),
    # a contrast: the party after "와 달리" is not the one that partners
    ("웨이모가 적자 구조 속에서 오랫동안 Uber와 협력하는 것과 달리, 테슬라는 확장.", pairs(("waymo", "uber"))),
    # a party listed with the partner: the list partners with someone else
    ("시장을 목표로 Kion, Accenture와 협력.", set()),
    # an owner in the genitive is not the party
    ("Uber와 협력하는 구글의 웨이모(Waymo) 서비스 개시.", pairs(("waymo", "uber"))),
])
def test_partnership_with_a_comitative_partner(mine, text, expected):
    assert mine(text) == expected
