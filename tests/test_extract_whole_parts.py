"""A part of the figure just stated ("이 중 N개 …", "나머지 N개의 …"): a statement of the whole's subject and
kind, its scope the part's words; shares, parts of another noun and parts larger than the whole make none."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.text_part_counts import RULE, add_part_counts

LOC = Location(3, 3, "V", "test slide")


def _run(line: str, whole: Statement) -> list[tuple]:
    ex = Extraction()
    ex.statements.append(whole)
    add_part_counts(ex, ["", "", line])
    return [(s.subject, s.kind, s.value, s.unit, s.status, s.scope) for s in ex.statements if s.rule == RULE]


def _count(raw: str, value: int = 20) -> Statement:
    return Statement("ganada-pod", "unitCount", LOC, "text:unit-count", value=Decimal(value), unit="count", raw=raw)


def test_a_part_and_the_rest_of_a_count_are_counts_of_the_same_subject():
    line = "가나다 포드는 20개의 서버로 구성. 이 중 학습용 서버 15개에는 8개 칩이 장착. 나머지 5개의 서버는 저장용."
    assert _run(line, _count("가나다 포드는 20개의 서버로 구성")) == [
        ("ganada-pod", "unitCount", Decimal(15), "count", "actual", "학습용 서버"),
        ("ganada-pod", "unitCount", Decimal(5), "count", "actual", "나머지: 저장용"),
    ]


def test_a_part_of_a_sum_keeps_the_wholes_kind_and_status():
    whole = Statement("ganada-cloud", "capex", LOC, "text-money:capex", value=Decimal(300_000_000_000), unit="USD",
                      status="forecast", raw="연간 3천억 달러를 투자할 전망")
    line = "가나다클라우드는 연간 3천억 달러를 투자할 전망. 이 중 2백억 달러가 냉각 설비에 필요."
    assert _run(line, whole) == [
        ("ganada-cloud", "capex", Decimal(20_000_000_000), "USD", "forecast", "냉각 설비")]


def test_shares_other_nouns_and_larger_parts_make_nothing():
    assert _run("가나다 포드는 20개의 서버로 구성. 이 중 90%가 학습용.", _count("가나다 포드는 20개의 서버로 구성")) == []
    assert _run("가나다 포드는 20개의 서버로 구성. 이 중 칩 8개가 신형.", _count("가나다 포드는 20개의 서버로 구성")) == []
    assert _run("가나다 포드는 20개의 서버로 구성. 이 중 서버 30개가 신형.", _count("가나다 포드는 20개의 서버로 구성")) == []
    assert _run("가나다 포드는 20개의 서버로 구성. 학습용 서버 15개.", _count("가나다 포드는 20개의 서버로 구성")) == []
