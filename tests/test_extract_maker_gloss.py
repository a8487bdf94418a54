"""The bare maker before the making noun ("<maker> 개발 … <product>") in prose and in a table cell, and a
product named in a parenthesis after the maker's described noun phrase ("<maker>의 … 시스템(<product>)") in a
table cell (genitive_far.py, cell_links.py) — and the readings they must refuse."""

from __future__ import annotations

from types import SimpleNamespace

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.cell_links import add_cell_links
from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "X", "test slide")


def made(ex: Extraction, rule: str) -> set[tuple[str, str, str]]:
    return {(f.subject, f.predicate, str(f.obj)) for f in ex.facts if f.obj_is_entity and f.rule == rule}


def test_the_bare_maker_before_the_making_noun_names_the_products_maker(text_reader):
    r, ex = text_reader
    r.read("가나다 그룹 자회사 Avikus 개발 선박 자율운항 솔루션 (HiNAS)은 올해 상용화.", LOC, ())
    r.read("Avikus와 공동 개발 HiNAS 플랫폼 공개.", LOC, ())  # a partner marked by 와: not the bare maker
    assert made(ex, "text:made-by-relative") == {("hinas", "developedBy", "avikus")}


def test_no_maker_from_a_nominal_design_or_make():
    """Only "개발" names the maker: "<firm> 설계/제작 <chip>" may name a design partner or a foundry."""
    from petaflop.extract.genitive_far import _NOMINAL_MADE

    assert _NOMINAL_MADE.fullmatch(" 개발 선박 자율운항 솔루션 (")
    assert not _NOMINAL_MADE.fullmatch(" 설계 ")
    assert not _NOMINAL_MADE.fullmatch(" 제작 AI 칩 ")


def _cells(text_reader, cells: list[tuple[str, str]]) -> set[tuple[str, str, str, str]]:
    header = [Cell(t, t, 1, j + 1) for j, t in enumerate(("사업 분야", "주요 내용"))]
    body = [Row(2 + i, [Cell(a, a, 2 + i, 1), Cell(d, d, 2 + i, 2)]) for i, (a, d) in enumerate(cells)]
    table = Table("X-1-1", Span(1, 1 + len(cells)), ["AI 도입"], header, body, chapter="X", slide_title="t")
    r, ex = text_reader
    add_cell_links(SimpleNamespace(tables=[table]), ex, r, lambda t: ())
    return {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts}


def test_a_cell_naming_the_maker_before_the_making_noun_is_read(text_reader):
    assert _cells(text_reader, [("해운", "계열사 Avikus 개발 자율운항 시스템 (HiNAS) 도입")]) == {
        ("hinas", "developedBy", "avikus", "text:made-by-relative")}


def test_a_cell_naming_a_product_after_the_makers_described_noun_phrase_is_read(text_reader):
    assert _cells(text_reader, [("제조", "Divergent의 자동차 부품 생산 시스템(DAPS) 접근 지원")]) == {
        ("divergent-adaptive-production-system", "developedBy", "divergent-technologies",
         "text:genitive-described:developedBy")}


def test_no_described_reading_in_a_cell_without_a_product_noun_or_with_a_rival(text_reader):
    assert _cells(text_reader, [("주가", "AMD의 주가(ROCm 공개 이후) 상승"),
                                ("경쟁", "AMD의 경쟁사 소프트웨어 플랫폼(CUDA) 대비 열세")]) == set()
