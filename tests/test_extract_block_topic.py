"""A topic carried from an earlier block of the slide ("block-topic") measures a later figure only while the
sentence names nothing else before it; a rate's denominator ("1인당") is no value; a yield is a product's
or a process's, never an organisation's."""

from __future__ import annotations

from decimal import Decimal

from ingest.quantities import Quantity
from petaflop.extract.facts import Location
from petaflop.extract.text_frames import Mention_
from petaflop.extract.text_value_guards import names_another, not_a_value
from petaflop.extract.values import find_quantities


def _loc(n: int) -> Location:
    return Location(n, n, "X", "test slide")


def _figure(s: str, raw: str) -> Quantity:
    return next(q for q in find_quantities(s) if q.raw.startswith(raw))


def test_a_block_topic_measures_a_sentence_that_names_nothing_else(text_reader):
    r, ex = text_reader
    r.read("- xAI는 새 데이터센터를 짓는 중.", _loc(1), ())
    r.read("- 그러나, 1년 만에 직원 수 2,400명 이상으로 늘어난 기업.", _loc(2), ())
    r.read("- 구글 클라우드(GCP) 백로그 (단위: 십억 달러) 직원 수 900명.", _loc(3), ())
    assert [(s.location.line_start, s.subject, s.value, s.rule) for s in ex.statements
            if s.kind == "employeeCount"] == [
        (2, "xai", Decimal(2400), "text:value:block-topic"),
        (3, "xai", Decimal(900), "text:value:inherited-other-named"),  # another name before the figure: apart
    ]


def test_names_another_ignores_the_topic_places_and_later_names():
    topic = Mention_("xai", "AILab", -1, -1, "block")
    s = "미국 내 고객 수는 xAI 기준 40% 증가, 구글은 뒤처짐"
    q = _figure(s, "40%")
    assert not names_another([Mention_("united-states", "Country", 0, 2, ""), Mention_("xai", "AILab", 11, 14, ""),
                              Mention_("google", "Firm", 25, 27, "topic")], topic, q)
    assert names_another([Mention_("google-cloud", "Firm", 0, 6, "")], topic, q)


def test_the_denominator_of_a_rate_is_no_value():
    s = "가나다 서비스의 1인당 사용량은 늘었고, GPU 1개당 가격은 3만 달러, 1K 토큰당 $0.5 수준"
    assert [not_a_value(s, q) for q in find_quantities(s) if q.value is not None] == [True, True, False, True, False]
    s = "조건에 3개 해당하는 기업"
    assert not not_a_value(s, _figure(s, "3"))


def test_a_rate_per_person_states_no_count(text_reader):
    r, ex = text_reader
    r.read("- xAI는 사용자가 늘어남.", _loc(1), ())
    r.read("- 유료 사용자들의 1인당 사용량이 더 많음.", _loc(2), ())
    assert [(s.subject, s.kind, s.value) for s in ex.statements if s.location.line_start == 2] == []


def test_a_yield_is_never_an_organisations(text_reader):
    r, ex = text_reader
    r.read("- xAI는 새 칩을 준비 중.", _loc(1), ())
    r.read("- 현재 수율은 35% 수준에 불과.", _loc(2), ())
    assert [s for s in ex.statements if s.kind == "yield"] == []


def test_a_systems_chips_counted_under_its_topic_are_the_count_item_construction(text_reader):
    r, ex = text_reader
    r.read("- 엔비디아의 NVL72 랙은 새 설계로, B200 GPU 48개와 Grace 24개를 묶은 시스템.", _loc(1), ())
    assert sorted((s.subject, s.kind, s.value, s.rule) for s in ex.statements if s.item) == [
        ("nvidia-gb200-nvl72", "chipsPerSystem", Decimal(48), "text:count-item:clause-topic"),
        ("nvidia-gb200-nvl72", "cpuCount", Decimal(24), "text:count-item:clause-topic")]


def test_a_platforms_developers_are_its_developer_count(text_reader):
    r, ex = text_reader
    r.read("- 심지어 CUDA 개발자는 300만명에 육박.", _loc(1), ())
    r.read("- 개발자는 JAX 라이브러리로 10개 코드를 작성.", _loc(2), ())  # no name right before: no count
    assert [(s.subject, s.kind, s.value, s.rule) for s in ex.statements if s.kind == "developerCount"] == [
        ("cuda", "developerCount", Decimal(3000000), "text:value:compound")]
