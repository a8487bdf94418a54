"""Constructions read in wave 9 (task B): a size stated in a yardstick's units ("N개의 A100과 동일",
"H100 약 N개에 해당", "H100-equivalent N장") and the maker of a power asset named in the genitive."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "IV", "test slide")


def _values(ex):
    return sorted((s.subject, s.kind, s.value, s.rule) for s in ex.statements)


def test_a_count_equal_to_a_yardstick_is_an_equivalent_not_a_holding(text_reader):
    r, ex = text_reader
    r.read("xAI는 3만개의 GB200(약 90만개의 A100과 동일)을 가동 중", LOC, ())
    assert ("xai", "a100EquivalentCount", Decimal(900000), "text:equivalent:clause-topic") in _values(ex)
    assert not any(s.kind == "chipCount" and s.value == 900000 for s in ex.statements)


def test_the_yardstick_named_before_the_figure_is_an_equivalent_too(text_reader):
    r, ex = text_reader
    r.read("xAI는 H100 약 300만 개에 해당하는 성능을 확보", LOC, ())
    got = _values(ex)
    assert ("xai", "h100EquivalentCount", Decimal(3000000), "text:equivalent:clause-topic") in got
    assert not any(k == "chipCount" for _, k, _, _ in got)


def test_a_hyphenated_equivalent_word_names_the_measure(text_reader):
    r, ex = text_reader
    r.read("테슬라는 H100-equivalent 4.2만 장의 GPU 보유", LOC, ())
    assert _values(ex) == [("tesla", "h100EquivalentCount", Decimal(42000), "text:equivalent:clause-topic")]


def test_a_turbine_named_in_its_makers_genitive_is_its_product(text_reader):
    r, ex = text_reader
    r.read("GE Vernova의 LM2500XPRESS 10대를 설치", LOC, ())
    assert ("ge-vernova-lm2500xpress", "developedBy", "ge-vernova") in {
        (f.subject, f.predicate, str(f.obj)) for f in ex.facts if f.obj_is_entity}


def _builders(ex):
    return sorted((f.subject, str(f.obj)) for f in ex.facts if f.rule == "text:facility-builder")


def test_the_listed_subjects_of_a_building_verb_develop_the_topic_facility(text_reader):
    r, ex = text_reader
    r.read("Colossus는 메타·구글이 3년간 2 GW 규모 시설을 구축하는 계획", LOC, ())
    assert _builders(ex) == [("colossus", "google"), ("colossus", "meta")]


def test_a_parent_written_before_its_unit_is_no_builder(text_reader):
    r, ex = text_reader
    r.read("Colossus는 아마존 AWS가 수십억 달러를 투입하는 인프라 구축 사업", LOC, ())
    assert _builders(ex) == [("colossus", "amazon-web-services")]


def test_a_firm_that_led_or_took_the_construction_work_develops_the_facility(text_reader):
    r, ex = text_reader
    r.read("구글이 주도한 테네시 Colossus 부지는 완공", LOC, ())
    r.read("Colossus 공사 작업을 맡은 Crusoe가 터빈을 설치 중", LOC, ())
    assert _builders(ex) == [("colossus", "crusoe"), ("colossus", "google")]


def test_no_building_verb_no_builder(text_reader):
    r, ex = text_reader
    r.read("Colossus는 메타가 임차한 클러스터", LOC, ())
    assert _builders(ex) == []


def _durations(ex):
    return sorted((s.subject, s.value, s.unit, s.rule) for s in ex.statements if s.kind == "duration")


def test_a_span_written_with_its_suffix_is_the_topic_facilitys(text_reader):
    r, ex = text_reader
    r.read("Colossus는 메타·구글이 3년간 2 GW 규모 시설을 구축하는 계획", LOC, ())
    assert _durations(ex) == [("colossus", Decimal(3), "year", "text:duration-took:clause-topic")]


def test_a_span_within_which_a_thing_starts_is_its_duration(text_reader):
    r, ex = text_reader
    r.read("가스터빈은 7분 내 기동이 가능", LOC, ())
    assert _durations(ex) == [("gas-turbine", Decimal(7), "minute", "text:duration-took:clause-topic")]


def test_a_time_frame_of_the_statement_is_no_span(text_reader):
    r, ex = text_reader
    r.read("엔비디아는 지난 3년간 50개 이상의 기업에 투자", LOC, ())
    r.read("메타는 향후 5년 내 매출 두 배를 목표", LOC, ())
    assert _durations(ex) == []
