"""Audit 24: an interconnect's bandwidth written one way (단방향) or both ways (양방향) keeps the word as its scope
(link_direction.py): both-way figures are twice one-way ones, so without it equal links read 2× apart.
Cells and sentences of our own, in the report's style."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.link_direction import direction_of, settle_link_directions


def _bw(value: str, scope: str = "", line: int = 1) -> Statement:
    return Statement("x", "interconnectBandwidth", Location(line, line, "III", "s", "t1", 1, 2), "text-cell:value-after:row",
                     Decimal(value), unit="TB/s", scope=scope)


def test_a_word_before_each_figure_of_a_row_scopes_its_own_figure():
    row = "칩 간 연결\t단방향 450 GB/s XLink\t양방향 1.2 TB/s YLink\t2.7배 향상"
    assert direction_of(row, Decimal("0.45")) == "unidirectional"
    assert direction_of(row, Decimal("1.2")) == "bidirectional"


def test_a_word_after_the_figure_and_no_word_at_all():
    assert direction_of("ZLink 5세대\t2.4TB/s 양방향 대역폭 (2배 향상)", Decimal("2.4")) == "bidirectional"
    assert direction_of("메모리 대역폭 8 TB/s, 칩 간 연결 1.8 TB/s", Decimal("1.8")) == ""
    # the word belongs to the next figure, not to the one before it
    assert direction_of("HBM 8 TB/s, 단방향 900 GB/s", Decimal("8")) == ""


def test_settling_keeps_the_value_and_puts_the_direction_before_any_scope():
    lines = ["칩 간 연결\t단방향 450 GB/s XLink\t양방향 1.2 TB/s YLink", "메모리 대역폭 8 TB/s"]
    ex = Extraction()
    ex.statements = [_bw("0.45"), _bw("1.2", scope="YLink"), _bw("8", line=2)]
    assert settle_link_directions(ex, lines) == 2
    assert [(st.value, st.scope) for st in ex.statements] == [
        (Decimal("0.45"), "unidirectional"), (Decimal("1.2"), "bidirectional, YLink"), (Decimal("8"), "")]
    assert settle_link_directions(ex, lines) == 0  # settled once


def test_a_word_that_opens_the_next_figure_is_not_the_first_figures():
    assert direction_of("HBM 8 TB/s 단방향 900 GB/s", Decimal("8")) == ""
    assert direction_of("HBM 8 TB/s 단방향 900 GB/s", Decimal("0.9")) == "unidirectional"
    assert direction_of("링크 1.8 TB/s(양방향)", Decimal("1.8")) == "bidirectional"
