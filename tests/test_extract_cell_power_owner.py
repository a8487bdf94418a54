"""A power figure in a facility's row cell that is not the facility's: the capacity of a deal with another
organisation written right before it, or of a power source the figure sizes through the genitive
(text_power.cell_power_of_another)."""

from __future__ import annotations

from petaflop.extract.facts import Location

CELL = Location(40, 40, "V", "test slide", "t1", 1, 3)


def _power(ex):
    return sorted((s.subject, s.value, s.unit, s.item, s.bound, s.rule) for s in ex.statements if s.kind == "powerCapacity")


def test_a_figure_labelled_by_another_firms_deal_is_not_the_rows(text_reader, gaz):
    r, ex = text_reader
    r.res.record(gaz.by_id("colossus-campus"))
    r.read_cell("마이크로소프트 합작 3 GW → 국내 7 GW 이상 확보", CELL, (), "colossus-campus")
    assert _power(ex) == [("colossus-campus", 7000, "MW", "", "lower", "text-cell:value-unit-power:row")]


def test_a_figure_sizing_a_power_source_through_the_genitive_is_the_sources(text_reader, gaz):
    r, ex = text_reader
    r.res.record(gaz.by_id("colossus-campus"))
    r.read_cell("그리드 연결 + 300MW 이상의 태양광 포함", CELL, (), "colossus-campus")
    r.read_cell("총 2 GW(가스), 400MW 태양광 + ESS", CELL, (), "colossus-campus")  # no genitive: the row's, by source
    assert _power(ex) == [("colossus-campus", 400, "MW", "solar-pv", "", "text-cell:value-unit-power:row"),
                          ("colossus-campus", 2000, "MW", "", "", "text-cell:value-unit-power:row")]
