"""A person introduced by a bare title on a slide about one organisation is that organisation's: a head's
title leads it, a staff or former title is an affiliation; not when another organisation is named before
the person (in the sentence or the one before), when the slide names two, or when the title does not open
the clause — on sentences and slide titles of our own (rule ``text:bare-title:slide``)."""

from __future__ import annotations

from petaflop.extract.facts import Location

RULE = "text:bare-title:slide"
ONE = Location(10, 10, "III", "III. 플레이어 분석: 엔비디아, 빠른 성장")
TWO = Location(10, 10, "III", "III. 플레이어 분석: 엔비디아와 구글")


def slide_links(ex) -> set[tuple[str, str, str]]:
    return {(f.subject, f.predicate, str(f.obj)) for f in ex.facts if f.rule == RULE}


def test_a_bare_title_on_a_slide_about_one_firm_is_that_firms(text_reader):
    r, ex = text_reader
    r.start_slide(ONE.slide_title)
    r.read("- 최근 인력 이탈 발생. CFO 리사 수가 재직 4개월 만에 떠났고, 공동 창립자이자 유명 엔지니어인 샘 알트만도 퇴사.",
           ONE, ())
    r.read("- 前 CEO 일론 머스크는 새 회사를 세움.", ONE, ())
    assert slide_links(ex) == {("lisa-su", "affiliatedWith", "nvidia"), ("elon-musk", "affiliatedWith", "nvidia")}
    # a founder's title: an affiliation read apart (a founding says nothing of now), never "leads"
    assert {(f.subject, f.predicate, str(f.obj)) for f in ex.facts if f.rule == RULE + ":founder"} == {
        ("sam-altman", "affiliatedWith", "nvidia")}


def test_another_firm_before_two_firms_on_the_slide_or_a_title_inside_the_clause_name_none(text_reader):
    r, ex = text_reader
    r.start_slide(ONE.slide_title)
    r.read("- 구글은 빠르게 성장. CEO 샘 알트만은 말했다.", ONE, ())
    r.read("- 회사의 CEO 리사 수는 말했다.", ONE, ())
    r.start_slide(TWO.slide_title)
    r.read("- 인력 이탈 발생. CFO 일론 머스크가 떠났다.", TWO, ())
    assert slide_links(ex) == set()
