"""Ranks of wave 33 (text_rank.py): "A가 1위이나 …" under a caption title naming what the chart ranks by
("X 점수 기준 …"), and a sentence naming only the rivals its carried topic beat ("B, C 등 모든 경쟁자를
제치고 1위 달성": ``text:rank:carried-topic``, one way with the previous sentence's topic)."""

from __future__ import annotations

from decimal import Decimal

from ingest.parser import parse_text
from petaflop.extract.facts import Location
from petaflop.extract.pipeline import extract
from petaflop.extract.text_rank import caption_basis

LOC = Location(10, 10, "II", "test slide")


def _ranks(ex) -> list[tuple]:
    return [(s.subject, s.value, s.scope, s.rule) for s in ex.statements if s.kind == "rank"]


def test_a_caption_title_opening_with_a_basis_names_the_ranking():
    assert caption_basis("LMArena 점수 기준 주요 모델들의 추이") == "LMArena 점수"
    assert caption_basis("주요 AI 서비스별 월 기준 점유율") == ""  # no opening basis
    assert caption_basis("월 기준 점유율 추이") == ""  # a time basis ranks nothing
    assert caption_basis("주요 모델들의 점수 추이") == ""


def test_a_concessive_rank_under_a_caption_title_is_ranked_by_its_basis(text_reader):
    r, ex = text_reader
    r.caption_title = "LMArena 점수 기준 주요 모델들의 추이"
    r.read("xAI의 Grok 4가 1위이나 성능 격차 미미", LOC, ())
    r.caption_title = ""
    r.read("xAI의 Grok 4가 1위이나 성능 격차 미미", LOC, ())  # no ranking named: no statement
    assert _ranks(ex) == [("grok-4", Decimal(1), "LMArena 점수", "text:rank:named")]


def test_a_figure_caption_line_takes_the_basis_of_the_caption_title():
    doc = "\n".join(["II. 시험 장: 모델", "", "- 메타는 새 모델을 공개.", "", "LMArena 점수 기준 주요 모델들의 추이",
                     "xAI의 Grok 4가 1위이나 격차는 미미", "", "", "", "자료: 가나다리서치", "",
                     "- 다른 모델이 1위이나 격차는 미미."])  # after the figure: no caption title any more
    assert _ranks(extract(parse_text(doc))) == [("grok-4", Decimal(1), "LMArena 점수", "text:rank:named")]


def test_only_the_rivals_beaten_named_ranks_the_carried_topic(text_reader):
    r, ex = text_reader
    r.read("- 구글의 Gemini 2.5 Flash Image는 새 이미지 모델.", LOC, ())
    r.read("- 이미지 생성 분야에서 imagen-4.0 등 모든 경쟁자를 제치고 1위 달성.", LOC, ())
    assert _ranks(ex) == [("gemini-2-5-flash-image", Decimal(1), "이미지 생성 분야", "text:rank:carried-topic")]


def test_a_carried_topic_ranks_nothing_without_rivals_beaten(text_reader):
    r, ex = text_reader
    r.read("- 구글의 Gemini 2.5 Flash Image는 새 이미지 모델.", LOC, ())
    r.read("- 이미지 생성 분야에서 imagen-4.0 모델이 1위 달성.", LOC, ())  # a ranking of another name's
    assert [x for x in _ranks(ex) if x[0] == "gemini-2-5-flash-image"] == []
