"""A facility's chip count whose chip word comes a few words after the figure ("N개에 달하는 <maker>의 자체 AI
가속기"): the keyword window of the cluster-chips promotion (claim_patterns.toml) reaches it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.claims import ClaimMiner, load_promotions
from petaflop.extract.facts import Extraction, Location
from petaflop.extract.resolve import Resolver

LOC = Location(10, 10, "IV", "test slide")


@pytest.fixture()
def miner(gaz):
    ex = Extraction()
    return ClaimMiner(Resolver(gaz, ex), load_promotions()), ex


def test_a_chip_word_seven_words_after_the_count_still_names_what_the_facility_counts(miner):
    m, ex = miner
    claims = m.mine("Colossus의 중심은 30만 개에 달하는 가나다전자의 자체 AI 가속기 묶음.", LOC, "", (), "test")
    assert [(c.subject, c.value, c.promoted_to) for c in claims] == [("colossus", Decimal(300_000), "chipCount")]
    assert [(f.subject, f.obj, f.rule) for f in ex.facts if f.predicate == "chipCount"] == [
        ("colossus", Decimal(300_000), "claim:cluster-chips:nearest")]


def test_a_chip_word_past_the_window_names_nothing(miner):
    m, ex = miner
    claims = m.mine("Colossus의 중심은 30만 개에 달하는 가나다전자와 라마바전자의 공동 설계 AI 가속기.", LOC, "", (), "test")
    assert [(c.subject, c.promoted_to) for c in claims] == [("colossus", "")]
    assert not [f for f in ex.facts if f.predicate == "chipCount"]


def test_a_price_per_unit_is_not_the_revenue_of_the_subject(miner):
    m, ex = miner
    claims = m.mine("Google은 연 20억 달러의 잠재 매출 추정(1K 토큰당 $0.002 비용으로 가정).", LOC, "", (), "test")
    assert [(c.subject, c.value, c.promoted_to) for c in claims if c.kind == "money"] == [
        ("google", Decimal(2_000_000_000), "revenueUSD"), ("google", Decimal("0.002"), "")]
    assert [(f.obj, f.rule) for f in ex.facts if f.predicate == "revenueUSD"] == [
        (Decimal(2_000_000_000), "claim:org-revenue:marked")]
