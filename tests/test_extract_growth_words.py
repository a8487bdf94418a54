"""Wave 27, task U: multiples of change without a base ("N배 개선") — the growth word shared by a coordination
of measures, "가속" as a growth word, the claim a topic makes about what it speaks of ("A는 X를 두고 … N배
개선을 제시": X's figures), and one rule for the ways that name the subject in the figure's own clause.
Sentences and figures of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location
from petaflop.extract.growth_words import reported, unbased_growth

LOC = Location(10, 10, "VI", "test slide")


def _multiples(ex) -> list[tuple]:
    return [(s.subject, s.value, s.rule) for s in ex.statements if s.kind == "multiple"]


def test_coordinated_multiples_share_the_last_ones_growth_word():
    s = "전력 효율 3.5배, 복원력 10배 개선"
    assert unbased_growth(s, s.index("배") + 1)
    assert not unbased_growth("전력 효율 3.5배, 복원력 10배 수준", 10)
    assert unbased_growth("성장률은 4배로 가속", 7)


def test_a_change_put_forward_as_a_noun_is_a_claim():
    s = "지연 2배, 수명 4배 향상을 제시"
    assert reported(s, s.index("배") + 1)
    assert reported("속도가 2배 빨라졌다고 주장", 7)
    assert not reported("지연 2배, 수명 4배 향상을 달성", 5)


def test_what_the_topic_speaks_about_owns_the_claimed_multiples(text_reader):
    r, ex = text_reader
    r.read("AMD는 Co-Packaged Optics를 두고 지연 2배, 수명 4배 향상을 제시.", LOC, ())
    assert _multiples(ex) == [("co-packaged-optics", Decimal(2), "text:multiple-growth:named"),
                              ("co-packaged-optics", Decimal(4), "text:multiple:carried")]


def test_an_achieved_change_stays_the_topics_own(text_reader):
    r, ex = text_reader
    r.read("AMD는 Co-Packaged Optics를 두고 매출이 2배 증가.", LOC, ())
    assert _multiples(ex) == [("amd", Decimal(2), "text:multiple-growth:named")]


def test_an_accelerating_growth_is_a_change_of_the_named_subject(text_reader):
    r, ex = text_reader
    r.read("Gemini는 사용자 성장률이 3배로 가속.", LOC, ())
    assert _multiples(ex) == [("gemini", Decimal(3), "text:multiple-growth:named")]
