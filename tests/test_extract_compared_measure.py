"""What a multiple or a change measures goes into its metric before the base ("추론 처리량 higher vs ROCm 6"):
the words between the base marker and the figure, the noun right after the figure, or the noun marked before
it (petaflop/extract/compared_measure.py). Sentences of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.compared_measure import compared_measure, figure_measure
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


@pytest.mark.parametrize(("sentence", "expected"), [
    # the value the change reached
    ("xAI는 2년 만에 직원 수 1,200명 이상으로 100배 증가.", ("xai", Decimal(100), "직원 수 higher vs earlier value")),
    # the basis opening the sentence
    ("‘GPU 하나당 초당 토큰’ 기준, GB300이 H100보다 6배 빠르다.",
     ("nvidia-gb300", Decimal(6), "GPU 하나당 초당 토큰 기준 higher vs NVIDIA H100")),
    # the measure after the figure coordinated with it
    ("테슬라는 웨이모보다 하루에 40배, 전체 기준으로는 900배 더 많은 주행 데이터를 수집.",
     ("tesla", Decimal(40), "주행 데이터 vs Waymo")),
    # the figure of the clause "이는" points back to
    ("팔란티어는 처음으로 분기 매출 10억 달러를 돌파, 이는 전년 대비 48% 급증한 성장세.",
     ("palantir", Decimal(48), "분기 매출 higher vs prior year")),
])
def test_a_change_of_another_figure_names_that_figures_measure(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert expected in _metrics(ex)


def test_figure_measure_of_an_aside():
    from petaflop.extract.values import find_quantities
    s = "NVLink는 3.6TB/s 양방향 대역폭 (2배 향상)"
    qs = find_quantities(s)
    at = s.index("2배")
    assert figure_measure(s, at, 0, [], qs) == "양방향 대역폭"
    s = "아마존: 1,185억 달러 (전년 대비 40% 증가)"  # the aside of an amount measures nothing named
    assert figure_measure(s, s.index("40%"), 0, [], find_quantities(s)) == ""
    s = "H100 약 10만대로 훈련(Grok-2 대비 15배)"  # what was done, not a measure
    assert figure_measure(s, s.index("15배"), 0, [], find_quantities(s)) == ""


def test_coordinated_figures_share_a_measure_only_across_an_adverbial():
    from petaflop.extract.compared_measure import shared_after
    from petaflop.extract.values import find_quantities
    s = "A는 B보다 매출 3배, 이익은 5배 더 많은 현금을 보유"  # "이익은": the first figure's own clause ends
    assert shared_after(s, s.index("3배") + 2, [], find_quantities(s)) == ""


def test_a_basis_opening_the_sentence_needs_its_comma():
    from petaflop.extract.compared_measure import lead_basis
    s = "시험 점수 기준 유사 성능의 A보다 3배 저렴"  # the basis of "유사 성능", not of the price
    assert lead_basis(s, s.index("3배")) == ""
    s = "ARC-AGI v2(고난도) 시험 기준, A는 B 대비 약 2배 성능."
    assert lead_basis(s, s.index("2배")) == "ARC-AGI v2 시험 기준"
