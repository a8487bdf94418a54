"""A word after a figure that bounds it (ingest/bound_words.py): "상회", "돌파", "밑돌", "를 초과", "가 넘는",
"이내", and after a duration "안에" / "내에" / "내로" / "내", in sentences of our own; a figure the clause goes on past
to another figure, one in parentheses compared against, a date, a place ("랙 안에서") and "돌파구" stay
unbounded; a word of nearing ("에 육박", "가까이", "에 근접") makes the figure approximate."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.quantities import find_quantities
from petaflop.extract.facts import Location

LOC = Location(10, 10, "III", "test slide")


def _bounds(text: str) -> list[tuple]:
    return [(q.raw, q.value, sorted({"lowerBound", "upperBound"} & q.qualifiers)) for q in find_quantities(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("주간 활성 사용자는 4억 명 상회.", [("4억 명", Decimal(400000000), ["lowerBound"])]),
    ("가입자 1.5억명 상회", [("1.5억명", Decimal(150000000), ["lowerBound"])]),
    ("누적 판매량은 200만 대 돌파.", [("200만 대", Decimal(2000000), ["lowerBound"])]),
    ("분기 매출 10억 달러를 돌파하는 기염", [("10억 달러", Decimal(1000000000), ["lowerBound"])]),
    ("점유율은 70%를 초과...", [("70%", Decimal(70), ["lowerBound"])]),
    ("랙당 250kW가 넘는 서버랙", [("250kW", Decimal("0.25"), ["lowerBound"])]),
    ("영업이익이 5,000억 원을 웃도는 수준", [("5,000억 원", Decimal(500000000000), ["lowerBound"])]),
    ("250MW 규모 초과 데이터센터", [("250MW", Decimal(250), ["lowerBound"])]),
    ("매출은 10억 달러를 밑돌 것으로", [("10억 달러", Decimal(1000000000), ["upperBound"])]),
    ("전력 공급까지 약 90일 이내", [("약 90일", Decimal(90), ["upperBound"])]),
    ("한 줄로 5분 안에 설치가 완료", [("5분", Decimal(5), ["upperBound"])]),
    ("대개 2주 내에 공급된다", [("2주", Decimal(2), ["upperBound"])]),
    ("가스터빈은 5분 내 기동이 가능", [("5분", Decimal(5), ["upperBound"])]),
    ("전력 소모량은 330kW를 넘기게 됨", [("330kW", Decimal("0.33"), ["lowerBound"])]),
    ("4-5시간 걸리던 업무를 30분 내로 단축", [("4-5시간", Decimal(4), []), ("30분", Decimal(30), ["upperBound"])]),
])
def test_a_bound_word_after_the_figure_bounds_it(text, expected):
    assert _bounds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the level the clause goes on from ("… 넘어 80~100 GW 수준으로"), a share compared against in parentheses
    ("잔고가 약 60 GW를 넘어 80~100 GW 수준으로 증가", [("약 60 GW", Decimal(60000), []),
                                                 ("80~100 GW", Decimal(80000), [])]),
    ("본토 출신(37%)을 넘어선 상황", [("37%", Decimal(37), [])]),
    ("72 랙 안에서 연결", [("72", Decimal(72), [])]),
    ("3개 랙 안에 모두", [("3개", Decimal(3), [])]),
    ("1,000 차량 내 탑재", [("1,000", Decimal(1000), [])]),
    ("기간\t1년\t내부 평가", [("1년", Decimal(1), [])]),  # the next cell of a row is no bound word
    ("40만 넘어도 우수한 회사", [("40만", Decimal(400000), [])]),
    ("1억 달러 돌파구를 마련", [("1억 달러", Decimal(100000000), [])]),
])
def test_a_figure_the_word_does_not_bound_stays_as_written(text, expected):
    assert _bounds(text) == expected


def test_a_date_passed_is_no_bound():
    (q,) = find_quantities("8월을 넘어 9월까지")[:1]
    assert not {"lowerBound", "upperBound"} & q.qualifiers


@pytest.mark.parametrize(("text", "expected"), [
    ("메타는 월간 활성 사용자 4.5억 명 돌파.", ("meta", Decimal(450000000), "lower")),
    ("TSMC의 점유율은 70%를 초과.", ("tsmc", Decimal(70), "lower")),
    ("팔란티어는 분기 매출 10억 달러를 돌파.", ("palantir", Decimal(1000000000), "lower")),
    ("엔비디아는 5분 안에 설치가 완료.", ("nvidia", Decimal(5), "upper")),
])
def test_the_statement_of_a_bounded_figure_carries_the_bound(text_reader, text, expected):
    r, ex = text_reader
    r.read(text, LOC, ())
    assert [(s.subject, s.value, s.bound) for s in ex.statements] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # a word of nearing after the figure: about the figure, as "거의" before it ("nearly")
    ("가입자는 300만명에 육박.", [("300만명", Decimal(3000000), True)]),
    ("투자액은 1조 달러 가까이 늘어", [("1조 달러", Decimal(1000000000000), True)]),
    ("5GW에 가까운 전력을 확보", [("5GW", Decimal(5000), True)]),
    ("매출이 8억 달러에 근접", [("8억 달러", Decimal(800000000), True)]),
    ("점유율은 30%에 육박하는 수준", [("30%", Decimal(30), True)]),
    # a noun of nearing with no figure before it, a figure that is another word's, a date
    ("그래프는 수직에 가까운 기울기, 30%", [("30%", Decimal(30), False)]),
    ("2030년에 가까운 시점", [("2030년", None, False)]),
])
def test_a_word_of_nearing_after_the_figure_makes_it_approximate(text, expected):
    assert [(q.raw, q.value, "approximate" in q.qualifiers) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ROCm 개발자는 300만명에 육박.", ("rocm", Decimal(3000000), True, "")),
    ("TSMC의 점유율은 60%에 육박.", ("tsmc", Decimal(60), True, "")),
])
def test_the_statement_of_a_figure_neared_is_approximate(text_reader, text, expected):
    r, ex = text_reader
    r.read(text, LOC, ())
    assert [(s.subject, s.value, s.approximate, s.bound) for s in ex.statements] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("대부분의 기간 가동률은 42%보다 더 높음.", [("42%", Decimal(42), ["lowerBound"])]),
    ("연간 매출은 20억 달러보다 많다.", [("20억 달러", Decimal(2000000000), ["lowerBound"])]),
    ("평시 부하율은 60%보다 훨씬 낮음.", [("60%", Decimal(60), ["upperBound"])]),
    # the clause goes on to the figure compared with: neither is a bound
    ("A사 점유율은 B사 30%보다 높은 45%", [("30%", Decimal(30), []), ("45%", Decimal(45), [])]),
    # a figure in parentheses compared against, and a word that only shares the stem, stay unbounded
    ("C사의 비중(25%)보다 높음", [("25%", Decimal(25), [])]),
    ("평균 30%보다 적극적인 투자", [("30%", Decimal(30), [])]),
])
def test_a_figure_a_comparison_measures_against_bounds_what_is_measured(text, expected):
    """"…은 N%보다 더 높음": the thing measured is at least N% (a lower bound); "…보다 낮음": at most N%."""
    assert _bounds(text) == expected
