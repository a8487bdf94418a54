"""A sentence opening on an anaphor of a class noun ("이 랙은", "이 모델은") is about the thing of that class the
block's sentence before named (petaflop/extract/topic_anaphor.py). Sentences of our own."""

from __future__ import annotations

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VIII", "test slide")


def _starts(ex) -> list[tuple]:
    return [(s.subject, s.time.text, s.status) for s in ex.statements if s.rule == "text:start-date"]


def test_this_rack_is_the_rack_the_sentence_before_named(text_reader):
    r, ex = text_reader
    r.read('메타는 신형 서버랙 "Santa Barbara"를 배치 계획. 이 랙은 4분기에 시험 생산 시작 예정.', LOC, ())
    assert _starts(ex) == [("meta-santa-barbara-rack", "2025-Q4", "planned")]


def test_the_marked_thing_of_the_class_wins_over_one_in_brackets(text_reader):
    from petaflop.extract.topic_anaphor import anaphor_topic

    r, _ = text_reader
    r.read("Isomorphic Labs(구글 딥마인드에서 분사)가 주목할 만.", LOC, ())
    r.previous_sentence = "Isomorphic Labs(구글 딥마인드에서 분사)가 주목할 만."
    r._sentence_mentions = r._mentions(r.previous_sentence)
    assert anaphor_topic(r, "이 회사는 임상 시험 시작 목표.").entity == "isomorphic-labs"


def test_no_anaphor_or_no_thing_of_its_class_keeps_the_carried_topic(text_reader):
    r, ex = text_reader
    r.read("xAI는 데이터센터를 확장. 이 랙은 4분기에 시험 생산 시작 예정.", LOC, ())
    r.read("Moonshot은 B2C 기업. 이 회사는 올해 2월 광고를 중단.", LOC, ())
    assert _starts(ex) == [("moonshot-ai", "2025-02", "actual")]
