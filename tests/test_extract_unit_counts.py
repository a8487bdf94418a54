"""Counts a hardware table's cell writes with a unit of its own (table_figures.unit_counts)."""

from decimal import Decimal

from petaflop.extract.facts import Location
from petaflop.extract.table_figures import unit_counts

LOC = Location(10, 10, "X", "test table")


def _read(text: str, label: str = "") -> set[tuple[str, Decimal, str]]:
    return {(s.kind, s.value, s.rule) for s in unit_counts(text, "chip-a", LOC, (), "", label)}


def test_an_hbm_cell_gives_the_height_and_the_number_of_its_stacks():
    assert _read("HBM3e 12hi 8스택", "메모리") == {
        ("quantity", Decimal(12), "table-reader:quantity@stack-height"),
        ("unitCount", Decimal(8), "table-reader:unitCount@stack-count")}
    assert _read("216GB HBM3e 12hi") == {("quantity", Decimal(12), "table-reader:quantity@stack-height")}


def test_the_height_written_as_channels_before_the_stacks_counts_under_an_hbm_label_only():
    # "12 채널 8개 스택": the counted stacks are the counting reader's ("8개"); the channels give the height
    assert _read("12 채널 8개 스택", "HBM 스택") == {("quantity", Decimal(12), "table-reader:quantity@stack-height")}
    assert _read("12 채널 8개 스택", "구성") == set()  # no word of HBM in the cell or its label
    assert _read("8스택 / 6스택", "HBM") == set()  # two figures: none is the cell's


def test_pixels_need_no_memory_word():
    assert _read("12MP 초광각") == {("quantity", Decimal(12) * 10 ** 6, "table-reader:quantity@pixels")}
