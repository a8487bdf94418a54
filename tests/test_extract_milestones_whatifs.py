"""Wave 34 (audit 9): a release's later milestone and a what-if's figures, on sentences and tables of our own.

* A dated release whose words name a later step (오픈소스 출시, 정식 출시, 양산, 램프업, 샘플, 공급) is a release in
  that scope only (petaflop/extract/release_milestone.py): the prose event frame, a plan's date and a table's
  date column mapped to a release carry it as ``scope``, so the first, plain release wins the rank.
* A figure in a supposition ("…할 수 있다면", "…할 경우", "만약 …") is a scenario's (prose_status.py).
* A two-way table of dies made is a count of units with its metric, never the chip's shipments.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from types import SimpleNamespace

from foundation.periods import parse_period
from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Extraction, Location
from petaflop.extract.gate import is_unsure
from petaflop.extract.prose_status import supposed_figure
from petaflop.extract.release_milestone import milestone_scope
from petaflop.extract.resolve import Resolver
from petaflop.extract.status_context import settle_statuses
from petaflop.statements import merge, rank

LOC = Location(10, 10, "III", "test slide")


def _released(ex) -> list[tuple]:
    return [(s.subject, s.time.text, s.scope, s.rule) for s in ex.statements if s.kind == "releaseDate"]


def test_milestone_words_name_the_scope_of_a_release():
    assert milestone_scope(" 오픈소스 출시") == "open-source release"
    assert milestone_scope(" 정식 출시") == "general availability"
    assert milestone_scope(" 칩 양산") == "mass production" == milestone_scope(" 모델 대량 생산")
    assert milestone_scope("5월 램프업 개시", "공급 일정") == "volume ramp-up"
    assert milestone_scope("5월 말 첫 샘플", "공급 일정") == "samples"
    assert milestone_scope("2025년 5월", "공급 일정") == "supply"
    assert milestone_scope(" 얼리 액세스 출시") == milestone_scope(" 출시") == ""  # a first release: plain


def test_an_open_source_release_in_a_timeline_is_scoped_and_the_first_release_wins(text_reader):
    r, ex = text_reader
    r.read_cell("Grok-1 얼리 액세스 출시", LOC, (), "", parse_period("2023-11-03"))
    r.read_cell("Grok-1 오픈소스 출시", LOC, (), "", parse_period("2024-03-17"))
    assert _released(ex) == [("grok-1", "2023-11-03", "", "text-cell:event:dated"),
                             ("grok-1", "2024-03-17", "open-source release", "text-cell:event:dated")]
    merged = merge([replace(s, location=Location(n, n, "III", "t")) for n, s in enumerate(ex.statements, 1)])
    rank(merged)
    assert [(m.statement.time.text, m.rank) for m in merged] == [("2023-11-03", "preferred"), ("2024-03-17", "normal")]


def test_mass_production_in_prose_and_in_a_plan_is_a_release_in_that_scope(text_reader):
    r, ex = text_reader
    r.read_cell("B200 칩 양산 개시", LOC, (), "", parse_period("2027-Q2"))
    r.read("2025년 3월 H200 칩 정식 출시.", LOC, ())
    r.read("엔비디아는 연말까지 대량 생산에 들어간다고 예정된 GB300 칩의 사양을 공개.", LOC, ())
    assert _released(ex) == [("nvidia-b200", "2027-Q2", "mass production", "text-cell:event:dated"),
                             ("nvidia-h200", "2025-03", "general availability", "text:event:dated"),
                             ("nvidia-gb300", "2025-Q4", "mass production", "text:event-plan")]


def test_a_supply_schedule_column_dates_a_release_only_in_its_milestones_scope(gaz):
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor

    ex = Extraction()
    mapping = next(m for m in load_mappings() if m.id == "ascend-lineup")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], Resolver(gaz, ex),
                        SimpleNamespace(mine=lambda *a, **k: []), lambda t: ())
    head = ["칩 모델", "목표 성능 추정", "공급 일정", "추정 수율"]
    rows = [["Ascend 910C", "H20 약 절반 수준", "5월 램프업 개시", "약 40%"],
            ["Ascend 910D", "H20 일부 초과", "5월 말 첫 샘플", "공개 안 됨"]]
    cells = [Cell(h, h, 100, j + 1) for j, h in enumerate(head)]
    body = [Row(101 + i, [Cell(t, t, 101 + i, j + 1) for j, t in enumerate(r)]) for i, r in enumerate(rows)]
    te._rows(Table("T-01-1", Span(99, 102), ["Ascend 라인업"], cells, body, chapter="VI", slide_title="VI. 표",
                   column_labels=head), mapping)
    assert [(s, sc) for s, _t, sc, _r in _released(ex)] == [("huawei-ascend-910c", "volume ramp-up"),
                                                            ("huawei-ascend-910d", "samples")]


def _raw(line: str, figure: str) -> str:
    at = line.index(figure)
    return line[max(0, at - 20):at + len(figure) + 8].strip()[:60]


def test_a_figure_in_a_supposition_is_a_scenarios():
    if_can = "- 만약, 부지에 설치한 BESS로 2~5시간 피크 수요를 떠안을 수 있다면, 여유가 생김."
    assert supposed_figure(if_can, _raw(if_can, "2~5시간"))
    clause = "- 부지에 설치한 BESS로 4시간 피크 수요를 떠안을 수 있다면, 여유가 생김."
    assert supposed_figure(clause, _raw(clause, "4시간"))
    case = "- GPU 10만 개를 3개월간 임대해 데이터를 생성할 경우, 비용이 추산됨."
    assert supposed_figure(case, _raw(case, "10만 개"))
    after = "- 가격을 절반으로 내린다면, 매출은 30% 증가."
    assert supposed_figure(after, _raw(after, "30%"))
    # a real case ("했을 경우 50.7% 달성"), a topic ("X의 경우"), another sentence's supposition: no scenario
    done = "- 협력적 추론을 했을 경우 50.7% 달성."
    assert not supposed_figure(done, _raw(done, "50.7%"))
    topic = "- 엔비디아의 경우 점유율이 80%에 달함."
    assert not supposed_figure(topic, _raw(topic, "80%"))
    other = "- 전력 제한이 없다면 더 빠름. 이 칩은 2.6배 비효율적."
    assert not supposed_figure(other, _raw(other, "2.6배"))


def test_a_storage_duration_supposed_in_a_condition_is_scoped_a_scenario(text_reader):
    r, ex = text_reader
    line = "만약, 부지에 설치한 BESS로 2~5시간 피크 수요를 떠안을 수 있다면, 여유가 생김."
    r.read(line, LOC, ())
    settle_statuses([], ex, ["x"] * 9 + [line])
    got = [(s.subject, s.value, s.high, s.status, s.scope, is_unsure(s.rule))
           for s in ex.statements if s.kind == "storageDuration"]
    assert got == [("battery-energy-storage-system", Decimal(2), Decimal(5), "actual", "scenario", True)]


def test_a_what_ifs_figure_is_a_claim_and_a_real_one_is_not(text_reader):
    r, ex = text_reader
    lines = ["x"] * 9 + ["- 중국은 설비이용률이 약 39%. 이용률을 78%로만 올려도 생산이 늘어남."]
    r.read(lines[-1], LOC, ())
    settle_statuses([], ex, lines)
    got = sorted((s.value, s.scope, is_unsure(s.rule)) for s in ex.statements if s.unit == "%")
    assert got == [(Decimal(39), "", False), (Decimal(78), "scenario", True)]
