"""Power assets in prose and cells (petaflop/extract/text_power.py), on sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "V", "test slide")


def durations(ex) -> list[tuple]:
    return sorted((s.subject, s.value, s.high, s.unit, s.rule) for s in ex.statements if s.kind == "storageDuration")


def test_a_duration_before_a_storage_asset_is_its_storage_duration(text_reader):
    r, ex = text_reader
    r.read("이 부지는 3시간 BESS 설비를 도입", LOC, ())
    assert durations(ex) == [("battery-energy-storage-system", Decimal(3), None, "hour", "text:storage-duration:adjacent")]


def test_the_asset_in_the_parenthesis_after_a_storage_word_is_the_one_meant(text_reader):
    r, ex = text_reader
    r.read("10분 배터리 (UPS)", LOC, ())
    assert durations(ex) == [("uninterruptible-power-supply", Decimal(10), None, "minute",
                              "text:storage-duration:adjacent")]


def test_a_duration_after_the_asset_with_the_instrumental_particle(text_reader):
    r, ex = text_reader
    r.read("부지에 설치한 BESS로 1~3시간 피크 수요를 흡수", LOC, ())
    assert durations(ex) == [("battery-energy-storage-system", Decimal(1), Decimal(3), "hour",
                              "text:storage-duration:adjacent")]


def test_a_break_even_duration_is_no_storage_duration(text_reader):
    r, ex = text_reader
    r.read("운영 기준 8시간 이내에는 BESS가 더 싸다", LOC, ())
    r.read("가스터빈 4시간 가동", LOC, ())
    assert durations(ex) == []


def powered(ex) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "poweredBy")


def test_an_asset_installed_at_a_place_powers_that_place(text_reader):
    r, ex = text_reader
    r.read("Crusoe는 Stargate I 부지에 가스 터빈 10기를 설치 중", LOC, ())
    assert powered(ex) == [("stargate-abilene-campus", "gas-turbine", "text:power-source:place")]


def test_an_asset_installed_by_the_clause_topic(text_reader):
    r, ex = text_reader
    r.read("Stargate는 자체 전력으로 태양광을 도입", LOC, ())
    assert powered(ex) == [("stargate", "solar-pv", "text:power-source:topic")]


def test_an_asset_built_as_a_plant_on_site(text_reader):
    r, ex = text_reader
    r.read("Stargate는 가스 터빈 기반 발전소를 현장에 건설", LOC, ())
    assert powered(ex) == [("stargate", "gas-turbine", "text:power-source:topic")]


def test_an_asset_supplying_a_facility_powers_it(text_reader):
    r, ex = text_reader
    r.read("마이크로그리드가 콜로서스 캠퍼스에 전력을 공급", LOC, ())
    assert powered(ex) == [("colossus-campus", "microgrid", "text:power-source:supplies")]


def test_an_organisation_installing_an_asset_is_not_powered_by_it(text_reader):
    r, ex = text_reader
    r.read("GE Vernova는 가스터빈 설치 비용을 인상", LOC, ())
    r.read("xAI가 설치한 디젤 발전기", LOC, ())
    r.read("Stargate는 태양광 설치 후 가스 의존을 축소", LOC, ())
    assert powered(ex) == []


def test_a_priced_reference_configuration_is_no_storage_duration(text_reader):
    r, ex = text_reader
    r.read("50MW급 6시간 BESS 구축에 최대 1억 달러가 소요", LOC, ())
    assert durations(ex) == []



def test_the_asset_a_parenthesis_names_after_a_generic_one_is_meant(text_reader):
    r, ex = text_reader
    r.read("4시간 BESS (메가팩) 도입", LOC, ())
    assert durations(ex) == [("tesla-megapack", Decimal(4), None, "hour", "text:storage-duration:adjacent")]


def test_a_table_cell_naming_a_storage_option_by_its_duration(text_reader):
    r, ex = text_reader
    r.read_name_cell("10분 배터리 (UPS)", LOC, ())
    r.read_name_cell("3시간 BESS (메가팩)", LOC, ())
    r.read_name_cell("자체 발전 (디젤 발전기)", LOC, ())
    assert durations(ex) == [("tesla-megapack", Decimal(3), None, "hour", "text:storage-duration:adjacent"),
                             ("uninterruptible-power-supply", Decimal(10), None, "minute",
                              "text:storage-duration:adjacent")]


def kinds(ex) -> list[tuple]:
    return sorted((s.subject, s.kind, s.value, s.unit) for s in ex.statements)


def test_per_rack_power_is_rack_power_not_a_chip_power(text_reader):
    r, ex = text_reader
    r.read("Stargate는 랙당 200kW가 넘는 서버랙을 지원", LOC, ())
    r.read("Kyber는 랙 하나의 전력 소모량이 300kW를 넘김", LOC, ())
    assert kinds(ex) == [("nvidia-kyber", "rackPower", Decimal("0.3"), "MW"),
                         ("stargate", "rackPower", Decimal("0.2"), "MW")]



def test_a_plan_named_by_its_project_is_the_topic_of_its_figure(text_reader):
    r, ex = text_reader
    r.read("전체 Stargate 계획은 3 GW 규모", LOC, ())
    assert [(s.subject, s.kind, s.value, s.unit) for s in ex.statements] == [("stargate", "powerCapacity", Decimal(3000), "MW")]


def test_an_order_backlog_in_capacity_is_a_quantity_named_by_its_label(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("ge-vernova"))
    r.read_cell("수주 잔고는 40GW (공식 주문 포함)", LOC, (), "ge-vernova")
    r.read_cell("수주 잔고는 20억 달러", LOC, (), "ge-vernova")  # a money backlog is no capacity
    assert sorted((s.subject, s.kind, s.value, s.unit) for s in ex.statements if s.kind == "quantity") == [
        ("ge-vernova", "quantity", Decimal(40000), "MW")]


def test_a_duration_a_storage_asset_lasts_is_its_storage_duration_or_its_sites(text_reader):
    r, ex = text_reader
    r.read("ESS는 약 3시간을 버틴다", LOC, ())
    r.read("xAI의 콜로서스 캠퍼스에 있는 100대의 BESS는 약 1시간 반을 버틴다", LOC, ())
    r.read("BESS는 4시간 이내에 충전", LOC, ())
    assert durations(ex) == [("battery-energy-storage-system", Decimal(3), None, "hour", "text:storage-duration:adjacent"),
                             ("colossus-campus", Decimal("1.5"), None, "hour", "text:storage-duration:adjacent")]


def test_a_sites_genitive_power_mix_powers_it_with_each_source(text_reader):
    r, ex = text_reader
    r.read("콜로서스 캠퍼스의 BESS·태양광 결합 마이크로그리드가 핵심", LOC, ())
    assert powered(ex) == [("colossus-campus", "battery-energy-storage-system", "text:power-mix:genitive"),
                           ("colossus-campus", "microgrid", "text:power-mix:genitive"),
                           ("colossus-campus", "solar-pv", "text:power-mix:genitive")]


def test_a_makers_or_labs_genitive_is_no_power_mix(text_reader):
    r, ex = text_reader
    r.read("GE Vernova의 가스터빈 수주가 증가", LOC, ())
    r.read("xAI의 BESS·태양광 결합 마이크로그리드", LOC, ())
    assert [f for f in ex.facts if f.rule == "text:power-mix:genitive"] == []


def test_renewable_energy_is_a_power_technology_a_facility_can_use(text_reader, gaz):
    r, ex = text_reader
    r.read("Stargate는 자체 전력으로 재생에너지를 도입", LOC, ())
    assert powered(ex) == [("stargate", "renewable-energy", "text:power-source:topic")]
    assert gaz.lookup("재생 PPA").id == "renewable-energy"  # a renewable power purchase agreement
    # the data centre named after its power stays that data centre
    found = {m.entity_id for m in gaz.find_mentions("노르웨이 재생에너지 데이터센터 50 MW")}
    assert "telenor-renewable-energy-data-centre" in found and "renewable-energy" not in found


def test_a_cells_power_source_is_judged_with_the_prose_construction(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("prometheus"))
    r.read_cell("자체 발전소 건설", LOC, (), "prometheus")
    assert powered(ex) == [("prometheus", "on-site-generation", "text:power-source:topic")]


def test_a_verb_with_an_attached_modifier_still_installs_the_asset(text_reader):
    r, ex = text_reader
    r.read("Stargate는 가스터빈 추가도입", LOC, ())
    r.read("Stargate는 태양광 미설치", LOC, ())  # "not installed": no modifier of the list
    assert powered(ex) == [("stargate", "gas-turbine", "text:power-source:topic")]


def test_an_asset_counted_in_a_facility_rows_cell_is_the_rows_equipment(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("colossus-campus"))
    r.read_cell("변전소 증설 + 테슬라 Megapack 50대", LOC, (), "colossus-campus")
    r.read("Stargate는 가스터빈 12대", LOC, ())  # prose: a count alone installs nothing
    assert powered(ex) == [("colossus-campus", "tesla-megapack", "text:power-source:topic")]


def test_cooling_is_no_power_source(text_reader):
    r, ex = text_reader
    r.read("Stargate는 액체 냉각 시스템을 도입", LOC, ())
    r.read("Stargate는 직접액냉을 채택", LOC, ())
    assert powered(ex) == []



def test_a_slide_titled_thing_by_maker_is_about_the_thing(text_reader):
    r, ex = text_reader
    r.start_slide("IV. 테스트 장: Stargate by OpenAI")  # "<thing> by <maker>": the maker is a credit
    r.read("- 특히 메가팩을 활용한 전력 관리가 특징.", LOC, ())
    assert powered(ex) == [("stargate", "tesla-megapack", "text:power-source:topic")]
