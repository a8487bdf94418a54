"""A grid connection named by its voltage states that voltage: read from the mention's own words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.named_figures import RULE, read_named_figures

LOC = Location(10, 10, "VI", "test slide")


def voltages(gaz, text: str) -> list[tuple]:
    ex = Extraction()
    read_named_figures(gaz, ex, text, LOC, lambda e: e.id)
    return [(s.subject, s.kind, s.value, s.unit, s.status, s.rule) for s in ex.statements]


@pytest.mark.parametrize("text, entity, volts, status", [
    ("재생 전력 비율 80%; REE 110 kV 노드 병행", "ree-110-kv-node", "110", "actual"),
    ("수력 100%, Statnett 420 kV 루프 증설", "statnett-420-kv-loop", "420", "planned"),
    ("RTE 225 kV 신규 서브스테이션", "rte-225-kv-substation", "225", "planned"),
])
def test_a_connection_named_by_its_voltage_states_it(gaz, text, entity, volts, status):
    assert voltages(gaz, text) == [(entity, "gridVoltage", Decimal(volts), "kV", status, RULE)]


@pytest.mark.parametrize("text", [
    "345 kV 송전선로 증설",          # a voltage beside no named connection
    "텍사스 전력망 전압 안정화",       # a grid named without a voltage
])
def test_no_voltage_without_a_named_connection_carrying_one(gaz, text):
    assert voltages(gaz, text) == []
