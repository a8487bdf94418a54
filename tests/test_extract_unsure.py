"""Audit 12: what the report itself leaves in doubt is not asserted as it stands. A figure the sentence doubts or
attributes to a rumour it says was denied keeps an ``unsure`` rule (gate.py: never passes); an undenied rumour's
figure is an estimate; a table figure computed on an estimate is one; a home the firm moved away from is former;
a truncated header shared by two columns scopes nothing (shared_labels.py). Sentences and tables of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from foundation.periods import parse_period
from petaflop.extract.facts import EntityRecord, Extraction, Fact, Location, Statement
from petaflop.extract.gate import Gate, RuleRecord, is_unsure, unsure
from petaflop.extract.link_status import settle_link_statuses
from petaflop.extract.prose_status import rumoured
from petaflop.extract.shared_labels import shared_truncated_columns, unsure_shared_columns
from petaflop.extract.status_context import settle_statuses
from tests.test_table_reader import make_table


def test_an_unsure_rule_never_passes_the_gate_whatever_it_measured():
    gate = Gate(rules={"text:x": RuleRecord(10, 10), "text:x:unsure": RuleRecord(10, 10)})
    assert gate.passes("text:x") and not gate.passes("text:x:unsure")
    assert gate.decision("text:x:unsure") == "unsure"
    assert unsure("text:x") == "text:x:unsure" and unsure("text:x:unsure") == "text:x:unsure"
    assert not is_unsure("text:unsurely")


@pytest.mark.parametrize(("line", "raw", "said"), [
    ("- R9가 10월에 출시될 것이라는 커뮤니티 루머에 회사는 곧 정정보도를 냈음.", "R9가 10월에 출시될", "denied"),
    ("- R9가 10월에 나온다는 소문이 돌았으나 회사는 사실무근이라고 밝힘.", "R9가 10월에 나온다는", "denied"),
    ("- R9가 10월에 출시될 것이라는 커뮤니티 루머가 돌았음.", "R9가 10월에 출시될", "rumour"),
    ("- 루머에 따르면 R9는 10월에 출시될 것.", "R9는 10월에 출시될", "rumour"),
    # the rumour is another sentence's; "설계", "설립" are no rumour
    ("- R9는 10월에 출시됨. 다른 루머는 부인.", "R9는 10월에 출시됨", ""),
    ("- R9는 10월에 출시될 것이라는 설계 문서를 공개.", "R9는 10월에 출시될", ""),
])
def test_a_rumour_and_its_denial_are_read_in_the_figures_sentence(line, raw, said):
    assert rumoured(line, raw) == said


def _date(line: str, raw: str, status: str) -> Statement:
    return Statement("r9", "releaseDate", Location(1, 1), "text:event-name-date:releaseDate",
                     time=parse_period("2025-10"), status=status, raw=raw)


def test_a_denied_rumours_date_is_unsure_and_an_undenied_ones_an_estimate():
    denied = "- R9가 10월에 출시될 것이라는 커뮤니티 루머에 회사는 곧 정정보도를 냈음."
    ex = Extraction(statements=[_date(denied, "R9가 10월에 출시될", "forecast")])
    settle_statuses([], ex, [denied])
    assert (ex.statements[0].status, ex.statements[0].rule) == ("estimate", "text:event-name-date:releaseDate:unsure")
    rumour = "- R9가 10월에 출시될 것이라는 커뮤니티 루머가 돌았음."
    ex = Extraction(statements=[_date(rumour, "R9가 10월에 출시될", "forecast")])
    settle_statuses([], ex, [rumour])
    assert (ex.statements[0].status, ex.statements[0].rule) == ("estimate", "text:event-name-date:releaseDate")


@pytest.mark.parametrize(("line", "raw", "doubted"), [
    ("- 라마랩의 시장점유율 데이터(72%)부터 진위가 불분명.", "라마랩의 시장점유율 데이터(72%)부터 진위가", True),
    ("- 라마랩의 시장점유율 72%는 출처가 불분명한 수치.", "라마랩의 시장점유율 72%는 출처가 불분", True),
    ("- 라마랩의 시장점유율 72%는 근거가 부족한 주장.", "라마랩의 시장점유율 72%는 근거가 부족", True),
    ("- 라마랩의 시장점유율 72%는 신뢰성에 의문.", "라마랩의 시장점유율 72%는 신뢰성에 의", True),
    ("- 라마랩의 시장점유율은 72%. 다른 조사의 출처는 불분명.", "라마랩의 시장점유율은 72%. 다른 조", False),
])
def test_a_doubted_figure_is_an_unsure_estimate(line, raw, doubted):
    ex = Extraction(statements=[Statement("llama-lab", "marketShare", Location(1, 1), "text:value:genitive",
                                          value=Decimal(72), unit="%", raw=raw)])
    settle_statuses([], ex, [line])
    st = ex.statements[0]
    assert (st.status, is_unsure(st.rule)) == (("estimate", True) if doubted else ("actual", False))


def test_a_table_figure_computed_on_an_estimate_is_an_estimate():
    table = make_table(["멀티플 비교"], ["항목", "A사", "B사"],
                       [["EV/Sales", "40배 (올해 매출 기준)", "12배 (올해 ARR 추정치 기준)"]])
    ex = Extraction()
    for column, value in ((2, 40), (3, 12)):
        ex.statements.append(Statement("a" if column == 2 else "b", "multiple",
                                       Location(101, 101, "IV", "t", table.id, 1, column), "table-reader:multiple@x",
                                       value=Decimal(value), unit="x", raw=table.rows[0].cells[column - 1].text))
    settle_statuses([table], ex, [""] * 100 + ["EV/Sales\t40배 (올해 매출 기준)\t12배 (올해 ARR 추정치 기준)"])
    assert [st.status for st in ex.statements] == ["actual", "estimate"]


def _home(line: str, raw: str) -> Extraction:
    ex = Extraction(facts=[Fact("acme", "headquarteredIn", "china", True, Location(1, 1), "text:home-country:modifier",
                                raw=raw)])
    ex.entities["china"] = EntityRecord("china", ("Country",), "China", "중국")
    return ex


def test_a_home_the_firm_moved_its_headquarters_from_is_former():
    moved = "- 중국 AI 스타트업 Acme는 최근 중국을 떠나 싱가포르로 본사를 이전."
    ex = _home(moved, "중국 AI 스타트업 Acme")
    settle_link_statuses(ex, [moved])
    assert ex.facts[0].qualifiers == ("former",)
    stays = "- 중국 AI 스타트업 Acme는 최근 싱가포르에 지사를 설립."  # no move of the headquarters
    ex = _home(stays, "중국 AI 스타트업 Acme")
    settle_link_statuses(ex, [stays])
    assert ex.facts[0].qualifiers == ()
    to_home = "- 중국 AI 스타트업 Acme는 싱가포르에서 중국으로 본사를 이전."  # moved to it: still its home
    ex = _home(to_home, "중국 AI 스타트업 Acme")
    settle_link_statuses(ex, [to_home])
    assert ex.facts[0].qualifiers == ()


def test_a_truncated_header_shared_by_two_columns_scopes_nothing():
    table = make_table(["순위표"], ["Name", "so...", "Inter...", "fe...", "Inter...", "Global"],
                       [["Kim", "100", "300", "90", "291", "591"]])
    assert shared_truncated_columns(table) == {3, 5}
    assert shared_truncated_columns(make_table(["랙"], ["ToR 스위치", "ToR 스위치"], [["8개", "8개"]])) == set()
    ex = Extraction(statements=[
        Statement("kim", "benchmarkScore", Location(101, 101, "IV", "t", table.id, 1, column), "table-reader:b@m",
                  value=Decimal(v), scope=label) for column, v, label in ((3, 300, "Inter..."), (6, 591, "Global"))])
    assert unsure_shared_columns([table], ex) == 1
    assert [st.rule for st in ex.statements] == ["table-reader:b@m:unsure", "table-reader:b@m"]
