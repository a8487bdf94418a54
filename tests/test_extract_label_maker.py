"""Table labels written as "<maker> <product>" (petaflop/extract/label_maker.py) on tables of our own:
a row's label and a column header name the product's maker; a cell with more than the label is
not read."""
from __future__ import annotations

from types import SimpleNamespace

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Extraction
from petaflop.extract.label_maker import add_label_makers
from petaflop.extract.lexicon import load_lexicon
from petaflop.extract.resolve import Resolver


def _table(header: list[str], rows: list[list[str]]) -> Table:
    line = 100
    head = [Cell(h, h, line, j + 1) for j, h in enumerate(header)]
    body = [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)]) for i, r in enumerate(rows)]
    return Table("T-01-1", Span(line - 1, line + len(rows)), ["기기 비교"], head, body, chapter="VIII",
                 slide_title="VIII. 테스트: 표", column_labels=header)


def _made(gaz, table: Table) -> set[tuple[str, str, str, str]]:
    ex = Extraction()
    add_label_makers(SimpleNamespace(tables=[table]), ex, Resolver(gaz, ex), load_lexicon(), lambda t: ())
    return {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts}


def test_a_row_label_names_the_maker_of_its_product(gaz):
    table = _table(["기기명", "무게"], [["메타 Ray-Ban", "50g"], ["애플 Vision Pro (추정)", "600g"],
                                      ["구글 Android XR", "미정"], ["Vision Pro", "600g"]])
    assert _made(gaz, table) == {
        ("ray-ban-meta-smart-glasses", "offeredBy", "meta", "table-cell:maker-label"),
        ("apple-vision-pro", "offeredBy", "apple", "table-cell:maker-label"),
        ("android-xr", "developedBy", "google", "table-cell:maker-label")}


def test_a_column_header_names_the_maker_of_its_product(gaz):
    table = _table(["구분", "구글 Android XR", "애플 Vision Pro"], [["무게", "미정", "600g"]])
    assert _made(gaz, table) == {("android-xr", "developedBy", "google", "table-cell:maker-header"),
                                 ("apple-vision-pro", "offeredBy", "apple", "table-cell:maker-header")}


def test_a_cell_with_more_than_the_label_is_not_read(gaz):
    # a sentence, a comparison and a third name: two names side by side are not a label
    table = _table(["기기명", "무게"], [["메타 Ray-Ban 대비 가벼움", "50g"], ["애플 대비 구글 Android XR", "미정"],
                                      ["메타 Ray-Ban, 애플 Vision Pro", "-"]])
    assert _made(gaz, table) == set()
