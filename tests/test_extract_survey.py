"""Surveys (text_population.py, table_survey.py, survey_size.py): the surveyed population's shares in a
ratio ("10명 중 9명(92%)이"), in an answers table ("원인 | 응답 비율") and in a numbered list ("① … (46%)"),
and the survey's size ("조사 (n=149)", "<기관>가 N개 기업 … 를 설문"): on documents of our own."""

from __future__ import annotations

from decimal import Decimal

from ingest.parser import parse_text
from petaflop.extract.pipeline import extract
from petaflop.extract.survey_size import RULE as SIZE
from petaflop.extract.table_survey import RULE as TABLE
from petaflop.extract.table_survey import RULE_LISTED as LISTED
from petaflop.extract.text_population import RULE_CARRIED, RULE_RATIO

SURVEY = ["V. 에너지와 그리드: 병목", "",
          "- 또한, 설문조사 결과, 데이터센터 업계가 직면한 최대 문제는 전력. "
          "업계 관계자 10명 중 9명 이상(92%)이 송전 부족을 꼽았으며, 40%는 장벽으로 평가.",
          "- 원인으로는 ① 전력 대기 시간이 긴 문제 (46%), ② 높은 전력 비용 문제 (43%)가 지목됨.", "",
          "제약의 세부 원인", "", "원인\t응답 비율", "긴 대기 시간\t46%", "높은 전력 비용\t43%", "엔비디아 칩 부족\t12%",
          "해당 없음 / 모름\t8%", "", "자료: Schneider Electric, 미래에셋증권 리서치센터", "",
          "데이터센터의 그리드 대기기간 조사 (n=149)", "", "", "자료: Schneider Electric, 미래에셋증권 리서치센터", ""]


def _shares(text: list[str]) -> list[tuple]:
    ex = extract(parse_text("\n".join(text)))
    return sorted((ex.entities[s.subject].name_ko, s.kind, s.value, s.rule, s.metric) for s in ex.statements
                  if s.rule in (TABLE, LISTED, SIZE, RULE_RATIO, RULE_CARRIED))


def test_industry_insiders_are_the_industry_named_before_and_its_answers_are_its_shares():
    got = _shares(SURVEY)
    industry = [r[1:4] for r in got if r[0] == "데이터센터 업계"]
    assert industry == [
        ("share", Decimal(8), TABLE), ("share", Decimal(40), RULE_CARRIED), ("share", Decimal(43), TABLE),
        ("share", Decimal(43), LISTED), ("share", Decimal(46), TABLE), ("share", Decimal(46), LISTED),
        ("share", Decimal(92), RULE_RATIO)]  # no share for the row naming an organisation ("엔비디아 칩 부족")
    assert ("데이터센터 업계", "share", Decimal(46), LISTED, "respondents answering: 전력 대기 시간이 긴 문제") in got


def test_a_caption_s_sample_is_the_survey_s_size():
    got = _shares(SURVEY)
    assert [r[:3] for r in got if r[3] == SIZE] == [("Schneider Electric 설문조사", "unitCount", Decimal(149))]


def test_no_answers_without_a_survey_population_on_the_slide():
    text = [SURVEY[0], "", "- 데이터센터 업계가 직면한 최대 문제는 전력.", "", *SURVEY[5:14]]
    assert [r for r in _shares(text) if r[3] in (TABLE, LISTED, RULE_RATIO)] == []


def test_the_surveyor_s_sample_is_its_count():
    text = ["III. AI 플레이어: 시장", "", "- Menlo Ventures가 올해 여름 150개 기업의 의사결정권자를 설문해 산출.",
            "- Menlo Ventures의 설문(80개 기업 기술 의사결정권자 대상)에 따르면 1위.", ""]
    ex = extract(parse_text("\n".join(text)))
    got = sorted((s.subject, s.value, s.time.text if s.time else "", s.metric) for s in ex.statements if s.rule == SIZE)
    assert got == [("menlo-ventures", Decimal(80), "", "surveyed: 80개 기업 기술 의사결정권자"),
                   ("menlo-ventures", Decimal(150), "2025", "surveyed: 150개 기업의 의사결정권자")]


def test_bare_respondents_are_the_population_the_line_named(text_reader):
    from petaflop.extract.facts import Location

    r, ex = text_reader
    r.read("신규 프로젝트의 30%는 대기 중. 설문 결과, 응답자의 2명 중 1명(50%)은 4년 이상 대기.", Location(5, 5, "V", "t"), ())
    got = [(ex.entities[s.subject].name_ko, s.value, s.rule) for s in ex.statements if s.kind == "share"]
    assert got == [("신규 프로젝트", Decimal(30), "text:share-of:population"), ("신규 프로젝트", Decimal(50), RULE_RATIO)]
    r.read("설문 결과, 응답자의 2명 중 1명(50%)은 대기.", Location(6, 6, "V", "t"), ())  # no population named before
    r.read("직원 10명 중 9명(90%)이 찬성.", Location(7, 7, "V", "t"), ())  # no industry's people
    assert len([s for s in ex.statements if s.kind == "share"]) == 2
