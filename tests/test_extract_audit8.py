"""Audit 8 fixes: a link the sentence only says may be ("…로부터 데이터를 받을 수 있기 때문") is an estimate, a
count that opens a larger build ("11만 개의 GB200을 시작으로") is scoped to that first batch, and a carried
topic's share of a market only pointed back to ("관련 시장 점유율도 32%") carries the market the sentence before
names, else is not stated. Sentences are our own (in the report's style)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.link_status import link_status_after
from petaflop.extract.table_market_scope import BACK, market_back, prose_market
from petaflop.extract.text_value_guards import FIRST_BATCH, stage_scope

LOC = Location(10, 10, "VI", "test slide")


@pytest.mark.parametrize(("line", "raw", "status"), [
    ("X(…), 스페이스X(…)로부터 고품질 데이터를 수월 받을 수 있기 때문.", "스페이스X(…)로부터 고품질 데이터를 수월 받", "estimate"),
    ("A는 B로부터 칩을 조달 가능.", "B로부터 칩을 조달", "estimate"),
    ("A는 B로부터 칩을 공급받기 용이.", "B로부터 칩을 공급받", "estimate"),
    ("A는 B로부터 칩을 공급받는 중.", "B로부터 칩을 공급받", ""),  # what is: actual
    ("A는 B로부터 칩 조달이 불가능.", "B로부터 칩 조달", ""),  # no possibility
])
def test_a_link_that_may_be_is_an_estimate(line, raw, status):
    assert link_status_after(line, raw) == status


def test_a_count_that_opens_a_larger_build_is_its_first_batch():
    s = "건설 중인 C 2단계. 11만 개의 GB200을 시작으로 해서, 이후 55만 개"
    assert stage_scope(s, s.index("11만"), s.index("11만") + 4) == FIRST_BATCH
    assert stage_scope(s, s.index("55만"), s.index("55만") + 4) == ""
    s = "1차 배치 5만 개 도입 완료"
    assert stage_scope(s, s.index("5만"), s.index("5만") + 2) == FIRST_BATCH
    assert stage_scope("초기 투자 10억 달러", 6, 9) == ""  # no batch of a build
    assert stage_scope("1단계: 18,000 GPU", 5, 11) == "1단계"  # a stage label still wins


def test_a_market_pointed_back_to_is_the_one_the_sentence_before_names():
    s = "관련 시장 점유율도 32%로 1위"
    assert prose_market(s, s.index("점유율")) == BACK
    assert market_back("엔터프라이즈 채택(고객 수 30만 곳)이 급증했기 때문") == "엔터프라이즈 시장"
    assert market_back("기업용 LLM API 시장에서 급성장") == "기업용 LLM API 시장"
    assert market_back("매출이 급증했기 때문") == ""


def _of(ex: Extraction, kind: str) -> list[Statement]:
    return [s for s in ex.statements if s.kind == kind]


def test_a_carried_topics_share_of_a_market_pointed_back_to(text_reader):
    r, ex = text_reader
    r.read("Anthropic는 B2B 중심의 회사. 엔터프라이즈 채택이 급증. 관련 시장 점유율도 32%로 1위.", LOC, ())
    assert [(s.subject, s.value, s.scope) for s in _of(ex, "marketShare")] == [
        ("anthropic", Decimal(32), "엔터프라이즈 시장")]


def test_a_share_of_a_market_no_sentence_before_names_is_marked_unknown(text_reader):
    from petaflop.extract.text_venue import UNKNOWN  # the pipeline drops statements so scoped
    r, ex = text_reader
    r.read("Anthropic는 B2B 중심의 회사. 매출이 급증. 관련 시장 점유율도 32%로 1위.", LOC, ())
    assert [(s.subject, s.scope) for s in _of(ex, "marketShare")] == [("anthropic", UNKNOWN)]


@pytest.mark.parametrize(("line", "raw"), [
    ("OpenAI CEO 샘 알트만은 토큰당 비용이 낮아진다고", "OpenAI CEO 샘 알트만은 토큰당 비"),  # a span cut in a word
    ("A는 B와 대등하거나 경쟁 가능한 수준", "A는 B와 대등하거나"),  # another verb's possibility
])
def test_a_possibility_must_follow_the_links_own_verb(line, raw):
    assert link_status_after(line, raw) == ""


def test_a_market_pointed_back_to_skips_what_a_note_names():
    assert market_back("엔터프라이즈 채택(고객 30만 곳, 계약 고객 8배 증가)이 급증") == "엔터프라이즈 시장"


def test_a_facilitys_size_in_a_block_of_one_being_built_is_planned():
    from petaflop.extract.prose_status import in_the_making
    lines = ["", "- P는 A를 위한 GW급 AI 인프라 구축 이니셔티브의 코드명.",
             "- A 전용으로 1.3GW 이상의 데이터센터 캠퍼스들을 건설 중.",
             "- P의 심장은 100만 개에 달하는 자체 가속기로 구성된 거대 클러스터.",
             "", "- 현재 23만 개의 GPU로 구성된 C 1단계 운영 중.",
             "- 차세대 동력은 건설 중인 C 2단계. 55만 개의 GB200을 목표."]
    assert in_the_making(lines, 4, "P의 심장은 100만 개에 달하는 자")
    assert in_the_making(lines, 3, "A 전용으로 1.3GW 이상의 데이터센터")  # an earlier bullet names the build
    assert not in_the_making(lines, 6, "현재 23만 개의 GPU로 구성된")  # what runs now; no build in its block
    assert in_the_making(lines, 7, "55만 개의 GB200을 목표")  # the sentence before says it is being built
    assert not in_the_making(["- X를 100만 개 규모로 건설 중."], 1, "X를 100만 개 규모로 건설")  # its own words say it
