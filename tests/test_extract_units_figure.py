"""Figures a topic carried from an earlier block does not own: counted units' ("12기 전체가 … 480 MW를 생산",
"한 대는 약 40MW") and a calculation's ("12 × 40MW = 480MW") — carry_guards.units_figure. Invented sentences."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.carry_guards import units_figure
from petaflop.extract.facts import Location


def _loc(n: int) -> Location:
    return Location(n, n, "X", "test slide")


def _facts(ex, line: int) -> list[tuple]:
    return [(s.subject, s.kind, s.value, s.rule) for s in ex.statements if s.location.line_start == line]


def test_counted_units_and_calculations_are_not_the_carried_topics(text_reader):
    r, ex = text_reader
    r.read("- Colossus는 새 데이터센터.", _loc(1), ())
    r.read("- 12기 전체가 가동되면 총 약 480 MW를 생산.", _loc(2), ())
    r.read(" - 전체 발전출력 = 터빈 개수 × 터빈 출력 ≈ 12 × 40MW = 480MW (≈ 0.5GW)", _loc(3), ())
    r.read("- 12기 풍력 터빈이 만드는 전력은 30만 개의 GB200 NVL72 GPU를 돌리기에 충분.", _loc(4), ())
    got = [f for n in (2, 3, 4) for f in _facts(ex, n) if f[0] == "colossus"]
    assert sorted((f[1], f[2], f[3]) for f in got) == [  # claims, judged apart (before: block-topic)
        ("powerCapacity", Decimal(40), "text:value-unit:inherited-other-named"),
        ("powerCapacity", Decimal(480), "text:value-unit:inherited-other-named"),
        ("powerCapacity", Decimal(480), "text:value-unit:inherited-other-named"),
        ("powerCapacity", Decimal(500), "text:value-unit:inherited-other-named"),
        ("unitCount", Decimal(300000), "text:count-system:inherited-other-named")]


def test_the_block_topic_keeps_its_own_figures(text_reader):
    r, ex = text_reader
    r.read("- Colossus는 새 데이터센터.", _loc(1), ())
    r.read("- 총 약 480 MW를 생산할 계획.", _loc(2), ())
    r.read("- 새 전력은 30만 개의 GB200 NVL72 GPU를 돌리기에 충분.", _loc(3), ())
    assert _facts(ex, 2) == [("colossus", "powerCapacity", Decimal(480), "text:value-unit:block-topic")]
    assert ("colossus", "unitCount", Decimal(300000), "text:count-system:block-topic") in _facts(ex, 3)


def test_units_figure():
    s = "12기 전체가 가동되면 총 약 480 MW를 생산"
    assert units_figure(s, s.index("480"))
    s = "가나 터빈 한 대는 약 40MW를 발전"
    assert units_figure(s, s.index("40MW"))
    s = "12 × 40MW = 480MW"
    assert units_figure(s, s.index("480"))
    s = "차량 한 대당 가격이 1억 원 이상"  # a rate per unit: the topic's price per vehicle
    assert not units_figure(s, s.index("1억"))
    s = "1기 공사가 끝나면 480 MW"  # a phase, not counted units
    assert not units_figure(s, s.index("480"))
    s = "가스 터빈 12기를 설치 중이며 480 MW 규모"
    assert not units_figure(s, s.index("480"))
