"""What a table figure measures when a cell holds several: a size's length and width, each of a row's
precisions with the row's label; and a table titled as an estimate holds estimates (audit C, wave 28)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.status_context import settle_statuses
from tests.test_table_reader import make_table


def test_a_size_is_a_length_and_a_width_of_what_the_label_names(table_reader):
    r, ex = table_reader
    r.read(make_table(["칩 사양"], ["구분", "세부 항목", "Meta MTIA v2"], [["면적", "", "25.6mm x 16.4mm"]],
                      transposed=True))
    got = sorted((s.value, s.metric) for s in ex.statements if s.kind == "quantity")
    assert got == [(Decimal("16.4"), "면적 (width)"), (Decimal("25.6"), "면적 (length)")]  # mm


def test_each_precision_of_a_row_keeps_the_rows_measure(table_reader):
    r, ex = table_reader
    r.read(make_table(["칩 사양"], ["구분", "세부 항목", "Meta MTIA v2"],
                      [["SIMD TOPS", "RISC-V 벡터 코어", "5.5 (INT8), 2.8 (FP16), 1.4 (BF16/FP32)"]], transposed=True))
    got = sorted((s.value, s.metric) for s in ex.statements if s.kind == "computePerformance")
    assert [v for v, _ in got] == [Decimal("1.4E+12"), Decimal("2.8E+12"), Decimal("5.5E+12")]
    assert {m for _, m in got} == {"SIMD TOPS RISC-V 벡터 코어"}  # never the chip's headline FP16


def test_a_table_titled_as_an_estimate_holds_estimates():
    table = replace(make_table(["2027년은 돼야 본 게임"], ["항목", "Chip X"], [["메모리", "144GB"]]),
                    slide_title="[참고] 빅테크들의 주요 ASIC 프로젝트 정리 (추정)")
    loc = Location(101, 101, "IV", "t", table_id=table.id, column=2)
    ex = Extraction(statements=[Statement("chip-x", "memoryCapacity", loc, "t", value=Decimal(144), unit="GB")])
    settle_statuses([table], ex, ["", ""])
    assert ex.statements[0].status == "estimate"
    plain = make_table(["2027년은 돼야 본 게임"], ["항목", "Chip X"], [["메모리", "144GB"]])
    ex = Extraction(statements=[Statement("chip-x", "memoryCapacity", loc, "t", value=Decimal(144), unit="GB")])
    settle_statuses([plain], ex, ["", ""])
    assert ex.statements[0].status == "actual"


def test_the_report_graph_keeps_lane_rates_and_shared_experts_out(built_graph):
    """Line 4199 ("HIGH SPEED I/O | 224 Gbps") is one lane's rate, not UALink's or NVLink's bandwidth; line 3858
    ("공유 전문가 | 1") is the shared expert, not a model's number of experts (which line 3856 gives)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(path=str(built_graph), format=ox.RdfFormat.N_QUADS)
    pfa, pfid = "https://petaflop-atlas.org/ontology#", "https://petaflop-atlas.org/id/"

    def values(entity: str, prop: str) -> set[float]:
        rows = store.query(f"SELECT ?v WHERE {{ GRAPH <https://petaflop-atlas.org/graph/facts> "
                           f"{{ <{pfid}{entity}> <{pfa}{prop}> ?v }} }}")
        return {float(r["v"].value) for r in rows}

    assert values("ualink", "interconnectBandwidthGBps") == set()
    assert 1.0 not in values("kimi-k2", "expertCount") and 384.0 in values("kimi-k2", "expertCount")
