"""Context of figures an analyst could not read: the event a span of time is of (span_events.py), what
money raised is (text_money.py), and the year of a capex guidance said without one (status_context.py).
Sentences are our own, in the report's style."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.gate import is_unsure
from petaflop.extract.span_events import name_span_events, span_event
from petaflop.extract.status_context import settle_statuses

LOC = Location(10, 10, "IV", "test slide")


@pytest.mark.parametrize(("before", "frame", "after", "event"), [
    ("가나다봇은 출시 ", "time taken", " 사용자 1억 명 돌파", "출시"),  # right before the span
    ("신규 발전소 중 건설 기간이 가장 짧은 곳조차 최소 ", "time taken", "", "건설"),  # the noun it is the length of
    ("A사는 10억 달러에서 20억 달러로 성장하는 데 '", "time taken", "", "성장"),  # what it takes to do
    ("전력 공급까지 '", "time taken", " 이라는 계약", "전력 공급"),  # the event it runs up to
    ("원래 하반기 출시 예정인 칩을 최소 ", "delay", "", "출시"),  # the event put off
    ("코딩 에이전트를 ", "time taken", " 완성", "완성"),  # the action after it
    ("", "time taken", " GPU가 10만 개에서 20만 개로 확장", "확장"),  # not "로" + noun
    ("모델은 최대 ", "period", " 인간의 개입 없이 임무 수행 가능", "임무 수행"),  # with its bare object noun
    ("가나다의 ", "period", "의 총 소유 비용(TCO)은 25억 달러로 추정", "총 소유 비용"),  # what it is the period of
    ("같은 밸류에이션에 ", "time taken", "", ""),  # no event named: the frame alone
    ("2시간 걸리던 검토 업무를 ", "time taken", "로 단축", "검토"),  # none after it: the action before it
])
def test_the_event_of_a_span_is_the_action_noun_its_clause_names(before, frame, after, event):
    assert span_event(before, frame, after) == event


def _duration(metric: str, raw: str, line: int = 1) -> Statement:
    return Statement("acme", "duration", Location(line, line, "IV", "t"), "text:duration-took:clause-topic",
                     value=Decimal(2), unit="year", metric=metric, raw=raw)


def test_a_framed_duration_takes_the_event_and_other_metrics_stay():
    lines = ["- 가나다 발전소는 착공 후 2년 만에 준공. 나머지는 2년 동안 유지.", "다른 줄"]
    ex = Extraction(statements=[_duration("time taken", "가나다 발전소는 착공 후 2년 만에 준공."),
                                _duration("리드타임", "가나다 발전소는 착공 후 2년 만에 준공."),
                                _duration("time taken", "없는 문장 2년 만에")])
    assert name_span_events(ex, lines) == 1
    assert [s.metric for s in ex.statements] == ["time taken: 착공", "리드타임", "time taken"]
    assert [is_unsure(s.rule) for s in ex.statements] == [False, False, True]  # taken by nothing named: a claim


def test_a_time_taken_at_the_end_of_its_clause_is_of_the_last_action_before_it():
    line = "- 가나다 칩은 패키지를 내려받고 복잡한 설정을 거쳐야 해 최소 2년 소요. 반면 라마바는 빠름."
    ex = Extraction(statements=[_duration("time taken", "복잡한 설정을 거쳐야 해 최소 2년 소요")])
    assert name_span_events(ex, [line]) == 1
    assert (ex.statements[0].metric, is_unsure(ex.statements[0].rule)) == ("time taken: 설정", False)
    ex = Extraction(statements=[_duration("time taken", "같은 밸류에이션에 도달하는 데 2년 소요")])
    name_span_events(ex, ["- 가나다는 같은 밸류에이션에 도달하는 데 2년 소요."])
    assert (ex.statements[0].metric, is_unsure(ex.statements[0].rule)) == ("time taken", True)


def test_a_time_taken_spent_on_a_noun_with_e_is_of_that_noun():
    # "X에 N년 소요": what the span was spent on, right before it — a time word there ("올해에") is none
    line = "- 가나다는 상장에 7년 소요. 라마바는 3년."
    ex = Extraction(statements=[_duration("time taken", "가나다는 상장에 7년 소요")])
    assert name_span_events(ex, [line]) == 1
    assert (ex.statements[0].metric, is_unsure(ex.statements[0].rule)) == ("time taken: 상장", False)
    # "같은 기업가치에": the same as which figure? the noun alone does not say (an audit of wave 38): a claim
    ex = Extraction(statements=[_duration("time taken", "가나다는 같은 기업가치에 7년 소요")])
    assert name_span_events(ex, ["- 가나다는 같은 기업가치에 7년 소요."]) == 0
    assert is_unsure(ex.statements[0].rule)
    ex = Extraction(statements=[_duration("time taken", "가나다는 올해에 7년 소요")])
    assert name_span_events(ex, ["- 가나다는 올해에 7년 소요."]) == 0
    assert is_unsure(ex.statements[0].rule)


def test_money_a_firm_raises_says_how_it_was_raised(text_reader):
    r, ex = text_reader
    r.read("Moonshot AI는 2023년 텐센트로부터의 투자를 포함, 총 20억 달러 유치.", LOC, ())
    r.read("xAI는 30억 달러를 대출받고 추가로 90억 달러 구조화 부채 조달을 추진 중.", LOC, ())
    assert sorted((s.subject, s.value, s.metric) for s in ex.statements if s.rule == "text-money:raised") == [
        ("moonshot-ai", Decimal(2000000000), "자금 유치"), ("xai", Decimal(3000000000), "대출"),
        ("xai", Decimal(9000000000), "구조화 부채 조달")]


def _capex(raw: str, per: str = "", line: int = 1) -> Statement:
    return Statement("acme", "capex", Location(line, line, "IV", "t"), "text-money:capex", value=Decimal(80),
                     unit="USD", status="forecast", per=per, raw=raw)


def test_a_capex_guidance_without_a_year_is_of_the_reports_year():
    lines = [" - 가나다: 800억 달러 (기존 750억에서 상향 조정)", " - 라마바: 900억 달러 ('26년 가이던스)",
             " - 사아자: 분기별 300억 달러 수준 유지"]
    ex = Extraction(statements=[_capex("가나다: 800억 달러"), _capex("라마바: 900억 달러", line=2),
                                _capex("분기별 300억 달러", per="quarter", line=3)])
    settle_statuses([], ex, lines)
    assert [(s.time.text if s.time else "", s.status) for s in ex.statements] == [
        ("2025", "forecast"), ("", "forecast"), ("", "forecast")]  # a line naming a year, a quarterly level: none



@pytest.mark.parametrize(("label", "period"), [
    ("ARR (8월 발표치 기준)", "2025-08"),  # a month of the report's year, as of which the row's figure holds
    ("기업 가치 (9월 3일 종가 기준)", "2025-09-03"),
    ("고용 숫자(24년 5월)", "2024-05"),  # a year and month, as before
    ("매출 (12월 기준)", ""),  # a month not begun by the report's date: no time said
    ("매출 (8월)", ""),  # a bare month without "기준": no note of an as-of date
])
def test_a_labels_closing_as_of_month_dates_its_figure(label, period):
    from petaflop.extract.cell_text import header_period
    when = header_period(label)
    assert (when.text if when else "") == period


def test_a_line_with_two_spans_names_the_one_of_its_figure():
    line = "- 6시간 소요되던 검토 업무를 20분 내로 단축."
    ex = Extraction(statements=[Statement("acme", "duration", Location(1, 1, "IV", "t"), "text:duration-took:clause-topic",
                                          value=Decimal(20), unit="minute", metric="time taken", raw=line[2:])])
    assert name_span_events(ex, [line]) == 1
    assert ex.statements[0].metric == "time taken: 검토"


@pytest.mark.parametrize(("after", "event"), [
    (" 가동해왔던 자체 서버 설비는 비용 문제로 폐기", "가동 — 자체 서버 설비"),  # the noun the relative clause modifies
    (" 유지해 온 가격 정책을 바꿈", "유지 — 가격 정책"),
    (" 유지해왔던 것을 포기", None),  # a noun that names nothing: a claim
    (" 유지 후 폐기", "유지"),  # no relative clause: the action alone
])
def test_a_period_of_an_action_in_a_relative_clause_names_the_noun_it_modifies(after, event):
    # audit 25 (B) n=34: "N년간 유지해왔던 <설계>는 폐기" is the span the design was kept, said of the design
    assert span_event("가나다는 속도를 택함. ", "period", after) == event


def test_a_period_whose_relative_clause_head_is_not_read_is_a_claim():
    line = "- 가나다는 전략을 바꿈. 7년간 유지해왔던 것을 버림."
    ex = Extraction(statements=[Statement("acme", "duration", Location(1, 1, "IV", "t"),
                                          "text:duration-took:previous-sentence-topic", value=Decimal(7), unit="year",
                                          metric="period", raw="7년간 유지해왔던 것을")])
    name_span_events(ex, [line])
    assert (ex.statements[0].metric, is_unsure(ex.statements[0].rule)) == ("period", True)


def _named(line: str, raw: str) -> Statement:
    """The duration written ``raw`` on ``line`` once its span's event is named."""
    ex = Extraction(statements=[_duration("time taken", raw)])
    name_span_events(ex, [line])
    return ex.statements[0]


def test_n_years_until_an_event_that_comes_again_with_no_start_named_is_the_span_since_the_last_one():
    # "“2년 만에” … 모델 출시": the first release in two years — not two years to release
    st = _named("- 한편, 가나다는 “2년 만에” 매우 저렴한 오픈 모델 출시. 다만 핵심 기능은 빠짐.", "“2년 만에” 매우 저렴한 오픈 모델 출시")
    assert (st.metric, is_unsure(st.rule)) == ("time since the previous: 모델 출시", False)
    # an event up to which the span runs, named before it, is still the time taken ("… 출시까지 7주 만에 완성")
    st = _named("- 가나다는 코딩 도구를 아이디어에서 제품 출시까지 7주 만에 완성. 다음 문장.", "아이디어에서 제품 출시까지 7주 만에 완성.")
    assert st.metric.startswith("time taken: ")
    # a start named right before the span settles it: the time since the launch
    st = _named("- 가나다봇은 출시 2년 만에 흑자. 다음 문장.", "가나다봇은 출시 2년 만에 흑자.")
    assert (st.metric, is_unsure(st.rule)) == ("time taken: 출시", False)
    # a completion is time taken whatever comes before: "2년 만에 완공"
    st = _named("- 가나다 발전소는 2년 만에 완공. 다음 문장.", "가나다 발전소는 2년 만에 완공.")
    assert (st.metric, is_unsure(st.rule)) == ("time taken: 완공", False)
