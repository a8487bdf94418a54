"""Audit 11: a figure its sentence doubts right after ("… 점유율 데이터(72%)부터 진위가 불분명") is no actual figure:
an estimate (status_context.py, prose_status.doubted_figure). Sentences of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.status_context import settle_statuses


@pytest.mark.parametrize(("line", "raw", "status"), [
    ("- 그러나 라마랩의 시장점유율 데이터(72%)부터 진위가 불분명. 설문에 따르면 …",
     "라마랩의 시장점유율 데이터(72%)부터 진위가", "estimate"),
    ("- 라마랩의 시장점유율 72%는 신빙성이 낮은 수치.", "라마랩의 시장점유율 72%는 신빙성이 낮", "estimate"),
    # the doubt is another sentence's: the figure stands
    ("- 라마랩의 시장점유율은 72%. 다른 조사의 진위는 불분명.", "라마랩의 시장점유율은 72%. 다른 조", "actual"),
])
def test_a_figure_its_sentence_doubts_is_an_estimate(line, raw, status):
    ex = Extraction()
    ex.statements.append(Statement("llama-lab", "marketShare", Location(1, 1), "text:value:genitive",
                                   value=Decimal(72), unit="%", raw=raw))
    settle_statuses([], ex, [line])
    assert ex.statements[0].status == status
