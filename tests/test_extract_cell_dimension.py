"""A table cell under a label naming two measures is read as the one its figure's unit states
(petaflop/extract/table_figures.py ``cell_entry``), in labels of our own."""

from __future__ import annotations

from petaflop.extract.lexicon import load_lexicon
from petaflop.extract.table_figures import cell_entry

LEX = load_lexicon()


def test_a_power_figure_under_a_backlog_and_lead_time_label_is_the_backlog():
    entry = cell_entry(LEX, "수주잔고, 리드타임", ("Organization",), "40GW (주문 포함)")
    assert (entry.kind, entry.dimension) == ("quantity", "power")


def test_a_duration_figure_under_the_same_label_is_the_lead_time():
    entry = cell_entry(LEX, "수주잔고, 리드타임", ("Organization",), "리드타임 3년 이상")
    assert (entry.kind, entry.dimension) == ("duration", "duration")


def test_a_lead_time_alone_is_a_duration():
    entry = cell_entry(LEX, "리드 타임", ("Hardware",), "6개월")
    assert entry.kind == "duration"
