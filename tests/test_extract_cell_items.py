"""Wave 13 task B: a country's row whose cell lists labelled items about its programmes
(petaflop/extract/cell_items.py), on tables of our own (invented figures)."""

from __future__ import annotations

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.cell_items import read_policy_items
from petaflop.extract.facts import Extraction, Location
from petaflop.extract.resolve import Resolver


def make_table(rows: list[list[str]]) -> Table:
    line, header = 100, ["항목", "세부 내용"]
    head = [Cell(h, h, line, j + 1) for j, h in enumerate(header)]
    body = [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)]) for i, r in enumerate(rows)]
    return Table("T-01-1", Span(line - 1, line + len(rows)), ["표 제목"], head, body,
                 chapter="VI", slide_title="VI. 테스트: 표", column_labels=header)


def _loc(table, cell, r):
    return Location(cell.line, cell.line, table.chapter, table.slide_title, table.id, r, cell.column)


def read(gaz, rows: list[list[str]]) -> tuple[list[tuple], list[tuple]]:
    ex = Extraction()
    read_policy_items(make_table(rows), Resolver(gaz, ex), ex, _loc, ())
    counts = sorted((s.subject, int(s.value), s.metric, s.per, s.scope or (s.time.text if s.time else ""), s.rule)
                    for s in ex.statements)
    return counts, sorted((f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.predicate == "partOf")


def test_an_item_naming_a_programme_states_its_counts_and_its_frame(gaz):
    counts, links = read(gaz, [["중국 정책 현황", "디지털 실크로드: 일대일로 일환 (2010~2012년 7개국 12개 프로젝트 지원); "
                                              "인재 양성: \"루반 워크숍\" 직업 훈련 (9개 워크숍)"]])
    rule = "table-cell:policy-item:unit-count"
    assert counts == [("digital-silk-road", 7, "국가", "", "2010~2012", rule),  # the span is their time
                      ("digital-silk-road", 12, "프로젝트", "", "2010~2012", rule),
                      ("luban-workshop", 9, "워크숍", "", "", rule)]
    assert links == [("digital-silk-road", "partOf", "belt-and-road-initiative", "table-cell:policy-item:partOf")]


def test_an_item_of_the_country_itself_counts_for_the_country(gaz):
    counts, _ = read(gaz, [["중국 현황", "전력: 3개 지역 4기 원자로 승인, 매년 2기 승인"]])
    rule = "table-cell:country-item:unit-count"
    assert counts == [("china", 2, "원자로 승인", "year", "", rule),
                      ("china", 3, "지역", "", "", f"{rule}:of-next-count"),  # the regions of the 4 reactors
                      ("china", 4, "원자로", "", "", rule)]


def test_a_countrys_count_right_before_another_count_qualifies_it(gaz):
    counts, _ = read(gaz, [["중국 현황", "컴퓨팅: 6개 허브, 3개 성 9개 데이터센터 구축"]])
    rule = "table-cell:country-item:unit-count"
    assert counts == [("china", 3, "성", "", "", f"{rule}:of-next-count"),  # where the 9 centres are: judged apart
                      ("china", 6, "허브", "", "", rule), ("china", 9, "데이터센터", "", "", rule)]


def test_a_count_a_body_acted_on_counts_the_noun_before_and_keeps_its_bound(gaz):
    ex = Extraction()
    read_policy_items(make_table([["중국 현황", "AI: 120개 이상 LLM 개발, 90개 이상 정부 승인, 7곳 당국 지정"]]),
                      Resolver(gaz, Extraction()), ex, _loc, ())
    assert sorted((int(s.value), s.metric, s.bound) for s in ex.statements) == [
        (90, "LLM 정부 승인", "lower"),  # the LLMs the government approved, at least 90
        (120, "LLM", "lower")]  # "7곳 당국 지정": no noun counted before by 곳, no figure


def test_a_row_naming_more_than_its_country_is_not_the_countrys(gaz):
    assert read(gaz, [["엔비디아-중국 협력", "40개 이상 스타트업과 협업 중"]]) == ([], [])
    assert read(gaz, [["정책 현황", "디지털 실크로드: 5개국 지원"]]) == ([], [])  # no country names the row


def _sponsors(gaz, rows: list[list[str]]) -> list[tuple]:
    ex = Extraction()
    read_policy_items(make_table(rows), Resolver(gaz, ex), ex, _loc, ())
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "sponsoredBy")


def test_the_programme_an_item_is_about_is_sponsored_by_the_rows_country(gaz):
    rule = "table-cell:policy-item:sponsoredBy"
    assert _sponsors(gaz, [["중국 정책 현황", "디지털 실크로드: 일대일로 일환 (3개국 지원); "
                                          "인재 양성: \"루반 워크숍\" 직업 훈련 (9개 워크숍); 전력: 원자로 2기 승인"]]) == [
        ("digital-silk-road", "china", rule), ("luban-workshop", "china", rule)]
    assert _sponsors(gaz, [["정책 현황", "디지털 실크로드: 5개국 지원"]]) == []  # no country names the row


def test_an_item_of_the_countrys_firms_homes_them_in_the_country(gaz):
    ex = Extraction()
    read_policy_items(make_table([["중국 산업 특징", "주요 기업: 바이두, 텐센트 등; 인재: 9개 대학과 협력"]]), Resolver(gaz, ex),
                      ex, _loc, ())
    rule = "table-cell:country-item:headquarteredIn"
    assert sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "headquarteredIn") == [
        ("baidu", "china", rule), ("tencent", "china", rule)]
    ex = Extraction()  # a label that is not about firms lists nothing at home
    read_policy_items(make_table([["중국 산업 특징", "협력 사례: 바이두, 텐센트 등"]]), Resolver(gaz, ex), ex, _loc, ())
    assert [f for f in ex.facts if f.predicate == "headquarteredIn"] == []


def test_a_span_of_years_in_an_item_is_the_time_of_its_counts_not_their_scope(gaz):
    ex = Extraction()
    read_policy_items(make_table([["중국 정책 현황", "디지털 실크로드: 일대일로 일환 (2010~2012년 7개국 12개 프로젝트 지원)"]]),
                      Resolver(gaz, ex), ex, _loc, ())
    assert sorted((int(s.value), s.time.text if s.time else None, s.scope) for s in ex.statements) == [
        (7, "2010~2012", ""), (12, "2010~2012", "")]
