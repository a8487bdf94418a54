"""A person's firm in a relative clause ("<person>가 이끄는 <firm>", "<person>가 2021년 3월에 세운 <firm>") is the
person's own, as the genitive (led, or founded: an affiliation); a person who moved ("<person>이 A에서 B로 이직", "<person>가 B에 합류") is
affiliated with both — on sentences of our own."""

from __future__ import annotations

from petaflop.extract.facts import Location

LOC = Location(10, 10, "I", "test slide")


def links(ex, prop: str, rule: str) -> set[tuple[str, str]]:
    return {(f.subject, str(f.obj)) for f in ex.facts if f.predicate == prop and f.rule == rule}


def test_a_firm_led_by_a_person_in_a_relative_clause_is_led_by_them_one_founded_is_theirs(text_reader):
    r, ex = text_reader
    r.read("샘 알트만이 이끄는 구글은 새 칩을 공개.", LOC, ())
    r.read("리사 수가 2021년 3월에 세운 엔비디아는 빠르게 성장.", LOC, ())
    r.read("일론 머스크가 만든 H100은 빠르다.", LOC, ())
    assert links(ex, "leads", "text:person-genitive:leads") == {("sam-altman", "google")}
    # founded it: an affiliation (a founder may have left), as a founder's title gives
    assert links(ex, "affiliatedWith", "text:person-genitive:founder") == {("lisa-su", "nvidia")}


def test_a_person_who_moved_is_affiliated_with_both_firms(text_reader):
    r, ex = text_reader
    r.read("샘 알트만이 구글에서 엔비디아로 이직.", LOC, ())
    r.read("리사 수는 테슬라에 합류했다.", LOC, ())
    r.read("일론 머스크는 구글로부터 투자를 받았다.", LOC, ())
    assert links(ex, "affiliatedWith", "text:person-moved") == {
        ("sam-altman", "google"), ("sam-altman", "nvidia"), ("lisa-su", "tesla")}
    assert links(ex, "leads", "text:person-moved") == set()
