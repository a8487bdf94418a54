"""The start of a facility's operation (petaflop/extract/text_operation.py) on sentences and cells of our own."""
from __future__ import annotations

from petaflop.extract.cell_text import prose_cell
from petaflop.extract.facts import Location

LOC = Location(10, 10, "IV", "test slide")


def starts(ex) -> set[tuple[str, str, str]]:
    return {(s.subject, s.time.text, s.status) for s in ex.statements if s.kind == "operationDate"}


def test_a_date_before_a_manner_of_running_is_the_start_of_operation(text_reader):
    r, ex = text_reader
    r.read("Hyperion은 2028년에 부분운영을 시작.", LOC, ())
    r.read("Colossus 2단계는 2024년 9월 시범 가동.", LOC, ())
    assert starts(ex) == {("hyperion", "2028", "planned"), ("colossus-2", "2024-09", "actual")}


def test_a_cell_names_its_rows_start_of_operation(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("project-rainier"))
    assert prose_cell("2030년 (2028년에 부분운영)")
    r.read_cell("2025년 4분기 본격 운영; 2026년 업그레이드", LOC, (), "project-rainier")
    assert starts(ex) == {("project-rainier", "2025-Q4", "planned")}


def test_running_without_a_manner_or_a_date_is_no_start(text_reader):
    r, ex = text_reader
    r.read("Colossus 2단계는 2024년 9월 이후 운영 중.", LOC, ())
    r.read("Hyperion은 부분운영 중.", LOC, ())
    assert starts(ex) == set()


def test_a_move_to_a_chip_is_a_use_of_it(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("project-rainier"))
    r.read_cell("2026년 Trainium3으로 업그레이드", LOC, (), "project-rainier")
    assert ("project-rainier", "usesChip", "aws-trainium3") in {(f.subject, f.predicate, f.obj) for f in ex.facts}


def test_a_timeline_row_dates_the_start_its_cell_states_without_a_date(text_reader):
    from foundation.periods import parse_period

    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("tesla-robotaxi"))
    r.res.record(r.res.gaz.by_id("tesla"))
    r.read_cell("무인 호출 서비스 “피닉스”에서 운영 시작 (초기 5대)", LOC, (), "tesla-robotaxi", parse_period("2024-03"))
    r.read_cell("호출 서비스 운영 시작 예정", LOC, (), "tesla-robotaxi", parse_period("2027-01"))
    r.read_cell("신규 서비스 운영 시작", LOC, (), "tesla", parse_period("2024-05"))  # a firm runs no start of its own
    assert starts(ex) == {("tesla-robotaxi", "2024-03", "actual")}
