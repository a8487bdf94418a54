"""A total row naming the one thing the caption is about is that thing's figures
(petaflop/extract/table_caption_total.py). A table of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Extraction
from petaflop.extract.resolve import Resolver
from tests.test_table_reader import make_table


def _read(gaz, caption: str, rows: list[list[str]]) -> Extraction:
    from petaflop.extract.table_reader import TableReader

    ex = Extraction()
    res = Resolver(gaz, ex)
    table = make_table([caption], ["", "Q1'25E", "2025E"], rows, chapter="VIII")
    TableReader(res, lambda t: ()).read(table)
    return ex


ROWS = [["폭스콘", "10", "20"], ["관타", "5", "7"], ["총 GB200/300 NVL72 유닛", "15", "27"], ["총 GPU 갯수", "1,080", "1,944"]]


def test_a_total_row_naming_the_captions_thing_is_its_figure(gaz):
    ex = _read(gaz, "GB200/GB300 NVL72의 ODM 출하량 전망", ROWS)
    totals = {(s.subject, s.kind, s.value, s.rule.endswith(":caption-total")) for s in ex.statements
              if s.subject not in ("foxconn", "quanta-computer")}
    assert totals == {("nvidia-gb200-gb300-nvl72", "shipments", Decimal(15), True),
                      ("nvidia-gb200-gb300-nvl72", "shipments", Decimal(27), True)}
    assert {s.rule.endswith(":caption-total") for s in ex.statements if s.subject == "foxconn"} == {False}


def test_a_total_row_of_a_thing_the_caption_does_not_name_states_nothing(gaz):
    ex = _read(gaz, "ODM 출하량 전망", ROWS)
    assert {s.subject for s in ex.statements} == {"foxconn", "quanta-computer"}
