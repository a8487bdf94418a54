"""A cost table about a project whose stage rows are read about the project (table_row_label.py): a row
repeating a measure of its label (the stage's own or the one carried from the row above), or stating no
figure of its units, is about the stage the label names; a row stating another such figure is the project's."""

from __future__ import annotations

from ingest.model import Cell, Row
from ingest.parser import parse_text
from petaflop.extract.pipeline import extract
from petaflop.extract.table_row_label import about_label, measures, row_label

TABLE = "\n".join([
    "Stargate 비용 구조(TCO)",
    "단계/구분\t비용 항목\t금액(USD)\t세부 내용·가정",
    "1단계 (Stargate I · 0.9 GW)\t부지 CAPEX\t77\t당초 1.6 GW → 0.9 GW로 축소",
    "\t전력 설비\t12\t0.9 GW 변전소 등",
    "\t장비\t90\t가나다전자가 구매 후 12년 임대",
    "\t연간 임차료\t210\t신규 포함 총 3 GW 용량",
])


def _rows(*cells: tuple[str, ...]) -> list[Row]:
    return [Row(i, [Cell(t, t, i, j + 1) for j, t in enumerate(row)]) for i, row in enumerate(cells, 1)]


def test_measures_are_figures_with_a_latin_unit_or_percent():
    assert measures("당초 1,600 MW → 0.9 GW로(30 %), 8개 동, 77") == {"1600MW", "0.9GW", "30%"}


def test_a_row_without_a_label_takes_the_label_above():
    rows = _rows(("1단계 (Alpha 0.9 GW)", "당초 2 GW → 0.9 GW"), ("", "0.9 GW 송전선"), ("", "10년 임대"),
                 ("", "총 3 GW"), ("", "총 3 GW, 0.9 GW 신규"))
    assert row_label(rows, 3, 0) == "1단계 (Alpha 0.9 GW)"
    assert [about_label(rows, r, 0) for r in (1, 2, 3, 4, 5)] == [True, True, True, False, True]
    assert not about_label(_rows(("1단계", "10년 임대")), 1, 0)  # a label stating no measure


def test_a_cell_repeating_the_stage_labels_measure_is_the_stages():
    ex = extract(parse_text("IV. 시험 장: 인프라\n\n" + TABLE + "\n\n자료: 가나다리서치\n"))
    power = {(f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "powerCapacityMW"}
    assert power == {
        ("stargate-abilene-campus", "1600", "claim:cluster-power:row"),
        ("stargate-abilene-campus", "900", "claim:cluster-power:row"),
        ("stargate", "3000", "claim:cluster-power:row-context")}
    leases = {(s.subject, str(s.value)) for s in ex.statements if s.kind == "leaseTerm"}
    assert leases == {("stargate-abilene-campus", "12")}
