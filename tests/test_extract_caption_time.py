"""A table cell restating a figure its caption dates holds then; a claim's figure that no date of its own
dates holds at the date framing its sentence. Sentences are our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.cell_text import caption_time, cell_time
from petaflop.extract.values import find_values


def test_a_cell_restating_the_captions_dated_figure_holds_then():
    caption = ["2025년 6월 말 기준으로 2.4억 달러인데, 2달 만에 6억 달러로 성장"]
    assert caption_time(caption, "2.4억 달러", "2.4억 달러").text == "2025-06"
    assert cell_time("2.4억 달러", "2.4억 달러", False, "ARR", caption).text == "2025-06"
    # the caption's other figure names no date; a figure the caption does not restate takes none
    assert caption_time(caption, "6억 달러", "6억 달러") is None
    assert caption_time(caption, "3억 달러", "3억 달러") is None
    assert cell_time("2.4억 달러", "2.4억 달러", False, "ARR") is None


def test_a_claims_figure_blocked_from_its_date_holds_at_the_sentences_frame():
    got = {v.value: v.as_of for v in find_values("2023년 5월 Series A에서 2억 달러 조달, 기업가치 20억 달러")}
    assert got == {Decimal("2E+8"): "2023-05", Decimal("2E+9"): "2023-05"}
    # a frame dates its own sentence only
    got = {v.value: v.as_of for v in find_values("2023년 5월 Series A 조달. 이 회사의 현금 흐름을 볼 때 기업가치 20억 달러")}
    assert got == {Decimal("2E+9"): ""}
