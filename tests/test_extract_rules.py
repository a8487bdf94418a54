"""Extraction rules on sentences of our own: claim subjects, promotions, relations, dates,
unit conversion, type checks, and clear errors for malformed mapping data."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.claims import ClaimMiner, load_promotions
from petaflop.extract.facts import EntityRecord, Extraction, Fact, Location
from petaflop.extract.mapping_data import MappingError
from petaflop.extract.relations import RelationMiner, load_relation_patterns
from petaflop.extract.resolve import Resolver
from petaflop.extract.table_map import load_mappings
from petaflop.extract.typecheck import check
from petaflop.extract.values import convert, read_date, read_value

LOC = Location(10, 10, "IV", "test slide")


@pytest.fixture()
def miner(gaz):
    ex = Extraction()
    res = Resolver(gaz, ex)
    m = ClaimMiner(res, load_promotions())
    m.relations = RelationMiner(res, load_relation_patterns())
    return m, ex


def test_counted_item_is_not_the_subject(miner):
    m, ex = miner
    claims = m.mine("오라클이 엔비디아 GB200 3만 개를 추가로 주문했다.", LOC, "", (), "test")
    assert [(c.subject, c.kind, c.value) for c in claims] == [("oracle", "count", Decimal(30000))]
    assert claims[0].promoted_to == "gpuCount"
    assert any(f.subject == "oracle" and f.predicate == "gpuCount" and f.obj == Decimal(30000) for f in ex.facts)


def test_recipient_is_not_the_subject_and_default_applies(miner):
    m, _ = miner
    claims = m.mine("OpenAI에 연 120억 청구", LOC, "oracle", (), "test", in_table=True)
    assert [(c.subject, c.value) for c in claims] == [("oracle", Decimal(12000000000))]


def test_apposition_defers_to_the_named_thing(miner):
    m, _ = miner
    claims = m.mine("LM2500XPRESS(가스 터빈) 한 대는 약 40MW를 낸다.", LOC, "", (), "test")
    assert [(c.subject, c.kind, c.value, c.qualifiers) for c in claims] == [
        ("ge-vernova-lm2500xpress", "power", Decimal(40), ("approximate",))]


def test_acquisition_takes_the_object_marked_by_particle(miner):
    m, ex = miner
    m.mine("메타는 애플 출신 아이브가 세운 'io'를 10억 달러에 인수했다.", LOC, "", (), "test")
    links = {(f.subject, f.predicate, f.obj) for f in ex.facts if f.rule.startswith("relation:")}
    assert ("meta", "acquired", "io-products") in links
    assert ("meta", "acquired", "apple") not in links


def test_release_date_goes_to_the_model(miner):
    m, ex = miner
    m.mine("알리바바가 2025년 3월 4일 내놓은 Qwen3-235B-A22B는 가볍다.", LOC, "", (), "test")
    dates = [(f.subject, f.predicate, f.obj, f.datatype) for f in ex.facts if f.predicate == "releaseDate"]
    assert dates == [("qwen3-235b-a22b", "releaseDate", "2025-03-04", "date")]


@pytest.mark.parametrize(("text", "lexical", "datatype"), [
    ("2026년", "2026", "gYear"),
    ("2025-04", "2025-04", "gYearMonth"),
    ("2024년 05월 10일", "2024-05-10", "date"),
    ("2H26", "2026-07-01", "date"),
])
def test_dates_become_xsd_values(text, lexical, datatype):
    d = read_date(text)
    assert (d.as_of, d.datatype) == (lexical, datatype)


def test_unreadable_date_is_none():
    assert read_date("곧") is None


def test_cell_values_convert_to_the_property_unit():
    assert read_value("1.2GW", "전력", "power", "MW").value == Decimal(1200)
    assert read_value("190", "투자액 (억 달러)", "money", "USD").value == Decimal(19000000000)
    assert read_value("1,030억 원", "마케팅", "money", "KRW").value == Decimal(103000000000)
    assert read_value("1,030억 원", "마케팅", "money", "USD") is None  # never KRW into a USD property
    assert convert(Decimal("3.35"), "TB/s", "GB/s") == Decimal(3350)
    assert convert(Decimal(1), "MW", "USD") is None


def test_typecheck_drops_links_outside_domain_or_range():
    ex = Extraction()
    ex.add_entity(EntityRecord("lab", ("ResearchInstitute",)))
    ex.add_entity(EntityRecord("rack", ("System",)))
    ex.add_entity(EntityRecord("dc", ("ComputeCluster",)))
    bad = Fact("lab", "usesSystem", "rack", True, LOC, "test")
    good = Fact("dc", "usesSystem", "rack", True, LOC, "test")
    ex.facts = [bad, good]
    dropped = check(ex)
    assert dropped == [bad] and ex.facts == [good]
    assert ex.warnings and ex.warnings[0][0] == 10 and "usesSystem" in ex.warnings[0][1]


def test_typecheck_reads_a_system_in_a_chip_link_as_the_system_it_uses():
    ex = Extraction()
    ex.add_entity(EntityRecord("board", ("System",)))
    ex.add_entity(EntityRecord("car-computer", ("System",)))
    ex.add_entity(EntityRecord("gpu", ("GPU",)))
    ex.facts = [Fact("car-computer", "usesChip", "board", True, LOC, "test"),
                Fact("board", "usesChip", "gpu", True, LOC, "test")]
    assert check(ex) == []
    assert [(f.subject, f.predicate, f.obj) for f in ex.facts] == [
        ("car-computer", "usesSystem", "board"), ("board", "usesChip", "gpu")]


def test_bad_regex_in_mappings_names_the_entry(tmp_path):
    f = tmp_path / "m.toml"
    f.write_text('[[table]]\nid = "x"\nlayout = "rows"\nmatch = { header = ["(unclosed"] }\n'
                 'entity = { column = "a" }\n', encoding="utf-8")
    with pytest.raises(MappingError) as info:
        load_mappings(f)
    assert "[[table]] x.match.header" in str(info.value) and "(unclosed" in str(info.value)


def test_unknown_column_field_is_an_error(tmp_path):
    f = tmp_path / "m.toml"
    f.write_text('[[table]]\nid = "y"\nentity = { column = "a" }\ncolumns = [ { header = "b", propery = "z" } ]\n',
                 encoding="utf-8")
    with pytest.raises(MappingError, match=r"y\.columns\[0\]: unknown field\(s\) \['propery'\]"):
        load_mappings(f)


def test_toml_syntax_error_names_the_file(tmp_path):
    f = tmp_path / "r.toml"
    f.write_text("[[relation]\nid = 1\n", encoding="utf-8")
    with pytest.raises(MappingError, match=r"r\.toml"):
        load_relation_patterns(f)


def test_missing_key_in_relation_pattern(tmp_path):
    f = tmp_path / "r.toml"
    f.write_text('[[relation]]\nid = "p"\nkeyword = "x"\n', encoding="utf-8")
    with pytest.raises(MappingError, match=r"\[\[relation\]\] p: missing key 'subject_type'"):
        load_relation_patterns(f)


def test_a_person_does_not_hold_h100_equivalents(miner):
    m, ex = miner
    claims = m.mine("테스트랩의 일론 머스크는 H100 동급 GPU 300만 개 확보를 목표로 한다.", LOC, "", (), "test")
    assert [(c.subject, c.kind, c.value, c.promoted_to) for c in claims] == [
        ("elon-musk", "count", Decimal(3_000_000), "")]
    assert not [f for f in ex.facts if f.predicate == "h100EquivalentCount"]


def test_a_facility_holds_h100_equivalents(miner):
    m, ex = miner
    claims = m.mine("Colossus는 H100 동급 GPU 20만 개 규모다.", LOC, "", (), "test")
    assert [(c.subject, c.promoted_to) for c in claims] == [("colossus", "h100EquivalentCount")]
    assert [(f.subject, f.obj) for f in ex.facts if f.predicate == "h100EquivalentCount"] == [
        ("colossus", Decimal(200_000))]


def test_an_issuing_or_making_country_is_no_export_destination(miner):
    m, ex = miner
    for text in ("미국의 H20 AI 칩 수출 라이선스 요건으로 비용 계상", "미국산 AI 칩에 대한 새로운 3단계 수출 제한 조치 제안",
                 "트럼프 행정부는 對중국 수출 허가 요건을 적용"):
        m.relations.mine(text, LOC, ())
    dest = {(f.subject, f.obj) for f in ex.facts if f.predicate == "restrictsExportTo"}
    assert dest == {("h20-export-license-requirement", "china")}


def _counted_links(ex: Extraction) -> set[tuple]:
    return {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.rule.startswith("claim:counted-item")}


@pytest.mark.parametrize("text, subject, link", [
    ("오라클이 엔비디아 GB200 3만 개를 추가로 주문했다.", "", ("oracle", "procures", "nvidia-gb200", "purchase")),
    ("엔비디아 H100 약 2천 여 대 운영, 데이터 주권 확보", "moonshot-ai",
     ("moonshot-ai", "dependsOnChip", "nvidia-h100", "operates")),  # runs them: the first verb wins
    ("물리적 GPU 숫자: H100 15만 개 + GB200 3만 개", "xai", ("xai", "procures", "nvidia-h100", "unmarked")),
])
def test_an_organisations_count_of_chips_is_read_by_its_verb(miner, gaz, text, subject, link):
    m, ex = miner
    if subject:
        m.res.record(gaz.by_id(subject))
    m.mine(text, LOC, subject, (), "test")
    s, p, o, how = link
    assert (s, p, o, f"claim:counted-item:{how}") in _counted_links(ex)


def test_a_facilitys_count_of_chips_is_what_it_uses(miner, gaz):
    m, ex = miner
    m.res.record(gaz.by_id("colossus"))
    m.mine("GB200 11만 개", LOC, "colossus", (), "test", in_table=True)
    assert _counted_links(ex) == {("colossus", "usesChip", "nvidia-gb200", "claim:counted-item")}


def test_a_value_read_about_the_context_of_a_row_naming_its_own_thing_is_judged_apart(miner, gaz):
    m, ex = miner
    m.res.record(gaz.by_id("stargate"))
    m.mine("원래 목표 2.2 GW", LOC, "stargate", (), "test", header="전력", in_table=True, default_how="row-context")
    m.mine("총 5 GW 용량", LOC, "stargate", (), "test", header="전력", in_table=True)
    assert {(f.subject, f.obj, f.rule) for f in ex.facts if f.predicate == "powerCapacityMW"} == {
        ("stargate", Decimal(2200), "claim:cluster-power:row-context"),
        ("stargate", Decimal(5000), "claim:cluster-power:row")}


def test_a_model_developer_marked_as_subject_is_a_firm_or_lab(miner):
    """relation:model-developer-marked: the firm or lab marked as the clause's subject or topic made the
    model; a government approving its release, or a firm in another role, did not."""
    m, ex = miner
    m.relations.mine("xAI는 지난 8월 코딩 특화 모델 Grok Code Fast 1을 출시", LOC, ())
    m.relations.mine("中정부는 DeepSeek R1 출시에 관한 승인을 내림", LOC, ())
    marked = {(f.subject, f.obj) for f in ex.facts if f.rule == "relation:model-developer-marked"}
    assert marked == {("grok-code-fast-1", "xai")}


def test_a_platform_or_product_made_by_the_firm_marked_as_subject(miner):
    """relation:platform-developer-marked / product-developer-marked: the firm marked as the clause's topic
    made the platform or product marked as the verb's object; a platform named as a rival to replace or
    with a genitive ("CUDA를 대체할", "CUDA의 대체재") is not what was made."""
    m, ex = miner
    m.relations.mine("화웨이는 CUDA를 대체할 CANN이라는 것도 함께 개발", LOC, ())
    m.relations.mine("화웨이가 CUDA의 대체재를 발표", LOC, ())
    m.relations.mine("OpenAI는 Codex라는 코딩 에이전트를 7주 만에 완성", LOC, ())
    made = {(f.subject, f.obj, f.rule) for f in ex.facts if f.rule.endswith("-developer-marked")}
    assert made == {("cann", "huawei", "relation:platform-developer-marked"),
                    ("openai-codex", "openai", "relation:product-developer-marked")}


def test_a_partner_marked_with_the_comitative_before_the_partnership_word(miner):
    """relation:partnership-with: "A는 B와 협력": the subject and the comitative-marked partner both stand
    before the word; a firm named after it opens the next clause, and a contract is no partnership."""
    m, ex = miner
    m.relations.mine("웨이모가 Uber와 협력하는 것과 달리, 테슬라는 차주 참여 모델을 택함", LOC, ())
    m.relations.mine("팔란티어는 HD현대와의 파트너십을 발표", LOC, ())
    m.relations.mine("오라클은 OpenAI와 대규모 계약을 체결", LOC, ())
    links = {(f.subject, f.obj) for f in ex.facts if f.rule == "relation:partnership-with"}
    assert links == {("waymo", "uber"), ("palantir", "hd-hyundai")}


def test_a_foundry_link_to_the_firm_the_chip_is_named_after_is_judged_apart(miner):
    m, ex = miner
    m.relations.mine("AI6 칩을 생산할 공장을 복제해 테슬라 엔지니어들에게 공개", LOC, ())
    m.relations.mine("SMIC는 Ascend 910C의 대량 생산을 시작", LOC, ())
    got = {(f.subject, f.obj, f.rule) for f in ex.facts if f.predicate == "fabricatedBy"}
    assert got == {("tesla-ai6", "tesla", "relation:chip-foundry:own-name"),
                   ("huawei-ascend-910c", "smic", "relation:chip-foundry")}


def test_what_a_firm_provides_as_the_verbs_own_object_is_its_offer(miner):
    """relation:offering: "A는 … B를 제공": the product is offered by the topic-marked firm only when it is
    the verb's own object (one object particle, then at most an adverb), not an object inside a clause."""
    m, ex = miner
    m.relations.mine("엔비디아는 고객사에 “NVLink 칩렛”이라는 부품을 제공", LOC, ())
    m.relations.mine("엔비디아는 고객 CPU가 NVLink를 지원하도록 IP를 직접 제공", LOC, ())
    m.relations.mine("OpenAI는 Codex를 제품 출시까지 7주 만에 완성", LOC, ())
    links = {(f.subject, f.obj) for f in ex.facts if f.rule == "relation:offering"}
    assert links == {("nvlink-chiplet", "nvidia")}
