"""An event's word used as a time frame ("출시 직후 8%") dates the figure after it and does not measure it: the metric
word before the frame still does ("유료 사용자 비중은 … 출시 직후 8%": a share). A demonstrative device noun
("해당 기기 사용자 중 …") stands for a thing the sentences before described, not the topic they carry. Sentences of
our own, in the report's style."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location
from petaflop.extract.lexicon import load_lexicon

LOC = Location(10, 10, "III", "test slide")


def shares(ex) -> list[tuple]:
    return sorted((s.subject, s.value, s.rule) for s in ex.statements if s.kind == "share")


def test_a_metric_word_before_a_launch_frame_measures_the_figure(text_reader):
    r, ex = text_reader
    r.read("ChatGPT의 유료 사용자 비중은 출시 직후 8%에서 21%로 상승.", LOC, ())
    assert shares(ex) == [("chatgpt", Decimal(8), "text:value-from"), ("chatgpt", Decimal(21), "text:value-from-to")]


def test_the_frame_words_only_after_an_event_word():
    release = next(e for e in load_lexicon().values if e.kind == "releaseDate")
    text = "출시 직후 / 출시 이후 / 출시 당시 / 출시일 / 출시 예정"
    assert [release.frames_time(text, m.end()) for m in release.match.finditer(text)] == [True, True, True, False, False]
    share = next(e for e in load_lexicon().values if e.kind == "share")
    assert not share.frames_time("비중 이후", 2)  # a value's word is never a time frame


def test_a_demonstrative_device_is_not_the_carried_topic(text_reader):
    r, ex = text_reader
    r.read("메타는 신형 AI 안경을 공개. 해당 기기 사용자 중 매일 AI 기능을 쓰는 사용자 비중은 9%.", LOC, ())
    assert shares(ex) == []
