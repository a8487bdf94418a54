"""A genitive naming both ends in any table cell (cell_links.py), whatever the row is keyed by."""

from __future__ import annotations

from types import SimpleNamespace

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.cell_links import add_cell_links


def _table(cells: list[tuple[str, str]]) -> Table:
    header = [Cell(t, t, 1, j + 1) for j, t in enumerate(("사업", "주요 내용"))]
    body = [Row(2 + i, [Cell(a, a, 2 + i, 1), Cell(d, d, 2 + i, 2)]) for i, (a, d) in enumerate(cells)]
    return Table("X-1-1", Span(1, 1 + len(cells)), ["AI 프로젝트"], header, body, chapter="X", slide_title="t")


def _links(text_reader, cells: list[tuple[str, str]]) -> list[tuple]:
    r, ex = text_reader
    add_cell_links(SimpleNamespace(tables=[_table(cells)]), ex, r, lambda t: ())
    return sorted((f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts)


def test_a_makers_genitive_in_a_label_keyed_row_is_read(text_reader):
    assert _links(text_reader, [("물류·해운", "HD현대마린솔루션의 AI 기반 OceanWise 플랫폼")]) == [
        ("oceanwise", "developedBy", "hd-hyundai-marine-solution", "text:genitive-far")]


def test_a_cell_without_a_genitive_or_with_one_name_gives_nothing(text_reader):
    assert _links(text_reader, [("물류", "OceanWise 플랫폼 HD현대마린솔루션"), ("해운", "엔비디아의 경우")]) == []


def test_a_unit_written_beside_its_parent_in_a_cell_is_part_of_it(text_reader):
    # no genitive needed: the unit's own name begins with the firm written beside it
    assert _links(text_reader, [("경력", "前 아마존 AWS 솔루션 아키텍트")]) == [
        ("amazon-web-services", "partOf", "amazon", "text:name-parent")]
