"""Wave 33, task B: a size the thing must grow to ("N으로 확대해야 한다", "두 배로 늘려야 함") is what is
needed, a goal (``target``) — not a plan of the sentence's other clause ("… 가동할 것이나,") nor a current value.
Sentences and figures of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location
from petaflop.extract.text_frames import status_of_words

LOC = Location(10, 10, "III", "test slide")


def _status(ex, kind: str, value: Decimal) -> str:
    return next(s.status for s in ex.statements if s.kind == kind and s.value == value)


def test_a_multiple_the_thing_must_grow_to_is_a_target(text_reader):
    r, ex = text_reader
    r.read("xAI는 연말까지 GPU 10만 개를 가동할 것이나, CEO는 현재의 40배로 확대해야 한다고 발언.", LOC, ())
    assert _status(ex, "multiple", Decimal(40)) == "target"


def test_the_words_of_necessity_to_grow_are_a_goal():
    assert status_of_words("장기적으로는 현재의 100배로 확대해야 한다는 문제의식") == "target"
    assert status_of_words("전력 용량을 두 배로 늘려야 함") == "target"


def test_a_duty_that_is_no_growth_gives_no_goal():
    # "납부해야 하는": an obligation on a sale, no size to reach
    assert status_of_words("매출의 15%를 정부에 납부해야 하는 수익 공유") == ""
    assert status_of_words("현재 10만 개를 가동 중") == ""


def test_what_may_come_is_a_forecast():
    # "…까지 늘어날 가능성": a possibility, said of the future
    assert status_of_words("연말까지 15% 비중까지 늘어날 가능성") == "forecast"
    assert status_of_words("수율 문제가 커질 가능성이 높음") == "forecast"
    assert status_of_words("점유율이 20%로 오를 가능성은 낮음") == ""  # said unlikely: no forecast of it


def test_a_share_that_may_grow_is_a_forecast(text_reader):
    r, ex = text_reader
    r.read("xAI는 GB200 물량의 약 10%를 소화했고, 연말까지 15% 비중까지 늘어날 가능성.", LOC, ())
    statuses = {s.value: s.status for s in ex.statements if s.kind == "share"}
    assert statuses.get(Decimal(15)) == "forecast"
    assert statuses.get(Decimal(10)) in (None, "actual")  # the share taken is no forecast
