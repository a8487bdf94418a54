"""Wave 8, task G: a timeline cell's event verbs (발표, 시행, after a closing quote or an adverb), the total
column of a chip comparison (the caption owner's own figure) and a total row of a table of firms whose
caption names one product (that product's figure) — on cells and tables of our own
(petaflop/extract/text_frames.py, table_totals.py, table_caption_total.py)."""

from __future__ import annotations

from decimal import Decimal

from foundation.periods import parse_period
from ingest.model import Table
from petaflop.extract.facts import Location
from tests.test_table_reader import make_table

LOC = Location(10, 10, "IX", "test slide")


def _dated(ex) -> set[tuple]:
    return {(s.subject, s.kind, s.time.text, s.rule) for s in ex.statements if s.kind.endswith("Date")}


def test_a_timeline_cell_dates_what_it_says_was_announced_unveiled_or_put_in_force(text_reader):
    r, ex = text_reader
    q4, q2 = parse_period("2018-Q4"), parse_period("2024-Q2")
    r.read_cell("High (자체개발: AWS Inferentia 추론용 ASIC 전격 발표)", LOC, (), "", q4)
    r.read_cell("High (자체개발: Meta 2세대 'Artemis' 칩 공식 공개)", LOC, (), "", q2)
    r.read_cell("High (對中 규제: 초광범위 'OCT 7 Rule' 시행)", LOC, (), "", q4)
    # a word of an act upon the chip: the ban was announced (its name ends with the verb), not the chip
    r.read_cell("High (對中 규제: 美 상무부 A100·H100 수출 금지 발표)", LOC, (), "", q4)
    assert _dated(ex) == {
        ("aws-inferentia", "announcedDate", "2018-Q4", "text-cell:event:dated"),
        ("meta-artemis", "announcedDate", "2024-Q2", "text-cell:event:dated"),
        ("october-7-2022-export-rule", "effectiveDate", "2018-Q4", "text-cell:event:dated"),
        ("2022-a100-h100-export-ban", "announcedDate", "2018-Q4", "text-cell:event:dated")}


def _table(caption: list[str], header: list[str], rows: list[list[str]]) -> Table:
    return make_table(caption, header, rows, chapter="IX")


def test_the_total_column_of_a_chip_comparison_is_the_caption_owners_own_spending(table_reader):
    tr, ex = table_reader
    tr.read(_table(["DeepSeek AI TCO 계산"], ["항목(unit)", "A100", "H100", "전체"],
                   [["GPU당 가격 (달러)", "$10,000", "$20,000", ""],
                    ["총 서버 설비 투자금액 (백만달러)", "$100", "$200", "$300"],
                    ["감가상각연수(년)", "4", "4", "8"]]))
    got = {(s.subject, s.kind, s.value, s.scope) for s in ex.statements if s.rule == "table-reader:total-owner"}
    assert got == {("deepseek", "capex", Decimal(300_000_000), "total")}  # a total of lifetimes is nothing


def test_a_total_row_of_a_table_of_firms_is_the_product_the_caption_counts(table_reader):
    tr, ex = table_reader
    tr.read(_table(["GB200/GB300 NVL72의 ODM 출하량 전망"], ["", "Q1'25E", "Q2'25E"],
                   [["폭스콘", "175", "3,000"], ["관타", "140", "1,300"], ["위스트론", "80", "1,900"], ["인벤텍", "0", "100"],
                    ["총 GB200/300 NVL72 유닛", "400", "6,800"], ["총 GB200/300 GPU 갯수", "28,800", "489,600"],
                    ["총 폭스콘 GB200 유닛", "1", "2"], ["기타 업체 점유율", "1%", "7%"], ["매출 예상(백만 달러)", "54", "1,200"]]))
    got = {(s.subject, s.value, s.time.text) for s in ex.statements
           if s.kind == "shipments" and s.rule.endswith(":caption-total")}
    assert got == {("nvidia-gb200-gb300-nvl72", Decimal(v), t) for v, t in (
        (400, "2025-Q1"), (6800, "2025-Q2"), (28800, "2025-Q1"), (489600, "2025-Q2"))}
    revenue = {(s.subject, s.value, s.time.text) for s in ex.statements if s.kind == "revenue"}
    assert revenue == {("nvidia-gb200-gb300-nvl72", Decimal(54_000_000), "2025-Q1"),
                       ("nvidia-gb200-gb300-nvl72", Decimal(1_200_000_000), "2025-Q2")}
    assert not [s for s in ex.statements if s.kind in ("share", "marketShare")]  # the others' share is no product's
    firms = {s.subject for s in ex.statements if s.kind == "shipments"} - {"nvidia-gb200-gb300-nvl72"}
    assert firms == {"foxconn", "quanta-computer", "wistron", "inventec"}


def test_a_venue_may_stand_before_the_verb_and_a_year_word_dates_the_month_after_it(text_reader):
    r, ex = text_reader
    r.read("작년 12월 아마존 “AWS re:Invent” 행사에서 공식 발표된 “Rainier”", LOC, ())
    r.read("- 백악관은 7월 23일 “America’s AI Action Plan”라는 제목의 AI 핵심 로드맵을 제시. 끝.", LOC, ())
    assert _dated(ex) == {("project-rainier", "announcedDate", "2024-12", "text:event-before"),
                          ("americas-ai-action-plan", "announcedDate", "2025-07-23", "text:event-lead-date")}


def test_a_price_worth_before_a_product_is_its_price_for_the_period_said(text_reader):
    r, ex = text_reader
    r.read("픽셀 10 Pro 구매 시, 연간 239달러 가치의 “구글 AI Pro” 서비스 1년 무료 제공.", LOC, ())
    r.read("구글은 20억 달러 가치의 Gemini 모델을 공개.", LOC, ())  # a model is not priced so
    assert {(s.subject, s.kind, s.value, s.per, s.rule) for s in ex.statements if s.kind == "unitPrice"} == {
        ("google-ai-pro", "unitPrice", Decimal(239), "year", "text-money:price")}
