"""A spec line naming the part of a thing its figure measures ("16개의 CPU 코어, 최대 클럭 3.1 GHz"): the figure's
scope is that part, so one chip's CPU and NPU clocks are two parts' clocks, not two clocks of the chip."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.part_scope import part_scope
from tests.test_table_reader import make_table

D = Decimal


@pytest.mark.parametrize(("text", "word", "part"), [
    ("16개의 CPU 코어, 최대 클럭 3.1 GHz", "클럭", "CPU"),
    ("• 8개의 CPU 코어, 최대 클럭 3 GHz • 2개의 NPU, 최대 클럭 1.8 GHz", "클럭 1.8", "NPU"),
    ("16개의 CPU 코어; 최대 클럭 3 GHz", "클럭", ""),  # the measure on a line of its own: no part
    ("GPU의 부스트 클럭은 1.9 GHz", "클럭", "GPU"),
    ("ISP: 동작 주파수 700 MHz", "주파수", "ISP"),
    ("CPU·GPU 클럭 2 GHz", "클럭", ""), ("CPU와 GPU 클럭 2 GHz", "클럭", ""),
    ("칩 면적은 600 mm²", "면적", ""), ("최대 클럭 2 GHz", "클럭", ""),
])
def test_the_part_a_spec_line_names_before_its_measure(text, word, part):
    assert part_scope(text, text.rindex(word)) == part


def test_a_chips_two_clocks_in_its_bullets_are_its_parts(table_reader):
    r, ex = table_reader
    r.read(make_table(["칩 스펙"], ["칩 이름", "추가 사양"],
                      [["Ascend 910C", "• 16개의 CPU 코어, 최대 클럭 3.1 GHz • 2개의 NPU, 최대 클럭 1.8 GHz"]]))
    clocks = {(st.subject, st.value, st.unit, st.metric, st.scope) for st in ex.statements if st.unit == "GHz"}
    assert clocks == {("huawei-ascend-910c", D("3.1"), "GHz", "클럭", "CPU"),
                      ("huawei-ascend-910c", D("1.8"), "GHz", "클럭", "NPU")}


def test_a_measure_whose_kind_names_its_part_takes_no_part_scope(table_reader):
    r, ex = table_reader
    r.read(make_table(["칩 스펙"], ["칩 이름", "추가 사양"], [["Ascend 910C", "GPU 클럭은 1.8 GHz, 메모리 대역폭 3.2 TB/s"]]))
    assert {(st.kind, st.scope) for st in ex.statements} == {("quantity", "GPU"), ("memoryBandwidth", "")}
