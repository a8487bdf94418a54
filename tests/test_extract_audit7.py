"""Audit 7 fixes: a table titled "(추정)" makes its links estimates, a column of measures ("… 확충·연계 방안")
plans its links, a figure read twice in one cell keeps the reading with its metric, and a figure listed
under a stage label ("1단계: …") is scoped to that stage. Tables and sentences are our own (in the report's style)."""

from __future__ import annotations

from decimal import Decimal

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Extraction, Fact, Location, Statement
from petaflop.extract.link_status import cell_link_status, settle_link_statuses, title_status
from petaflop.extract.same_cell import adopt_more_specific
from petaflop.extract.text_value_guards import stage_scope


def _row(line: int, *texts: str) -> Row:
    return Row(line, [Cell(t, t, line, j) for j, t in enumerate(texts, 1)])


def _loc(line: int, column: int, table: str) -> Location:
    return Location(line, line, "VIII", "t", table_id=table, row=line - 1, column=column)


def test_a_table_titled_as_an_estimate_makes_each_of_its_links_an_estimate():
    guessed = Table("T-1", Span(1, 4), ["2026년에도 아직 과도기"], [],
                    [_row(2, "항목", "TPU X", "MTIA Y"), _row(3, "공정", "N3", "N2"), _row(4, "사용자", "구글", "메타")],
                    column_labels=["항목", "TPU X", "MTIA Y"], slide_title="[참고] 빅테크 ASIC 프로젝트 정리 (추정)")
    plain = Table("T-2", Span(5, 6), ["빅테크 ASIC 프로젝트 정리"], [], [_row(6, "공정", "N3")],
                  column_labels=["항목", "TPU Z"])
    plans = Table("T-3", Span(7, 8), ["중국 CSP의 해외 인프라 계획"], [], [_row(8, "A 클라우드", "B 거점 개설")],
                  column_labels=["기업명", "인프라"])
    assert [title_status(t) for t in (guessed, plain, plans)] == ["estimate", "", ""]
    ex = Extraction()
    ex.add(Fact("tpu-x", "fabricatedOn", "tsmc-n3", True, _loc(3, 2, "T-1"), "table:asics:fabricatedOn", raw="N3"))
    ex.add(Fact("mtia-y", "fabricatedOn", "tsmc-n2", True, _loc(3, 3, "T-1"), "table:asics:fabricatedOn", raw="N2"))
    ex.add(Fact("tpu-x", "developedBy", "google", True, _loc(4, 2, "T-1"), "table:asics:developedBy", raw="구글"))
    ex.add(Fact("tpu-z", "fabricatedOn", "tsmc-n3", True, _loc(6, 2, "T-2"), "table:asics:fabricatedOn", raw="N3"))
    lines = ["x", "항목\tTPU X\tMTIA Y", "공정\tN3\tN2", "사용자\t구글\t메타", "x", "공정\tN3"]
    assert settle_link_statuses(ex, lines, [guessed, plain]) == 2
    # the node links of the guessed table are estimates; whose project it is (developedBy) names the thing
    assert [f.link_status for f in ex.facts] == ["estimate", "estimate", "", ""]


def test_a_link_read_from_a_column_of_measures_to_be_taken_is_planned():
    table = Table("T-4", Span(1, 3), ["유럽의 AI 데이터센터 & 그리드 확충 노력"], [],
                  [_row(2, "6월 A사", "X 슈퍼컴", "24 MW", "Terna 150 kV 이중화 + 태양광 PPA", "DGX H200 6,400개")],
                  column_labels=["발표 주체", "프로젝트", "설비 용량", "전력망(그리드) 확충·연계 방안", "칩 스펙"])
    assert [cell_link_status(table, 2, c) for c in (2, 4, 5)] == ["", "planned", ""]
    phases = Table("T-5", Span(4, 5), [], [], [_row(5, "Phase 0", "16 k GB200 랙")],
                   column_labels=["단계", "GPU 배치 계획"])
    assert cell_link_status(phases, 5, 2) == ""  # a column of plans lists what the phase has: not decided by its label
    ex = Extraction()
    ex.add(Fact("x-supercomputer", "poweredBy", "solar-pv", True, _loc(2, 4, "T-4"), "table-reader:poweredBy@351:mapped",
                raw="태양광 PPA"))
    ex.add(Fact("x-supercomputer", "usesSystem", "dgx-h200", True, _loc(2, 5, "T-4"), "table:eu:usesSystem",
                raw="DGX H200"))
    assert settle_link_statuses(ex, ["x", "6월 A사\tX 슈퍼컴\t24 MW\tTerna 150 kV 이중화 + 태양광 PPA\tDGX H200 6,400개"],
                                [table]) == 1
    assert [f.link_status for f in ex.facts] == ["planned", ""]


def test_a_figure_read_twice_in_one_cell_takes_the_metric_of_the_reading_that_names_it():
    loc = _loc(3, 4, "T-6")
    bare = Statement("mtia-v2", "computePerformance", loc, "text-cell:value-unit:row", value=Decimal("354E12"),
                     unit="FLOPS", number_format="FP16/BF16")
    named = Statement("mtia-v2", "computePerformance", loc, "table-reader:computePerformance@193:by-precision",
                      value=Decimal("354E12"), unit="FLOPS", number_format="FP16/BF16", metric="GEMM TOPS (최소성)")
    other_place = Statement("mtia-v2", "computePerformance", _loc(2, 4, "T-6"), "text-cell:value-unit:row",
                            value=Decimal("354E12"), unit="OPS", number_format="INT8")
    # two readings that each say something the other does not are both kept
    scoped = Statement("site-a", "powerCapacity", _loc(5, 3, "T-6"), "r1", value=Decimal(1000), unit="MW", scope="1단계")
    itemed = Statement("site-a", "powerCapacity", _loc(5, 3, "T-6"), "r2", value=Decimal(1000), unit="MW", item="turbine")
    # a power figure's item says whose power it is (the turbines'), not more of the subject's own figure: both kept
    phase = Statement("phase-1", "powerCapacity", _loc(6, 3, "T-6"), "r3", value=Decimal(1000), unit="MW")
    turbines = Statement("phase-1", "powerCapacity", _loc(6, 3, "T-6"), "r4", value=Decimal(1000), unit="MW",
                         item="turbine")
    ex = Extraction()
    ex.statements.extend([bare, named, other_place, scoped, itemed, phase, turbines])
    assert adopt_more_specific(ex) == 1
    assert [st.item for st in ex.statements[5:]] == ["", "turbine"]
    assert [st.metric for st in ex.statements] == ["GEMM TOPS (최소성)", "GEMM TOPS (최소성)", "", "", "", "", ""]
    assert ex.statements[0].identity == named.identity  # one statement, read by two rules
    assert ex.statements[2].number_format == "INT8"  # the dense row's figure, read elsewhere, stays as read
    assert (ex.statements[3].scope, ex.statements[3].item) == ("1단계", "")
    assert (ex.statements[4].scope, ex.statements[4].item) == ("", "turbine")


def test_a_figure_listed_under_a_stage_label_is_scoped_to_that_stage():
    cell = "1단계: 18,000 GPU 2단계: 28,000 GPU"
    assert stage_scope(cell, cell.index("18,000")) == "1단계"
    assert stage_scope(cell, cell.index("28,000")) == "2단계"
    assert stage_scope("Phase 2: 1.2 GW 가스", 9) == "Phase 2"
    plain = "총 1.2 GW(가스), 600MW 태양광"
    assert stage_scope(plain, plain.index("600")) == ""
    assert stage_scope("Colossus 2단계 완공 시 1GW", 18) == ""  # a stage named, no label listing figures
