"""The parser on tests/fixtures/mini_report.txt (our own text in the report's format)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from foundation.errors import UserError
from ingest import (
    EmptyReport,
    InvalidEncoding,
    NotAReport,
    document_to_json,
    iter_blocks,
    line_owners,
    load_document,
    parse_bytes,
    parse_report,
    parse_text,
)
from ingest.cleaning import clean_cell, clean_latex, clean_text
from ingest.model import Bullet, Figure, Heading, Table
from ingest.sources import normalise_source, parse_source_line, split_sources
from petaflop.cli import app

MINI = Path(__file__).parent / "fixtures" / "mini_report.txt"


@pytest.fixture(scope="module")
def doc():
    return parse_report(MINI)


def test_chapters_and_slides(doc):
    assert [(c.key, c.title, c.lines.as_list()) for c in doc.chapters] == [
        ("intro", "작은 지도 한 장", [15, 19]),
        ("I", "칩과 전력", [21, 71]),
        ("II", "동맹과 규제", [73, 108]),
        ("conclusion", "정리", [110, 112]),
    ]
    ch1 = doc.chapters[1]
    assert [h.text for h in ch1.cover] == ["칩", "전력"]
    assert [(s.ordinal, s.tag, s.lines.as_list()) for s in ch1.slides] == [
        (1, "", [27, 54]),
        (2, "참고", [56, 71]),
    ]
    assert ch1.slides[0].title == "I. 칩과 전력: 가상의 클러스터 Alpha"


def test_contents_is_not_a_table(doc):
    assert [(e.title, e.page, e.line) for e in doc.contents] == [
        ("[서론] 작은 지도 한 장", 2, 10),
        ("I. 칩과 전력", 3, 11),
        ("II. 동맹과 규제", 6, 12),
        ("[결론] 정리", 9, 13),
    ]
    assert all(t.lines.first > 13 for t in doc.tables)


def test_bullets_with_levels(doc):
    bullets = [b for _, _, b in iter_blocks(doc) if isinstance(b, Bullet)]
    assert [(b.lines.first, b.level, b.marker) for b in bullets] == [
        (31, 0, "-"), (32, 0, "-"), (33, 1, "-"), (34, 0, "*"), (81, 0, "-"), (112, 0, "-"),
    ]  # fmt: skip
    assert bullets[2].text == "하위 항목: 터빈 12기, 배터리 수백 MWh."


def test_intro_text_is_paragraphs_and_subtitle_is_heading(doc):
    intro = doc.chapters[0].slides[0].blocks
    assert [b.kind for b in intro] == ["paragraph", "paragraph"]
    first = doc.chapters[1].slides[0].blocks[0]
    assert isinstance(first, Heading) and first.lines.as_list() == [29, 29]


def test_investor_table(doc):
    t = doc.table("I-01-1")
    assert t.lines.as_list() == [36, 45] and t.body_lines.as_list() == [38, 42]
    assert t.caption == ["Alpha 투자자 구성"]
    assert [c.text for c in t.header] == ["투자자", "역할", "투자액 (억 달러)", "비고"]
    assert t.column_units == ["", "", "억 달러", ""]
    assert t.notes == ["주: 투자액은 발표 기준."]
    assert t.sources == ["Nova", "SemiAnalysis", "미래에셋증권 리서치센터"]
    assert t.source_line == 45
    assert [r.line for r in t.rows] == [39, 40, 41, 42]
    nova = t.rows[0]
    assert nova.cells[2].quantity.value == Decimal(19_000_000_000)
    assert nova.cells[2].quantity.unit == "USD"
    assert nova.cells[3].text == "주도 역할" and nova.cells[3].raw == "<u>주도</u> 역할"
    assert t.rows[1].cells[2].quantity is None  # '-'
    merged = t.rows[2].cells[0]
    assert merged.merged and merged.carried == "Orbit Fund" and (merged.line, merged.column) == (41, 1)
    assert t.rows[2].cells[3].items == ["첫째 조건", "둘째 조건"]
    assert t.rows[3].cells[3].text == "$7B 한도"
    assert not t.transposed


def test_transposed_spec_table(doc):
    t = doc.table("I-01-2")
    assert t.transposed
    assert t.column_labels == ["항목", "Zeta X1", "Zeta X2", "Omega 9"]
    bw = t.row_by_label("대역폭")
    assert [(c.quantity.value, c.quantity.unit) for c in bw.cells[1:]] == [
        (Decimal("3.35"), "TB/s"), (Decimal("4.8"), "TB/s"), (Decimal(8), "TB/s"),
    ]  # fmt: skip
    launch = t.row_by_label("출시")
    assert [c.quantity.date_start for c in launch.cells[1:]] == ["2026-07-01", "2026-07-01", "2027-01-01"]


def test_caption_on_a_tab_line_and_latex(doc):
    t = doc.table("I-02-1")
    assert t.caption == ["Alpha 총 비용(TCO)"]
    assert t.lines.as_list() == [58, 64] and t.caption_lines.as_list() == [58, 58]
    assert [c.text for c in t.header] == ["단계", "비용 항목", "금액(USD)", "설명"]
    assert t.rows[1].cells[0].merged and t.rows[1].cells[0].carried == "1단계"
    assert t.rows[1].cells[3].text == "≈ 20 만 개"
    assert t.rows[0].cells[2].quantity.value == Decimal(116)


def test_tables_without_source_do_not_take_the_figures(doc):
    t1, t2 = doc.table("II-01-1"), doc.table("II-01-2")
    assert (t1.source_line, t1.sources) == (None, [])
    assert (t2.source_line, t2.sources) == (None, [])
    fig = next(f for f in doc.figures if f.id == "II-01-f1")
    assert fig.caption == ["가상 매출 추이 그래프"]
    assert fig.lines.as_list() == [93, 97] and fig.source_line == 97
    assert fig.sources == ["가상 통계청", "미래에셋증권 리서치센터"]
    assert any("II-01-1 has no 자료" in w.message and w.line == 85 for w in doc.warnings)


def test_section_rows(doc):
    t = doc.table("II-02-1")
    assert [r.section for r in t.rows] == [True, False, False, True, False]
    assert t.rows[1].cells[1].text == "$"
    assert not t.transposed


def test_figure_with_two_caption_lines(doc):
    f = next(f for f in doc.figures if f.id == "I-02-f1")
    assert f.caption == ["Alpha 부지 사진", "드론으로 찍은 가상의 사진"]
    assert f.lines.as_list() == [66, 71]


def test_ids_are_stable(doc):
    again = parse_report(MINI)
    assert [t.id for t in again.tables] == [t.id for t in doc.tables] == [
        "I-01-1", "I-01-2", "I-02-1", "II-01-1", "II-01-2", "II-02-1",
    ]  # fmt: skip
    assert [f.id for f in doc.figures] == ["I-02-f1", "II-01-f1"]


def test_every_line_accounted(doc):
    assert doc.unaccounted_lines == []
    owners = line_owners(doc)
    for n, line in enumerate(doc.lines, start=1):
        assert line.strip() == "" or owners[n - 1] is not None, n


def test_sources_are_collected(doc):
    assert doc.sources == [
        "Nova",
        "SemiAnalysis",
        "가상 칩 회사",
        "가상 통계청",
        "미래에셋증권 리서치센터",
        "외신 종합",
    ]


def test_json_shape(doc):
    j = document_to_json(doc)
    json.dumps(j)  # plain data
    assert {"chapters", "tables", "figures", "sources", "unaccounted_lines"} <= set(j)
    assert j["chapters"][1]["title"] == "칩과 전력" and j["chapters"][1]["lines"] == [21, 71]
    t = j["tables"][0]
    assert {"id", "lines", "caption", "header", "rows", "sources", "transposed"} <= set(t)
    assert t["header"] == ["투자자", "역할", "투자액 (억 달러)", "비고"]
    assert t["rows"][0]["cells"][2]["quantity"]["value"] == 19_000_000_000


def test_load_document_caches_by_mtime(tmp_path):
    p = tmp_path / "r.txt"
    p.write_bytes(MINI.read_bytes())
    a = load_document(p)
    assert load_document(p) is a
    import os

    st = p.stat()
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert load_document(p) is not a


# ----------------------------------------------------------------------------- errors


def test_invalid_utf8_names_the_byte_offset():
    data = "I. 가: 나\n".encode() + b"\xff\xfe"
    with pytest.raises(InvalidEncoding) as exc:
        parse_bytes(data, "x.txt")
    assert exc.value.offset == len("I. 가: 나\n".encode())
    assert f"byte offset {exc.value.offset}" in str(exc.value)
    assert isinstance(exc.value, UserError)


def test_empty_and_foreign_text_are_clear_errors():
    with pytest.raises(EmptyReport):
        parse_text("", "e.txt")
    with pytest.raises(EmptyReport):
        parse_text(" \n\t\n", "e.txt")
    with pytest.raises(NotAReport):
        parse_text("just some text\nwith\ttabs\n", "n.txt")
    assert issubclass(NotAReport, UserError) and issubclass(EmptyReport, UserError)


def test_missing_file_is_a_user_error(tmp_path):
    with pytest.raises(UserError):
        parse_report(tmp_path / "nope.txt")


# ----------------------------------------------------------------------------- helpers


def test_cleaning():
    assert clean_latex("\\$60억") == "$60억"
    assert clean_latex("$\\approx 29 \\times 35\\text{MW}$") == "≈ 29 × 35MW"
    assert clean_text("a<br>b <u>c</u> **d**") == "a b c d"
    text, items = clean_cell('<ul style="list-style-type: none"> • 하나 • 둘 <u>셋</u>')
    assert items == ["하나", "둘 셋"] and text == "하나; 둘 셋"
    assert clean_cell("<ul><li>가</li><li>나</li></ul>")[1] == ["가", "나"]
    assert clean_cell(" - 첫째 - 둘째")[1] == ["첫째", "둘째"]
    assert clean_cell("보통 셀") == ("보통 셀", [])


def test_sources_split_and_normalise():
    assert split_sources('논문 "A, B", 류(가, 나), X') == ['논문 "A, B"', "류(가, 나)", "X"]
    assert normalise_source("미래셋증권 리서치센터") == "미래에셋증권 리서치센터"
    assert normalise_source("Tesla") == "테슬라"
    sl = parse_source_line("자료: 기준은 A: ≥ 80k, SS: 40k-79.9k, 구글 스콜라, 미래에셋증권 리서치센터")
    assert sl.names == ["구글 스콜라", "미래에셋증권 리서치센터"]
    assert sl.notes == ["기준은 A: ≥ 80k", "SS: 40k-79.9k"]


def test_source_line_a_colon_inside_a_quoted_title_is_no_note():
    sl = parse_source_line('자료: 구글 논문 "Titans: Learning to Memorize", 미래에셋증권 리서치센터')
    assert sl.names == ['구글 논문 "Titans: Learning to Memorize"', "미래에셋증권 리서치센터"]
    assert sl.notes == []


# ----------------------------------------------------------------------------- CLI


def test_cli_parse_writes_json(cli, tmp_path):
    out = tmp_path / "doc.json"
    res = cli.invoke(app, ["parse", "--report", str(MINI), "--json", str(out)])
    assert res.exit_code == 0, res.output
    assert "chapters" in res.output and "warning line 85" in res.output
    j = json.loads(out.read_text(encoding="utf-8"))
    assert len(j["tables"]) == 6 and j["unaccounted_lines"] == []


def test_cli_parse_bad_file_is_one_line_error(cli, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"abc\xff")
    res = cli.invoke(app, ["parse", "--report", str(bad)])
    assert res.exit_code == 1
    assert "byte offset 3" in res.output


def test_figure_and_table_kinds(doc):
    kinds = {type(b) for _, _, b in iter_blocks(doc)}
    assert {Table, Figure, Bullet, Heading} <= kinds
