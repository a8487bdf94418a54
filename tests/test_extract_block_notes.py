"""A table's or a figure's ``주:`` note is prose like any other (pipeline ``_read_notes``): its figures are read
with the block's topic, on the note's own line. Invented blocks in the report's style."""

from __future__ import annotations

from ingest.model import Table
from ingest.parser import parse_text
from petaflop.extract.pipeline import extract

_TABLE = ["VII. 시험 장: 가상 칩", "", "- 가상의 비교 표.", "", "Ascend 910B의 웨이퍼당 다이 수 추정", "",
          "수율\t다이 수", "30%\t20", "50%\t35", ""]


def _doc(note: str) -> str:
    return "\n".join([*_TABLE, note, "자료: 가나다리서치", ""])


def test_the_note_belongs_to_the_table():
    doc = parse_text(_doc("주: Ascend 910B의 다이 면적= 580mm^2 기준으로 계산"))
    tables = [b for ch in doc.chapters for sl in ch.slides for b in sl.blocks if isinstance(b, Table)]
    assert [t.notes for t in tables] == [["주: Ascend 910B의 다이 면적= 580mm^2 기준으로 계산"]]


def test_a_note_s_figure_is_read_on_the_note_s_line():
    text = _doc("주: Ascend 910B의 다이 면적= 580mm^2 기준으로 계산")
    ex = extract(parse_text(text))
    line = text.split("\n").index("주: Ascend 910B의 다이 면적= 580mm^2 기준으로 계산") + 1
    got = [(s.subject, s.kind, float(s.value), s.unit, s.location.line_start) for s in ex.statements
           if s.value is not None and float(s.value) == 580.0]
    assert got == [("huawei-ascend-910b", "quantity", 580.0, "mm2", line)]


def test_a_note_with_no_subject_states_nothing():
    ex = extract(parse_text(_doc("주: 월별 300개의 게시물 샘플을 바탕으로")))
    assert not [s for s in ex.statements if s.value is not None and float(s.value) == 300.0]


def test_a_note_that_says_how_the_table_was_worked_out_gives_claims_only():
    # the calculation's assumptions ("…를 적용하여 계산") are no facts about the table's topic: unsure rules
    ex = extract(parse_text(_doc("주: 비용은 서버를 5년 동안 감가상각하고, 9.5%의 할인율을 적용하여 계산")))
    method = [s for s in ex.statements if s.value is not None and float(s.value) in (5.0, 9.5)]
    assert method and all(s.rule.endswith(":unsure") for s in method)
    plain = extract(parse_text(_doc("주: Ascend 910B의 다이 면적= 580mm^2 기준")))  # a stated size: read as before
    assert [s.rule.endswith(":unsure") for s in plain.statements if s.value is not None and float(s.value) == 580.0] \
        == [False]
