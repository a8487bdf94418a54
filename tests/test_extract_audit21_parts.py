"""Audit 21: a table cell that lists several values, each tagged with the part of its subject it is for
("N2(연산), N6(I/O)"): each link holds for its part only (part_links.py), never for the whole thing. Tables are our
own (in the report's style)."""

from __future__ import annotations

import pytest

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.part_links import scope_part_links, tagged_parts


def _row(line: int, *cells: str) -> Row:
    return Row(line, [Cell(c, c, line, j) for j, c in enumerate(cells, 1)])



@pytest.mark.parametrize(("cell", "items"), [
    ("N2(연산), N6(I/O)", {"N2": "연산", "N6": "I/O"}),
    ("N2(연산) N6(I/O)", {"N2": "연산", "N6": "I/O"}),
    ("N2", {}),
    ("Annapura (아마존), Alchip", {}),  # one tagged item among others: a gloss
    ("5 PFLOPs (FP8), 10 PFLOPs (FP4)", {}),  # figures in formats: no list of names
    ("카카오(지분율 9%), 네이버(지분율 5%)", {}),  # a figure is no part
    ("MLA (압축된 KV 캐시); MoE (동적 라우팅)", {}),  # a gloss with spaces is no part
    ("N2(연산), N6(연산)", {}),  # one part twice: no parts told apart
])
def test_which_cells_list_values_tagged_with_parts(cell, items):
    assert tagged_parts(cell) == items


def test_a_place_the_gazetteer_knows_is_no_part():
    assert tagged_parts("ERCOT(텍사스), PJM(버지니아)", is_name=lambda t: t in {"텍사스", "버지니아"}) == {}


_CHIPS = Table("T-5", Span(1, 2), [], [], [_row(2, "공정", "N2(연산), N6(I/O)", "N2")],
               column_labels=["항목", "X칩", "Y칩"])


def _chip_loc(column: int) -> Location:
    return Location(2, 2, "VIII", "t", table_id="T-5", row=1, column=column)


def test_a_link_read_from_a_part_takes_the_part_as_scope_and_never_the_whole_chips_link():
    from petaflop.extract.facts import EntityRecord
    from petaflop.graph import extraction_quads

    ex = Extraction()
    for eid, name in (("n2", "N2"), ("n6", "N6")):
        ex.entities[eid] = EntityRecord(eid, ("ProcessNode",), name_en=f"TSMC {name}", aliases=(name,))
    ex.add(Fact("x-chip", "fabricatedOn", "n2", True, _chip_loc(2), "table:asics:fabricatedOn", qualifiers=("estimate",)))
    ex.add(Fact("x-chip", "fabricatedOn", "n6", True, _chip_loc(2), "table:asics:fabricatedOn", qualifiers=("estimate",)))
    ex.add(Fact("y-chip", "fabricatedOn", "n2", True, _chip_loc(3), "table:asics:fabricatedOn", qualifiers=("estimate",)))
    ex.add(Fact("x-chip", "usesChip", "n6", True, _chip_loc(2), "table:asics:usesChip"))  # actual: no node of its own
    assert scope_part_links(ex, [_CHIPS]) == 3
    assert [(f.subject, f.obj, f.link_status, f.link_scope, f.rule.split(":")[-1]) for f in ex.facts] == [
        ("x-chip", "n2", "estimate", "연산", "fabricatedOn"), ("x-chip", "n6", "estimate", "I/O", "fabricatedOn"),
        ("y-chip", "n2", "estimate", "", "fabricatedOn"), ("x-chip", "n6", "", "I/O", "unsure")]
    quads = extraction_quads(ex)
    scopes = {(q.subject.value.rsplit("/", 1)[-1][:4], q.object.value) for q in quads if q.predicate.value.endswith("#scope")}
    assert scopes == {("lst-", "연산"), ("lst-", "I/O"), ("clai", "I/O")}
