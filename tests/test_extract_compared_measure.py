"""What a multiple or a change measures goes into its metric before the base ("추론 처리량 higher vs ROCm 6"):
the words between the base marker and the figure, the noun right after the figure, or the noun marked before
it (petaflop/extract/compared_measure.py). Sentences of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.compared_measure import compared_measure
from petaflop.extract.facts import Location

LOC = Location(10, 10, "VI", "test slide")


def _metrics(ex, kinds=("multiple", "growthRate", "relativeDifference", "share")) -> list[tuple]:
    return [(s.subject, s.value, s.metric) for s in ex.statements if s.kind in kinds]


@pytest.mark.parametrize(("sentence", "expected"), [
    # between the marker and the figure
    ("ROCm 7은 ROCm 6 대비 추론 처리량 성능 3.5배 향상.", ("rocm", Decimal("3.5"), "추론 처리량 성능 higher vs ROCm 6")),
    ("Cambricon은 전년 대비 매출이 43배 증가.", ("cambricon", Decimal(43), "매출 higher vs prior year")),
    # right after the figure
    ("Grok 3는 Grok 2와 비교해 10배의 컴퓨팅 자원을 학습에 씀.", ("grok-3", Decimal(10), "컴퓨팅 자원 vs Grok-2")),
    ("테슬라는 웨이모보다 900배 더 많은 주행 데이터를 수집.", ("tesla", Decimal(900), "주행 데이터 higher vs Waymo")),
    ("Ironwood는 TPU v2 대비 30배의 에너지 효율 개선을 달성.", ("google-tpu-v7-ironwood", Decimal(30),
                                                     "에너지 효율 vs Google TPU v2")),
    # the subject's own noun before the figure (its owner's name left out)
    ("B200과 비교했을 때는 910C의 계산 성능이 약 3배 낮음.", ("huawei-ascend-910c", Decimal(3),
                                                "계산 성능 lower vs NVIDIA B200")),
    ("GB200의 초기 TCO는 H100 대비 1.6배 높음.", ("nvidia-gb200", Decimal("1.6"), "초기 TCO higher vs NVIDIA H100")),
    ("팔란티어의 정부 매출은 전년 대비 53% 성장.", ("palantir", Decimal(53), "정부 매출 higher vs prior year")),
])
def test_the_metric_of_a_comparison_names_what_it_measures(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert _metrics(ex) == [expected]


@pytest.mark.parametrize(("sentence", "metric"), [
    ("GB300이 H100보다 6.5배 빠르다.", "higher vs NVIDIA H100"),  # an adjective after the figure measures nothing
    ("GB300은 H100 대비 2배 높아 초기 부담이 큼.", "higher vs NVIDIA H100"),  # nor a predicate and its clause
])
def test_without_a_measure_the_metric_stays_the_base(text_reader, sentence, metric):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert [m for *_, m in _metrics(ex)] == [metric]


def test_the_multiple_of_a_pair_names_the_measure_before_it(text_reader):
    r, ex = text_reader
    r.read("SMIC는 2년 만에 직원 수 2,000명에서 6,000명으로 3배 증가.", LOC, ())
    assert _metrics(ex, ("multiple",)) == [("smic", Decimal(3), "직원 수 higher vs earlier value")]


def test_an_unbased_change_names_the_bare_noun_before_it(text_reader):
    r, ex = text_reader
    r.read("구글 클라우드는 운영이익 141% 증가한 28억 달러 달성.", LOC, ())
    assert [(s.subject, s.value, s.metric) for s in ex.statements if s.kind == "growthRate"] == [
        ("google-cloud", Decimal(141), "운영이익")]


@pytest.mark.parametrize(("sentence", "figure", "names", "measure"), [
    ("유료 서비스가 본격화된 지 1년 만에 55배 이상 증가", "55배", [], ""),  # another verb's subject
    ("알트만 CEO는 장기적으로는 현재의 100배인 1억 개로 확대", "100배", ["알트만"], ""),  # a role, an adverb
    ("o1 대비 o3는 10배 이상의 자원을 강화학습에 쏟음", "10배", ["o1", "o3"], "자원"),  # a name is no measure
    ("MI300은 엔비디아 대비 80%의 가격이었던 것", "80%", ["MI300", "엔비디아"], "가격"),
    ("이는 와트당 연산 효율(FLOPs/Watt)이 엔비디아 대비 2.6배나 떨어짐", "2.6배", ["엔비디아"], "와트당 연산 효율"),
    ("이후에는 3~4배의 성장 시나리오가 가능", "3~4배", [], ""),  # a change word is no measure
])
def test_compared_measure_on_its_own(sentence, figure, names, measure):
    q0 = sentence.index(figure)
    spans = [(sentence.index(n), sentence.index(n) + len(n)) for n in names]
    assert compared_measure(sentence, q0, q0 + len(figure), 0, spans) == measure


@pytest.mark.parametrize(("sentence", "figure", "measure"), [
    ("엔비디아는 전력 효율 3.5배, 복원력 10배 개선을 제시", "10배", "복원력"),  # bare words right before it
    ("3.6배 이상의 총 메모리 용량 과 2.1배 더 넓은 대역폭", "3.6배", "총 메모리 용량"),  # the particle apart
    ("차량 한 대당 가치가 현재보다 5배 이상 상승", "5배", "대당 가치"),  # "현재보다": the base, no predicate
    ("시스템의 총 자본 비용은 B200 대비 거의 절반인 45% 저렴", "45%", "총 자본 비용"),
    ("올해 매출 전망이 20억 달러에서 5억 달러로 75% 급감", "75%", "매출 전망"),
    ("2년 만에 직원 수 1,200명 이상으로 100배 증가", "100배", ""),  # the measure of another figure
])
def test_compared_measure_before_the_figure(sentence, figure, measure):
    q0 = sentence.index(figure)
    assert compared_measure(sentence, q0, q0 + len(figure), 0, []) == measure
