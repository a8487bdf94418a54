"""Wave 34: a power capacity a sentence contracts ("4.5 GW 추가 계약하면서, … 총 5 GW+는 확보", a cell "총 5 GW
용량에 대한 계약 임대료") is to be built, not built: planned — also where the line restates it ("5GW급 …"),
prose_status.contracted and its use in status_context.py. Sentences are our own."""

from __future__ import annotations

from decimal import Decimal

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import EntityRecord, Extraction, Fact, Location, Statement
from petaflop.extract.prose_status import contracted
from petaflop.extract.status_context import settle_statuses

LINE = "- A는 오라클과 4.5 GW 추가 계약하면서, 기존 물량 포함 총 5 GW+는 확보. 5GW급 B 클러스터는 H100 약 500만 개 규모."


def test_a_capacity_a_sentence_contracts_and_its_restatement_are_contracted():
    assert contracted(LINE, "powerCapacity", Decimal(5000), "MW")
    assert contracted(LINE, "powerCapacityMW", Decimal(4500), "")
    assert contracted("\t연간 임차료\t300\t4.5 GW 신규 포함 총 5 GW 용량에 대한 계약 임대료", "powerCapacity",
                      Decimal(5000), "MW")


def test_no_contract_a_running_site_an_ended_contract_or_another_kind_is_not():
    assert not contracted("- A는 총 5 GW를 확보. 5GW급 클러스터.", "powerCapacity", Decimal(5000), "MW")
    assert not contracted("- A는 계약에 따라 현재 5 GW 가동 중.", "powerCapacity", Decimal(5000), "MW")
    assert not contracted("- 5 GW 규모 계약을 해지.", "powerCapacity", Decimal(5000), "MW")
    assert not contracted(LINE, "chipCount", Decimal(5000), "")  # a count of 5,000 is no 5 GW
    assert not contracted(LINE, "powerCapacity", Decimal(10000), "MW")  # not on the line


def test_the_contracted_capacity_of_a_facility_is_planned_in_prose_and_in_a_claim():
    ex = Extraction()
    ex.entities["stargate"] = EntityRecord("stargate", ("ComputeCluster",))
    ex.statements = [Statement("stargate", "powerCapacity", Location(1, 1, "IV", "s"), "text:value-unit", Decimal(5000),
                               unit="MW", raw="포함 총 5 GW+는 확보. 5GW")]
    ex.facts = [Fact("stargate", "powerCapacityMW", Decimal(5000), False, Location(1, 1, "IV", "s"),
                     "claim:cluster-power:slide", (), datatype="decimal", raw="목표에서 절반 이상을 확보). 5GW급 B ")]
    settle_statuses([Table("IV-1-1", Span(9, 9), [], [Cell("a", "a", 9, 1)], [Row(9, [])])], ex, [LINE])
    assert ex.statements[0].status == "planned"
    assert "planned" in ex.facts[0].qualifiers
