"""A measure owned by "각 <noun>의" (each member of a kind the words name) is no figure of a topic carried from
the slide, block or sentence before (text_value_guards.unnamed_subject). Sentences of our own (invented)."""

from __future__ import annotations

from petaflop.extract.facts import Location

TITLE = "X. 팔란티어: 제조 현장"
LOC = Location(10, 10, "X", TITLE)


def values(ex) -> set[tuple]:
    return {(st.subject, st.kind, st.value) for st in ex.statements}


def test_each_members_measure_is_not_the_slide_topics(text_reader):
    r, ex = text_reader
    r.start_slide(TITLE)
    r.read("각 라인의 가동률(88%)을 실시간 모니터링", LOC, ())
    assert values(ex) == set()


def test_the_topics_own_measure_is_still_read(text_reader):
    r, ex = text_reader
    r.start_slide(TITLE)
    r.read("팔란티어의 가동률(88%)은 높음", LOC, ())
    assert ("palantir", "share", 88) in values(ex)


CHAPTER = "VIII. 엔비디아: 칩 전쟁"


def test_an_unnamed_actor_of_a_kind_owns_the_span_not_the_chapters_firm(text_reader):
    r, ex = text_reader
    r.start_slide(CHAPTER)
    r.read("- 스타트업은 특정 연산에 최적화된 칩을 보통 2~4년에 걸쳐 설계.", Location(10, 10, "VIII", CHAPTER), ())
    assert values(ex) == set()


def test_an_unnamed_rivals_money_is_not_the_chapters_firms(text_reader):
    r, ex = text_reader
    r.start_slide(CHAPTER)
    r.read("- 경쟁사들이 데이터 구매에 연간 5천만 달러 지출.", Location(10, 10, "VIII", CHAPTER), ())
    assert values(ex) == set()


def test_the_named_firms_span_is_still_read(text_reader):
    r, ex = text_reader
    r.start_slide(CHAPTER)
    r.read("- 엔비디아는 새 칩을 2년에 걸쳐 설계.", Location(10, 10, "VIII", CHAPTER), ())
    assert ("nvidia", "duration", 2) in values(ex)
