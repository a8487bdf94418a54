"""A bare title opening a table cell names the cell's organisation; software-firm scores (Rule of 40,
net dollar retention) and "예산의 규모" are read by their words; a unit named "연방 서비스 부서" after
its parent's genitive is part of it (sentences and cells of our own)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "X", "test slide")
CELL = Location(12, 12, "X", "test slide", "t1", 2, 2)


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def links(ex: Extraction, prop: str) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity and f.predicate == prop)


def values(ex: Extraction) -> list[tuple]:
    return sorted((s.subject, s.kind, s.value, s.unit, s.status) for s in ex.statements if s.value is not None)


def test_a_bare_title_opening_a_cell_names_the_cells_organisation(reader, gaz):
    r, ex = reader
    r.res.record(gaz.by_id("palantir"))
    r.read_cell("CEO 피터 틸은 2019년부터 이사회 의장", CELL, (), "palantir")
    assert links(ex, "leads") == [("peter-thiel", "palantir", "text:bare-title:leads")]


def test_a_founders_title_opening_a_cell_is_a_founding_not_a_lead(reader, gaz):
    r, ex = reader
    r.res.record(gaz.by_id("palantir"))
    r.read_cell("공동창업자 피터 틸은 2016년부터 공화당 지지", CELL, (), "palantir")
    assert links(ex, "leads") == []
    assert links(ex, "affiliatedWith") == [("peter-thiel", "palantir", "text:bare-title:founder")]


def test_a_cell_without_a_title_or_about_no_organisation_names_no_leader(reader, gaz):
    r, ex = reader
    r.res.record(gaz.by_id("palantir"))
    r.res.record(gaz.by_id("colossus"))
    r.read_cell("투자자 피터 틸은 2019년부터 이사회 의장", CELL, (), "palantir")  # no title before the name
    r.read_cell("공동창업자 피터 틸은 2019년부터 방문", CELL, (), "colossus")  # a cluster has no founder
    assert links(ex, "leads") == []


def test_rule_of_40_and_net_dollar_retention_are_a_firms_scores(reader):
    r, ex = reader
    r.read("오라클의 Rule of 40은 81.", LOC, ())
    r.read("오라클의 'Net Dollar Retention'은 117% 달성.", LOC, ())
    assert values(ex) == [("oracle", "quantity", Decimal(81), "count", "actual"),
                          ("oracle", "quantity", Decimal(117), "%", "actual")]


def test_the_size_of_a_budget_is_money_not_power(reader):
    r, ex = reader
    r.read("골든돔 프로젝트의 예산 규모는 900억 달러로 계획.", LOC, ())
    r.read("골든돔 프로젝트는 2030년까지 배치 목표, 예산의 규모는 800억 달러로 계획.", LOC, ())
    assert values(ex) == [("golden-dome", "amount", Decimal(80_000_000_000), "USD", "planned"),
                          ("golden-dome", "amount", Decimal(90_000_000_000), "USD", "planned")]


def test_a_size_word_alone_still_measures_power(reader):
    r, ex = reader
    r.read("콜로서스 캠퍼스의 규모는 1.2GW.", LOC, ())
    assert [(s.subject, s.kind, s.value, s.unit) for s in ex.statements] == [
        ("colossus-campus", "powerCapacity", Decimal(1200), "MW")]


def test_a_federal_unit_named_after_its_parents_genitive_is_part_of_it(reader):
    r, ex = reader
    r.read("엑센추어의 연방 서비스 부서는 인력을 늘림.", LOC, ())
    assert ("accenture-federal-services", "accenture", "text:genitive:partOf@520") in links(ex, "partOf")
