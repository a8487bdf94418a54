"""Wave 34, task Q3: two dates of events read in prose (synthetic sentences of our own).

* A turn to profit ("… 2027년 말 현금 흐름 흑자전환") is the start of profit: the topic's ``eventDate``
  (rule ``text:start-date``), scoped by what turns, a forecast when still to come, planned when a goal.
* An event held at a date ("GTC를 올해 하반기 … DC에서도 개최하기로 결정"): the event's ``eventDate``
  (rule ``text:event-class-date``), planned when decided or scheduled.
"""

from __future__ import annotations

from petaflop.extract.facts import Location

LOC = Location(10, 10, "III", "test slide")


def _dates(ex, rule: str) -> list[tuple]:
    return sorted((s.subject, s.kind, s.time.text, s.status, s.scope) for s in ex.statements if s.rule == rule)


def test_a_turn_to_profit_dates_the_topic_as_a_forecast(text_reader):
    r, ex = text_reader
    r.read("xAI는 2027년 말 현금 흐름 흑자전환을 할 수 있을 것이라 사료됨.", LOC, ())
    assert _dates(ex, "text:start-date") == [("xai", "eventDate", "2027-Q4", "forecast", "현금 흐름 흑자전환")]


def test_a_sentence_marking_no_topic_turns_the_topic_carried_on(text_reader):
    r, ex = text_reader
    r.read("xAI는 X와 합병하며 사용자 기반을 얻게 됨. 이에 따라 2027년 말 현금 흐름 흑자전환을 할 수 있을 것.", LOC, ())
    assert _dates(ex, "text:start-date") == [("xai", "eventDate", "2027-Q4", "forecast", "현금 흐름 흑자전환")]


def test_a_turn_to_profit_put_off_or_a_start_is_as_before(text_reader):
    r, ex = text_reader
    r.read("xAI는 2027년 흑자 전환이 연기됨.", LOC, ())
    r.read("xAI는 2024년 흑자 전환에 실패.", LOC, ())  # a turn that failed is none
    r.read("Grok 5는 9월부터 훈련 돌입.", LOC, ())
    assert _dates(ex, "text:start-date") == [("grok-5", "eventDate", "2025-09", "actual", "")]


def test_an_event_held_at_a_date_is_dated_planned_when_decided(text_reader):
    r, ex = text_reader
    r.read("엔비디아는 AI 행사인 GTC를 올해 하반기 워싱턴 DC에서도 개최하기로 결정.", LOC, ())
    assert _dates(ex, "text:event-class-date") == [("nvidia-gtc", "eventDate", "2025-H2", "planned", "")]


def test_an_event_held_with_no_place_or_called_off_is_not_dated(text_reader):
    r, ex = text_reader
    r.read("엔비디아는 GTC를 올해 하반기에 개최하기로 결정.", LOC, ())  # no place: not this construction
    r.read("엔비디아는 GTC를 올해 하반기 워싱턴 DC에서 개최하기로 했으나 취소.", LOC, ())
    assert _dates(ex, "text:event-class-date") == []


def test_a_column_of_revenue_opportunities_holds_estimates_not_forecasts():
    from decimal import Decimal

    from petaflop.extract.facts import Extraction, Statement
    from petaflop.extract.status_context import settle_statuses
    from tests.test_table_reader import make_table

    table = make_table(["클러스터별 수익 기회"], ["프로젝트명", "완공 시기", "총 매출 기회 (십억 달러)", "전체 전력 (GW)"],
                       [["알파", "2030년", "$200", "5"]])

    def settled(column: int, kind: str, status: str) -> str:
        loc = Location(101, 101, "IV", "IV. 테스트: 표", table.id, 1, column)
        ex = Extraction(statements=[Statement("alpha", kind, loc, "test", value=Decimal(5), unit="USD", status=status)])
        settle_statuses([table], ex)
        return ex.statements[0].status

    assert settled(3, "amount", "forecast") == "estimate"  # money to be won is reckoned
    assert settled(4, "powerCapacity", "forecast") == "forecast"  # the power column says nothing of the kind


def test_a_mapped_opportunity_never_actual_is_an_estimate_under_its_label():
    from decimal import Decimal

    from petaflop.extract.facts import Extraction, Fact
    from petaflop.extract.status_context import settle_statuses
    from tests.test_table_reader import make_table

    table = make_table(["클러스터별 수익 기회"], ["프로젝트명", "완공 시기", "총 매출 기회 (십억 달러)"],
                       [["알파", "2030년", "$200"]])
    loc = Location(101, 101, "IV", "IV. 테스트: 표", table.id, 1, 3)
    ex = Extraction(facts=[Fact("alpha", "nvidiaRevenueOpportunityUSD", Decimal("2E11"), False, loc, "test",
                                datatype="decimal", qualifiers=("forecast",))])
    settle_statuses([table], ex)
    assert ex.facts[0].qualifiers == ("estimate",)


def test_a_thing_shown_at_a_firms_own_event_is_announced_by_the_firm(text_reader):
    r, ex = text_reader
    r.read("작년 12월 아마존 “AWS re:Invent” 행사에서 공식 발표된 “Rainier” 클러스터.", LOC, ())
    r.read("엔비디아는 “GTC” 행사에서 공개된 “Rainier”를 언급.", LOC, ())  # the firm marked: not this frame
    links = sorted((f.subject, f.predicate, f.obj, f.rule) for f in ex.facts if f.predicate == "announcedBy")
    assert links == [("project-rainier", "announcedBy", "amazon", "text:made-public")]


def test_a_never_actual_propertys_settled_estimate_is_its_statements_status():
    from decimal import Decimal

    from petaflop.extract.facts import Extraction, Fact
    from petaflop.statements import from_value_facts

    loc = Location(101, 101, "IV", "IV. 테스트: 표", "IV-01-1", 1, 3)
    ex = Extraction(facts=[Fact("alpha", "nvidiaRevenueOpportunityUSD", Decimal("2E11"), False, loc, "test",
                                datatype="decimal", qualifiers=("estimate",)),
                           Fact("beta", "nvidiaRevenueOpportunityUSD", Decimal("3E10"), False, loc, "test",
                                datatype="decimal")])
    from_value_facts(ex)
    assert sorted((s.subject, s.status) for s in ex.statements) == [("alpha", "estimate"), ("beta", "forecast")]
