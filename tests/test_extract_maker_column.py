"""Who made a tabulated chip, on tables and sentences of our own: a maker column names the foundry,
or the designer when the maker runs no foundry; a caption saying the chips are the firm's own
("<firm>의 … 자체 제작 반도체") makes that firm their designer; the version in a row's first cell runs
the row's chip. And a percentage in the parentheses after a name in a sentence about one measure."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from ingest.model import Table
from petaflop.extract.caption_maker import in_house_maker
from petaflop.extract.facts import Extraction, Location
from petaflop.extract.node_foundry import foundry_ids, maker_property
from petaflop.extract.resolve import Resolver
from tests.test_table_reader import make_table as shared_make_table

LOC = Location(10, 10, "IX", "test slide")


def make_table(caption: list[str], header: list[str], rows: list[list[str]]) -> Table:
    return shared_make_table(caption, header, rows, chapter="IX")


def test_a_foundry_is_a_firm_whose_name_heads_a_process_node(gaz):
    foundries = foundry_ids(gaz)
    assert {"tsmc", "samsung-electronics", "intel"} <= foundries
    assert "nvidia" not in foundries and "mobileye" not in foundries
    assert maker_property("fabricatedBy", "nvidia", foundries) == "designedBy"
    assert maker_property("fabricatedBy", "tsmc", foundries) == "fabricatedBy"
    assert maker_property("usesChip", "nvidia", foundries) == "usesChip"  # only a maker column is re-read


def test_an_in_house_caption_names_the_designer(gaz):
    assert in_house_maker(make_table(["구글의 자체 개발 AI 칩 스펙"], ["칩"], []), gaz).id == "google"
    # no genitive owner, or a comparison: no one designer
    assert in_house_maker(make_table(["자체 제작 반도체 스펙"], ["칩"], []), gaz) is None
    assert in_house_maker(make_table(["구글의 자체 개발 칩 vs 엔비디아"], ["칩"], []), gaz) is None


def test_a_maker_column_splits_designers_from_foundries_and_the_version_uses_the_chip(gaz):
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor

    ex = Extraction()
    mapping = next(m for m in load_mappings() if m.id == "tesla-chips")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], Resolver(gaz, ex),
                        SimpleNamespace(mine=lambda *a, **k: []), lambda t: ())
    t = make_table(["테슬라의 자율주행용 자체 제작 반도체"], ["버전", "칩 이름", "제조사", "제조 공정"],
                   [["HW1", "EyeQ3", "모빌아이", "40 nm"], ["HW3", "Tesla FSD 1 Chip", "삼성전자", "14 nm"],
                    ["HW4", "Tesla FSD 2 Chip", "TSMC", "7 nm"]])
    te._rows(t, mapping)
    facts = {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity}
    assert ("mobileye-eyeq3", "designedBy", "mobileye", "table:maker-column:designedBy") in facts
    assert not any(s == "mobileye-eyeq3" and p == "fabricatedBy" for s, p, _, _ in facts)
    assert ("tesla-fsd-chip-1", "fabricatedBy", "samsung-electronics", "table:tesla-chips:fabricatedBy") in facts
    assert {(s, o) for s, p, o, r in facts if r == "table:maker-column:in-house"} == {
        ("tesla-fsd-chip-1", "tesla"), ("tesla-fsd-chip-2", "tesla")}  # not the chip Mobileye designed
    assert {(s, o) for s, p, o, _ in facts if p == "usesChip"} == {
        ("tesla-hw1", "mobileye-eyeq3"), ("tesla-hw3", "tesla-fsd-chip-1"), ("tesla-hw4", "tesla-fsd-chip-2")}


def test_a_percentage_in_parentheses_after_a_name_is_its_value_of_the_sentences_measure(text_reader):
    r, ex = text_reader
    r.read("현재 SF2의 추정 수율은 40~45%. 이는 TSMC N2(70% 이상)와 인텔 18A(50~55%)에 비해 낮은 수치.", LOC, ())
    got = {(s.subject, s.kind, s.value, s.high, s.bound) for s in ex.statements if s.rule == "text:paren-measure"}
    assert got == {("tsmc-n2", "yield", Decimal(70), None, "lower"), ("intel-18a", "yield", Decimal(50), Decimal(55), "")}


def test_no_paren_measure_without_one_measure_or_after_a_sign(text_reader):
    r, ex = text_reader
    r.read("TSMC(70%)와 인텔(20%)은 각각 발표.", LOC, ())  # no measure named
    r.read("수율과 점유율은 TSMC(70%), 인텔(20%).", LOC, ())  # two measures: which is not said
    r.read("점유율 변화는 TSMC(+5%), 인텔(-3%).", LOC, ())  # a change, not a level
    assert not [s for s in ex.statements if s.rule == "text:paren-measure"]


def test_a_name_before_neun_mullon_is_listed_not_the_topic(text_reader):
    r, ex = text_reader
    r.read("테슬라는 경쟁사인 우버, 리프트는 물론, 직접적인 경쟁자인 웨이모에 비해서도 저렴한 가격을 유지.", LOC, ())
    rivals = {(f.subject, str(f.obj)) for f in ex.facts if f.predicate == "competesWith"}
    assert {("tesla", "uber"), ("tesla", "lyft"), ("tesla", "waymo")} <= rivals


def test_chips_counted_in_a_chips_row_are_the_chips_of_the_rows_system(text_reader, gaz):
    from petaflop.extract.text_frames import Mention_

    r, ex = text_reader
    r.res.record(gaz.by_id("tesla-fsd-chip-1"))
    r.read_cell("• 두 개의 칩 구성 • 칩 면적은 260 mm²", LOC, (), "tesla-fsd-chip-1")
    assert not [s for s in ex.statements if s.kind in ("chipsPerSystem", "unitCount")]  # no system named: none
    r.row_system = Mention_(r.res.record(gaz.by_id("tesla-hw3")), "System", -1, -1, "row-system")
    r.read_cell("• 두 개의 칩 구성 • 칩 면적은 260 mm²", LOC, (), "tesla-fsd-chip-1")
    assert [(s.subject, s.kind, s.value, s.rule) for s in ex.statements if s.kind == "chipsPerSystem"] == [
        ("tesla-hw3", "chipsPerSystem", Decimal(2), "text-cell:count-per-system:row")]


def test_a_projects_chip_column_names_the_systems_a_facility_uses_beside_its_chips(gaz):
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor

    ex = Extraction()
    mapping = next(m for m in load_mappings() if m.id == "europe-ai-projects")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], Resolver(gaz, ex),
                        SimpleNamespace(mine=lambda *a, **k: []), lambda t: ())
    t = make_table(["유럽 AI 프로젝트"], ["시점", "국가", "프로젝트/정책", "엔비디아 협력·칩 스펙"],
                   [["6월", "독일", "Test AI Campus", "DGX B200 SuperPOD, H100 GPU 2,000개"]])
    te._rows(t, mapping)
    facts = {(f.predicate, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity}
    assert ("usesSystem", "nvidia-dgx-b200-superpod", "table:europe-ai-projects:usesSystem") in facts
    assert ("usesChip", "nvidia-h100", "table:europe-ai-projects:usesChip") in facts
