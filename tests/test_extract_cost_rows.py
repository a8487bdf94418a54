"""A cost table about a project whose stage rows are read about the project (table_cost_rows.py): a row
repeating a measure of its label (the stage's own or the one carried from the row above), or stating no
figure of its units, is about the stage the label names; a row stating another such figure is the project's.
An amount column naming its currency and no magnitude takes the one the table's prose writes its figures with."""

from __future__ import annotations

from decimal import Decimal

from ingest.model import Cell, Row, Span, Table
from ingest.parser import parse_text
from petaflop.extract.cell_text import paren_year
from petaflop.extract.pipeline import extract
from petaflop.extract.table_cost_rows import RULE, about_label, column_magnitude, measures, row_label

TABLE = "\n".join([
    "Stargate 비용 구조(TCO)",
    "단계/구분\t비용 항목\t금액(USD)\t세부 내용·가정",
    "1단계 (Stargate I · 0.9 GW)\t부지 CAPEX\t77\t당초 1.6 GW → 0.9 GW로 축소",
    "\t전력 설비\t12\t0.9 GW 변전소 등",
    "\t장비\t90\t가나다전자가 구매 후 12년 임대",
    "\t연간 임차료\t210\t신규 포함 총 3 GW 용량",
    "확정 총량 (2027E)\t총 CAPEX\t300\t부지 77억 달러 + 장비 90억 달러 등",
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


def _extract():
    return extract(parse_text("IV. 시험 장: 인프라\n\n" + TABLE + "\n\n자료: 가나다리서치\n"))


def test_a_cell_repeating_the_stage_labels_measure_is_the_stages():
    ex = _extract()
    power = {(f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "powerCapacityMW"}
    assert power == {
        ("stargate-abilene-campus", "1600", "claim:cluster-power:row"),
        ("stargate-abilene-campus", "900", "claim:cluster-power:row"),
        ("stargate", "3000", "claim:cluster-power:row-context")}
    leases = {(s.subject, str(s.value)) for s in ex.statements if s.kind == "leaseTerm"}
    assert leases == {("stargate-abilene-campus", "12")}


def test_an_amount_column_takes_the_magnitude_the_table_writes_its_figures_with():
    amounts = {(s.subject, s.kind, s.value, s.unit, s.status, s.time.text if s.time else "")
               for s in _extract().statements if s.rule == RULE}
    assert amounts == {
        ("stargate-abilene-campus", "capex", Decimal("7.7E9"), "USD", "actual", ""),
        ("stargate-abilene-campus", "amount", Decimal("1.2E9"), "USD", "actual", ""),
        ("stargate-abilene-campus", "amount", Decimal("9E9"), "USD", "actual", ""),
        ("stargate", "amount", Decimal("2.1E10"), "USD", "actual", ""),
        ("stargate", "capex", Decimal("3E10"), "USD", "estimate", "2027")}


def _table(*rows: tuple[str, ...]) -> Table:
    head = _rows(("항목", "금액(USD)", "비고"))[0].cells
    return Table("X-1-1", Span(1, 1 + len(rows)), ["비용"], head, _rows(*rows), chapter="X", slide_title="t")


def test_the_magnitude_is_one_the_table_writes_a_figure_of_the_column_with():
    assert column_magnitude(_table(("부지", "50", "50억 달러"), ("장비", "7", "")), 1) == "억"
    assert column_magnitude(_table(("부지", "50", "50억 달러"), ("장비", "7", "7조 달러")), 1) == ""  # two
    assert column_magnitude(_table(("부지", "50", "60억 달러"), ("장비", "7", "")), 1) == ""  # not restated


AIMS = "\n".join([
    "Stargate 비용 구조(TCO)",
    "단계/구분\t비용 항목\t금액(USD)\t세부 내용·가정",
    "1단계 (Stargate I · 0.9 GW)\t부지 CAPEX\t77\t당초 1.6 GW → 8개 동(0.9 GW)로 완공 목표",
    "\t전력 설비\t12\t0.9 GW 변전소 등",
    "확정 총량 (2027E)\t총 CAPEX\t300\t부지 77억 달러 + 장비 90억 달러 등",
    "장기 청사진 (≈2031)\tTCO 목표\t4000\t8 GW(16개 캠퍼스)로 확장",
])


def _aims():
    return extract(parse_text("IV. 시험 장: 인프라\n\n" + AIMS + "\n\n자료: 가나다리서치\n"))


def test_the_build_cost_of_a_stage_to_be_completed_is_planned():
    amounts = {(s.kind, s.value, s.status) for s in _aims().statements if s.rule == RULE and s.location.line_start in (5, 6)}
    assert amounts == {("capex", Decimal("7.7E9"), "planned"), ("amount", Decimal("1.2E9"), "actual")}


def test_a_row_label_closing_on_an_approximate_year_dates_the_rows_figures():
    assert paren_year("장기 청사진 (≈2031)").text == "2031"
    assert paren_year("2단계 (~2029)").text == "2029"
    assert paren_year("1단계 (Alpha I · 0.9 GW)") is None
    got = {(s.kind, s.value, s.status, s.time.text if s.time else "") for s in _aims().statements
           if s.location.line_start == 8}
    assert got == {("amount", Decimal("4E11"), "target", "2031"), ("powerCapacity", Decimal(8000), "target", "2031"),
                   ("unitCount", Decimal(16), "target", "2031")}
