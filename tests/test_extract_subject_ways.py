"""One rule id per construction (subject_ways.py): a subject the clause marks, the measure's owner or a
table row's entity share the id ``text:<family>:named``; an inherited subject keeps its own way."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location
from petaflop.extract.subject_ways import NAMED_WAYS, construction_rule

LOC = Location(10, 10, "X", "test slide")


def test_the_ways_that_name_the_subject_share_one_id():
    assert {construction_rule("text-cell", "ratio", how) for how in NAMED_WAYS} == {"text:ratio:named"}


def test_an_inherited_subject_keeps_its_way_and_prefix():
    assert construction_rule("text", "relative", "previous-sentence-topic") == "text:relative:previous-sentence-topic"
    assert construction_rule("text-cell", "change-unbased", "row", NAMED_WAYS - {"row"}) == "text-cell:change-unbased:row"


def test_a_marked_subject_and_a_measure_owner_are_one_change_construction(text_reader):
    r, ex = text_reader
    r.read("구글은 매출이 32% 증가.", LOC, ())
    r.read("AMD의 순이익은 15% 감소.", LOC, ())
    assert sorted((s.subject, s.value, s.rule) for s in ex.statements if s.kind == "growthRate") == [
        ("amd", Decimal(-15), "text:change-unbased:named"), ("google", Decimal(32), "text:change-unbased:named")]


def test_a_share_relative_to_another_thing_in_prose_is_named(text_reader):
    r, ex = text_reader
    r.read("AMD의 MI300은 엔비디아 대비 70%의 가격.", LOC, ())
    assert [(s.subject, s.value, s.rule) for s in ex.statements if s.kind == "share"] == [
        ("amd-mi300", Decimal(70), "text:ratio:named")]


def test_a_quote_of_the_figure_and_its_base_alone_still_measures_the_owner_before_it(text_reader):
    r, ex = text_reader
    r.read("로보택시 요금은 추후 “우버 대비 최대 90%”에 책정될 전망.", LOC, ())
    r.read("메타 CEO 마크 저커버그는 “서버 비용이 40% 감소”를 강조.", LOC, ())  # the quote names its own measure
    assert [(s.subject, s.kind, s.value, s.status) for s in ex.statements if s.kind in ("share", "growthRate")] == [
        ("tesla-robotaxi", "share", Decimal(90), "forecast")]


def test_a_bare_measure_repeating_an_earlier_clauses_measure_is_its_owners(text_reader):
    r, ex = text_reader
    r.read("엔비디아의 매출은 2분기에 크게 늘었고, 매출은 전년 대비 50% 증가.", LOC, ())
    r.read("AMD의 매출은 크게 늘었고, 순이익은 전년 대비 30% 증가.", LOC, ())  # another measure: no owner
    assert [(s.subject, s.value, s.rule) for s in ex.statements if s.kind == "growthRate"] == [
        ("nvidia", Decimal(50), "text:relative:named")]
