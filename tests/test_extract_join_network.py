"""A network named as what joins a product's parts is a network the product uses (the adopts frame)."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VI", "test slide")


def networks(ex) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "usesNetwork")


@pytest.mark.parametrize("cell, network", [
    ("PCIe 6.0 기반으로 연결될 가능성", "pcie-6-0"),
    ("최대 8개 GPU: ConnectX-8 SuperNIC을 통해 연결", "connectx-8-supernic"),
    ("8개 이상 GPU: Spectrum-X 네트워킹 플랫폼으로 확장 추정", "spectrum-x"),
])
def test_a_network_joining_the_rows_product_is_used_by_it(text_reader, cell, network):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("nvidia-rtx-pro-6000d"))
    r.read_cell(cell, LOC, (), "nvidia-rtx-pro-6000d")
    assert networks(ex) == [("nvidia-rtx-pro-6000d", network, "text-cell:adopts:row")]


@pytest.mark.parametrize("cell", [
    "NVLink로 연결되는 방식의 장단점",          # no product to use it
    "PCIe 6.0 대비 2배 대역폭",                 # no joining verb
])
def test_no_use_without_a_joining_verb_and_a_product(text_reader, cell):
    r, ex = text_reader
    r.read(cell, LOC, ())
    assert networks(ex) == []


@pytest.mark.parametrize("sentence, user, network", [
    # a network platform marked as the clause's topic, the network its means ("… 기술을 통해")
    ("Quantum-X800 InfiniBand는 SHARPV4 기술을 통해 연산을 처리.", "quantum-x800-infiniband", "sharp-v4"),
    # a part put into the topic's system ("… 트랜시버를 투입")
    ("CM384 시스템은 6,912개의 400G 광 트랜시버를 투입.", "huawei-cloudmatrix384", "400g-optical-transceiver"),
])
def test_a_network_the_clause_topic_works_through_or_puts_in(text_reader, sentence, user, network):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert networks(ex) == [(user, network, "text:adopts:clause-topic")]


@pytest.mark.parametrize("sentence", [
    "엔비디아는 Spectrum-XGS를 통해 NCCL 성능이 개선된다고 주장.",   # a firm is no user of a network
    "Spectrum-XGS를 통해 성능이 2배 개선.",                          # no topic marked in the clause
])
def test_no_network_through_without_a_marked_user(text_reader, sentence):
    r, ex = text_reader
    r.start_slide("GB200 NVL72 랙의 구조")  # a system the slide is about: never the user of a means
    r.read(sentence, LOC, ())
    assert networks(ex) == []
