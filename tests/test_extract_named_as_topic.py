"""A name given in a naming clause ("부지의 공식 명칭은 “가나” …") is the topic of what the sentence says next."""

from __future__ import annotations

from petaflop.extract.topic_case import case_topic


def _at(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


def test_a_name_after_a_naming_clause_is_the_topic() -> None:
    text = "해당 부지의 공식 명칭은 “Orion” 신규 사이트는 3.2GW급 시설."
    assert case_topic(text, *_at(text, "Orion"))
    text = "새 칩의 이름은 X100 이며 성능은 2배"
    assert case_topic(text, *_at(text, "X100"))


def test_other_words_before_a_name_do_not_make_it_the_topic() -> None:
    text = "회사 별명은 X100 이며 성능은 2배"  # a nickname is no naming clause
    assert not case_topic(text, *_at(text, "X100"))
    text = "가명칭은 X100"  # "명칭" inside a longer word
    assert not case_topic(text, *_at(text, "X100"))
    text = "제품(공식 명칭은 X100) 출시"  # inside parentheses: an aside
    assert not case_topic(text, *_at(text, "X100"))
