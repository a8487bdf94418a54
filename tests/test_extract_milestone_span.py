"""Wave 34: a mark reached a span after an event ("출시 2개월 만에 사용자 1억 명 돌파") is a milestone, not
what the thing has now: scoped by the span, and dated by the release month plus the span when it is known
(milestone_span.py). Sentences are our own, in the report's style."""

from __future__ import annotations

from decimal import Decimal

from foundation.periods import parse_period
from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.milestone_span import settle_milestones

LOC = Location(1, 1, "I", "s")


def _settle(line: str, value: Decimal, raw: str, release: str = "") -> tuple[str, str | None]:
    ex = Extraction()
    ex.statements = [Statement("chatgpt", "userCount", LOC, "text:value:clause-topic", value, unit="count", raw=raw)]
    if release:
        ex.statements.append(Statement("chatgpt", "releaseDate", Location(9, 9), "text:event:dated",
                                       time=parse_period(release)))
    settle_milestones(ex, [line])
    st = ex.statements[0]
    return st.scope, st.time.text if st.time else None


def test_a_mark_reached_months_after_launch_is_scoped_and_dated_from_the_release():
    line = "- ChatGPT는 출시 2개월 만에 사용자 1억 명 돌파했고 올해 초 주간 사용자는 4억 명 상회."
    raw = "ChatGPT는 출시 2개월 만에 사용자 1억 명 돌파했고"
    assert _settle(line, Decimal("1E+8"), raw, "2022-11") == ("출시 2개월 만에", "2023-01")
    assert _settle(line, Decimal("1E+8"), raw) == ("출시 2개월 만에", None)  # no release known: the span only
    assert _settle("- X는 출시 후 14개월 만에 사용자 500만 명 달성.", Decimal("5E+6"), "출시 후 14개월 만에 사용자 500만 명",
                   "2022-11-30") == ("출시 후 14개월 만에", "2024-01")


def test_a_span_with_a_place_between_and_weeks_gives_the_scope_alone():
    line = "- 출시 약 2주 만에 OpenRouter에서 1조개 토큰 사용량 달성"
    assert _settle(line, Decimal("1E+12"), "2주 만에 OpenRouter에서 1조개 토큰", "2025-08") == ("출시 약 2주 만에", None)


def test_no_event_no_verb_of_reaching_or_another_figure_is_no_milestone():
    assert _settle("- 불과 2개월 만에 사용자 1억 명 돌파.", Decimal("1E+8"), "2개월 만에 사용자 1억 명") == ("", None)
    assert _settle("- 출시 2개월 만에 사용자 1억 명 증가.", Decimal("1E+8"), "2개월 만에 사용자 1억 명") == ("", None)
    assert _settle("- 출시 2개월 만에 사용자 1억 명 돌파, 현재 4억 명.", Decimal("4E+8"), "현재 4억 명.") == ("", None)
