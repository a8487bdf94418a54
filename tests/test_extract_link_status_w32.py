"""Link statuses, second pass (docs/statements.md, "Links with a status"): a name marked as a guess in a
row ("X(지분율 9% 추정)", "X (추정)") makes the row's links of it estimates, and a seller's prospective
relative clause ("…가 내년에 판매할 X") a planned offer."""

from __future__ import annotations

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import EntityRecord, Extraction, Fact, Location
from petaflop.extract.link_status import estimated_name, settle_link_statuses


def _row(line: int, *texts: str) -> Row:
    return Row(line, [Cell(t, t, line, j) for j, t in enumerate(texts, 1)])


def _loc(line: int, column: int, table: str = "T-1") -> Location:
    return Location(line, line, "VI", "t", table_id=table, row=line - 1, column=column)


def test_a_name_marked_as_a_guess_in_a_row_makes_its_links_there_estimates():
    tencent = EntityRecord("tencent", ("Organization",), "Tencent", "텐센트", ())
    glasses = EntityRecord("glasses-x", ("AIProduct",), "Glasses X", "", ("X글래스",))
    assert estimated_name("알리바바(지분율 36%), 텐센트(지분율 9% 추정)", tencent)
    assert not estimated_name("알리바바(지분율 9% 추정), 텐센트(지분율 36%)", tencent)
    assert estimated_name("메타 X글래스 (추정)", glasses)
    table = Table("T-2", Span(1, 3), [], [], [_row(2, "주요 투자자", "알리바바(지분율 36%), 텐센트(지분율 9% 추정)"),
                                               _row(3, "메타 X글래스 (추정)", "스냅드래곤 AR1")],
                  column_labels=["항목", "내용"])
    ex = Extraction()
    for e in (tencent, glasses):
        ex.entities[e.id] = e
    cell = "알리바바(지분율 36%), 텐센트(지분율 9% 추정)"
    ex.add(Fact("moonshot", "fundedBy", "tencent", True, _loc(2, 2, "T-2"), "r", raw=cell))
    ex.add(Fact("moonshot", "fundedBy", "alibaba", True, _loc(2, 2, "T-2"), "r", raw=cell))
    ex.add(Fact("glasses-x", "usesChip", "snapdragon-ar1", True, _loc(3, 2, "T-2"), "r", raw="스냅드래곤 AR1"))
    # the maker read from the label itself is no guess
    ex.add(Fact("glasses-x", "offeredBy", "meta", True, _loc(3, 1, "T-2"), "r", raw="메타 X글래스 (추정)"))
    lines = ["x", "\t".join(c.text for c in table.rows[0].cells), "\t".join(c.text for c in table.rows[1].cells)]
    assert settle_link_statuses(ex, lines, [table]) == 2
    assert [f.link_status for f in ex.facts] == ["estimate", "", "estimate", ""]


def test_a_sellers_prospective_relative_clause_is_a_planned_offer(text_reader):
    reader, ex = text_reader
    reader.read("엔비디아가 내년에 본격 판매할 Spectrum-X 스위치", Location(3, 3, "VI", "t"), ())
    reader.read("엔비디아가 판매하는 Spectrum-X 스위치", Location(4, 4, "VI", "t"), ())
    offers = sorted((f.location.line_start, f.subject, str(f.obj), f.link_status) for f in ex.facts
                    if f.rule == "text:made-by-relative")
    assert offers == [(3, "spectrum-x", "nvidia", "planned"), (4, "spectrum-x", "nvidia", "")]
