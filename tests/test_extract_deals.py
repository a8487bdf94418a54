"""Deals as nodes (petaflop/extract/text_deals.py): a contract or partnership two parties sign, with
its parties, amount, length and date, on sentences of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VI", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def deals(ex: Extraction) -> dict[str, tuple]:
    out = {}
    for f in ex.facts:
        if f.predicate == "hasParty":
            _kind, parties = out.get(f.subject, ("", ()))
            out[f.subject] = (ex.entities[f.subject].types[0], tuple(sorted((*parties, str(f.obj)))))
    return out


def terms(ex: Extraction, node: str) -> set[tuple]:
    return {(s.kind, s.value, s.unit, s.per, s.bound, s.time.text if s.time else "", s.rule)
            for s in ex.statements if s.subject == node}


def test_a_contract_signed_with_a_party_is_a_node_with_its_terms(reader):
    r, ex = reader
    r.read("엔비디아는 오라클과 최소 50억 달러 규모의 3년 계약 체결.", LOC, ())
    [(node, (kind, parties))] = deals(ex).items()
    assert (kind, parties) == ("Contract", ("nvidia", "oracle"))
    assert terms(ex, node) == {
        ("amount", Decimal(5000000000), "USD", "", "lower", "", "text-deal:terms"),
        ("leaseTerm", Decimal(3), "year", "", "", "", "text-deal:terms")}
    # the figures are the deal's, not a party's
    assert not [s for s in ex.statements if s.subject in ("nvidia", "oracle")]


def test_a_partnership_with_a_year_in_apostrophe_and_years_of_length(reader):
    r, ex = reader
    r.read("구글은 '21년 엔비디아와 4년간 3천만달러 규모 파트너십을 맺음.", LOC, ())
    [(node, (kind, parties))] = deals(ex).items()
    assert (kind, parties) == ("Partnership", ("google", "nvidia"))
    got = terms(ex, node)
    assert ("eventDate", None, "", "", "", "2021", "text-deal:terms") in got
    assert ("leaseTerm", Decimal(4), "year", "", "", "", "text-deal:terms") in got
    assert ("amount", Decimal(30000000), "USD", "", "", "2021", "text-deal:terms") in got  # when it was made
    assert [(f.subject, f.predicate, f.obj) for f in ex.facts if f.predicate == "partnerOf"] == [
        ("google", "partnerOf", "nvidia")]


def test_a_dash_pair_signed_is_a_deal_a_pair_merely_named_is_not(reader):
    r, ex = reader
    r.read("오라클-OpenAI 전략 파트너십 체결.", LOC, ())
    r.read("엔비디아와 AMD 간 거래는 중단.", LOC, ())
    [(_node, (kind, parties))] = deals(ex).items()
    assert (kind, parties) == ("Partnership", ("openai", "oracle"))


def test_no_deal_without_signing_or_with_a_verb_between(reader):
    r, ex = reader
    r.read("엔비디아는 오라클과 협력하고 있으며 새 계약을 검토.", LOC, ())
    r.read("엔비디아는 오라클과 계약 조건을 논의.", LOC, ())
    assert deals(ex) == {}


def test_a_contract_signed_with_the_carried_topic(reader):
    r, ex = reader
    r.read("엔비디아는 고성장. 미 국방부와 체결한 최대 30억 달러 규모의 5년 계약이 핵심.", LOC, ())
    [(node, (kind, parties))] = deals(ex).items()
    assert (kind, parties) == ("Contract", ("nvidia", "us-department-of-defense"))
    assert ("amount", Decimal(3000000000), "USD", "", "upper", "", "text-deal:terms") in terms(ex, node)


def test_two_joined_parties_sign_a_memorandum(reader):
    r, ex = reader
    r.read("엔비디아와 오라클이 AI 인프라 MOU를 체결.", LOC, ())
    assert list(deals(ex).values()) == [("Partnership", ("nvidia", "oracle"))]


def test_the_party_a_contract_is_won_from_or_supplied_to_is_the_customer(reader):
    r, ex = reader
    r.read("엔비디아는 오라클로부터 20억 달러 규모의 계약을 수주.", LOC, ())
    r.read("AMD는 메타에 GPU를 공급하는 10억 달러 규모의 계약을 체결.", LOC, ())
    assert sorted(v for v in deals(ex).values()) == [("Contract", ("amd", "meta")), ("Contract", ("nvidia", "oracle"))]
    assert sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "customerOf") == [
        ("meta", "amd", "text-deal:customerOf"), ("oracle", "nvidia", "text-deal:customerOf")]
    amounts = sorted(s.value for s in ex.statements if s.kind == "amount" and s.rule == "text-deal:terms")
    assert amounts == [Decimal(1000000000), Decimal(2000000000)]


def test_a_headline_actor_and_a_pair_with_figures(reader):
    r, ex = reader
    r.read("엔비디아, 오라클과 50억 달러 규모 공급 계약 체결", LOC, ())
    r.read("구글-메타 간 100억 달러 규모 클라우드 계약 체결", LOC, ())
    assert sorted(deals(ex).values()) == [("Contract", ("google", "meta")), ("Contract", ("nvidia", "oracle"))]
    assert sorted(s.value for s in ex.statements if s.kind == "amount") == [Decimal(5000000000), Decimal(10000000000)]


def test_a_sum_and_deal_noun_in_a_parenthesis_closing_the_clause(reader):
    r, ex = reader
    r.read("테슬라는 전략적 동맹으로 삼성전자의 파운드리를 선택(165억 달러 규모 계약).", LOC, ())
    [(node, (kind, parties))] = deals(ex).items()
    assert (kind, parties) == ("Contract", ("samsung-electronics", "tesla"))
    assert terms(ex, node) == {("amount", Decimal(16500000000), "USD", "", "", "", "text-deal:terms")}
    assert {f.rule for f in ex.facts if f.predicate == "hasParty"} == {"text-deal:aside"}
    assert not [s for s in ex.statements if s.subject in ("tesla", "samsung-electronics")]


def test_no_aside_deal_without_one_topic_firm_and_one_other(reader):
    r, ex = reader
    r.read("삼성전자의 파운드리를 선택(165억 달러 규모 계약).", LOC, ())  # no topic firm
    r.read("테슬라는 삼성전자와 TSMC를 비교(165억 달러 규모 계약).", LOC, ())  # two others
    r.read("테슬라는 삼성전자의 파운드리를 선택(계약 규모 165억 달러).", LOC, ())  # noun not closing it
    assert deals(ex) == {}
