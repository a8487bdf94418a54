"""Wave 32, task I: a measure named with its yearly multiple in parentheses right after it, the drivers of a
growth listed one after another (text_annual_multiple.annual_multiples, rule ``text:annual-multiple:paren``):
the words back to the list's separator name the measure (a node of its own unless the gazetteer knows them),
the figure is a ``multiple`` per year. Sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from ingest.parser import parse_text
from petaflop.extract.pipeline import extract


def _multiples(*bullets: str) -> set[tuple[str, Decimal, str]]:
    ex = extract(parse_text("\n".join(["X. 시험 장: 산업", "", *(f"- {b}" for b in bullets), ""])))
    return {(ex.entities[st.subject].name_ko or st.subject, st.value, st.per) for st in ex.statements
            if st.rule == "text:annual-multiple:paren"}


def test_each_listed_measure_gets_its_yearly_multiple():
    assert _multiples("학습 데이터량(연간 2.5배 증가) + 전력 효율(매년 1.5배 향상)") == {
        ("학습 데이터량", Decimal("2.5"), "year"), ("전력 효율", Decimal("1.5"), "year")}


def test_the_words_stop_at_the_list_separator_and_a_compared_measure_is_allowed():
    assert _multiples("센서 및 통신 등 배터리 밀도(모델 성능 연간 3배 개선)") == {("배터리 밀도", Decimal(3), "year")}
    assert _multiples("메모리 대역폭(동일 전력 대비 성능 매년 2배 향상)") == {("메모리 대역폭", Decimal(2), "year")}


def test_a_fall_to_one_nth_is_a_multiple_of_one_nth():
    assert _multiples("추론 단가(매년 1/4로 감소)") == {("추론 단가", Decimal("0.25"), "year")}


def test_no_yearly_word_or_a_particle_gives_nothing():
    assert _multiples("학습 데이터량(2.5배 증가)") == set()  # no "연간/매년": no rate per year
    assert _multiples("그 회사의 데이터량은(연간 2배 증가)") == set()  # a word with a particle is no measure name
    assert _multiples("엔비디아 매출(연간 2배 성장)") == set()  # a known name among the words: not a measure's name
