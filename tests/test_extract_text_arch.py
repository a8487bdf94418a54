"""The architecture-of frame (text_arch.py) on sentences of our own: a chip written with its
architecture as its base or in parentheses, and a comparison that names both but links neither."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VIII", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def archs(ex: Extraction) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "hasArchitecture"
                  and f.rule.endswith("architecture-of"))


def test_an_architecture_as_the_base_of_a_chip_or_with_the_chip_in_parentheses(reader):
    r, ex = reader
    r.read("블랙웰 기반 B200 GPU 72개를 묶음.", LOC, ())
    r.read("Hopper 칩(H100)에서 더 빠름.", LOC, ())
    assert archs(ex) == [("nvidia-b200", "nvidia-blackwell", "text:architecture-of"),
                         ("nvidia-h100", "nvidia-hopper", "text:architecture-of")]


def test_a_chip_said_to_be_of_an_architectures_generation(reader):
    r, ex = reader
    r.read("성능 비교(H100도 Hopper 세대)가 핵심.", LOC, ())
    assert archs(ex) == [("nvidia-h100", "nvidia-hopper", "text:architecture-of")]


def test_a_comparison_or_a_parenthesis_about_something_else_links_nothing(reader):
    r, ex = reader
    r.read("Blackwell (B200 대비 2배 빠름)이 핵심.", LOC, ())
    r.read("Hopper 기반 H100 대비 B200이 빠름.", LOC, ())
    assert archs(ex) == []
