"""A row naming only the base its figures differ from ("엔비디아 대비 % 우위") measures what the row above it
with figures does: two such rows of one table carry distinct metrics (petaflop/extract/table_columns.py,
``compared_measure``); in tables of our own."""

from __future__ import annotations

from decimal import Decimal

from tests.test_table_reader import make_table


def test_each_advantage_row_carries_the_measure_of_the_row_above(table_reader):
    r, ex = table_reader
    t = make_table(["TCO 비교"], ["항목", "단위", "H100", "Trainium2-Teton2-PD-Ultra-3L"], [
        ["처리량 대비 TCO", "", "", ""],  # a section's title: no figures
        ["PFLOP당 TCO", "$/hr/PFLOP", "$0.90", "$1.60"],
        ["H100 대비 Trainium % 우위", "", "", "-40.0%"],
        ["메모리 대역폭당 TCO", "$/hr/TB/s", "$0.30", "$0.20"],
        ["H100 대비 Trainium % 우위", "", "", "+33.3%"]], transposed=True)
    r.read(t)
    assert sorted((s.subject, s.value, s.metric) for s in ex.statements if s.kind == "relativeDifference") == [
        ("aws-trainium2-ultra", Decimal("-40.0"), "PFLOP당 TCO: H100 대비 Trainium % 우위"),
        ("aws-trainium2-ultra", Decimal("33.3"), "메모리 대역폭당 TCO: H100 대비 Trainium % 우위")]


def test_an_advantage_row_under_a_title_row_keeps_its_own_label(table_reader):
    r, ex = table_reader
    t = make_table(["TCO 비교"], ["항목", "H100", "Trainium2-Teton2-PD-Ultra-3L"], [
        ["처리량 대비 TCO", "", ""], ["H100 대비 Trainium % 우위", "", "+12.5%"]], transposed=True)
    r.read(t)
    assert [(s.value, s.metric) for s in ex.statements if s.kind == "relativeDifference"] == [
        (Decimal("12.5"), "H100 대비 Trainium % 우위")]
