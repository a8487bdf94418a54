"""A count after a system's name and the noun of its chips ("<system> GPU N개", "<system> 칩 N개") counts the chips
the systems hold, not systems (count_parts.chips_of_system): ``gpuCount`` / ``chipCount`` with the system as item."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.count_parts import chips_of_system
from petaflop.extract.facts import Location
from petaflop.extract.text_frames import Mention_

LOC = Location(10, 10, "VI", "test slide")


def test_a_systems_gpus_counted_after_its_name_are_gpus(text_reader):
    r, ex = text_reader
    r.read("- Orange는 DGX B200 SuperPOD GPU 2,048개 도입 예정.", LOC, ())
    got = {(s.subject, s.kind, s.value, s.item) for s in ex.statements if s.item}
    assert got == {("orange", "gpuCount", Decimal(2048), "nvidia-dgx-b200-superpod")}


def test_the_noun_after_a_systems_name_says_what_is_counted():
    system = Mention_("nvidia-dgx-b200-superpod", "System", 0, 17, "")
    chip = Mention_("nvidia-b200", "GPU", 0, 4, "")
    assert chips_of_system("DGX B200 SuperPOD GPU 4,000개", system) == "gpuCount"
    assert chips_of_system("DGX B200 SuperPOD 칩 4,000개", system) == "chipCount"
    assert chips_of_system("DGX B200 SuperPOD 4개", system) == ""  # the systems themselves
    assert chips_of_system("DGX B200 SuperPOD GPUs", system) == ""
    assert chips_of_system("B200 GPU 4,000개", chip) == ""  # a chip's count is the chip's own kind
