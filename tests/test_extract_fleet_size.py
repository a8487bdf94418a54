"""A fleet's size ("운영 차량 대수", "차량 수") is a count of units with the label as its metric; a vehicle's
lifetime ("차량 수명") is none (attribute_lexicon.toml). Sentences of our own, in the report's style."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "IX", "test slide")


def test_a_fleet_size_is_a_count_of_units(text_reader):
    r, ex = text_reader
    r.read("웨이모는 운영 차량 대수를 3,000대로 확대.", LOC, ())
    r.read("차량 수명은 8년으로 가정.", LOC, ())
    counts = [(s.subject, s.kind, s.value, s.metric) for s in ex.statements if s.kind == "unitCount"]
    assert counts == [("waymo", "unitCount", Decimal(3000), "운영 차량 대수")]
