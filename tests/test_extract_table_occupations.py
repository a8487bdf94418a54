"""A table of occupations ("직업 제목 (약어) | … 점수 | 미국 내 고용 숫자(24년 5월)"): each row's occupation is
a market segment named by its cell; its bare scores are quantities whose metric is the column's header,
its employment a count of employees at the date the header's closing note names. The firm the caption
names (who made the study) gets no figure of the table."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.cell_text import header_period
from tests.test_table_reader import make_table

HEADER = ["직업 제목 (약어)", "AI의 작업 성공률", "3가지 변수 고려한 점수", "미국 내 고용 숫자(24년 5월)"]


def _read(table_reader):
    r, ex = table_reader
    r.read(make_table(["마이크로소프트가 분석한 상위 직업"], HEADER,
                      [["역사가", "0.85", "0.48", "3,040"], ["웹 개발자", "0.86", "0.35", "86,350"],
                       ["경제학 교사, 고등 교육", "0.9", "0.35", "12,210"]], chapter="I"))
    return ex


def test_each_occupation_is_a_segment_with_its_scores_and_employment(table_reader):
    ex = _read(table_reader)
    seg = {e.name_ko: eid for eid, e in ex.entities.items() if "MarketSegment" in e.types}
    assert set(seg) >= {"역사가", "웹 개발자", "경제학 교사, 고등 교육"}  # a list of groups names one segment
    got = {(s.subject, s.kind, s.value, s.metric, s.time.text if s.time else "") for s in ex.statements}
    assert (seg["역사가"], "quantity", Decimal("0.85"), "AI의 작업 성공률", "") in got
    assert (seg["역사가"], "quantity", Decimal("0.48"), "3가지 변수 고려한 점수", "") in got
    assert (seg["웹 개발자"], "employeeCount", Decimal(86350), "", "2024-05") in got
    assert (seg["경제학 교사, 고등 교육"], "employeeCount", Decimal(12210), "", "2024-05") in got
    assert {s.rule for s in ex.statements} == {"table-reader:quantity@748", "table-reader:employeeCount@740"}


def test_the_captions_firm_gets_no_figure(table_reader):
    ex = _read(table_reader)
    assert not any(s.subject == "microsoft" for s in ex.statements)
    assert not any("microsoft" in (f.subject, str(f.obj)) for f in ex.facts)


def test_a_list_names_one_thing_only_for_a_segment():
    from petaflop.extract.table_figures import listed_name

    assert listed_name("뉴스 분석가, 기자, 저널리스트", "MarketSegment") == "뉴스 분석가 기자 저널리스트"
    assert listed_name("가나전자, 다라전자", "Firm") == "가나전자, 다라전자"  # two firms: no one name


def test_a_headers_closing_date_note_dates_its_column():
    assert header_period("미국 내 고용 숫자(24년 5월)").text == "2024-05"
    assert header_period("매출 (2024년 기준)").text == "2024"
    assert header_period("수명(10년)") is None  # a duration, not a date
    assert header_period("고용 숫자") is None
