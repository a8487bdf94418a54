"""A link read from a table cell of a column of plans takes the status of the figures read from the same cell
(link_status.py, docs/statements.md "Links with a status"): "GPU 배치 계획 | 최대 40만 개 GB200" plans the chip
with its count; a cell done ("16 k GB200 랙 (7월 납품 완료)", its count actual) leaves the link actual."""

from __future__ import annotations

from decimal import Decimal

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Extraction, Fact, Location, Statement
from petaflop.extract.link_status import planned_figures_status, settle_link_statuses


def _row(line: int, *cells: str) -> Row:
    return Row(line, [Cell(c, c, line, j) for j, c in enumerate(cells, 1)])


def _loc(line: int, column: int) -> Location:
    return Location(line, line, "IV", "t", table_id="T-9", row=line - 1, column=column)


_PHASES = Table("T-9", Span(1, 4), [], [], [_row(2, "Phase 0", "에너지 작업 완료", "16 k GB200 랙 (7월 납품 완료)"),
                                            _row(3, "Phase 2", "2028년까지 완성", "최대 40만 개 GB200"),
                                            _row(4, "Phase 3", "2030년까지 완성", "2백만 개의 칩 (GB200 등)")],
                column_labels=["단계", "진행 상황", "GPU 배치 계획"])


def test_a_chip_in_a_column_of_plans_is_planned_with_its_count():
    ex = Extraction()
    for line, phase, status in ((2, "phase-0", "actual"), (3, "phase-2", "planned"), (4, "phase-3", "planned")):
        ex.statements.append(Statement(phase, "chipCount", _loc(line, 3), "r", value=Decimal(400000), unit="count",
                                       status=status))
        ex.add(Fact(phase, "usesChip", "nvidia-gb200", True, _loc(line, 3), "table:phases:usesChip", raw="GB200"))
    # another subject's figure in the cell, or a figure in a column that names no plan, decides nothing (but the
    # row still does: "2028년까지 완성" plans all its cells' links, test_extract_audit21_tables.py)
    ex.add(Fact("phase-9", "usesChip", "nvidia-gb200", True, _loc(2, 3), "table:phases:usesChip", raw="GB200"))
    ex.statements.append(Statement("phase-2", "completionDate", _loc(3, 2), "r", status="planned"))
    ex.add(Fact("phase-2", "poweredBy", "gas-turbine", True, _loc(3, 2), "table:phases:poweredBy", raw="가스"))
    # a site's place read from a cell of plans with its planned money: where it is being built, not planned
    ex.add(Fact("phase-2", "locatedIn", "texas", True, _loc(3, 3), "table:phases:locatedIn", raw="텍사스"))
    assert settle_link_statuses(ex, ["x"] * 4, [_PHASES]) == 2
    assert [(f.subject, f.predicate, f.link_status) for f in ex.facts] == [
        ("phase-0", "usesChip", ""), ("phase-2", "usesChip", "planned"), ("phase-3", "usesChip", "planned"),
        ("phase-9", "usesChip", ""), ("phase-2", "poweredBy", ""), ("phase-2", "locatedIn", "")]


def test_figures_of_mixed_status_or_no_figures_give_no_status():
    assert planned_figures_status(_PHASES, 3, {"planned"}) == "planned"
    assert planned_figures_status(_PHASES, 3, {"target"}) == "target"
    assert planned_figures_status(_PHASES, 3, {"planned", "actual"}) == ""
    assert planned_figures_status(_PHASES, 3, set()) == ""
    assert planned_figures_status(_PHASES, 3, {"estimate"}) == ""
    assert planned_figures_status(_PHASES, 2, {"planned"}) == ""  # "진행 상황": no column of plans
