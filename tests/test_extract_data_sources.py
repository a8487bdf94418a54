"""The data-source frame (text_data_sources.py) on sentences of our own: the organisations whose data a
firm or a product uses supply it — and look-alikes that state no supply."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "III", "test slide")


def supplied(ex: Extraction) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "suppliedBy")


@pytest.mark.parametrize("sentence, expected", [
    # a genitive list, the user the clause's topic
    ("메타는 Surge나 Mercor의 데이터를 사용하여 새 모델을 훈련.", [("meta", "mercor"), ("meta", "surge-ai")]),
    # a list closed by 등, a second list of data after 와 (one verb for both); a data firm also cited as a
    # source (S&P Global, a firm as SemiAnalysis is) supplies its data like the others
    ("“Claude Financial Services”는 FactSet, S&P, Morningstar 등 외부 시장 데이터와 Box, Snowflake 등 내부 "
     "데이터를 하나의 공간으로 통합.", [("claude-for-financial-services", "factset"),
                                  ("claude-for-financial-services", "morningstar"),
                                  ("claude-for-financial-services", "s-p-global")]),
])
def test_the_organisations_whose_data_is_used_supply_the_user(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert [f for f in supplied(ex) if f[2] == "text:data-source"] == [(*e, "text:data-source") for e in expected]


@pytest.mark.parametrize("sentence", [
    "“Claude Financial Services”는 Box, Snowflake 등 내부 데이터를 통합.",
    "“Claude Financial Services”는 Box, Snowflake 등 사내 데이터를 활용.",
])
def test_platforms_holding_the_users_own_data_are_no_suppliers(text_reader, sentence):
    """"Box, Snowflake 등 내부 데이터": the clients' own data, which the platforms hold — read under a rule of its
    own (a claim below the gate), never as the data-source rule's supply."""
    r, ex = text_reader
    r.read(sentence, LOC, ())
    rules = {f[2] for f in supplied(ex)}
    assert len(supplied(ex)) == 2 and rules == {"text:data-source:own-data"}


@pytest.mark.parametrize("sentence", [
    "메타는 Mercor의 데이터센터를 사용하여 새 모델을 훈련.",  # a data centre, not data
    "메타는 Mercor의 데이터가 부족하다고 밝혔고, 새 모델을 훈련.",  # no verb of use on the data
    "메타는 Mercor의 데이터 품질을 문제 삼음.",  # the data is not used
    "메타와 구글은 Mercor의 데이터를 사용.",  # two users: whose is not said
])
def test_no_supply_without_data_used_by_one_user(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert supplied(ex) == []


def test_the_own_data_of_a_listed_name_is_still_its_supply(text_reader):
    r, ex = text_reader
    r.read("메타는 Surge나 Mercor의 자체 데이터를 사용하여 모델을 훈련.", LOC, ())
    assert supplied(ex) == [("meta", "mercor", "text:data-source"), ("meta", "surge-ai", "text:data-source")]
