"""Figures an audit of the report graph found wrong or misleading, fixed by their construction: a count of people
hired (고용 from a firm) is no headcount; a span counted from a named product's launch is not the previous
sentence's topic's; a GPU count written with its chip model keeps the model and is never the holder's total; a base
score compared with a scored test is on that test; a compute figure keeps the number format written after it.
Sentences are our own, in the report's style."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.quantities import Quantity, find_quantities
from petaflop.extract.claims import ClaimMiner, load_promotions
from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.resolve import Resolver
from petaflop.extract.text_value_guards import hired_scope
from petaflop.statements import from_value_facts, merge, rank

LOC = Location(10, 10, "IV", "test slide")


def _q(s: str, raw: str) -> Quantity:
    return next(q for q in find_quantities(s) if q.raw == raw)


# --------------------------------------------------------------------------- hires and layoffs


@pytest.mark.parametrize(("s", "raw", "scope"), [
    ("마이크로소프트는 구글에서 24명의 연구원을 고용.", "24명", "24명의 연구원을 고용"),  # taken from a firm
    ("메타는 연구원 3명 영입.", "3명", "3명 영입"),
    ("핵심 인력을 제외한 80명의 직원들을 모두 해고.", "80명", "80명의 직원들을 모두 해고"),  # let go
    ("이 회사는 직원 3,000명을 고용하고 있음.", "3,000명", ""),  # employs: a headcount
    ("이 회사는 3,000명을 고용.", "3,000명", ""),  # no firm they came from: may be a headcount
])
def test_a_count_of_people_hired_or_let_go_is_scoped_as_such(s, raw, scope):
    assert hired_scope(s, _q(s, raw)) == scope


def test_staff_hired_from_a_firm_are_not_the_hirers_headcount(text_reader):
    r, ex = text_reader
    r.read("마이크로소프트는 구글 딥마인드에서 24명의 시니어급 연구원을 고용.", LOC, ())
    assert [(s.subject, s.kind, s.value, s.metric, s.scope) for s in ex.statements
            if s.kind in ("employeeCount", "quantity")] == [
        ("microsoft", "quantity", Decimal(24), "hires", "24명의 시니어급 연구원을 고용")]  # a count of hires


# --------------------------------------------------------------------------- a span of a named thing's event


def _durations(ex):
    return sorted((s.subject, s.value, s.unit, s.rule) for s in ex.statements if s.kind == "duration")


def test_a_span_from_a_named_products_launch_is_the_products_not_the_previous_topics(text_reader):
    r, ex = text_reader
    r.read("Anthropic는 B2B 회사. 특히 제품인 “Claude Code” 출시 3개월 만에 ARR 5억 달러 달성.", LOC, ())
    assert _durations(ex) == [("claude-code", Decimal(3), "month", "text:duration-within")]


def test_a_span_naming_no_thing_of_its_own_is_still_the_topics(text_reader):
    r, ex = text_reader
    r.read("Anthropic는 B2B 회사. 특히 3개월 만에 ARR 5억 달러 달성.", LOC, ())
    assert _durations(ex) == [("anthropic", Decimal(3), "month", "text:duration-took:previous-sentence-topic")]


# --------------------------------------------------------------------------- a GPU count of one chip model


@pytest.fixture()
def miner(gaz):
    ex = Extraction()
    return ClaimMiner(Resolver(gaz, ex), load_promotions()), ex


def _counts(ex):
    return sorted((s.subject, s.kind, s.value, s.item, s.rule) for s in ex.statements if s.kind in ("gpuCount", "chipCount"))


def test_a_gpu_count_written_with_its_chip_model_keeps_the_model_as_item(miner):
    m, ex = miner
    m.mine("xAI는 20만개의 H100과 3만개의 GB200을 가동 중.", LOC, "", (), "claim")
    m.mine("xAI는 3분기 내 55만개의 GB200/GB300이 추가 투입될 예정.", LOC, "", (), "claim")
    m.mine("xAI는 GPU 자원(약 200만개의 A100과 동일)을 가동.", LOC, "", (), "claim")
    m.mine("메타는 40만 개 이상 GPU를 운영 중.", LOC, "", (), "claim")
    from_value_facts(ex)
    assert _counts(ex) == [
        ("meta", "gpuCount", Decimal(400_000), "", "claim:org-gpus:marked"),  # no model: the total
        ("xai", "gpuCount", Decimal(30_000), "nvidia-gb200", "claim:org-gpus:marked"),
        ("xai", "gpuCount", Decimal(200_000), "nvidia-h100", "claim:org-gpus:marked"),
        ("xai", "gpuCount", Decimal(550_000), "", "claim:org-gpus:marked"),  # two models together: no one item
        ("xai", "gpuCount", Decimal(2_000_000), "", "claim:org-gpus:marked:equivalent"),  # a yardstick
    ]


def test_a_chip_count_of_one_model_among_others_is_never_the_holders_total():
    def st(value, item=""):
        return Statement("xai", "gpuCount", LOC, "r", value=Decimal(value), unit="count", item=item)

    merged = merge([st(200_000, "nvidia-h100"), st(30_000, "nvidia-gb200")])
    rank(merged)
    assert [m.rank for m in merged] == ["normal", "normal"] and not [t for m in merged for t in m.truthy]
    merged = merge([st(230_000), st(200_000, "nvidia-h100")])
    rank(merged)
    assert {(m.statement.value, m.rank) for m in merged} == {(Decimal(230_000), "preferred"),
                                                             (Decimal(200_000), "normal")}
    merged = merge([st(100_000, "nvidia-h100")])  # one model's count alone: all the subject's chips
    rank(merged)
    assert [m.rank for m in merged] == ["preferred"]


# --------------------------------------------------------------------------- a base score, a number format


def test_a_base_score_compared_with_a_scored_test_is_on_that_test(text_reader):
    r, ex = text_reader
    r.read("o3 모델은 박사 수준 벤치마크(GPQA)에서 87% 성능 기록. 18개월 전 GPT-4의 24% 대비 급성장.", LOC, ())
    assert sorted((s.subject, s.value, s.scope) for s in ex.statements if s.kind == "benchmarkScore") == [
        ("gpt-4", Decimal(24), "GPQA"), ("openai-o3", Decimal(87), "GPQA")]


@pytest.mark.parametrize(("s", "raw", "precision"), [
    ("Trainium2 칩 (1.3 PFLOPS FP8, 96GB HBM)", "1.3 PFLOPS FP8", "FP8"),
    ("8 TFLOPS FP32 • 두 개의 SoC", "8 TFLOPS FP32", "FP32"),
    ("177 TFLOPS FP16/BF16 성능", "177 TFLOPS FP16/BF16", "FP16/BF16"),
    ("1.3 PFLOPS(FP8)", "1.3 PFLOPS(FP8)", "FP8"),
    ("1.3 PFLOPS FP8x 모드", "1.3 PFLOPS", ""),  # a longer name: not a format
    ("96GB FP8 메모리", "96GB", ""),  # a format is a compute figure's only
])
def test_a_number_format_written_after_a_compute_figure_is_its_precision(s, raw, precision):
    assert _q(s, raw).precision == precision


def test_a_chips_compute_figure_keeps_the_format_in_its_parentheses(text_reader):
    r, ex = text_reader
    r.read("Trainium2 칩 (1.3 PFLOPS FP8, 96GB HBM), 스케일업 구조", LOC, ())
    assert [(s.subject, s.value, s.number_format) for s in ex.statements if s.kind == "computePerformance"] == [
        ("aws-trainium2", Decimal("1.3E15"), "FP8")]


def test_a_model_right_after_the_count_is_its_item_unless_named_with_another(miner):
    m, ex = miner
    m.mine("xAI는 110k GB200 설치 및 가동 중.", LOC, "", (), "claim")
    m.mine("xAI는 550k GB200 & GB300 가동 목표.", LOC, "", (), "claim")
    from_value_facts(ex)
    assert [(s.value, s.item) for s in ex.statements if s.kind == "gpuCount"] == [
        (Decimal(110_000), "nvidia-gb200"), (Decimal(550_000), "")]


def test_a_difference_said_cheaper_is_of_the_price(text_reader):
    r, ex = text_reader
    r.read("B40은 화웨이 Ascend 910C보다 40% 이상 저렴.", LOC, ())
    r.read("Gemini는 OpenAI 대비 95% 저렴.", LOC, ())
    assert sorted((s.subject, s.value, s.metric) for s in ex.statements if s.kind == "relativeDifference") == [
        ("gemini", Decimal(-95), "price lower vs OpenAI"),
        ("nvidia-rtx-pro-6000d", Decimal(-40), "price lower vs Huawei Ascend 910C")]
