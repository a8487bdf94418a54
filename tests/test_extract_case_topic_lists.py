"""Sentences of our own for three small constructions of wave 20:

* "<X>의 경우" marks X as the clause's topic (petaflop/extract/topic_case.py), not inside an aside;
* a genitive's coordinated list may end on a thing whose own genitive governs a measure of the list
  ("A의 B와 C의 성능": C is A's too; petaflop/extract/genitive_list.py);
* the appositive of a genitive may take four words, one of them two words joined by a slash
  ("A의 데이터 생성/AI 훈련 방법론인 B"; petaflop/extract/appositive.py);
* the subject of a selling verb in a relative clause offers the product ("A가 … 판매할 B";
  petaflop/extract/genitive_far.py);
* a release noted in parentheses right after the name ("B GPU(… 출시)"; petaflop/extract/text_frames.py).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.topic_case import case_topic

LOC = Location(10, 10, "VIII", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def durations(ex: Extraction) -> list[tuple]:
    return [(s.subject, s.kind, s.value, s.unit, s.rule) for s in ex.statements if s.kind == "duration"]


def links(ex: Extraction, rule_start: str) -> set[tuple]:
    return {(f.subject, f.predicate, f.obj, f.rule) for f in ex.facts if f.rule.startswith(rule_start)}


def test_the_case_of_a_product_is_the_clause_topic(reader):
    r, ex = reader
    r.read("AMD 제품의 경우 설치가 10분 안에 완료.", LOC, ())
    assert durations(ex) == [("amd", "duration", Decimal(10), "minute", "text:duration-took:clause-topic")]


def test_the_case_of_a_firm_with_a_comma_is_the_clause_topic(reader):
    r, ex = reader
    r.read("인텔의 경우, 설치에 10분 안에 완료.", LOC, ())
    assert durations(ex) == [("intel", "duration", Decimal(10), "minute", "text:duration-took:clause-topic")]


def test_a_case_inside_parentheses_is_no_topic():
    text = "수익 (AMD MI300의 경우 시간당 0.5 달러, 여기에 20% 할인)"
    start = text.index("AMD MI300")
    assert not case_topic(text, start, start + len("AMD MI300"))
    text = "AMD MI300의 경우 시간당 0.5 달러"
    assert case_topic(text, 0, len("AMD MI300"))
    assert case_topic("텍사스 전력망(ERCOT)의 경우, 수요가 늘어남", 0, len("텍사스 전력망"))
    assert not case_topic("AMD의 경우들", 0, 3)  # not the noun "경우" alone
    assert not case_topic("AMD의 경쟁사", 0, 3)


def test_a_list_ends_on_a_thing_whose_genitive_governs_a_measure(reader):
    r, ex = reader
    r.read("엔비디아의 H100과 H200의 성능은 높음.", LOC, ())
    assert links(ex, "text:genitive") == {
        ("nvidia-h100", "designedBy", "nvidia", "text:genitive:designedBy@329"),
        ("nvidia-h200", "designedBy", "nvidia", "text:genitive-list"),
    }


def test_a_list_stops_at_a_thing_whose_genitive_owns_another_thing(reader):
    r, ex = reader
    r.read("엔비디아의 H100과 H200의 공급망은 복잡함.", LOC, ())
    assert links(ex, "text:genitive") == {("nvidia-h100", "designedBy", "nvidia", "text:genitive:designedBy@329")}


def test_an_appositive_of_four_words_one_with_a_slash(reader):
    r, ex = reader
    r.read("구글의 로봇용 데이터 생성/AI 훈련 방법론인 “Gemini”가 화제.", LOC, ())
    assert links(ex, "text:genitive") == {("gemini", "developedBy", "google", "text:genitive:developedBy@333")}


def test_an_appositive_of_five_words_is_too_far(reader):
    r, ex = reader
    r.read("구글의 로봇용 대규모 데이터 생성/AI 훈련 방법론인 “Gemini”가 화제.", LOC, ())
    assert links(ex, "text:genitive") == set()


def test_the_seller_in_a_relative_clause_offers_the_product(reader):
    r, ex = reader
    r.read("엔비디아가 내년에 본격 판매할 Spectrum-X CPO 스위치는 전력을 줄임.", LOC, ())
    assert links(ex, "text:made-by-relative") == {
        ("nvidia-spectrum-x-cpo-switch", "offeredBy", "nvidia", "text:made-by-relative")}


def test_a_rival_in_the_selling_clause_makes_no_offer(reader):
    r, ex = reader
    r.read("AMD가 대항마로 판매할 MI355X는 인기.", LOC, ())
    assert links(ex, "text:made-by-relative") == set()


def test_a_release_noted_in_parentheses_after_the_name(reader):
    r, ex = reader
    r.read("AMD의 공랭식 MI350X GPU(2025년 중반 출시)는 유일한 옵션.", LOC, ())
    got = [(s.subject, s.kind, s.time.text if s.time else "", s.rule) for s in ex.statements if s.kind == "releaseDate"]
    assert got == [("amd-mi350x", "releaseDate", "2025", "text:event:dated")]


def test_a_parenthetical_note_without_a_release_verb_is_no_release(reader):
    r, ex = reader
    r.read("AMD의 공랭식 MI350X GPU(2025년 중반 기준)는 유일한 옵션.", LOC, ())
    assert [s for s in ex.statements if s.kind == "releaseDate"] == []
