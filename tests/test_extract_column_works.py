"""A firm's own work named in its column of a comparison (petaflop/extract/cell_column_works.py), on tables of
our own: "구분 | <firm> | <firm>", a cell "<thing> 개발 / 프로그램 / 개최" links the thing to its column's firm."""
from __future__ import annotations

from types import SimpleNamespace

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.cell_column_works import add_column_works
from petaflop.extract.facts import Extraction
from petaflop.extract.resolve import Resolver


def _table(header: list[str], rows: list[list[str]]) -> Table:
    line = 100
    head = [Cell(h, h, line, j + 1) for j, h in enumerate(header)]
    body = [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)]) for i, r in enumerate(rows)]
    return Table("T-01-1", Span(line - 1, line + len(rows)), ["두 회사 비교"], head, body, chapter="X",
                 slide_title="X. 테스트: 표", column_labels=header)


def _works(gaz, table: Table) -> set[tuple[str, str, str]]:
    ex = Extraction()
    add_column_works(SimpleNamespace(tables=[table]), ex, Resolver(gaz, ex), lambda t: ())
    return {(f.subject, f.predicate, str(f.obj)) for f in ex.facts if f.rule == "table-cell:column-work"}


def test_a_cell_names_what_its_columns_firm_made_runs_or_holds(gaz):
    table = _table(["", "구글", "앤트로픽"], [["모델", "멀티모달 Gemini 개발", "안전 중심의 Claude 개발"],
                                          ["행사", "개발자 대회 (GTC 개최)", "스타트업 지원 (Foundry for Builders 프로그램)"]])
    assert _works(gaz, table) == {("gemini", "developedBy", "google"), ("claude", "developedBy", "anthropic"),
                                  ("nvidia-gtc", "sponsoredBy", "google"),
                                  ("foundry-for-builders", "offeredBy", "anthropic")}


def test_no_work_without_firm_columns_or_a_closing_word(gaz):
    # the header is no pair of firms: a model column, a label beside the firm
    assert _works(gaz, _table(["구분", "Gemini", "Claude"], [["개발", "GTC 개최", "GTC 개최"]])) == set()
    assert _works(gaz, _table(["구분", "구글 (미국)", "앤트로픽"], [["모델", "Gemini 개발", "Claude 개발"]])) == set()
    # the word opens a longer phrase ("개발 지원", "개최지"), or the thing is of the wrong kind for it
    table = _table(["", "구글", "앤트로픽"], [["모델", "Gemini 개발 지원", "GTC 개최지"], ["행사", "Gemini 개최", "GTC 개발"]])
    assert _works(gaz, table) == set()
