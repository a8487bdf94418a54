"""A figure written with a unit the unit tables do not know ("300nits", "24 fps") is never stated as a unitless
number: the value is kept a claim (unit_suffix.py); resolutions, ordinals and names after a figure are no unit."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.gate import is_unsure
from petaflop.extract.unit_suffix import settle_unknown_units, unknown_suffix

D = Decimal


@pytest.mark.parametrize(("text", "value", "word"), [
    ("300nits", D(300), "nits"), ("최대 120Hz", D(120), "Hz"), ("초당 24 fps 생성", D(24), "fps"),
    ("약 7 minutes", D(7), "minutes"), ("40~60dB", D(60), "dB"),
    ("720p", D(720), ""), ("1st", D(1), ""), ("Grok 4 Heavy", D(4), ""), ("FP8 기준 9", D(9), ""),
    ("48g", D(48), ""), ("300", D(300), ""), ("300nits", D(30), ""),
])
def test_the_unknown_unit_word_after_a_bare_figure(text, value, word):
    assert unknown_suffix(text, value) == word


def _value(raw: str, value: D, unit: str = "") -> Statement:
    return Statement("nvidia-h100", "quantity", Location(10, 10), "table-reader:quantity@99", value=value, unit=unit,
                     metric="밝기", raw=raw)


def test_a_value_whose_unit_was_not_understood_is_kept_a_claim():
    ex = Extraction(statements=[_value("1,000nits", D(1000)), _value("1,000", D(1000)), _value("48g", D(48), "g")])
    settle_unknown_units(ex)
    assert [is_unsure(st.rule) for st in ex.statements] == [True, False, False]
    assert ex.warnings == [(10, "nvidia-h100 quantity 1000: written 'nits', a unit the unit tables do not know "
                                "(kept a claim)")]


def test_a_models_score_written_with_an_unknown_unit_is_no_score(table_reader):
    from tests.test_table_reader import make_table

    r, ex = table_reader
    r.read(make_table(["모델 비교"], ["모델", "출력 속도"], [["GPT-4o", "85tps"]]))
    assert [st.value for st in ex.statements if st.kind == "benchmarkScore"] == [D(85)]
    settle_unknown_units(ex)
    assert [is_unsure(st.rule) for st in ex.statements if st.kind == "benchmarkScore"] == [True]


@pytest.mark.parametrize(("raw", "value", "unit", "per", "unsure"), [
    ("• 1,200 fps 영상 처리", D(1200), "count", "second", False),  # frames a second, no bare count
    ("최대 60fps 렌더링", D(60), "", "second", False),
    ("출력 속도 150 tokens/s 기록", D(150), "count", "second", False),
    ("약 900 토큰/초 생성", D(900), "", "second", False),
    ("모터 3,000 rpm 회전", D(3000), "count", "minute", False),
    ("처리량 40 widgets/s 수준", D(40), "count", "", True),  # a rate of an unknown thing: a claim
    ("1,200개 처리", D(1200), "count", "", False),  # no rate word: untouched
])
def test_a_count_written_with_a_rate_word_is_per_its_period(raw, value, unit, per, unsure):
    ex = Extraction(statements=[_value(raw, value, unit)])
    settle_unknown_units(ex)
    st = ex.statements[0]
    assert (st.per, is_unsure(st.rule)) == (per, unsure)
    assert st.unit == ("count" if per else unit)
