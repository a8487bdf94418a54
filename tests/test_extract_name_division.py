"""A unit named after its parent ("<parent> … 부문 / 연구소 / 사령부") is part of it (a site: owned by it).
The sentences are invented; the names are gazetteer entries."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.gazetteer import Gazetteer
from petaflop.extract.name_division import RULE, NameDivision


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def links(gaz: Gazetteer, text: str) -> set[tuple[str, str, str]]:
    ex = Extraction()
    div = NameDivision(gaz, ex, lambda e: e.id)
    for m in gaz.find_mentions(text):
        div.mention(gaz.by_id(m.entity_id), text[m.start:m.end], Location(1, 1))
    return {(f.subject, f.predicate, str(f.obj)) for f in ex.facts if f.rule == RULE}


def test_division_of_a_firm_is_part_of_it(gaz):
    assert links(gaz, "삼성전자 DS(Device Solutions) 부문이 계약을 맺었다") == {
        ("samsung-electronics-device-solutions", "partOf", "samsung-electronics")}


def test_command_of_an_alliance_and_a_lab_of_a_firm(gaz):
    assert links(gaz, "NATO 연합작전사령부가 도입했다") == {("nato-allied-command-operations", "partOf", "nato")}
    assert links(gaz, "메타 초지능 연구소는 인재를 모았다") == {("meta-superintelligence-labs", "partOf", "meta")}


def test_a_site_named_after_its_owner_is_owned_by_it(gaz):
    assert links(gaz, "삼성전자 북미 반도체연구소에서 만났다") == {
        ("samsung-semiconductor-north-america-r-d-center", "ownedBy", "samsung-electronics")}


def test_a_product_or_a_name_without_a_unit_word_is_no_division(gaz):
    assert links(gaz, "DeepSeek 앱은 1위를 기록했다") == set()
    assert links(gaz, "Claude Code를 출시했다") == set()
