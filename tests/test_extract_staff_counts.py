"""Counts of wave 23 (sentences and tables of our own): a counter takes no second unit ("150개 기업"), a
spaced "+" adds terms instead of bounding the figure, "회" counts, a survey's count, and staff of one kind
counted as the firm's scoped employeeCount, but not the makeup of one team ("파트너 1명 + 컨설턴트 4명") (petaflop/extract/text_counts.py)."""

from __future__ import annotations

from decimal import Decimal

from ingest.quantities import find_quantities
from petaflop.extract.facts import Extraction, Location
from tests.test_table_reader import make_table

LOC = Location(10, 10, "VI", "test slide")


def _counts(ex: Extraction) -> list[tuple]:
    return [(s.subject, s.kind, s.value, s.metric, s.scope, s.rule) for s in ex.statements
            if s.kind in ("unitCount", "employeeCount")]


def test_a_counter_takes_no_second_unit_from_the_next_word():
    assert [(q.raw, q.value) for q in find_quantities("150개 기업 기술의 책임자")] == [("150개", Decimal(150))]
    assert [q.raw for q in find_quantities("10개 분야와 5개 주")] == ["10개", "5개"]
    assert [(q.raw, q.high) for q in find_quantities("3~5기 설치")] == [("3~5기", Decimal(5))]


def test_a_spaced_plus_adds_terms_and_a_glued_plus_is_a_lower_bound():
    qs = find_quantities("파트너 2명 + 컨설턴트 5명")
    assert [(q.raw, q.value, sorted(q.qualifiers)) for q in qs] == [("2명", Decimal(2), []), ("5명", Decimal(5), [])]
    assert [sorted(q.qualifiers) for q in find_quantities("직원 350+명")] == [["lowerBound"]]


def test_a_count_in_times_is_a_unit_count(text_reader):
    r, ex = text_reader
    r.read("메타는 7,000회 이상의 학술 인용을 기록.", LOC, ())
    assert _counts(ex) == [("meta", "unitCount", Decimal(7000), "학술 인용", "", "text:unit-count:have:clause-topic")]


def test_the_firms_surveyed_are_counted_after_the_counter(text_reader):
    r, ex = text_reader
    r.read("메타가 올해 봄 120개 기업 기술의 책임자를 설문해 집계.", LOC, ())
    assert _counts(ex) == [("meta", "unitCount", Decimal(120), "기업 기술의 책임자", "",
                            "text:unit-count:have:clause-topic")]


def test_staff_of_one_kind_is_a_scoped_count_and_the_whole_staff_is_not(text_reader):
    r, ex = text_reader
    r.read("메타는 컨설턴트 40명을 보유.", LOC, ())
    r.read("메타는 직원 3,000명을 보유.", LOC, ())
    assert [(c[2], c[4]) for c in _counts(ex)] == [(Decimal(40), "컨설턴트"), (Decimal(3000), "")]


def test_the_makeup_of_one_team_is_a_count_per_team(table_reader, text_reader):
    r, ex = table_reader
    r.read(make_table(["메타의 AI 도입에 따른 조직 변화"], ["구분", "기존 방식 (Before)", "AI 도입 후 변화 (After)"],
                      [["팀 구조", "파트너 2명 + 컨설턴트 5명", "파트너 1명 + 컨설턴트 3명 + 다수 AI 에이전트"]]))
    # roles counted with "+": one team's makeup, per team — never the firm's headcount nor a unit of its staff
    assert [(s.subject, s.value, s.scope, s.per, s.rule) for s in ex.statements if s.kind == "employeeCount"] == [
        ("meta", Decimal(2), "파트너", "team", "text-cell:staff-count"),
        ("meta", Decimal(5), "컨설턴트", "team", "text-cell:staff-count"),
        ("meta", Decimal(1), "파트너", "team", "text-cell:staff-count"),
        ("meta", Decimal(3), "컨설턴트", "team", "text-cell:staff-count"),
    ]
    t, tex = text_reader
    t.read("메타는 컨설턴트 40명을 보유.", LOC, ())  # staff of one kind the firm has: no team's
    assert [(s.value, s.scope, s.per) for s in tex.statements if s.kind == "employeeCount"] == [(Decimal(40), "컨설턴트", "")]


def test_the_second_count_of_a_coordination_counts_the_first_ones_noun(table_reader):
    r, ex = table_reader
    r.read(make_table(["메타의 합성 데이터 생성 비용"], ["항목", "값", "비고"],
                      [["생성된 샘플 수", "240,000개", "원본 데이터에서 만든 샘플"], ["로봇팔", "$12", "과제 각각 30개, 45개 생성"],
                       ["로봇손", "$9", "과제 각각 20개, 총 25개 생성"]]))  # "총 25개": a total, not the next of the list
    assert [(c[0], c[2], c[3], c[5]) for c in _counts(ex) if c[5].startswith("text-cell")] == [
        # "각각 30개, 45개" with no items named to pair them with: unsure, never the first value alone (respectively.py)
        ("meta", Decimal(30), "과제 각각", "text-cell:unit-count-before:row:unsure"),
        ("meta", Decimal(45), "과제 각각", "text-cell:unit-count-before:row:unsure"),
        ("meta", Decimal(20), "과제 각각", "text-cell:unit-count-before:row"),  # one figure: each task's
    ]


def test_messages_a_day_are_a_daily_unit_count_of_the_blocks_topic(text_reader):
    r, ex = text_reader
    r.read("- 메타는 새 메신저 앱을 출시.", LOC, ())
    r.read("- 일일 사용자 메시지는 20억 건 돌파.", LOC, ())
    assert [(s.subject, s.kind, s.value, s.per, s.metric, s.rule) for s in ex.statements if s.kind == "unitCount"] == [
        ("meta", "unitCount", Decimal(2_000_000_000), "day", "일일 사용자 메시지", "text:value:block-topic")]


def test_a_chip_the_sentence_is_about_counts_in_a_later_clause(text_reader):
    r, ex = text_reader
    r.read("H100 칩은 규제를 피하며, 대리회사로부터 30만 개 로직 다이를 공급받은 구조.", LOC, ())
    r.read("이 구조(H100 칩은 예외)는 규제를 피하며, 대리회사로부터 20만 개 로직 다이를 공급받음.", LOC, ())
    assert _counts(ex) == [("nvidia-h100", "unitCount", Decimal(300_000), "로직 다이", "",
                            "text:unit-count:have:clause-topic")]


def test_the_parenthesis_holding_a_count_closes_its_noun(text_reader):
    r, ex = text_reader
    r.read("메타는 2 GW(30개 캠퍼스) 규모의 클러스터를 구축.", LOC, ())
    assert _counts(ex) == [("meta", "unitCount", Decimal(30), "캠퍼스", "", "text:unit-count:have:clause-topic")]


def test_staff_counted_after_the_figure_form_a_unit_of_the_firm(text_reader):
    r, ex = text_reader
    r.read("메타는 1,000명의 인증 전문가 부대를 창설해 역량 확보.", LOC, ())
    r.read("메타는 500명의 구글 출신 엔지니어 조직을 신설.", LOC, ())  # a firm naming where the staff come from
    assert [(c[0], c[1], c[2], c[4], c[5]) for c in _counts(ex)] == [
        ("meta", "employeeCount", Decimal(1000), "인증 전문가 부대", "text:staff-count"),
        ("meta", "employeeCount", Decimal(500), "구글 출신 엔지니어 조직", "text:staff-count")]


def test_no_staff_count_after_the_figure_without_a_genitive_or_a_word_of_staff(text_reader):
    r, ex = text_reader
    r.read("메타는 10만 명 이상의 데이터 라벨러와 기술에 대한 접근 권한 확보.", LOC, ())  # "와": a partner's
    r.read("메타는 100명의 사용자 그룹을 창설.", LOC, ())  # users are no staff
    assert _counts(ex) == []
