"""Multiples written in Korean number words (petaflop/extract/values.py): "두 배로", "세 배 증가"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.values import find_quantities


@pytest.mark.parametrize(("text", "value", "quals"), [
    ("전력 수요는 2028년까지 두 배로 늘어나", 2, set()), ("수율이 두 배나 향상", 2, set()),
    ("제조능력을 두 배 증설", 2, set()), ("약 세 배 빠르다", 3, {"approximate"}), ("열 배의 격차", 10, set()),
])
def test_a_number_word_before_bae_is_a_multiple(text, value, quals):
    got = [q for q in find_quantities(text) if q.kind == "multiple"]
    assert [(q.value, q.unit, set(q.qualifiers)) for q in got] == [(Decimal(value), "x", quals)]
    assert text[got[0].start:got[0].end] == got[0].raw


@pytest.mark.parametrize("text", ["세배를 드렸다", "두 배터리를 교체", "세 배출 기준", "2배 증가"])
def test_a_bow_a_battery_or_a_written_figure_is_no_word_multiple(text):
    got = [q for q in find_quantities(text) if q.kind == "multiple"]
    assert len(got) == (1 if text.startswith("2배") else 0)
