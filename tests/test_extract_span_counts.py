"""Wave 18, area F: a count of things a system spans ("N개의 랙에 걸쳐/분산") is a count the system has
(petaflop/extract/text_counts.py _HAVE), and "가동 시간" (operating hours) names a duration
(attribute_lexicon.toml). Sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VI", "test slide")


def _stated(ex) -> set[tuple]:
    return {(s.subject, s.kind, s.value, s.unit, s.metric, s.rule) for s in ex.statements}


def test_a_system_spread_over_n_racks_has_n_racks(text_reader):
    r, ex = text_reader
    r.read("CM384 시스템은 20개의 랙에 분산되어 있음.", LOC, ())
    assert _stated(ex) == {("huawei-cloudmatrix384", "unitCount", Decimal(20), "count", "랙",
                            "text:unit-count:have:clause-topic")}


def test_a_system_spanning_n_buildings_has_n_buildings(text_reader):
    r, ex = text_reader
    r.read("NVL72 시스템은 3개의 건물에 걸쳐 있음.", LOC, ())
    assert _stated(ex) == {("nvidia-gb200-nvl72", "unitCount", Decimal(3), "count", "건물",
                            "text:unit-count:have:clause-topic")}


def test_a_span_of_quarters_is_no_count(text_reader):
    r, ex = text_reader
    r.read("Colossus는 12개 분기에 걸쳐 건설됨.", LOC, ())
    assert not [s for s in ex.statements if s.kind == "unitCount"]


def test_operating_hours_are_a_duration(text_reader):
    r, ex = text_reader
    r.read("Colossus의 평균 가동시간은 5,000시간.", LOC, ())
    assert _stated(ex) == {("colossus", "duration", Decimal(5000), "hour", "가동시간", "text:value:genitive")}
