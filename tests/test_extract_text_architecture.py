"""A chip written as built on an architecture has that architecture (text_architecture)."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VI", "test slide")


def archs(ex) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "hasArchitecture")


@pytest.mark.parametrize("sentence, pair", [
    ("중국 수출용 Blackwell 아키텍처 기반 B40 스펙", ("nvidia-rtx-pro-6000d", "nvidia-blackwell")),
    ("서버 랙이 아니라, 블랙웰 기반 B200 GPU 72개와 자체 개발 CPU", ("nvidia-b200", "nvidia-blackwell")),
    ("Hopper(H20도 Hopper 세대) 대비 이점", ("nvidia-h20", "nvidia-hopper")),
])
def test_a_chip_built_on_an_architecture_has_it(text_reader, sentence, pair):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert (*pair, "text:architecture-based") in archs(ex)


@pytest.mark.parametrize("sentence", [
    "Hopper에서 Blackwell로 세대 교체",           # a move between architectures, no chip
    "B200은 Hopper 대비 2배 성능",                # a comparison, not a basis
])
def test_no_architecture_without_the_basis_words(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert [a for a in archs(ex) if a[2] == "text:architecture-based"] == []
