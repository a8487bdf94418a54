"""A facility introduced by its kind and named later in its paragraph (petaflop/extract/named_later.py,
rule ``text:facility-named-later``), on paragraphs of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location
from petaflop.extract.named_later import RULE, named_later, read_named_later

LOC = Location(10, 10, "V", "test slide")
PARAGRAPH = " ".join([
    "5월에 새롭게 알려진 데이터센터 캠퍼스는 Oracle에서 시공 진행.",
    "Meta와 Oracle, AMD 삼자간 협력으로, 규모는 300억 달러.",
    "첫 시설은 내년 상반기 오픈 예정.",
    "해당 부지의 공식 명칭은 “Hyperion”.",
    "기존 Colossus 시설과 약 30km 떨어져.",
    "루이지애나 내 약 200만㎡ 부지에 6개 개별 시설이 들어설 예정.",
    "Oracle은 연간 5억 달러의 연료 비용을 이 데이터센터에 투입할 계획.",
    "가스 터빈 기반 발전소를 현장에 건설해 전력 공급.",
    "(온사이트 발전)",
])


def _read(text_reader, text: str):
    r, ex = text_reader
    r.start_slide("")
    done = read_named_later(r, text, LOC, ())
    links = sorted((f.subject, f.predicate, str(f.obj)) for f in ex.facts if f.rule == RULE)
    terms = sorted(((s.subject, s.kind, s.value, s.time.text if s.time else "", s.status)
                    for s in ex.statements if s.rule == RULE), key=lambda t: (t[1], t[3], t[2] or 0))
    return done, links, terms


def test_the_kind_noun_and_its_anaphora_are_the_facility_named_later(text_reader):
    done, links, terms = _read(text_reader, PARAGRAPH)
    assert done
    assert links == [("hyperion", "developedBy", "amd"), ("hyperion", "developedBy", "meta"),
                     ("hyperion", "developedBy", "oracle"), ("hyperion", "developedBy", "oracle"), ("hyperion", "locatedIn", "louisiana"),
                     ("hyperion", "poweredBy", "gas-turbine"), ("hyperion", "poweredBy", "on-site-generation")]
    assert terms == [("hyperion", "announcedDate", None, "2025-05", "actual"),
                     ("hyperion", "annualOpex", Decimal(500_000_000), "", "planned"),
                     ("hyperion", "buildingCount", Decimal(6), "", "planned"),
                     ("hyperion", "capex", Decimal(30_000_000_000), "", "planned"),
                     ("hyperion", "operationDate", None, "2026-H1", "planned"),
                     ("hyperion", "quantity", Decimal(30), "", "actual"),
                     ("hyperion", "quantity", Decimal(2_000_000), "", "actual")]
    assert sorted((s.metric, s.unit, s.approximate) for s in text_reader[1].statements if s.kind == "quantity") == [
        ("distance from Colossus", "km", True), ("site area", "m2", True)]


def test_other_naming_constructions_name_the_facility(text_reader):
    r, _ = text_reader
    r.start_slide("")
    assert named_later(r, "신규 캠퍼스는 내년 가동. 이 시설은 “Hyperion”으로 명명.").id == "hyperion"
    assert named_later(r, "이 클러스터는 2GW 규모. Hyperion이라는 이름의 캠퍼스.").id == "hyperion"


def test_no_facility_without_a_kind_noun_topic_before_the_name(text_reader):
    r, _ = text_reader
    r.start_slide("")
    assert named_later(r, "공식 명칭은 “Hyperion”. 이 캠퍼스는 2GW 규모.") is None  # named before, no intro
    assert named_later(r, "새 캠퍼스는 착공. 공식 명칭은 “Nova”.") is None  # no facility of the gazetteer


def test_a_clause_about_another_organisation_gives_the_facility_nothing(text_reader):
    text = "새 캠퍼스는 착공. 공식 명칭은 “Hyperion”. Oracle은 규모는 10억 달러 예정."
    done, links, terms = _read(text_reader, text)
    assert done and links == [] and terms == []


def test_a_later_block_pointing_back_is_about_the_facility(text_reader):
    r, ex = text_reader
    _read(text_reader, PARAGRAPH)
    assert read_named_later(r, "한편, 이 시설은 랙당 250kW 서버랙을 지원", Location(11, 11, "V", "test slide"), ())
    assert [(s.subject, s.kind, s.value, s.rule) for s in ex.statements if s.location.line_start == 11] == [
        ("hyperion", "rackPower", Decimal("0.25"), RULE)]
    # on another slide the anaphor has nothing to point back to
    assert not read_named_later(r, "이 시설은 랙당 250kW 서버랙을 지원", Location(12, 12, "V", "other"), ())


def test_one_organisation_alone_is_no_partnership(text_reader):
    text = "새 캠퍼스는 착공. 공식 명칭은 “Hyperion”. Meta 단독 협력으로 건설 예정."
    done, links, _ = _read(text_reader, text)
    assert done and links == []
