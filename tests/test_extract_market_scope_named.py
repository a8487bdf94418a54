"""Context of shares, counts and user figures (wave 30, task O): a share of a named market holds in that market
(its scope: the label's "X 시장 점유율", else the caption's, in prose "X 시장점유율"); a count under "미국 내 …"
holds in that place; a user count keeps its whole noun ("월간 활성 사용자"); a member's share of a group keeps
the group ("GB 시리즈 중 비중"). See petaflop/extract/table_market_scope.py."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location
from petaflop.extract.table_market_scope import (
    label_scope,
    market_before,
    market_of,
    prose_market,
    scope_classes,
)
from tests.test_table_reader import make_table

LOC = Location(10, 10, "VII", "test slide")


def _st(ex, kind: str) -> list[tuple]:
    return sorted((s.subject, s.value, s.metric, s.scope) for s in ex.statements if s.kind == kind)


def test_the_market_is_the_noun_phrase_before_its_share():
    assert market_of("중국 AI 인프라 시장 점유율") == "중국 AI 인프라 시장"
    assert market_of("중국 내 클라우드 시장 점유율") == "중국 내 클라우드 시장"
    assert market_of("점유율(2025)", ["", "2025년 기업용 LLM API 시장 점유율 변화"]) == "기업용 LLM API 시장"
    assert market_of("1Q25 점유율", ["가나의 점유율은 70%를 초과"]) == ""  # no market named anywhere
    assert market_of("사용자 숫자 점유율") == ""  # a share of users: a measure, not a market
    for s, market in [("특히 프로그래밍 시장 점유율은 50%", "프로그래밍 시장"), ("관련 시장 점유율도 32%로 1위", "관련 시장"),
                      ("OpenAI의 엔터프라이즈 시장점유율 데이터(72%)", "엔터프라이즈 시장")]:
        assert prose_market(s, s.index("점유율")) == market  # "관련" only points back (market_back names it)
    assert market_before("메타가 AI 시장", 7) == "AI 시장"  # the clause's subject is not the market's name


def test_a_place_opening_a_label_scopes_any_figure():
    assert scope_classes("미국 내 고용 숫자") == ("Place",)
    assert scope_classes("중국 내 클라우드 시장 점유율") == ("Place", "MarketSegment")
    assert label_scope("employeeCount", "미국 내 고용 숫자(24년 5월)") == "미국 내"
    assert label_scope("marketShare", "중국 내 클라우드 시장 점유율") == "중국 내 클라우드 시장"
    assert label_scope("employeeCount", "고용 인원") == ""


def test_a_key_value_tables_share_holds_in_the_market_its_label_names(table_reader):
    r, ex = table_reader
    r.read(make_table(["알리바바 클라우드 주요 지표"], ["구분", "수치"],
                      [["중국 AI 인프라 시장 점유율", "23%"], ["중국 내 클라우드 시장 점유율", "33%"],
                       ["글로벌 클라우드 시장 점유율", "4%"]]))
    assert _st(ex, "marketShare") == [("alibaba-cloud", Decimal(4), "", "글로벌 클라우드 시장"),
                                      ("alibaba-cloud", Decimal(23), "", "중국 AI 인프라 시장"),
                                      ("alibaba-cloud", Decimal(33), "", "중국 내 클라우드 시장")]


def test_a_share_column_takes_the_market_its_title_names(table_reader):
    r, ex = table_reader
    r.titles = {"T-01-1": "2025년 기업용 LLM API 시장 점유율 변화"}
    r.read(make_table(["Anthropic의 점유율이 12%에서 32%로 급증"], ["구분", "점유율(2025)", "세부 내용"],
                      [["경쟁사", "OpenAI 25%, 구글 20%", "급락"]]))
    assert _st(ex, "marketShare") == [("google", Decimal(20), "", "기업용 LLM API 시장"),
                                      ("openai", Decimal(25), "", "기업용 LLM API 시장")]


def test_a_count_under_a_place_header_holds_in_that_place(table_reader):
    r, ex = table_reader
    r.read(make_table(["가장 높은 AI 적용 가능성 점수의 직업"], ["직업 제목 (약어)", "AI의 작업 성공률", "미국 내 고용 숫자(24년 5월)"],
                      [["통역사 및 번역가", "0.88", "51,560"]]))
    got = _st(ex, "employeeCount")
    assert [(v, sc) for _, v, _, sc in got] == [(Decimal(51560), "미국 내")]


def test_a_named_market_in_prose_is_the_shares_scope(text_reader):
    r, ex = text_reader
    r.read("xAI의 프로그래밍 시장 점유율은 50%로 압도적.", LOC, ())
    assert _st(ex, "marketShare") == [("xai", Decimal(50), "", "프로그래밍 시장")]


def test_a_user_count_keeps_its_whole_noun(text_reader):
    r, ex = text_reader
    r.read("Gemini는 월간 활성 사용자 4.5억 명 돌파.", LOC, ())
    r.read("OpenAI의 유료 비즈니스 사용자 숫자는 500만 명.", LOC, ())
    r.read("ChatGPT는 출시 2개월 만에 사용자 1억 명 돌파.", LOC, ())
    got = {(s.value, s.metric) for s in ex.statements if s.kind == "userCount"}
    assert got == {(Decimal(450000000), "월간 활성 사용자"), (Decimal(5000000), "유료 비즈니스 사용자"),
                   (Decimal(100000000), "사용자")}


def test_a_members_share_of_a_group_keeps_the_group(table_reader):
    r, ex = table_reader
    r.read(make_table(["GB200/GB300 NVL72의 ODM 출하량 전망"], ["", "Q1'25E", "Q2'25E", "Q3'25E"],
                      [["폭스콘", "175", "3,000", "6,000"], ["관타", "140", "1,300", "3,400"],
                       ["GB 시리즈 중 GB300 비중", "-", "10%", "20%"]]))
    got = [(s.subject, s.value, s.metric) for s in ex.statements if s.kind == "share"]
    assert got == [("nvidia-gb300", Decimal(10), "GB 시리즈 중 비중"), ("nvidia-gb300", Decimal(20), "GB 시리즈 중 비중")]


def test_equal_shares_under_two_labels_keep_their_labels(table_reader):
    r, ex = table_reader
    r.read(make_table(["주요 챗봇 앱들의 사용량 통계"], ["회사", "사용자 숫자 점유율", "사용자 쿼리 점유율"],
                      [["ChatGPT", "49%", "71%"], ["DeepSeek", "3%", "3%"]]))
    got = [(s.value, s.metric) for s in ex.statements if s.kind == "marketShare" and s.subject == "deepseek"]
    assert got == [(Decimal(3), "사용자 숫자 점유율"), (Decimal(3), "사용자 쿼리 점유율")]
