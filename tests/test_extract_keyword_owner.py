"""Whose measure a word names: "사용자 메시지" (users' messages) is no count of users, and in "3억 달러
조달, 기업가치 33억 달러" the value word belongs to the figure after it, whatever the row's label says —
on sentences of our own."""

from __future__ import annotations

import re
from decimal import Decimal

from petaflop.extract.claims import _keyword_of
from petaflop.extract.facts import Location

LOC = Location(10, 10, "III", "test slide")
VALUE = re.compile(r"가치|밸류|valuation")


def user_counts(ex) -> list[tuple]:
    return sorted((s.subject, s.value) for s in ex.statements if s.kind == "userCount")


def test_users_messages_are_no_count_of_users(text_reader):
    r, ex = text_reader
    r.read("OpenAI는 주간 활성 사용자(WAU) 8억 명 돌파. 일일 사용자 메시지는 25억 건 돌파.", LOC, ())
    assert user_counts(ex) == [("openai", Decimal(800_000_000))]  # not 2.5B users from the second sentence


def test_a_value_word_before_the_next_figure_is_that_figures():
    text = "2023년 Series C에서 5억 달러 조달, 기업가치 41억 달러"
    first, second = text.index("5억"), text.index("41억")
    assert not _keyword_of(VALUE, "투자·가치", text, first, first + len("5억 달러"), 16)
    assert _keyword_of(VALUE, "투자·가치", text, second, second + len("41억 달러"), 16)


def test_a_value_word_before_or_after_its_own_figure_names_it():
    text = "가나다랩은 120억 달러의 기업가치를 인정받음"
    at = text.index("120억")
    assert _keyword_of(VALUE, "", text, at, at + len("120억 달러"), 16)
    text = "기업가치는 $95억 수준"
    at = text.index("$95억")
    assert _keyword_of(VALUE, "", text, at, len(text) - 3, 16)
    # the row's label names the measure when the text names none
    assert _keyword_of(VALUE, "기업 가치", "$95억", 0, 4, 16)
    assert not _keyword_of(VALUE, "매출", "$95억", 0, 4, 16)
