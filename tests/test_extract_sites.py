"""Site nodes (sites): "<place>에 … 데이터센터/거점/공장 개설·건설" makes one node per place, named from
operator + place + kind, linked to its operator (the row's organisation or the sentence's subject) and
place; "<operator>의 <place> 데이터센터에 <chip> 배치" names a site and what it runs."""

from __future__ import annotations

from foundation.namespaces import RDF
from petaflop.extract.facts import Extraction, Location
from petaflop.extract.resolve import Resolver
from petaflop.extract.sites import SiteReader


def _read(gaz, text: str, operator: str = "") -> Extraction:
    ex = Extraction()
    SiteReader(ex, Resolver(gaz, ex)).read(text, Location(1, 1), operator)
    return ex


def _links(ex: Extraction) -> list[tuple]:
    return sorted((f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.predicate != RDF.type)


def test_row_operator_and_one_site_per_listed_place(gaz):
    ex = _read(gaz, "- 내년 케냐, 필리핀 등지에 새 데이터센터 개설", operator="huawei-cloud")
    assert _links(ex) == [
        ("site-huawei-cloud-kenya-data-center", "locatedIn", "kenya", "site:locatedIn"),
        ("site-huawei-cloud-kenya-data-center", "operatedBy", "huawei-cloud", "site:holder:named"),
        ("site-huawei-cloud-philippines-data-center", "locatedIn", "philippines", "site:locatedIn"),
        ("site-huawei-cloud-philippines-data-center", "operatedBy", "huawei-cloud", "site:holder:named"),
    ]
    assert ex.entities["site-huawei-cloud-kenya-data-center"].name_en == "Huawei Cloud Kenya data center"
    assert ex.entities["site-huawei-cloud-kenya-data-center"].name_ko == "화웨이 클라우드 케냐 데이터센터"


def test_country_then_city_is_one_site_in_the_city_with_ordinal_and_capex(gaz):
    ex = _read(gaz, "- 일본 오사카에 두 번째 거점 건설에 3억 달러 투자", operator="tencent-cloud")
    node = "site-tencent-cloud-second-osaka-site"
    assert (node, "locatedIn", "osaka", "site:locatedIn") in _links(ex)
    assert not any(f.obj == "japan" for f in ex.facts)
    assert "Tencent Cloud Osaka site" in ex.entities[node].aliases
    assert [(s.subject, s.kind, int(s.value), s.unit) for s in ex.statements] == [(node, "capex", 300000000, "USD")]


def test_subject_of_the_sentence_owns_a_plant_and_no_operator_no_node(gaz):
    ex = _read(gaz, "엔비디아는 미시간에 공장 설립을 추진")
    assert ("site-nvidia-michigan-plant", "ownedBy", "nvidia", "site:holder:topic") in _links(ex)
    assert _read(gaz, "올해 미시간에 공장 설립").facts == []


def test_joint_places_make_one_site_and_a_noun_phrase_site_runs_a_chip(gaz):
    ex = _read(gaz, "엔비디아는 미국·일본에 AI 데이터센터를 구축 예정")
    assert {(f.subject, str(f.obj)) for f in ex.facts if f.predicate == "locatedIn"} == {
        ("site-nvidia-ai-data-centers", "united-states"), ("site-nvidia-ai-data-centers", "japan")}
    ex = _read(gaz, "구글은 Fluidstack社와 뉴욕 데이터센터에 TPU 배치 합의")
    assert ("site-fluidstack-new-york-data-center", "usesChip", "google-tpu", "site:terms") in _links(ex)
    assert ("site-fluidstack-new-york-data-center", "operatedBy", "fluidstack", "site:holder:named") in _links(ex)


def test_facility_named_before_its_place_and_the_date_before_the_places(gaz):
    ex = _read(gaz, "Shamekh IV Solutions가 대규모 생산 시설을 미국 캔자스 주에 건설")
    assert ("site-shamekh-iv-solutions-kansas-plant", "locatedIn", "kansas", "site:locatedIn") in _links(ex)
    ex = _read(gaz, "- 내년 일본에 새 거점 개설", operator="alibaba-cloud")
    assert [(s.subject, s.kind, s.time.text if s.time else "", s.status) for s in ex.statements] == [
        ("site-alibaba-cloud-japan-site", "operationDate", "2026", "planned")]


def test_the_subject_building_a_data_center_develops_it(gaz):
    ex = _read(gaz, "엔비디아는 일본에 데이터센터를 건설")
    assert ("site-nvidia-japan-data-center", "developedBy", "nvidia", "site:holder:topic") in _links(ex)


def test_apposition_names_the_holder_of_a_known_facility(gaz):
    ex = _read(gaz, "메타의 AI DC인 “Prometheus” 안에 설치")
    assert _links(ex) == [("prometheus", "operatedBy", "meta", "site:holder:named")]
    ex = _read(gaz, "메타는 초기부터 클러스터인 “Hyperion”를 보유했기 때문")
    assert _links(ex) == [("hyperion", "ownedBy", "meta", "site:holder:topic")]
    assert _links(_read(gaz, "초기부터 클러스터인 “Hyperion”를 보유")) == []


def test_a_plant_in_apposition_is_owned_by_the_genitive_firm(gaz):
    ex = _read(gaz, "- 심지어 테슬라의 차량 생산 기지인 “기가팩사스”까지 포함")
    assert _links(ex) == [("giga-texas", "ownedBy", "tesla", "site:holder:named")]
    assert _links(_read(gaz, "- 테슬라의 공장인 “기가팩사스”에서 생산")) == [("giga-texas", "ownedBy", "tesla", "site:holder:named")]
    # no genitive firm: no holder (a plant's topic is not read); a compute facility noun needs a Facility
    assert _links(_read(gaz, "- 테슬라는 생산 기지인 “기가팩사스”를 보유")) == []
    assert _links(_read(gaz, "- 메타의 생산 기지인 “Prometheus”")) == []


def test_a_site_the_gazetteer_names_is_reused(gaz):
    ex = _read(gaz, "TSMC는 애리조나에 팹 건설")
    assert ("tsmc-arizona-fab", "ownedBy", "tsmc", "site:holder:topic") in _links(ex)
