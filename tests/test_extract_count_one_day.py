"""Audit 11: a count framed by one day ("하루 만에 N개의 …", "일일 N개") is per day (text_counts.py), as the token
reader's count of the same figure is. Sentences of our own."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Location

LOC = Location(10, 10, "X", "test slide")


def _counts(ex) -> list[tuple]:
    return sorted((s.subject, s.kind, int(s.value), s.per) for s in ex.statements if s.kind in ("unitCount", "tokenCount"))


def test_tokens_used_in_one_day_are_a_token_count_per_day(text_reader):
    r, ex = text_reader
    r.read("실제로, Grok 4는 라우터에서 단 하루 만에 1,380억 개의 토큰이 사용됨.", LOC, ())
    assert _counts(ex) == [("grok-4", "tokenCount", 138000000000, "day"), ("grok-4", "unitCount", 138000000000, "day")]


@pytest.mark.parametrize(("sentence", "per"), [("Grok 4는 하루 만에 3만 개의 앱을 생성.", "day"),
                                              ("Grok 4는 일일 약 3만 개의 앱을 생성.", "day"),
                                              ("Grok 4는 지금까지 3만 개의 앱을 생성.", "")])
def test_a_count_of_one_day_is_per_day(text_reader, sentence, per):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert _counts(ex) == [("grok-4", "unitCount", 30000, per)]


def test_the_platform_tokens_were_used_on_scopes_the_count(text_reader):
    r, ex = text_reader
    r.read("Grok 4는 OpenRouter(라우팅 플랫폼)에서 하루 만에 1,380억 개의 토큰이 사용됨.", LOC, ())
    assert [(s.subject, int(s.value), s.per, s.scope) for s in ex.statements if s.kind == "tokenCount"] == \
        [("grok-4", 138000000000, "day", "OpenRouter")]


def test_a_count_made_within_one_day_on_a_platform_is_that_platforms_peak(text_reader):
    """Audit 13: "OpenRouter(…)에서 단 하루 만에 N개" is one day's amount on that platform (a peak), not the model's
    daily usage: both readers scope it by the platform and mark the peak in the metric."""
    r, ex = text_reader
    r.read("Grok 4는 OpenRouter(라우팅 플랫폼)에서 단 하루 만에 1,380억 개의 토큰이 사용됨.", LOC, ())
    assert sorted((s.kind, int(s.value), s.per, s.scope, s.metric) for s in ex.statements
                  if s.kind in ("unitCount", "tokenCount")) == [
        ("tokenCount", 138000000000, "day", "OpenRouter", "하루 최대"),
        ("unitCount", 138000000000, "day", "OpenRouter", "토큰 (하루 최대)")]


def test_a_daily_rate_is_no_peak(text_reader):
    r, ex = text_reader
    r.read("Grok 4는 일일 약 3만 개의 앱을 생성.", LOC, ())
    assert [(s.per, s.scope, s.metric) for s in ex.statements if s.kind == "unitCount"] == [("day", "", "앱")]
