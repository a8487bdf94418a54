"""A rate or a span of power plants of one type keeps the type in its metric (plant_measure.py) — on invented text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Location
from petaflop.extract.plant_measure import plant_owner, settle_plant_measures


@pytest.mark.parametrize(("text", "plant"), [
    ("작년 석탄 820GW의 평균 가동시간은", "석탄"),
    ("원전 발전소의 가동률은", "원전"),
    ("전국 발전소의 가동률은", ""),  # no type of plant
    ("화력 1GW의 … 수력 2GW의 ", ""),  # two: which one is not said
])
def test_the_plant_type_a_text_writes_as_genitive_owner(text, plant):
    assert plant_owner(text) == plant


def test_a_rate_of_plants_of_one_type_keeps_the_type(text_reader):
    r, ex = text_reader
    text = "일본은 예비력이 큼. 작년 화력 82GW의 평균 가동시간은 4,100시간. 설비이용률은 약 47%로, 절반 가까이 놀고 있음."
    r.read(text, Location(3, 3, "IV", "test slide"), ())
    assert settle_plant_measures(ex, ["", "", text]) == 2
    got = {(st.kind, st.value, st.metric) for st in ex.statements if st.kind in ("share", "duration")}
    assert got == {("duration", Decimal(4100), "화력 가동시간"), ("share", Decimal(47), "화력 설비이용률")}


def test_a_measure_of_another_sentence_opening_otherwise_is_left_as_it_is(text_reader):
    r, ex = text_reader
    text = "일본은 예비력이 큼. 작년 화력 82GW의 평균 가동시간은 4,100시간. 전체 설비이용률은 약 47%."
    r.read(text, Location(3, 3, "IV", "test slide"), ())
    settle_plant_measures(ex, ["", "", text])
    assert all("화력" not in st.metric for st in ex.statements if st.kind == "share")
