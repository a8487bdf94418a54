"""A part of a whole the clause's actor takes, hands on or replaces (petaflop/extract/text_share_object.py):
"G42가 … 그 물량의 80%를 … 제공", "CEO X는 … 기존 직원의 80%를 교체" — the actor's ``share`` of that whole."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.person_firm import settle_firm_figures  # noqa: F401  (the reader settles stand-ins itself)

LOC = Location(10, 10, "VI", "test slide")
RULE = "text:share-object:named"


def _shares(text_reader, sentence: str) -> list[tuple]:
    r, ex = text_reader
    r.read(sentence, LOC, ())
    return _of(ex)


def _of(ex: Extraction) -> list[tuple]:
    return sorted((s.subject, s.value, s.status, s.rule, s.metric) for s in ex.statements if s.kind == "share")


def test_the_marked_actor_of_an_earlier_clause_hands_on_a_part(text_reader):
    got = _shares(text_reader, "G42가 할당량을 보장받고, 그 물량의 80%를 다시 미국 기업에 제공하게 되는 구조.")
    # "…하게 되는 구조": the terms of a deal, a plan; "그" is no word of the whole
    assert got == [("g42", Decimal(80), "planned", RULE, "share of 물량 제공")]


def test_the_recipient_is_not_the_actor(text_reader):
    got = _shares(text_reader, "엔비디아는 중국향 칩 매출의 15%를 미국 정부에 납부해야 함.")
    assert got == [("nvidia", Decimal(15), "actual", RULE, "share of 중국향 칩 매출 납부")]


def test_a_head_of_a_firm_acts_for_the_firm(text_reader):
    got = _shares(text_reader, "IgniteTech CEO 에릭 보건은 2023년부터 약 1년간 기존 직원의 80%를 교체.")
    # a figure among the whole's words ("약 1년간") is left out of it; the head stands for the firm (person_firm.py)
    assert got == [("ignitetech", Decimal(80), "actual", "text:person-for-firm", "share of 기존 직원 교체")]


def test_no_share_without_an_actor_or_a_whole(text_reader):
    # the whole's owner ("엔비디아의 … 물량") is not the one who takes the part; no one else is marked
    assert _shares(text_reader, "이를 위해 엔비디아의 GB200 초기 물량의 약 10%를 단일 고객으로 소화했고.") == []
    # a figure's part ("300억 달러의 10%"): no whole of words
    assert _shares(text_reader, "오라클은 300억 달러의 10%를 확보.") == []
    # a change, not a part ("…의 10%를 줄여"), and a verb of no taking ("…의 20%를 설명")
    assert _shares(text_reader, "오라클은 전력 부하의 10%를 줄여 여력을 확보.") == []
    assert _shares(text_reader, "오라클은 주가의 약 24%를 설명 가능.") == []


def test_no_share_of_equity_nor_of_another_verbs_object(text_reader):
    # a part of a firm's equity is a stake, not this share
    assert _shares(text_reader, "메타는 Scale AI 지분의 49%를 확보.") == []
    # the figure is the object of an earlier verb ("차지하는"), not of "확보"
    assert all(s[3] != RULE for s in _shares(text_reader, "오라클은 시장의 30%를 차지하는 고객을 확보."))
