"""Task H (wave 7): a table of a firm's partner groups (petaflop/extract/rival_tables.py) and release dates
of chip architectures and of things that "came out" (petaflop/extract/text_dates.py), on tables and
sentences of our own."""

from __future__ import annotations

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Extraction, Location
from petaflop.extract.resolve import Resolver
from petaflop.extract.rival_tables import add_partner_groups

LOC = Location(10, 10, "VIII", "test slide")


def make_table(caption: list[str], header: list[str], rows: list[list[str]]) -> Table:
    line = 100
    head = [Cell(h, h, line, j + 1) for j, h in enumerate(header)]
    body = [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)]) for i, r in enumerate(rows)]
    return Table("T-01-1", Span(line - len(caption), line + len(rows)), caption, head, body,
                 chapter="VIII", slide_title="VIII. 테스트: 표", column_labels=header)


def _loc(table, cell, r):
    return Location(cell.line, cell.line, table.chapter, table.slide_title, table.id, r, cell.column)


def partners(gaz, caption: list[str], header: list[str], rows: list[list[str]]) -> list[tuple]:
    ex = Extraction()
    add_partner_groups(make_table(caption, header, rows), Resolver(gaz, ex), ex, _loc, ())
    return sorted((f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts)


def test_the_organisations_of_a_partner_group_table_partner_the_firm_of_its_caption(gaz):
    got = partners(gaz, ["엔비디아의 큰 그림에 참여하는 파트너 그룹과 그 역할"], ["파트너 그룹", "주요 기업", "역할"],
                   [["CPU 벤더", "• Fujitsu • Qualcomm", "CPU에 통합"], ["EDA 파트너", "• Synopsys", "설계 도구"]])
    assert got == [(f, "partnerOf", "nvidia", "table:partner-group:caption") for f in ("fujitsu", "qualcomm", "synopsys")]


def test_a_partner_table_under_a_caption_of_two_firms_or_without_partners_names_none(gaz):
    header, rows = ["파트너 그룹", "주요 기업"], [["CPU 벤더", "• Fujitsu • Qualcomm"]]
    assert partners(gaz, ["엔비디아와 AMD의 파트너 그룹"], header, rows) == []
    assert partners(gaz, ["엔비디아의 고객 그룹"], ["그룹", "주요 기업"], rows) == []


def test_an_architecture_released_at_a_date_and_a_library_that_came_out(text_reader):
    r, ex = text_reader
    r.read("엔비디아 Hopper 시리즈가 2022년에 출시된 것을 감안하면, 격차가 큼.", LOC, ())
    r.read("지난 8월에 나온 FlashAttention v4와 같은 최신 알고리즘은 공개됨.", LOC, ())
    r.read("2024년에 나온 보고서에 따르면 H100 수요가 큼.", LOC, ())  # a report is no product
    assert sorted((s.subject, s.kind, s.time.text) for s in ex.statements if s.kind.endswith("Date")) == [
        ("flashattention-4", "releaseDate", "2025-08"), ("nvidia-hopper", "releaseDate", "2022")]


def test_the_organisations_in_a_note_after_a_person_with_a_staff_title_are_the_persons(text_reader):
    r, ex = text_reader
    r.read("안드레 카파시(OpenAI 공동창립자 / 테슬라 AI 디렉터)가 설명.", LOC, ())
    r.read_name_cell("양즈린(杨植麟·CEO) - 前 알리바바·Tsinghua NLP 연구원 주신위(周欣雨) - 前 카카오브레인 연구원", LOC, ())
    r.read("샘 알트만(OpenAI CEO)은 말함.", LOC, ())  # a head: the note says "leads", not staff
    r.read("젠슨 황 - 엔비디아와 TSMC의 협력.", LOC, ())  # no title: no note about the person
    got = sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.rule.startswith("text:person-note"))
    assert got == [("andrej-karpathy", "openai", "text:person-note:founder"),  # a founding: no current affiliation
                   ("andrej-karpathy", "tesla", "text:person-note"),
                   ("yang-zhilin", "alibaba", "text:person-note"),
                   ("yang-zhilin", "tsinghua-university", "text:person-note"),
                   ("zhou-xinyu", "kakao-brain", "text:person-note")]


def test_a_founder_who_also_holds_a_title_is_the_organisations(text_reader):
    r, ex = text_reader
    r.read("일리아 수츠케버(OpenAI 공동창업자 겸 연구원)가 설명.", LOC, ())
    r.read("안드레 카파시(OpenAI 창립자)가 설명.", LOC, ())
    assert sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.rule.startswith("text:person-note")) == [
        ("andrej-karpathy", "openai", "text:person-note:founder"),
        ("ilya-sutskever", "openai", "text:person-note")]  # a founder and a staff title: the organisation's


def test_a_region_is_a_home_only_when_the_organisation_is_described_after_it(text_reader):
    r, ex = text_reader
    r.read("유럽의 AI 스타트업인 Mistral은 성장.", LOC, ())
    r.read("유럽 SAP는 성장.", LOC, ())
    r.read("북미 전력 규제기관인 NERC는 검토.", LOC, ())  # a regulator: the region is its jurisdiction, no seat
    r.read("유럽 표준 기관인 SAP는 검토.", LOC, ())  # any body of a region (기관, 당국, 협회, 위원회)
    assert [(f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "headquarteredIn"] == [
        ("mistral-ai", "europe", "text:home-country:described")]
