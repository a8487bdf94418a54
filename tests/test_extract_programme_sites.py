"""Ranges widened by the ontology and the readers that now reach them, on sentences and tables of our
own: firms listed as named in (or taking part in) a policy programme are its members (memberOf takes an
Agent or a Policy); a chip table's process cell naming a fab site makes the row's chip fabricatedBy the
site (fabricatedBy takes an Organization or a Site). The type check keeps both and still drops others."""

from __future__ import annotations

from types import SimpleNamespace

from petaflop.extract.facts import EntityRecord, Extraction, Fact, Location
from petaflop.extract.typecheck import check, signatures
from tests.test_table_reader import make_table

LOC = Location(10, 10, "X", "test slide")
TEXT_RULE = "text:programme-members:memberOf"


def members(ex: Extraction) -> set[tuple[str, str, str]]:
    return {(f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "memberOf"}


def test_the_ontology_lets_a_policy_have_members_and_a_site_fabricate():
    assert signatures()["memberOf"] == (frozenset({"Agent"}), frozenset({"Agent", "Policy"}))
    assert signatures()["fabricatedBy"] == (frozenset({"Chip"}), frozenset({"Organization", "Site"}))
    ex = Extraction()
    for eid, t in (("f", "Firm"), ("p", "Policy"), ("c", "GPU"), ("s", "Site"), ("m", "ExportBan")):
        ex.add_entity(EntityRecord(eid, (t,)))
    kept = [Fact("f", "memberOf", "p", True, LOC, "t"), Fact("c", "fabricatedBy", "s", True, LOC, "t")]
    dropped = [Fact("f", "memberOf", "m", True, LOC, "t"), Fact("c", "fabricatedBy", "p", True, LOC, "t")]
    ex.facts = kept + dropped
    assert check(ex) == dropped and ex.facts == kept  # a trade measure has no members, a policy fabricates nothing


def test_firms_listed_as_named_for_the_carried_programme_are_its_members(text_reader):
    r, ex = text_reader
    r.read("일대일로는 '29년까지 완공이 목표. 이를 위해 엔비디아와 팔란티어, 그리고 OpenAI가 거론.", LOC, ())
    assert members(ex) == {("nvidia", "belt-and-road-initiative", TEXT_RULE),
                           ("palantir", "belt-and-road-initiative", TEXT_RULE),
                           ("openai", "belt-and-road-initiative", TEXT_RULE)}


def test_firms_taking_part_in_a_programme_named_before_them(text_reader):
    r, ex = text_reader
    r.read("AI 액션 플랜에 엔비디아, 팔란티어가 참여.", LOC, ())
    assert members(ex) == {("nvidia", "americas-ai-action-plan", TEXT_RULE),
                           ("palantir", "americas-ai-action-plan", TEXT_RULE)}


def test_no_member_for_one_firm_or_a_topic_that_is_no_programme(text_reader):
    r, ex = text_reader
    r.read("일대일로는 목표를 제시. 이를 위해 팔란티어가 거론.", LOC, ())  # one firm: one of many bidders
    r.read("엔비디아는 신제품을 공개. 이를 위해 팔란티어와 OpenAI가 참여.", LOC, ())  # a firm topic
    assert not members(ex)


def test_a_table_of_firms_under_a_caption_naming_the_programme_they_join(gaz):
    from petaflop.extract.resolve import Resolver
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor

    mapping = next(m for m in load_mappings() if m.id == "programme-participants")
    header = ["기업명", "각자의 프로젝트에서의 역할"]
    rows = [["팔란티어 (Palantir)", "통합 플랫폼"], ["스페이스X (SpaceX)", "위성 제작"]]
    assert mapping.matches(header, "골든돔 프로젝트에 참여하는 기업들", "X")
    assert not mapping.matches(header, "골든돔 프로젝트의 경쟁 기업들", "X")  # no taking part said
    ex = Extraction()
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], Resolver(gaz, ex),
                        SimpleNamespace(mine=lambda *a, **k: []), lambda t: ())
    te._rows(make_table(["골든돔 프로젝트에 참여하는 기업들"], header, rows, chapter="X"), mapping)
    rule = "table:programme-participants:memberOf"
    assert members(ex) == {("palantir", "golden-dome", rule), ("spacex", "golden-dome", rule)}


def test_a_process_cell_naming_a_fab_site_makes_the_chip_there(gaz):
    from petaflop.extract.node_foundry import SITE_RULE, add_cell_fab_sites
    from petaflop.extract.resolve import Resolver

    ex = Extraction()
    res = Resolver(gaz, ex)
    chip, node = res.record(gaz.by_id("tesla-ai5")), res.record(gaz.by_id("tsmc-n3p"))
    ex.add(Fact(chip, "fabricatedOn", node, True, LOC, "table:t:fabricatedOn", (), raw="TSMC N3P, 애리조나 공장도 활용"))
    ex.add(Fact(chip, "fabricatedOn", node, True, LOC, "text:t", (), raw="애리조나 공장에서 N3P로"))  # prose: not a cell
    assert add_cell_fab_sites(ex, gaz, res.record) == 1
    assert [(f.subject, f.obj, f.rule) for f in ex.facts if f.predicate == "fabricatedBy"] == [
        ("tesla-ai5", "tsmc-arizona-fab", SITE_RULE)]
