"""Acceptance on the real report (read at run time via the ``report_path`` fixture)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from ingest import document_to_json, iter_blocks, line_owners, load_document, parse_report
from ingest.model import Bullet

# Tables without a 자료: line, checked by reading the report: each is followed by text or
# by another slide, never by a source line of its own.
TABLES_WITHOUT_SOURCE = {
    "II-07-1": 804,  # IOI ranking; bullets follow, then the figure's source
    "V-02-1": 2268,  # Oberon vs Kyber rack
    "V-11-1": 2528,  # Colossus microgrid stages, below a figure with its own source
    "VI-03-1": 2770,  # AI Action Plan pillars
    "VIII-21-1": 4369,  # 2026-2027 big-tech ASIC projects
    "VIII-22-1": 4396,  # rhetoric-of-crisis matrix; a figure with its own source follows
    "VIII-27-1": 4506,  # physical AI data table
    "IX-14-2": 4943,  # third part of the robotaxi valuation, ends the slide
}
# Figures whose caption is not followed by a 자료: line (image panels without a source).
FIGURES_WITHOUT_SOURCE = {
    "III-20-f1": 1545, "III-20-f2": 1549, "III-23-f1": 1629, "VI-24-f2": 3343,
    "VI-24-f3": 3347, "VIII-23-f1": 4432, "X-11-f1": 5440, "X-11-f2": 5446,
}  # fmt: skip


@pytest.fixture(scope="module")
def doc(report_path):
    return load_document(report_path)


def _table_at(doc, line):
    return next(t for t in doc.tables if t.body_lines.first <= line <= t.body_lines.last)


def test_twelve_chapters(doc):
    assert [c.key for c in doc.chapters] == [
        "intro",
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
        "IX",
        "X",
        "conclusion",
    ]
    assert [c.lines.first for c in doc.chapters] == [
        26,
        40,
        591,
        993,
        1771,
        2220,
        2705,
        3453,
        3894,
        4555,
        5181,
        5748,
    ]
    assert doc.chapters[6].title == "소버린 AI(신냉전)"
    assert (
        doc.chapters[1].heading_text == "I. 시와 사회 변화"
    )  # the cover's spelling; the title comes from the contents
    assert doc.chapters[1].title == "AI와 사회 변화"
    assert sum(len(c.slides) for c in doc.chapters) == 209


def test_contents_recognised_not_a_table(doc):
    assert [e.line for e in doc.contents] == list(range(13, 25))
    assert [e.page for e in doc.contents] == [3, 4, 22, 36, 64, 80, 98, 127, 145, 174, 197, 220]
    assert min(t.lines.first for t in doc.tables) > 24


def test_table_and_figure_counts(doc):
    # 133 runs of tab lines in the file; one is the contents → 132 tables
    assert len(doc.tables) == 132
    assert len(doc.figures) == 238
    kinds = Counter(b.kind for _, _, b in iter_blocks(doc))
    assert kinds["table"] == 132 and kinds["figure"] == 238


def test_every_source_line_is_attached(doc):
    source_lines = [n for n, line in enumerate(doc.lines, start=1) if "자료:" in line]
    assert len(source_lines) == 354
    attached = [t.source_line for t in doc.tables if t.source_line] + [
        f.source_line for f in doc.figures if f.source_line
    ]
    assert sorted(attached) == source_lines  # each exactly once
    assert sum(1 for t in doc.tables if t.source_line) == 124
    assert sum(1 for f in doc.figures if f.source_line) == 230


def test_unsourced_tables_and_figures_are_the_known_ones(doc):
    assert {t.id: t.body_lines.first for t in doc.tables if not t.source_line} == TABLES_WITHOUT_SOURCE
    assert {f.id: f.lines.first for f in doc.figures if not f.source_line} == FIGURES_WITHOUT_SOURCE
    for tid, line in TABLES_WITHOUT_SOURCE.items():
        assert any(w.line == line and tid in w.message for w in doc.warnings)


def test_no_unaccounted_lines(doc):
    assert doc.unaccounted_lines == []
    owners = line_owners(doc)
    for n, line in enumerate(doc.lines, start=1):
        if line.strip():
            assert owners[n - 1] is not None, n


def test_stargate_investor_table(doc):
    t = _table_at(doc, 1927)
    assert t.id == "IV-05-1"
    assert t.caption == ["Stargate 투자자 현황"]
    assert t.lines.as_list() == [1924, 1934] and t.source_line == 1934
    assert t.sources == ["OpenAI", "외신 종합", "미래에셋증권 리서치센터"]
    assert [r.cells[0].text for r in t.rows] == [
        "OpenAI", "SoftBank", "Oracle", "Crusoe · Blue Owl JV", "MGX / PIF (사우디)", "은행 PF (JPM 등)",
    ]  # fmt: skip
    col = t.column("투자액")
    assert t.column_units[col] == "억 달러"
    amounts = [r.cells[col].quantity for r in t.rows]
    assert [q.value if q else None for q in amounts] == [
        Decimal(19_000_000_000), None, Decimal(40_000_000_000), Decimal(11_600_000_000), None, Decimal(7_100_000_000),
    ]  # fmt: skip
    assert all(q.unit == "USD" and q.currency == "USD" for q in amounts if q)
    assert (t.rows[0].cells[col].line, t.rows[0].cells[col].column) == (1927, 3)


def test_nvidia_china_export_gpu_table(doc):
    t = _table_at(doc, 2955)
    assert t.header[0].text == "GPU (출시 세대)"
    bw = t.column("메모리 대역폭")
    got = {r.cells[0].text: r.cells[bw].quantity for r in t.rows[:5]}
    assert list(got) == ["H100 (SXM)", "H800", "B100", "H20", "RTX PRO 6000D (B40)"]
    assert {k: (q.value, q.unit, q.kind) for k, q in got.items()} == {
        "H100 (SXM)": (Decimal("3.35"), "TB/s", "bandwidth"),
        "H800": (Decimal("1.68"), "TB/s", "bandwidth"),
        "B100": (Decimal(8), "TB/s", "bandwidth"),
        "H20": (Decimal(4), "TB/s", "bandwidth"),
        "RTX PRO 6000D (B40)": (Decimal("1.8"), "TB/s", "bandwidth"),
    }
    assert t.sources == ["미래에셋증권 리서치센터"] and t.source_line == 2963


def test_meta_cluster_power_in_gw(doc):
    t = _table_at(doc, 2156)
    col = t.column("전체 전력")
    assert t.column_units[col] == "GW"
    power = {r.cells[0].text: r.cells[col].quantity.value for r in t.rows}
    assert power == {
        "프로메테우스": Decimal(1000), "하이페리온": Decimal(5000), "타이탄 (1)": Decimal(2000),
        "타이탄 (2)": Decimal(2000), "합계": Decimal(10_000),
    }  # fmt: skip
    assert all(r.cells[col].quantity.unit == "MW" for r in t.rows)


def test_asic_table_is_transposed(doc):
    t = _table_at(doc, 4369)
    assert t.id == "VIII-21-1" and t.transposed and t.source_line is None
    assert t.column_labels[1:3] == ["TPU V7p", "TPU V7e"]
    when = t.row_by_label("시기")
    assert when.cells[1].text == "3Q26" and when.cells[1].quantity.date_start == "2026-07-01"
    assert when.cells[6].quantity.date_end == "2026-12-31"  # 2H26


def test_transposed_flags(doc):
    transposed = {t.id for t in doc.tables if t.transposed}
    assert {"VIII-21-1", "III-06-1", "III-26-1"} <= transposed
    assert not {"IV-05-1", "VI-10-3", "IV-13-1", "VI-26-1", "VIII-19-1"} & transposed


def test_caption_on_tab_line(doc):
    t = _table_at(doc, 1970)
    assert t.caption == ["Stargate 총 비용 구조(TCO)"] and t.caption_lines.as_list() == [1969, 1969]
    assert [c.text for c in t.header] == ["단계/구분", "비용 항목", "금액(USD)", "세부 내용·가정"]
    assert t.rows[1].cells[0].merged and t.rows[1].cells[0].carried.startswith("1단계")
    assert t.rows[0].cells[2].quantity.unit == "USD"


def test_html_and_latex_cells(doc):
    t = _table_at(doc, 1317)
    cell = t.rows[0].cells[1]
    assert len(cell.items) == 2 and "<ul" in cell.raw and "<" not in cell.text
    rows = [r for t in doc.tables for r in t.rows]
    assert not any("\\$" in c.text or "<u>" in c.text or "\\text" in c.text for r in rows for c in r.cells)


def test_multi_part_and_two_level_tables(doc):
    assert doc.table("IX-14-1").continues == "IX-13-1"
    assert doc.table("IX-14-2").continues == "IX-14-1"
    q = _table_at(doc, 3672)
    assert len(q.header_rows) == 2 and q.column_labels[1].startswith("Open Models / Qwen3-Coder")
    assert q.rows[0].section  # 'Agentic Coding'


def test_unit_line_joins_the_caption(doc):
    t = _table_at(doc, 2908)
    assert t.caption == ["미국의 칩 수출 규제 관련 타임라인", "(십억원, %, 배)"]


def test_source_line_with_remarks(doc):
    t = next(t for t in doc.tables if t.source_line == 1841)
    assert t.sources == ["구글 스콜라", "워신", "미래에셋증권 리서치센터"]
    assert len(t.source_notes) == 5


def test_sources_normalised(doc):
    assert "미래셋증권 리서치센터" not in doc.sources
    assert {"SemiAnalysis", "미래에셋증권 리서치센터", "엔비디아", "OpenAI"} <= set(doc.sources)
    assert len(doc.sources) == 167  # the Microsoft paper whose quoted title holds a colon


def test_bullets_and_levels(doc):
    bullets = [b for _, _, b in iter_blocks(doc) if isinstance(b, Bullet)]
    levels = Counter(b.level for b in bullets)
    assert levels[0] > 600 and levels[1] > 40
    b = next(b for b in bullets if b.lines.first == 1942)
    assert b.level == 1 and b.marker == "-"


def test_ids_stable_across_runs(doc, report_path):
    again = parse_report(report_path)
    assert [t.id for t in again.tables] == [t.id for t in doc.tables]
    assert [f.id for f in again.figures] == [f.id for f in doc.figures]
    assert len({t.id for t in doc.tables}) == 132


def test_json_has_required_fields(doc):
    j = document_to_json(doc)
    assert len(j["chapters"]) == 12 and all({"title", "lines"} <= set(c) for c in j["chapters"])
    assert all(
        {"id", "lines", "caption", "header", "rows", "sources", "transposed"} <= set(t) for t in j["tables"]
    )
    assert j["unaccounted_lines"] == [] and len(j["figures"]) == 238


def test_reference_date(doc):
    assert doc.reference_date == "2025-09-03"
