"""A table cell restating a figure its caption dates holds then; a claim's figure that no date of its own
dates holds at the date framing its sentence. Sentences are our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.cell_text import cell_time
from petaflop.extract.claim_values import find_values
from petaflop.extract.figure_time import caption_time


def test_a_cell_restating_the_captions_dated_figure_holds_then():
    caption = ["2025년 6월 말 기준으로 2.4억 달러인데, 2달 만에 6억 달러로 성장"]
    assert caption_time(caption, "2.4억 달러", "2.4억 달러").text == "2025-06"
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


def test_a_tables_dated_title_frames_its_caption_but_not_an_earlier_value(text_reader):
    from petaflop.extract.facts import Location
    from petaflop.extract.figure_time import caption_frame

    frame = caption_frame(["2025년 클라우드 시장 점유율 변화"])
    assert frame is not None and frame.date_start == "2025-01-01"
    assert caption_frame(["2025년 화웨이는 새 칩을 공개함."]) is None  # a sentence, not a title
    assert caption_frame(["2025년 매출 10억 달러"]) is None  # a title stating a figure
    r, ex = text_reader
    r.caption_frame = frame
    r.read("xAI의 점유율이 10%에서 30%로 급증", Location(10, 10, "III", "test slide"), ())
    r.caption_frame = None
    r.read("xAI의 점유율이 40%로 상승", Location(12, 12, "III", "test slide"), ())
    got = {s.value: s.time.text if s.time else None for s in ex.statements if s.kind == "marketShare"}
    assert got == {Decimal(10): None, Decimal(30): "2025", Decimal(40): None}
