"""Whose equity a stake read in prose is (petaflop/extract/text_stakes.py), on sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "III", "test slide")


def _stakes(text_reader, line: str) -> list[tuple]:
    r, ex = text_reader
    r.read(line, LOC, ())
    return [(s.subject, s.value, s.item, s.rule.endswith(":unsure")) for s in ex.statements if s.kind == "equityStake"]


def test_a_stake_of_the_clause_topic_is_in_the_firm_it_invested_in_earlier_in_the_paragraph(text_reader):
    got = _stakes(text_reader, "- 구글의 xAI 투자 금액은 총 30억 달러. 그럼에도 구글은 의결권 없이 1/4 미만의 소수 지분만 보유.")
    assert got == [("google", Decimal(25), "xai", False)]


def test_a_stake_naming_no_company_stays_a_claim(text_reader):
    got = _stakes(text_reader, "- 구글은 새 칩을 공개. 그럼에도 구글은 의결권 없이 1/4 미만의 소수 지분만 보유.")
    assert got == [("google", Decimal(25), "", True)]


def test_a_stake_of_the_clause_topic_in_two_firms_invested_in_stays_a_claim(text_reader):
    got = _stakes(text_reader, "- 구글은 xAI에 30억 달러를 투자. 구글은 Mistral AI에 10억 달러를 투자. "
                               "구글은 1/4 미만의 소수 지분만 보유.")
    assert got == [("google", Decimal(25), "", True)]


def test_a_stake_read_as_the_genitive_firms_own_names_no_company_held_and_stays_a_claim(text_reader):
    # "구글은 xAI의 지분 20%": the genitive reader takes xAI as the measure's owner; a stake in no named firm
    got = _stakes(text_reader, "- 구글은 의결권 없이 xAI의 지분 20%를 보유.")
    assert [unsure for *_, unsure in got] == [True]
