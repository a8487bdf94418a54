"""The variant-base frame (text_variant.py) on sentences of our own: a chip said to be built on another
chip is its variant; a system built on a chip, or a comparison after the pair, links nothing."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VIII", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def variants(ex: Extraction) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "variantOf")


def test_a_chip_built_on_another_chip_is_its_variant(reader):
    r, ex = reader
    r.read("A800은 A100을 기반으로 대역폭을 낮춘 칩.", LOC, ())
    r.read("수출용으로 H100 기반의 H800을 내놓음.", LOC, ())
    assert variants(ex) == [("nvidia-a800", "nvidia-a100", "text:variant-base"),
                            ("nvidia-h800", "nvidia-h100", "text:variant-base")]


def test_a_system_on_a_chip_or_a_comparison_links_nothing(reader):
    r, ex = reader
    r.read("B200 기반의 GB200 NVL72 랙을 공급.", LOC, ())
    r.read("H100 기반 H800 대비 성능이 높음.", LOC, ())
    assert variants(ex) == []
