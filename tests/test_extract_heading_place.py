"""A multiple in a slide's heading takes the place its chart's caption compares in (heading_place.py) — on an
invented slide."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.parser import parse_text
from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.heading_place import caption_place, scope_heading_multiples

SLIDES = """I. 서론: 테스트

IX. 엔비디아: 확장

AMD보다 2배 가량 더 많은 면적을 확보하게 된 엔비디아

- 엔비디아가 새 부지를 넓힘.

엔비디아의 애리조나에서의 데이터센터 부지 면적 확장
애리조나 내 엔비디아와 AMD의 부지 비교



자료: 미래에셋증권 리서치센터

연도	슈퍼컴퓨터	전력 규모
2026	아직 모름 (아마도 xAI Colossus)	2GW 이상
2025	xAI Colossus	300MW
자료: 미래에셋증권 리서치센터
"""


@pytest.mark.parametrize(("caption", "place"), [
    ("엔비디아의 애리조나에서의 데이터센터 부지 면적 확장", "애리조나"),
    ("애리조나 피닉스에서의 부지 면적", "애리조나 피닉스"),
    ("일본 전역에서의 부지 면적", "일본 전역"),
    ("애리조나 내 엔비디아와 AMD의 부지 비교", ""),  # the measure is not written
    ("신규 거점에서의 부지 면적", ""),  # no place the gazetteer names
])
def test_a_captions_place_before_the_measure(gaz, caption, place):
    assert caption_place(caption, "면적 higher vs AMD", gaz) == place


def test_a_headings_multiple_takes_its_captions_place(gaz):
    doc = parse_text(SLIDES)
    ex = Extraction()
    ex.statements += [Statement("nvidia", "multiple", Location(5, 5), "text:multiple:named", value=Decimal(2),
                                unit="x", metric="면적 higher vs AMD"),
                      Statement("nvidia", "multiple", Location(7, 7), "text:multiple:named", value=Decimal(3),
                                unit="x", metric="면적 higher vs AMD")]  # a bullet: not the heading
    assert scope_heading_multiples(doc, ex, gaz) == 1
    assert [st.scope for st in ex.statements] == ["애리조나", ""]
