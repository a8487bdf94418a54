"""An unbased gain or cut in prose (text_shares.ChangeReader._gain): "N% 향상/개선" (a gain), "N% 단축/절감" (a
cut) with no base is the named subject's ``relativeDifference`` against doing without it; figures listed
before one word of change share it ("X에서 5%, Y에서 3%의 … 향상"); a from-to pair, a subject carried from
another sentence and a rate ending in "로" are no such gain."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "III", "test slide")


def gains(ex) -> list[tuple]:
    return [(s.subject, s.kind, s.value, s.rule) for s in ex.statements if s.kind == "relativeDifference"]


def test_listed_figures_share_one_gain_word(text_reader):
    r, ex = text_reader
    r.read("“Andromeda”가 인스타그램에서 5%, 페이스북에서 3%의 광고 전환율 향상 달성.", LOC, ())
    assert gains(ex) == [("meta-andromeda", "relativeDifference", Decimal(5), "text:change-unbased:named"),
                         ("meta-andromeda", "relativeDifference", Decimal(3), "text:change-unbased:named")]
    # the rate after the figure is what gained, not the figure's measure: no 3% conversion rate
    assert not [s for s in ex.statements if s.kind == "share"]
    assert {s.metric for s in ex.statements} == {"higher 광고 전환율 vs without"}


def test_a_cut_is_negative(text_reader):
    r, ex = text_reader
    r.read("“Andromeda”는 광고 집행 시간을 20% 단축.", LOC, ())
    assert gains(ex) == [("meta-andromeda", "relativeDifference", Decimal(-20), "text:change-unbased:sentence-topic")]


def test_no_named_subject_no_base_pair_and_no_rate_are_no_gain(text_reader):
    r, ex = text_reader
    r.read("이 프로젝트가 완료되면 생산성은 30% 향상될 것으로 기대.", LOC, ())  # whose project: not said here
    r.read("“Andromeda”는 전환율을 75%에서 90%로 향상.", LOC, ())  # a from-to pair, not a gain by 90%
    r.read("“Andromeda”는 56.3% 히트율로 효율성 향상.", LOC, ())  # the rate it reaches, not a gain
    assert gains(ex) == []


def _growth(ex) -> list[tuple]:
    return [(s.subject, s.value, s.metric, s.scope) for s in ex.statements if s.kind == "growthRate"]


def test_a_clause_opening_on_the_places_a_rise_happened_scopes_it(text_reader):
    # audit 25 (B) n=20: "<나라> 등 <지역> 시장에서도 <제품>의 가격은 N% 급등" rose there, not worldwide
    r, ex = text_reader
    r.read(" - 프랑스 등 유럽 시장에서도 RTX 5090의 가격은 최근 30% 이상 급등하는 상황", LOC, ())
    r.read("일본에서는 RTX 5090의 가격이 20% 상승.", LOC, ())
    assert _growth(ex) == [("nvidia-rtx-5090", Decimal(30), "가격", "프랑스 등 유럽 시장"),
                           ("nvidia-rtx-5090", Decimal(20), "가격", "일본")]


def test_an_opening_phrase_that_is_not_only_places_scopes_nothing(text_reader):
    r, ex = text_reader
    r.read("온라인 쇼핑몰에서도 RTX 5090의 가격은 30% 급등.", LOC, ())  # no country or region
    r.read("프랑스 정부 조달 시장에서도 RTX 5090의 가격은 20% 상승.", LOC, ())  # a word that is no place
    assert [s for _, _, _, s in _growth(ex)] == ["", ""]
