"""Where an event happened (rule ``text:event-place``), on sentences of our own."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Location
from petaflop.extract.text_event_places import _place_prefix

LOC = Location(10, 10, "V", "test slide")
EVENT = "northern-virginia-grid-disturbance-july-2024"  # a grid event of the gazetteer ("전압 강하 사태")


def places(text_reader, sentence: str) -> set[tuple[str, str]]:
    r, ex = text_reader
    r.read(sentence, LOC, ())
    return {(f.subject, str(f.obj)) for f in ex.facts if f.rule == "text:event-place"}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("지난해 텍사스에서 송전선 고장으로 인한 전압 강하 사태가 발생.", {(EVENT, "texas")}),
    ("텍사스와 버지니아 북부에서 전압 강하 사태가 발생.", set()),  # two places: which one is not said
    ("텍사스에서 전력망을 점검했고, 전압 강하 사태는 없었다.", set()),  # nothing happened there
])
def test_the_place_where_an_event_happened(text_reader, sentence, expected):
    assert places(text_reader, sentence) == expected


def test_an_event_named_after_its_place(gaz):
    place = _place_prefix("텍사스 정전", gaz)
    assert place is not None and place.id == "texas"
    assert _place_prefix("정전 사태", gaz) is None


@pytest.mark.parametrize(("sentence", "expected"), [
    ("가나다전자는 자사 행사인 GTC를 지난달 텍사스에서 개최.", {("nvidia-gtc", "texas")}),
    ("GTC를 다음 달 워싱턴 DC에서 연다.", {("nvidia-gtc", "washington-d-c")}),
    ("GTC를 텍사스와 워싱턴 DC에서 개최.", set()),  # two places: which one is not said
    ("GTC를 소개했고, 텍사스에서 회의를 개최.", set()),  # the place is another clause's
    ("GTC를 텍사스에서 발표.", set()),  # announced there, not held there
])
def test_the_place_where_an_event_is_held(text_reader, sentence, expected):
    assert places(text_reader, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "가나다전자는 자사 행사인 GTC를 내년 상반기 텍사스에서도 개최하기로 결정.",  # too, and decided: an extra edition
    "GTC를 올해 텍사스에서도 개최.",  # held there too: not where the event is
    "GTC를 내년 텍사스에서 개최할 예정.",  # planned
    "GTC를 텍사스에서 개최하기로 했다.",  # decided
])
def test_an_extra_or_planned_edition_of_an_event_is_no_place_of_it_but_a_claim(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert {(f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "locatedIn"} == {
        ("nvidia-gtc", "texas", "text:event-place:unsure")}
