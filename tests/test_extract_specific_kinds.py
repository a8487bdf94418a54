"""A figure gets a specific kind only when its words name that measure: visits are no users, a share of
traffic no market share, a battery's life no product lifetime, a resolution no benchmark score, and a
count of pods no count of chips — each on labels and cells of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.claims import load_promotions
from petaflop.extract.facts import Location
from petaflop.extract.lexicon import load_lexicon
from petaflop.extract.table_figures import benchmark_scores

LOC = Location(10, 10, "II", "test slide")


@pytest.mark.parametrize("label, kind", [
    ("월간 방문 횟수 (십억 회)", "unitCount"),
    ("Monthly visits", "unitCount"),
    ("월간 활성 사용자", "userCount"),
    ("방문자 수", "unitCount"),  # a site's visitors are its visits counted, no users (audit 10)
    ("AI 추천 트래픽 점유율", "share"),
    ("시장 점유율", "marketShare"),
    ("배터리 수명 (시간)", "duration"),
    ("설비 수명 (년)", "lifetime"),
])
def test_the_label_names_the_measure(label, kind):
    entry = load_lexicon().value_for(label)
    assert entry is not None and entry.kind == kind


def test_a_resolution_is_no_benchmark_score():
    assert benchmark_scores("x-model", "320p", "해상도", LOC, (), "") == []
    assert benchmark_scores("x-model", "60fps", "프레임", LOC, (), "") == []
    scores = benchmark_scores("x-model", "85.2", "MMLU", LOC, (), "")
    assert [(s.kind, s.value) for s in scores] == [("benchmarkScore", Decimal("85.2"))]


def test_a_count_of_pods_is_no_count_of_chips():
    chips = next(p for p in load_promotions() if p.id == "cluster-chips")
    text = "가나다 캠퍼스: DGX H300 SuperPOD 400개, H300 GPU 3만 개"
    pods, gpus = text.index("400개"), text.index("3만 개")
    assert chips.not_before.search(text, max(0, pods - 24), pods)
    assert not chips.not_before.search(text, max(0, gpus - 24), gpus)
