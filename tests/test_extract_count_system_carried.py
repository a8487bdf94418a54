"""A counted system ("N개의 GB200 NVL72 GPU") measured for a subject carried from an earlier block is its own
construction (``count-system``): the system's name counts racks or chips alike, and the carried project may not
be the site the figure belongs to. Chips or turbines counted so stay ``count-item``."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location
from petaflop.extract.subject_ways import counted_measure
from petaflop.extract.text_frames import Mention_


def _loc(n: int) -> Location:
    return Location(n, n, "X", "test slide")


def test_a_carried_subjects_counted_system_is_judged_apart(text_reader):
    r, ex = text_reader
    r.read("- xAI는 새 데이터센터를 짓는 중.", _loc(1), ())
    r.read("- 새 전력은 30만 개의 GB200 NVL72 GPU를 돌리기에 충분.", _loc(2), ())
    r.read("- 이후 55만개의 GB200을 추가로 도입할 예정.", _loc(3), ())
    got = sorted((s.location.line_start, s.subject, s.value, s.rule) for s in ex.statements if s.item)
    assert got == [(2, "xai", Decimal(300000), "text:count-system:block-topic"),
                   (3, "xai", Decimal(550000), "text:count-item:block-topic")]


def test_counted_measure_by_item_and_way():
    system = Mention_("nvidia-gb200-nvl72", "System", 0, 12, "")
    chip = Mention_("nvidia-gb200", "Chip", 0, 5, "")
    assert counted_measure(system, "block-topic") == "count-system"
    assert counted_measure(system, "slide-topic") == "count-system"
    assert counted_measure(system, "clause-topic") == "count-item"  # named in its own clause: the usual construction
    assert counted_measure(chip, "block-topic") == "count-item"
