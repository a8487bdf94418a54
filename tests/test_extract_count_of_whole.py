"""A part counted out of a whole in one phrase (petaflop/extract/count_of_whole.py): "N개 중 M개"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VI", "test slide")
RULE = "text:count-of-whole"


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def parts(ex: Extraction) -> list[tuple]:
    return [(s.subject, s.kind, s.value, s.metric, s.scope) for s in ex.statements if s.rule == RULE]


def test_a_country_marked_between_the_whole_and_its_part_holds_the_seats(reader):
    r, ex = reader
    r.read("5개 워킹그룹 의장직 중 중국은 단 1석에 불과.", LOC, ())
    assert parts(ex) == [("china", "unitCount", Decimal(1), "워킹그룹 의장직", "5개 중")]


def test_a_country_of_origin_after_the_part_owns_it(reader):
    r, ex = reader
    r.read("배포된 LLM 3,755개 중에서 1,509개(40% 비중)가 중국산일 정도.", LOC, ())
    assert parts(ex) == [("china", "unitCount", Decimal(1509), "LLM", "3,755개 중")]


def test_the_owner_of_the_topic_before_the_whole_and_the_parts_own_noun(reader):
    r, ex = reader
    r.read("중국의 영향력은 5개 중 1개 분야로 제한적", LOC, ())
    assert parts(ex) == [("china", "unitCount", Decimal(1), "분야", "5개 중")]


def test_problems_solved_out_of_a_whole_are_the_models_score(reader):
    r, ex = reader
    r.read("GPT-5는 2025년 올림피아드의 6문제 중 5개를 해결하며 금메달 달성.", LOC, ())
    assert parts(ex) == [("gpt-5", "benchmarkScore", Decimal(5), "문제 해결", "6문제 중")]
    assert ex.statements[-1].time is not None and ex.statements[-1].time.start == "2025-01-01"  # the clause's year


@pytest.mark.parametrize("text", [
    "업계 관계자 10명 중 9명 이상이 전력 부족을 꼽음.",  # people: a proportion of respondents
    "해고 80,000건 중 10,000건 이상이 AI 도입과 직결.",  # nobody named owns the part
    "엔비디아는 GPU 10개 중 8개를 공급.",  # a part handed on, not held
    "중국은 5개 중 7개를 보유.",  # a part larger than its whole
])
def test_no_part_without_a_named_owner_of_a_held_smaller_part(reader, text):
    r, ex = reader
    r.read(text, LOC, ())
    assert parts(ex) == []
