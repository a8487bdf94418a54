"""A share of a maker's demand names its customers (petaflop/extract/text_demand_share.py), on sentences of
our own: "메타와 구글이 엔비디아 GPU 수요의 약 40%를 차지", "A와 … B, 두 회사가 …" — and what it must refuse."""
from __future__ import annotations

import pytest

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VIII", "test slide")


def customers(text_reader, text: str) -> set[tuple[str, str, str, str]]:
    r, ex = text_reader
    r.read(text, LOC, ())
    return {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.predicate == "customerOf"}


def test_the_subject_and_the_firms_joined_to_it(text_reader):
    assert customers(text_reader, "메타와 구글이 엔비디아 GPU 수요의 약 40%를 차지.") == {
        ("meta", "customerOf", "nvidia", "text:customer"), ("google", "customerOf", "nvidia", "text:customer")}


def test_a_counted_list_skips_a_firm_in_another_role(text_reader):
    got = customers(text_reader, "칩 준비 중인 OpenAI와 아마존으로부터 칩을 받는 Anthropic, 두 회사가 엔비디아 칩 수요의 30% 차지.")
    assert got == {("openai", "customerOf", "nvidia", "text:customer"),
                   ("anthropic", "customerOf", "nvidia", "text:customer")}


@pytest.mark.parametrize("text", [
    "구글이 엔비디아 매출의 10% 차지.",                              # a share of revenue, not of demand
    "OpenAI와 아마존, 구글 세 회사가 엔비디아 칩 수요의 30% 차지.",     # the count does not match the firms found
    "엔비디아 칩 수요의 30%는 빅테크.",                                # no buyer named
])
def test_no_customer_without_the_construction(text_reader, text):
    assert customers(text_reader, text) == set()
