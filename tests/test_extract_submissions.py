"""A document actors submit at a date, as an event node (petaflop/extract/text_submissions.py), on sentences
of our own."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VI", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def submitted(ex: Extraction) -> dict[str, tuple]:
    out: dict[str, tuple] = {}
    for f in ex.facts:
        if f.rule == "text-event:submission" and f.predicate == "announcedBy":
            out[f.subject] = tuple(sorted((*out.get(f.subject, ()), str(f.obj))))
    return out


def test_actors_listed_before_the_date_of_a_letter_they_submit_announce_it(reader):
    r, ex = reader
    r.read("한편, 빅테크 세 곳(MS·오라클·구글)은 2025년 5월 초 공동 의견서를 제출하면서 입장을 밝힘.", LOC, ())
    assert submitted(ex) == {"submission--microsoft--oracle--google--L10": ("google", "microsoft", "oracle")}
    node = "submission--microsoft--oracle--google--L10"
    assert ex.entities[node].types == ("Event",)
    assert {(s.kind, s.time.text, s.rule) for s in ex.statements if s.subject == node} == {
        ("eventDate", "2025-05", "text-event:submission")}


def test_a_single_sender_and_only_a_letter_handed_in(reader):
    r, ex = reader
    r.read("엔비디아는 3월 서한을 발송.", LOC, ())
    assert submitted(ex) == {"submission--nvidia--L10": ("nvidia",)}
    ex.facts.clear()
    r.read("엔비디아는 3월 보고서를 공개.", LOC, ())  # a report published is not a letter handed in
    r.read("젠슨 황은 3월 서한을 발송.", LOC, ())  # a person's letter is not an organisation's act
    assert submitted(ex) == {}
