"""The generic table reader and the mapped families on small tables of our own: periods in cells,
people under a caption, career and category columns, a caption naming the kind, unlabelled key
columns, prose cells about their row, parenthesised names, and a design partner in-house."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.cell_text import cell_period, prose_cell
from petaflop.extract.facts import Extraction
from petaflop.extract.resolve import Resolver
from petaflop.extract.text_reader import TextReader


def make_table(caption: list[str], header: list[str], rows: list[list[str]], transposed: bool = False,
               chapter: str = "IV", line: int = 100) -> Table:
    """A table of our own: its header on ``line``, one row per line after it (shared by the table tests)."""
    head = [Cell(h, h, line, j + 1) for j, h in enumerate(header)]
    body = [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)]) for i, r in enumerate(rows)]
    return Table("T-01-1", Span(line - len(caption), line + len(rows)), caption, head, body, transposed=transposed,
                 chapter=chapter, slide_title=f"{chapter}. 테스트: 표", column_labels=header)


@pytest.fixture()
def reader(table_reader):
    return table_reader


def links(ex: Extraction, prop: str) -> set[tuple[str, str, str]]:
    return {(f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == prop}


@pytest.mark.parametrize(("text", "period"), [
    ("3Q26", "2026-Q3"), ("2H26", "2026-H2"), ("2027", "2027"), ("2014년 9월", "2014-09"),
    ("2030년 (2028년에 부분운영)", "2030"), ("8월 초", "2025-08"), ("내년 상반기 완료 계획", "2026-H1"),
])


def test_a_cell_names_a_period_at_its_own_precision(text, period):
    assert cell_period(text).text == period


def test_prose_cells_are_words_around_figures_or_events():
    assert prose_cell("30억 달러 조달, 기업가치 평가") and prose_cell("Grok-4 출시")
    assert not prose_cell("30억 달러") and not prose_cell("Broadcom")


def test_people_under_a_caption_naming_an_organisation_are_its_members(reader):
    r, ex = reader
    t = make_table(["메타가 데려온 연구원 리스트"], ["이름", "출신", "주요 경력"],
                   [["Jason Wei", "OpenAI", "o3 이후의 모델 연구, Codex-mini 개발"]])
    r.read(t)
    assert links(ex, "affiliatedWith") == {("jason-wei", "meta", "table-reader:affiliatedWith@caption"),
                                           ("jason-wei", "openai", next(f.rule for f in ex.facts if f.obj == "openai"))}
    # the model the career names was developed by the person; one named as a reference point was not
    assert {(s, o) for s, o, _ in links(ex, "developedBy")} == {("codex-mini", "jason-wei")}


def test_an_affiliation_column_whose_header_names_the_organisation_links_each_row_to_it(reader):
    r, ex = reader
    t = make_table(["전직 직원들의 증언"], ["인물", "OpenAI 때 직책/소속", "증언"],
                   [["미라 무라티", "최고기술책임자 (CTO)", "리더십 비판"], ["헬렌 토너", "Anthropic", "안전 비판"]])
    r.read(t)
    got = {(s, o, rule.split("@")[1]) for s, o, rule in links(ex, "affiliatedWith")}
    # the header speaks for a cell that names no organisation; a cell that names one speaks for itself
    assert got == {("mira-murati", "openai", "315:header"), ("helen-toner", "anthropic", "315")}


def test_a_club_column_says_where_each_person_is(reader):
    r, ex = reader
    t = make_table(["메타로 이직한 연구원 연봉 비교"], ["순위", "선수", "클럽", "주급(EUR)"],
                   [["1", "크리스티아누 호날두", "알나스르", "100"]])
    r.read(t)
    assert not [f for f in ex.facts if f.rule == "table-reader:affiliatedWith@caption"]


def test_a_category_column_names_a_market_segment(reader):
    r, ex = reader
    t = make_table(["웹사이트 순위"], ["순위", "웹사이트", "카테고리", "월 평균(십억 회)"],
                   [["1", "구글", "검색", "10.5"], ["2", "유튜브", "동영상 플랫폼", "4.2"]])
    r.read(t)
    segments = links(ex, "inSegment")
    assert {s for s, _, _ in segments} == {"google", "youtube"}
    assert all(rule == "table-reader:inSegment@" + rule.split("@")[1] for _, _, rule in segments)
    assert all(ex.entities[o].types == ("MarketSegment",) for _, o, _ in segments)


def test_a_column_headed_by_a_statistic_takes_the_kind_the_caption_names(reader):
    r, ex = reader
    t = make_table(["月방문 횟수 기준 인기 웹사이트"], ["순위", "웹사이트", "월 평균(십억 회)"],
                   [["1", "구글", "10.5"], ["2", "유튜브", "4.2"]])
    r.read(t)
    got = {(s.subject, s.kind, s.value, s.rule.endswith(":caption")) for s in ex.statements if s.kind != "rank"}
    # visits are no users: a count of visits (the caption's "방문 횟수")
    assert got == {("google", "unitCount", Decimal("10500000000"), True),
                   ("youtube", "unitCount", Decimal("4200000000"), True)}


def test_an_unlabelled_key_column_among_summary_rows(reader):
    r, ex = reader
    t = make_table(["NVL72 ODM 출하량 전망"], ["", "Q1'25E", "2025E"],
                   [["폭스콘", "10", "100"], ["관타", "5", "50"], ["위스트론", "3", "30"],
                    ["TOP 3 합", "18", "180"], ["총 유닛", "18", "180"], ["기타 업체 점유율", "1%", "2%"],
                    ["GB300 비중", "-", "10%"]])
    r.read(t)
    got = {(s.subject, s.value, s.time.text, s.status) for s in ex.statements}
    assert ("foxconn", Decimal(10), "2025-Q1", "estimate") in got and ("wistron", Decimal(30), "2025", "estimate") in got
    counts = [s for s in ex.statements if s.kind != "share"]
    # "TOP 3 합" is the group of the top three, a segment of its own (table_group_rows.py), no firm's
    top = next(eid for eid, e in ex.entities.items() if e.name_ko == "TOP 3 합" and "MarketSegment" in e.types)
    assert {s.subject for s in counts} == {"foxconn", "quanta-computer", "wistron", top}
    assert {s.rule for s in counts} == {"table-reader:shipments@" + s.rule.split("@")[1] for s in counts}
    # the row label names a member and a kind: its figures are that member's share, not shipments
    assert [(s.subject, s.value, s.time.text) for s in ex.statements if s.kind == "share"] == [
        ("nvidia-gb300", Decimal(10), "2025")]


def test_a_prose_cell_is_read_about_its_row(reader):
    r, ex = reader
    t = make_table(["프로젝트 현황"], ["프로젝트", "현황"],
                   [["Project Rainier", "Anthropic의 기존 클러스터보다 3배 강력, 1.5GW 전력"],
                    ["Colossus", "비고"]])
    r.read(t)
    assert [(s.subject, s.kind, s.value, s.rule) for s in ex.statements] == [
        ("project-rainier", "multiple", Decimal(3), "text:multiple:named"),  # against its base (text_figures)
        ("project-rainier", "powerCapacity", Decimal(1500), "text-cell:value-after:row")]


def test_one_figure_in_a_cell_naming_a_thing(reader):
    r, ex = reader
    t = make_table(["칩 비교"], ["항목", "Ascend 910C", "Ascend 920C"],
                   [["HBM 대역폭", "HBM2E 2.5 TB/s", "HBM3 3.5 TB/s"]], transposed=True)
    r.read(t)
    assert {(s.subject, s.kind, s.value) for s in ex.statements} == {
        ("huawei-ascend-910c", "memoryBandwidth", Decimal("2.5")), ("huawei-ascend-920c", "memoryBandwidth", Decimal("3.5"))}
    assert {(s, o) for s, o, _ in links(ex, "usesMemory")} == {("huawei-ascend-910c", "hbm2e"),
                                                               ("huawei-ascend-920c", "hbm3")}


def test_an_interconnect_row_names_the_networks_a_chip_uses_not_a_likeness(reader):
    r, ex = reader
    t = make_table(["칩 비교"], ["항목", "Ascend 910C", "Ascend 920C"],
                   [["인터커넥트", "PCIe 4.0 + Da Vinci Link", "PCIe 5.0 + CM-Link (아마존식 NVLink)"]], transposed=True)
    r.read(t)
    assert {(s, o) for s, o, _ in links(ex, "usesNetwork")} == {
        ("huawei-ascend-910c", "pcie-4-0"), ("huawei-ascend-910c", "huawei-da-vinci-link"),
        ("huawei-ascend-920c", "pcie-5-0"), ("huawei-ascend-920c", "huawei-cm-link")}


def test_a_cell_with_one_figure_per_numeric_format_gives_each(reader):
    r, ex = reader
    t = make_table(["칩 비교"], ["항목", "Ascend 910C", "Ascend 920C"],
                   [["연산 성능", "5 PFLOPs (FP8), 10 PFLOPs (FP4)", "354 TFLOPS/s (INT8) 177 TFLOPS/s (FP16)"]],
                   transposed=True)
    r.read(t)
    table = [s for s in ex.statements if s.rule.startswith("table-reader:")]
    assert {(s.subject, s.kind, s.value, s.unit, s.number_format) for s in table} == {
        ("huawei-ascend-910c", "computePerformance", Decimal(5) * 10**15, "FLOPS", "FP8"),
        ("huawei-ascend-910c", "computePerformance", Decimal(10) * 10**15, "FLOPS", "FP4"),
        ("huawei-ascend-920c", "computePerformance", Decimal(354) * 10**12, "OPS", "INT8"),
        ("huawei-ascend-920c", "computePerformance", Decimal(177) * 10**12, "FLOPS", "FP16")}
    assert len(table) == 4 and all(s.rule.endswith(":by-precision") for s in table)


def test_a_length_or_area_no_kind_measures_is_a_quantity_of_its_label(reader):
    r, ex = reader
    t = make_table(["칩 비교"], ["항목", "Ascend 910C", "Ascend 920C"],
                   [["다이 면적", "666 mm²", "600 mm²"], ["요금", "2km 정도: \\$3.8", "2km 정도: \\$21"]],
                   transposed=True)
    r.read(t)
    got = {(s.subject, s.kind, s.value, s.unit, s.metric) for s in ex.statements if s.kind == "quantity"}
    assert got == {("huawei-ascend-910c", "quantity", Decimal(666), "mm2", "다이 면적"),
                   ("huawei-ascend-920c", "quantity", Decimal(600), "mm2", "다이 면적")}


def test_a_span_of_time_under_a_label_no_kind_knows_is_a_duration_and_a_depreciation_term_a_lifetime(reader):
    r, ex = reader
    t = make_table(["칩 비교"], ["항목", "Ascend 910C", "Ascend 920C"],
                   [["질의당 사용 시간 (초)", "10", "12"], ["감가상각연수(년)", "4", "5"]], transposed=True)
    r.read(t)
    got = {(s.subject, s.kind, s.value, s.unit) for s in ex.statements if s.rule.startswith("table-reader:")}
    assert got == {("huawei-ascend-910c", "duration", Decimal(10), "second"),
                   ("huawei-ascend-920c", "duration", Decimal(12), "second"),
                   ("huawei-ascend-910c", "lifetime", Decimal(4), "year"),
                   ("huawei-ascend-920c", "lifetime", Decimal(5), "year")}
    assert {s.metric for s in ex.statements if s.kind == "duration"} == {"질의당 사용 시간 (초)"}


def test_a_key_value_tables_subject_is_the_last_thing_its_title_names(reader):
    r, ex = reader
    t = make_table(["중국 수출용 Blackwell 아키텍처 기반 B40 스펙"], ["항목", "내용"],
                   [["멀티 GPU 구성", "최대 4개 GPU 연결 가능"]])
    r.read(t)
    assert {s.subject for s in ex.statements} <= {"nvidia-rtx-pro-6000d"}


def test_a_title_is_about_its_actor_not_a_thing_it_only_relates_to(reader):
    r, ex = reader
    t = make_table(["GE Vernova의 실적 콜에서 가스터빈 관련 내용"], ["구분", "내용"],
                   [["리드타임", "리드타임 3년 이상 소요될 것으로 전망"]])
    r.read(t)
    # the label (리드타임, a duration) and the cell's prose both read it: one fact, about the title's actor
    assert {(s.subject, s.kind, s.value) for s in ex.statements} == {("ge-vernova", "duration", Decimal(3))}


# --------------------------------------------------------------------------- mapped families


def test_parenthesised_names_describe_the_name_before_them(gaz):
    from petaflop.extract.tables import TableExtractor

    ex = Extraction()
    te = TableExtractor(SimpleNamespace(chapters=[]), [], [], Resolver(gaz, ex), None, lambda t: ())
    assert te._appositives("GUC (TSMC 자회사)") == {"tsmc": "global-unichip-corporation"}
    assert te._appositives("NeuronLink v3 (1TB/s, 아마존식 NVLink)") == {"amazon": "neuronlink", "nvlink": "neuronlink"}
    assert te._appositives("브로드컴, 미디어텍") == {}


def test_the_asic_roadmap_table_family(gaz):
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor

    ex = Extraction()
    res = Resolver(gaz, ex)
    mapping = next(m for m in load_mappings() if m.id == "bigtech-asics")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], res, SimpleNamespace(mine=lambda *a, **k: []),
                        lambda t: ())
    t = make_table(["ASIC 프로젝트"], ["항목", "TPU V7p", "AWS Tranium 3", "MSFT Maia 200"],
                   [["사용자", "구글", "아마존", "MS"], ["시기", "3Q26", "2Q26", "1H26"],
                    ["설계업체", "구글, 브로드컴", "Annapura (아마존), Alchip", "GUC (TSMC 자회사)"],
                    ["메모리", "HBM3e 12hi", "HBM3e", "HBM4"], ["후공정", "CoWoS-S", "CoWoS-R", "CoWoS-L"]],
                   transposed=True)
    te._columns(t, mapping)
    facts = {(f.subject, f.predicate, str(f.obj)) for f in ex.facts}
    assert ("google-tpu-v7p", "designPartner", "broadcom") in facts
    # the user row names whose project the chip is (developedBy), not its designer: the design row does
    assert ("google-tpu-v7p", "developedBy", "google") in facts
    assert not {f for f in facts if f[0] == "google-tpu-v7p" and f[1] == "designedBy"} - {
        ("google-tpu-v7p", "designedBy", "google")}
    assert ("google-tpu-v7p", "designPartner", "google") not in facts  # its own developer is no partner ...
    assert ("google-tpu-v7p", "designedBy", "google") in facts  # ... but designs it, named in the design row
    assert ("aws-trainium3", "designedBy", "annapurna-labs") in facts  # a unit of the developer designs it
    assert ("aws-trainium3", "designedBy", "amazon") not in facts  # a user only: it designs nothing here
    assert ("microsoft-maia-200", "designedBy", "microsoft") not in facts
    # judged as a column of the mapping's family (the row reading names the chip): table:<family>:<column>-in-house
    assert {f.rule for f in ex.facts if f.obj == "annapurna-labs"} == {"table:bigtech-asics:designPartner-in-house"}
    assert ("annapurna-labs", "partOf", "amazon") in facts and ("global-unichip-corporation", "partOf", "tsmc") in facts
    assert ("microsoft-maia-200", "designPartner", "tsmc") not in facts
    assert ("aws-trainium3", "packagedWith", "cowos-r") in facts and ("microsoft-maia-200", "usesMemory", "hbm4") in facts
    assert {(s.subject, s.time.text) for s in ex.statements if s.kind == "releaseDate"} == {
        ("google-tpu-v7p", "2026-Q3"), ("aws-trainium3", "2026-Q2"), ("microsoft-maia-200", "2026-H1")}
    # the memory row is also read for its values: the height of the HBM stacks ("12hi"), only where written
    assert {(s.subject, s.value, s.rule) for s in ex.statements if s.kind == "quantity"} == {
        ("google-tpu-v7p", Decimal(12), "table-reader:quantity@stack-height:mapped")}


def test_an_export_control_timeline_issuer_is_a_state_body_of_the_tables_country(gaz):
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor

    ex = Extraction()
    mapping = next(m for m in load_mappings() if m.id == "export-control-timeline")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], Resolver(gaz, ex),
                        SimpleNamespace(mine=lambda *a, **k: []), lambda t: ())
    t = make_table(["미국의 칩 수출 규제 관련 타임라인"], ["날짜", "주체", "내용"], [
        ["3월 2일", "미국 트럼프 정부", "엔비디아 H20 칩에 대한 수출 허가 요건 적용."],
        ["3월 5일", "중국 정부", "중국 상무부가 대응 조치를 발표."],
        ["4월 1일", "미국 정치인", "일부 상원의원, 서한 발송."],
        ["4월 2일", "엔비디아", "수출 허가 요건으로 10억 달러 비용으로 계상"],
        ["5월 1일", "미국 트럼프 정부", "'인공지능 확산 규칙'을 공식 철회하고, 화웨이 Ascend AI 칩 사용에 대한 경고 유지."],
    ])
    te._events(t, mapping)
    facts = {(f.subject, f.predicate, str(f.obj), f.rule.rsplit(":", 1)[-1]) for f in ex.facts
             if f.predicate in ("issuedBy", "announcedBy", "appliesToChip", "concernsChip")}
    assert facts == {
        ("h20-export-license-requirement", "issuedBy", "trump-administration", "issuedBy"),  # the act it names
        ("h20-export-license-requirement", "appliesToChip", "nvidia-h20", "appliesToChip"),
        ("ai-diffusion-rule-rescission", "issuedBy", "trump-administration", "issuedBy"),  # head-final: the rescission
        ("export-control-timeline--r2", "announcedBy", "chinese-government", "announcedBy"),  # another country's answer
    }  # no chip of the second clause on the rescission; no issuer for 'US politicians' or a firm; "일부 상원의원"
    # (some senators) are not the Senate: no announcedBy for row 3
    dates = {(s.subject, s.kind, s.time.text, s.rule) for s in ex.statements}
    assert dates == {
        ("h20-export-license-requirement", "effectiveDate", "2025-03-02", "table:events:effectiveDate"),
        ("export-control-timeline--r2", "announcedDate", "2025-03-05",  # announced by its actor: an announcement
         "table:events:announcedDate"),
        ("export-control-timeline--r3", "eventDate", "2025-04-01", "table:events:eventDate:other-actor"),
        ("export-control-timeline--r4", "eventDate", "2025-04-02",  # a requirement named as the cause is no node;
         "table:events:eventDate:other-actor:figure"),  # a row stating a sum is judged apart
        ("ai-diffusion-rule-rescission", "eventDate", "2025-05-01", "table:events:eventDate"),
    }
    assert ex.entities["export-control-timeline--r2"].types == ("Event",)


def test_timeline_rows_of_no_issuer_are_judged_by_what_they_state(gaz):
    """A row of another actor is a plain event (":other-actor") unless its clause states a sum or a
    percentage (":other-actor:figure") or a release (":other-actor:release"); a row of no actor at
    all is a step of a series (":no-actor")."""
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor

    ex = Extraction()
    mapping = next(m for m in load_mappings() if m.id == "export-control-timeline")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], Resolver(gaz, ex),
                        SimpleNamespace(mine=lambda *a, **k: []), lambda t: ())
    t = make_table(["미국의 칩 수출 규제 관련 타임라인"], ["날짜", "주체", "내용"], [
        ["3월 2일", "엔비디아", "CEO가 의원들과 만찬."],
        ["3월 5일", "엔비디아", "매출이 12% 감소."],
        ["4월 1일", "DeepSeek", "새 추론 모델을 공개하며 반향."],
        ["4월 2일", "", "허가증 발급 속도 정상화"],
    ])
    te._events(t, mapping)
    assert sorted((s.subject, s.rule) for s in ex.statements) == [
        ("export-control-timeline--r1", "table:events:eventDate:other-actor"),
        ("export-control-timeline--r2", "table:events:eventDate:other-actor:figure"),
        ("export-control-timeline--r3", "table:events:eventDate:other-actor:release"),
        ("export-control-timeline--r4", "table:events:eventDate:no-actor"),
    ]


def test_a_models_unmapped_score_column_is_a_benchmark_but_a_size_is_not(reader):
    """A model table's numeric column with no lexicon entry is a benchmark score under that
    column's label; a cell written with a magnitude ('235B') is a size or a count, never a score."""
    r, ex = reader
    t = make_table(["LLM 성능 비교"], ["모델명", "규모", "MMLU"],
                   [["GPT-4o", "235B", "63.3"], ["Claude Opus 4", "1.2조", "58.3"]])
    r.read(t)
    got = {(s.subject, s.kind, s.value, s.scope) for s in ex.statements}
    assert got == {("gpt-4o", "benchmarkScore", Decimal("63.3"), "MMLU"),
                   ("claude-opus-4", "benchmarkScore", Decimal("58.3"), "MMLU")}


def test_figures_of_one_kind_under_different_labels_are_line_items_not_a_conflict(reader):
    """A model's rows ('운행 수익', '총수익'): several revenues of one subject, each under its own label,
    keep the label as their metric; labels whose period word gives each its own denominator
    ('일일 …' per day, '연간 …' per year) are told apart by it."""
    r, ex = reader
    t = make_table(["테슬라 로보택시 경제성"], ["항목", "단위", "값"],
                   [["일일 운행 수익", "$", "80.5"], ["연간 총수익", "$", "31,000"]])
    t2 = make_table(["테슬라 로보택시 경제성"], ["항목", "단위", "값"], [["연간 총수익", "$", "31,000"]])
    for table in (t, t2):
        r.read(table)
    got = sorted((s.value, s.per, s.metric) for s in ex.statements if s.kind == "revenue")
    # the period word opening each label is its denominator, which tells the two revenues apart
    assert got == [(Decimal("80.5"), "day", ""), (Decimal("31000"), "year", ""), (Decimal("31000"), "year", "")]
    ex.statements.clear()
    r.read(make_table(["테슬라 로보택시 경제성"], ["항목", "단위", "값"],
                      [["운행 수익", "$", "80.5"], ["총수익", "$", "31,000"]]))
    got = sorted((s.value, s.metric) for s in ex.statements if s.kind == "revenue")
    assert got == [(Decimal("80.5"), "운행 수익"), (Decimal("31000"), "총수익")]


def test_a_device_column_keys_the_rows_and_a_maker_before_its_product_names_the_product(reader):
    r, ex = reader
    r.read(make_table(["AI 글래스 비교"], ["기기명", "AI 연산 처리", "배터리 수명"],
                      [["메타 Ray-Ban", "스냅드래곤 AR1", "6시간"], ["애플 Vision Pro", "M2 + R1", "3시간"]]))
    got = sorted((s.subject, s.kind, s.value, s.unit) for s in ex.statements)
    # a battery's life is a duration, not the device's lifetime
    assert got == [("apple-vision-pro", "duration", Decimal(3), "hour"),
                   ("ray-ban-meta-smart-glasses", "duration", Decimal(6), "hour")]


def test_a_unit_column_of_time_makes_an_unknown_label_a_duration(reader):
    r, ex = reader
    r.read(make_table(["Ascend 910B 가정"], ["항목", "단위", "값"],
                      [["4. 일일 운영 시간", "시간", "12"], ["5. 평균 속도", "mph", "30"]]))
    assert [(s.subject, s.kind, s.value, s.unit, s.metric, s.rule.endswith(":unit-column")) for s in ex.statements] == [
        ("huawei-ascend-910b", "duration", Decimal(12), "hour", "일일 운영 시간", True)]  # its list number is no part of it


def test_a_place_or_market_in_a_share_label_says_which_market_not_whose_share(gaz):
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor

    ex = Extraction()
    res = Resolver(gaz, ex)
    text = TextReader(res, use_kiwi=False)
    text.start_slide("")
    mapping = next(m for m in load_mappings() if m.id == "alibaba-cloud-metrics")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], res, SimpleNamespace(mine=lambda *a, **k: []),
                        lambda t: (), text)
    t = make_table(["알리바바 클라우드 지표"], ["구분", "수치/현황", "기준 시점"],
                   [["중국 AI 인프라 시장 점유율", "11%", "2023년"], ["중국 클라우드 시장 점유율", "22%", "2023년"],
                    ["중국 클라우드 시장 규모", "$5B", "2023년"]])
    te._key_value(t, mapping)
    got = sorted((s.subject, s.kind, s.value) for s in ex.statements if s.kind == "marketShare")
    assert got == [("alibaba-cloud", "marketShare", Decimal(11)), ("alibaba-cloud", "marketShare", Decimal(22))]


def test_a_key_cell_naming_its_maker_in_parentheses_is_about_the_name(reader):
    r, ex = reader
    r.read(make_table(["챗봇 사용량"], ["회사", "DAU (백만명)"], [["Gemini(구글)", "20"], ["Grok(xAI)", "9"]]))
    assert sorted((s.subject, s.kind, s.value) for s in ex.statements) == [
        ("gemini", "userCount", Decimal(20_000_000)), ("grok", "userCount", Decimal(9_000_000))]


def test_a_label_counting_a_noun_is_a_unit_count_of_it_and_a_score_is_not(reader):
    r, ex = reader
    r.read(make_table(["Kimi K2 개요"], ["항목", "수치"], [["레이어 수", "40"], ["벤치마크 점수", "77"],
                                                        ["밀집(Dense) 블록 개수", "2"]]))
    assert sorted((s.kind, s.value, s.metric) for s in ex.statements if s.kind == "unitCount") == [
        ("unitCount", Decimal(2), "밀집(Dense) 블록 개수"), ("unitCount", Decimal(40), "레이어 수")]


def test_a_label_of_times_or_with_a_count_unit_note_is_a_unit_count_and_so_is_a_visit_count(reader):
    r, ex = reader
    r.read(make_table(["Kimi K2 개요"], ["항목", "수치"], [["일일 호출 횟수", "20"], ["하루 질의량 (개)", "300"],
                                                        ["방문 횟수", "9"]]))
    assert sorted((s.kind, s.value, s.metric) for s in ex.statements if s.kind == "unitCount") == [
        ("unitCount", Decimal(9), "방문 횟수"), ("unitCount", Decimal(20), "일일 호출 횟수"),
        ("unitCount", Decimal(300), "하루 질의량 (개)")]
    assert not [s for s in ex.statements if s.kind == "userCount"]  # visits are no users


def test_a_header_naming_a_memory_is_no_link_over_a_count_of_it(reader):
    r, ex = reader
    r.read(make_table(["신제품"], ["제품명", "HBM 스택"], [["B300A", "12 채널 4개 스택"]]))
    assert links(ex, "usesMemory") == set()


def test_bare_figures_with_a_format_take_the_scale_their_label_names():
    from petaflop.extract.table_figures import figures_by_precision

    got = [(q.value, q.unit, q.precision) for q in
           figures_by_precision("5.5 (INT8), 2.8 (FP16)", "compute", "SIMD TOPS 벡터 코어")]
    assert got == [(Decimal("5.5") * 10**12, "OPS", "INT8"), (Decimal("2.8") * 10**12, "FLOPS", "FP16")]
    assert figures_by_precision("5.5 (INT8), 2.8 (FP16)", "compute", "연산 성능") == []  # no scale: not read
    assert figures_by_precision("4,614 TFLOPs (FP8)", "compute", "연산 성능") == []  # one figure: read as before


def test_a_key_value_remark_comparing_with_a_base_keeps_only_the_comparison(reader):
    r, ex = reader
    t = make_table(["Anthropic 핵심 지표"], ["항목", "수치", "비고"],
                   [["기업 가치", "1,000억 달러", "OpenAI 대비 30% 규모, H100 5만 개"],
                    ["직원 수", "약 900 명", "업계 최대"]])
    r.read(t)
    assert {(s.subject, s.kind, s.value, s.rule) for s in ex.statements
            if s.kind in ("share", "multiple", "unitCount", "h100EquivalentCount")} == {
        ("anthropic", "share", Decimal(30), "text:ratio:named")}


def test_a_chip_model_column_and_a_multiple_column(reader):
    r, ex = reader
    t = make_table(["세대별 이점"], ["세대", "성능 향상 (추론)"], [["Blackwell", "30배"], ["Rubin", "200배"]])
    r.read(t)
    assert {(s.subject, s.kind, s.value, s.unit) for s in ex.statements} == {
        ("nvidia-blackwell", "multiple", Decimal(30), "x"), ("nvidia-rubin", "multiple", Decimal(200), "x")}


def test_one_member_of_a_named_group_is_the_rows_subject(reader):
    r, ex = reader
    t = make_table(["출하량 전망"], ["", "Q1'25E", "Q2'25E"],
                   [["폭스콘", "10", "20"], ["관타", "5", "8"], ["위스트론", "3", "4"],
                    ["GB 시리즈 중 GB300 비중", "15%", "25%"]])
    r.read(t)
    assert {(s.subject, s.value, s.time.text, s.rule) for s in ex.statements if s.kind == "share"} == {
        ("nvidia-gb300", Decimal(15), "2025-Q1", "table-reader:share@243:row-label"),
        ("nvidia-gb300", Decimal(25), "2025-Q2", "table-reader:share@243:row-label")}


def test_a_reduction_column_states_a_negative_difference_and_a_cost_column_stays_a_cost(reader):
    r, ex = reader
    t = make_table(["세대별 이점"], ["세대", "성능 향상 (추론)", "비용 감소 (TCO 관점)"],
                   [["Blackwell", "30배", "80%"], ["Rubin", "200배", "99.5%"]])
    r.read(t)
    assert {(s.subject, s.kind, s.value, s.rule) for s in ex.statements if s.kind == "relativeDifference"} == {
        ("nvidia-blackwell", "relativeDifference", Decimal(-80), "table-reader:relativeDifference@450"),
        ("nvidia-rubin", "relativeDifference", Decimal("-99.5"), "table-reader:relativeDifference@450")}
    from petaflop.extract.lexicon import load_lexicon
    assert load_lexicon().value_for("비용 절감액").kind == "amount"  # an amount saved is money, not a change


def test_a_key_value_remark_ranking_the_row_gives_the_rows_rank(reader):
    r, ex = reader
    t = make_table(["Anthropic 핵심 지표"], ["항목", "수치", "비고"],
                   [["기업 가치", "1,000억 달러", "세계 스타트업 4위"], ["직원 수", "약 900 명", "2위 업체의 두 배 인력"]])
    r.read(t)
    assert {(s.subject, s.kind, s.value, s.scope, s.rule) for s in ex.statements if s.kind == "rank"} == {
        ("anthropic", "rank", Decimal(4), "세계 스타트업", "text:rank:named")}


def test_a_weight_keeps_its_unit_and_no_network_generation_is_a_figure(reader):
    r, ex = reader
    t = make_table(["칩 비교"], ["항목", "Ascend 910C", "Ascend 920C"],
                   [["무게", "~55g", "1.2kg"], ["통신", "5G", "5G"]], transposed=True)
    r.read(t)
    got = {(s.subject, s.kind, s.value, s.unit, s.metric, s.approximate, s.rule) for s in ex.statements}
    assert got == {("huawei-ascend-910c", "quantity", Decimal(55), "g", "무게", True, "table-reader:quantity@mass"),
                   ("huawei-ascend-920c", "quantity", Decimal("1.2"), "kg", "무게", False, "table-reader:quantity@mass")}


def test_a_weight_column_in_grams_gives_its_cells_the_unit(reader):
    r, ex = reader
    r.read(make_table(["안경 비교"], ["기기명", "무게 (g)"], [["Ascend 910C", "48"]]))
    assert {(s.subject, s.value, s.unit, s.metric) for s in ex.statements} == {
        ("huawei-ascend-910c", Decimal(48), "g", "무게 (g)")}


def test_a_chips_power_consumption_is_its_tdp_and_a_hardware_power_column_its_draw(reader):
    r, ex = reader
    t = make_table(["칩 비교"], ["항목", "Ascend 910C", "Ascend 920C"],
                   [["전력 소비", "약 1,200 와트", "약 1,000 와트"]], transposed=True)
    r.read(t)
    t = make_table(["스케일업 비용 및 전력"], ["칩 레벨", "910C 비용", "910C 전력"], [["스케일업 스위치", "$157", "33W"]])
    r.read(t)
    assert {(s.subject, s.kind, s.value) for s in ex.statements if s.kind in ("tdp", "powerDemand")} == {
        ("huawei-ascend-910c", "tdp", Decimal("0.0012")), ("huawei-ascend-920c", "tdp", Decimal("0.001")),
        ("huawei-ascend-910c", "powerDemand", Decimal("0.000033"))}  # the power a part of the system draws


def test_a_mapped_process_row_links_the_node_and_gives_its_length(gaz):
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor

    ex = Extraction()
    mapping = next(m for m in load_mappings() if m.id == "chip-generation-compare")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], Resolver(gaz, ex),
                        SimpleNamespace(mine=lambda *a, **k: []), lambda t: ())
    t = make_table(["칩 비교"], ["항목", "현재 주력 910C", "차세대 920C"],
                   [["제조 공정", "SMIC 7nm(N+2)", "SMIC 6nm(N+3)"]], transposed=True)
    te._columns(t, mapping)
    assert ("huawei-ascend-920c", "fabricatedOn", "smic-n-3") in {(f.subject, f.predicate, str(f.obj)) for f in ex.facts}
    assert {(s.subject, s.kind, s.value, s.unit) for s in ex.statements} == {
        ("huawei-ascend-910c", "processNode", Decimal(7), "nm"), ("huawei-ascend-920c", "processNode", Decimal(6), "nm")}


def test_a_devices_camera_and_display_pixels_are_quantities_and_a_channel_count_is_not(reader):
    r, ex = reader
    t = make_table(["칩 비교"], ["항목", "Ascend 910C", "Ascend 920C"],
                   [["카메라", "12MP+ 초광각 3K 동영상", "12 채널"], ["디스플레이", "듀얼 4K OLED (2300만 픽셀)", "-"]],
                   transposed=True)
    r.read(t)
    assert {(s.subject, s.value, s.rule) for s in ex.statements if s.kind == "quantity"} == {
        ("huawei-ascend-910c", Decimal(12000000), "table-reader:quantity@pixels"),
        ("huawei-ascend-910c", Decimal(23000000), "table-reader:quantity@pixels")}


def test_an_advantage_against_a_base_over_percentage_cells_is_a_signed_difference(reader):
    r, ex = reader
    t = make_table(["비용 비교"], ["항목", "H100", "Trainium2-Teton2-PD-Ultra-3L"],
                   [["H100 대비 Trainium % 우위", "", "+12.5%"], ["다른 항목 대비 % 격차", "", "-7%"]], transposed=True)
    r.read(t)
    assert {(s.subject, s.value, s.rule) for s in ex.statements if s.kind == "relativeDifference"} == {
        ("aws-trainium2-ultra", Decimal("12.5"), "table-reader:relativeDifference@480"),
        ("aws-trainium2-ultra", Decimal(-7), "table-reader:relativeDifference@480")}


def test_a_region_written_before_another_locates_it_and_is_not_the_headquarters(reader):
    r, ex = reader
    t = make_table(["두 기업 비교"], ["", "엔비디아", "OpenAI"],
                   [["본사", "텍사스", "캘리포니아 샌프란시스코"], ["EV/Sales 밸류", "30배", "25배"]])
    r.read(t)
    assert {(s, o) for s, o, _ in links(ex, "headquarteredIn")} == {("nvidia", "texas"), ("openai", "san-francisco")}
    assert sorted((s.subject, s.kind, s.value) for s in ex.statements if s.kind == "multiple") == [
        ("nvidia", "multiple", Decimal(30)), ("openai", "multiple", Decimal(25))]


def test_a_founding_members_row_names_the_profiled_firms_founders(reader):
    # "창립 멤버" / "설립자" / "공동창업자" alone: a founding says nothing of now (a founder may have left), so an
    # affiliation under the founders' entry, not "leads" — but one the cell marks "(…·CEO)" leads the firm now
    r, ex = reader
    t = make_table(["Anthropic에 대한 기업 개요"], ["항목", "내용"],
                   [["창립 멤버", "다리오 아모데이(達里奧·CEO) - 前 OpenAI 연구원 샘 알트만(山姆) - 前 구글 연구원"]])
    r.read(t)
    assert links(ex, "leads") == {("dario-amodei", "anthropic", "table-reader:leads@298:cell-title")}
    assert {(s, o) for s, o, _ in links(ex, "affiliatedWith") if o == "anthropic"} == {
        ("dario-amodei", "anthropic"), ("sam-altman", "anthropic")}


@pytest.mark.parametrize(("label", "cell"), [
    ("창립 멤버", "다리오 아모데이(前 CEO) - OpenAI 연구원"),  # a past title
    ("창립 멤버", "다리오 아모데이(OpenAI CEO) - 연구원"),  # the title of another organisation
    ("창립 멤버", "다리오 아모데이 - 前 OpenAI 연구원 (CTO)"),  # a bracket after something else than the name
    ("창립 멤버", "다리오 아모데이(CTO) - 연구원"),  # a title that is no head's
    ("이전 창립 멤버", "다리오 아모데이 - OpenAI 연구원"),  # a label that says the cell lists the past
    ("前 CEO", "다리오 아모데이"),
    ("전 대표", "다리오 아모데이"),
    ("Former CEO", "다리오 아모데이"),
])
def test_a_founders_bracketed_title_that_is_past_or_anothers_is_no_lead(reader, label, cell):
    r, ex = reader
    r.read(make_table(["Anthropic에 대한 기업 개요"], ["항목", "내용"], [[label, cell]]))
    assert {(s, o) for s, o, _ in links(ex, "leads") if o == "anthropic"} == set()


def test_a_current_head_label_still_leads(reader):
    r, ex = reader
    r.read(make_table(["Anthropic에 대한 기업 개요"], ["항목", "내용"], [["CEO", "다리오 아모데이"]]))
    assert {(s, o) for s, o, _ in links(ex, "leads") if o == "anthropic"} == {("dario-amodei", "anthropic")}


def test_a_past_header_over_a_column_of_people_gives_no_lead(reader):
    r, ex = reader
    t = make_table(["주요 AI 기업"], ["기업", "前 CEO"], [["Anthropic", "다리오 아모데이"]])
    r.read(t)
    assert {(s, o) for s, o, _ in links(ex, "leads")} == set()


def test_a_measure_column_reads_its_measure_in_the_corner_notes_unit_under_any_row_label(reader):
    # "(단위 : $, W)" lists a unit per measure: a bare figure under "… 전력" is in watts, and the total row
    # ("… 비용", the costs' group) still holds a power draw under the power column (one rule per measure)
    r, ex = reader
    t = make_table(["스케일업 네트워킹 비용 및 필요전력"], ["시스템 레벨(단위 : \\$, W)", "NVL72 비용", "NVL72 전력"],
                   [["광트랜시버", "\\$1,200", "3,100"], ["스케일업 비용 합계", "\\$2,500", "4,700W"]])
    r.read(t)
    got = {(s.kind, s.value, s.unit, s.rule) for s in ex.statements}
    assert got == {("hardwareCost", Decimal(1200), "USD", "table-reader:hardwareCost@108:header-entities"),
                   ("hardwareCost", Decimal(2500), "USD", "table-reader:hardwareCost@108:header-entities"),
                   ("powerDemand", Decimal("0.0031"), "MW", "table-reader:powerDemand@161:header-entities"),
                   ("powerDemand", Decimal("0.0047"), "MW", "table-reader:powerDemand@161:header-entities")}


def test_a_remark_saying_what_the_entity_holds_keeps_its_counted_things_and_no_other_figure(reader):
    r, ex = reader
    t = make_table(["알리바바 클라우드 주요 지표"], ["구분", "수치", "기준 시점", "세부 내용"],
                   [["연간 투자 계획", "\\$10B", "2025년", "현재 12개 데이터센터, 5개 리전 확보"],
                    ["시장 규모", "\\$3B", "2025년", "고객 300개 사례 중 일부"]])
    r.read(t)
    counts = {(s.subject, s.value, s.rule) for s in ex.statements if s.kind == "unitCount"}
    assert counts == {("alibaba-cloud", Decimal(12), "text-cell:unit-count:row"),
                      ("alibaba-cloud", Decimal(5), "text-cell:unit-count:row")}


def test_a_products_row_names_the_services_the_profiled_firm_offers(reader):
    r, ex = reader
    t = make_table(["OpenAI에 대한 기업 개요"], ["항목", "내용"],
                   [["핵심 제품", "ChatGPT: 개인 사용자용 챗봇. 기업용 API"], ["생산", "ChatGPT"]])
    r.read(t)
    assert {(s, o) for s, o, _ in links(ex, "offeredBy")} == {("chatgpt", "openai")}


def test_a_remark_of_a_change_against_the_period_before_is_the_rows_growth(reader):
    r, ex = reader
    t = make_table(["알리바바 클라우드 주요 지표"], ["구분", "수치", "기준 시점", "세부 내용"],
                   [["매출", "\\$3B", "2025년", "18% YoY"], ["시장 규모", "\\$9B", "2025년", "2018년에는 42%였음"]])
    r.read(t)
    assert {(s.subject, s.kind, s.value) for s in ex.statements if s.kind in ("growthRate", "share")} == {
        ("alibaba-cloud", "growthRate", Decimal(18))}


def test_an_architecture_row_names_the_chips_core_and_not_the_one_it_says_it_is_not(reader):
    r, ex = reader
    t = make_table(["칩 비교"], ["항목", "Ascend 910C", "Ascend 920C"],
                   [["전용 Tensor Core", "Da Vinci v2", "Da Vinci v3 (INT8 / FP8 매크로)"]], transposed=True)
    r.read(t)
    t = make_table(["칩 비교"], ["항목", "B200"], [["기반 아키텍처", "Blackwell이지만, 데이터센터급(GB 시리즈)은 아님"]],
                   transposed=True)
    r.read(t)
    assert {(s, o) for s, o, _ in links(ex, "hasArchitecture")} == {
        ("huawei-ascend-910c", "huawei-da-vinci-v2"), ("huawei-ascend-920c", "huawei-da-vinci-v3"),
        ("nvidia-b200", "nvidia-blackwell")}


def test_a_memory_the_cell_says_the_chip_uses_instead_of_is_not_used(reader):
    r, ex = reader
    t = make_table(["칩 비교"], ["항목", "B200"], [["메모리", "비싼 HBM 대신, GDDR7 메모리 채택"]], transposed=True)
    r.read(t)
    assert {(s, o) for s, o, _ in links(ex, "usesMemory")} == {("nvidia-b200", "gddr7")}


def test_a_profiles_founding_row_names_where_the_firm_is_based(reader):
    # "설립 | <date>, <city>": the founding row's place is the firm's base (appended to the lexicon)
    r, ex = reader
    t = make_table(["Anthropic에 대한 기업 개요"], ["항목", "내용"],
                   [["설립", "2021년 1월, 샌프란시스코"], ["비전", "베이징과 H100"]])
    r.read(t)
    assert {(s, o) for s, o, _ in links(ex, "headquarteredIn")} == {("anthropic", "san-francisco")}


def test_a_model_row_names_the_chip_the_rows_of_its_kind_word_describe(reader):
    """"GPU 모델 | H100": the table's subject runs on the H100, and "GPU 메모리" is the H100's memory, not the
    subject's; a row of another kind word stays about the caption's subject (``:model-row`` rule ids)."""
    r, ex = reader
    r.read(make_table(["GR00T Dreams 실험 사양"], ["항목", "수치", "비고"],
                      [["GPU 모델", "H100", ""], ["GPU 메모리", "80GB HBM3", ""], ["소요 시간", "54시간", ""]]))
    assert links(ex, "usesChip") == {("gr00t-dreams", "nvidia-h100", "table-reader:usesChip@model:model-row")}
    memory = [(s.subject, s.value, s.rule) for s in ex.statements if s.kind == "memoryCapacity"]
    assert [(s, v) for s, v, _ in memory] == [("nvidia-h100", Decimal(80))]
    assert memory[0][2].endswith(":model-row")
    assert [s.subject for s in ex.statements if s.kind == "duration"] == ["gr00t-dreams"]


def test_a_row_label_naming_on_chip_memory_is_part_of_the_chip_not_a_memory_it_uses(reader):
    r, ex = reader
    t = make_table(["칩 비교"], ["항목", "Ascend 910C", "Ascend 920C"],
                   [["메모리 용량 (온칩 SRAM)", "256 MB", "128 MB"], ["메모리 용량 (오프칩 LPDDR5)", "64-128 GB", "32-64 GB"]],
                   transposed=True)
    r.read(t)
    assert {(s, o) for s, o, _ in links(ex, "usesMemory")} == {
        ("huawei-ascend-910c", "lpddr5"), ("huawei-ascend-920c", "lpddr5")}


def test_a_short_alias_in_a_cell_settles_by_the_rows_subject_name():
    from petaflop.extract.gazetteer import Entity, Gazetteer
    from petaflop.extract.table_row_links import cell_mentions

    gaz = Gazetteer([Entity("acme-visor", "AIProduct", "Acme Visor", aliases=("Visor",)),
                     Entity("acme-x9", "Chip", "Acme X9", aliases=("X9",), context="Visor", ambiguous=("X9",)),
                     Entity("zeta-q1", "Chip", "Zeta Q1", aliases=("Q1 칩",))])
    assert [m.entity_id for m in gaz.find_mentions("X9 + Q1 칩")] == ["zeta-q1"]  # the cell alone: no X9
    got = [(m.entity_id, m.start, m.end) for m in cell_mentions(gaz, "X9 + Q1 칩", "acme-visor")]
    assert got == [("acme-x9", 0, 2), ("zeta-q1", 5, 9)]
    assert [m.entity_id for m in cell_mentions(gaz, "X9 + Q1 칩", "zeta-q1")] == ["zeta-q1"]  # no context: no X9


def test_a_key_cell_listing_two_people_gives_each_the_rows_links_not_its_figures(reader):
    r, ex = reader
    r.read(make_table(["OpenAI 출신 인물"], ["인물", "OpenAI 때 직책/소속", "재직 연수"],
                      [["일리아 수츠케버 / 미라 무라티", "연구", "5년"], ["제프리 어빙", "기술 직원", "3년"]]))
    assert {(s, o) for s, o, _ in links(ex, "affiliatedWith")} >= {
        ("ilya-sutskever", "openai"), ("mira-murati", "openai"), ("geoffrey-irving", "openai")}
    assert {s for s, _, rule in links(ex, "affiliatedWith") if ":listed" in rule} == {"ilya-sutskever", "mira-murati"}
    assert {st.subject for st in ex.statements if st.kind == "duration"} <= {"geoffrey-irving"}


def test_lines_of_code_under_a_code_label_are_a_count_of_the_subject(reader):
    r, ex = reader
    r.read(make_table(["코딩 서비스 “Codex”의 성과"], ["항목", "수치 / 내용"],
                      [["코드 변경량", "2억 3,000만 줄"], ["코드 변경 비중", "40%"]]))
    got = [(st.subject, st.kind, st.value, st.metric) for st in ex.statements if st.kind == "unitCount"]
    assert got == [("openai-codex", "unitCount", Decimal("230000000"), "코드 변경량")]
