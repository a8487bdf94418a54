"""Alliances, acquisitions and deal parties on sentences and tables of our own: the members written
before an alliance's genitive or described as its member (text_alliance), a stake bought as an
acquisition node, a utility as a partner in a list, and a deal table's country party."""

from __future__ import annotations

from petaflop.extract.facts import Extraction, Location
from tests.test_table_reader import make_table

LOC = Location(10, 10, "VI", "test slide")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def links(ex: Extraction, prop: str) -> set[tuple[str, str, str]]:
    return {(f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == prop}


def test_a_pair_before_the_alliance_genitive_are_its_members(text_reader):
    r, ex = text_reader
    r.read("한국과 일본의 페타플롭스 동맹은 새로운 질서를 만듦.", LOC, ())
    assert links(ex, "memberOf") == {
        ("south-korea", "usmiddle-east-petaflops-alliance", "text:named-members:memberOf"),
        ("japan", "usmiddle-east-petaflops-alliance", "text:named-members:memberOf")}


def test_a_region_in_the_pair_is_no_member_and_one_name_alone_is_none(text_reader):
    r, ex = text_reader
    r.read("미국과 중동의 페타플롭스 동맹은 새로운 질서를 만듦.", LOC, ())
    r.read("중국의 페타플롭스 동맹 견제는 계속됨.", LOC, ())
    assert links(ex, "memberOf") == {
        ("united-states", "usmiddle-east-petaflops-alliance", "text:named-members:memberOf")}


def test_the_topic_described_as_the_alliances_member(text_reader):
    r, ex = text_reader
    r.read("테슬라는 머스크 제국의 ‘일원’으로서 데이터를 공유.", LOC, ())
    r.read("테슬라는 머스크 제국의 경쟁 상대를 견제.", LOC, ())
    assert links(ex, "memberOf") == {("tesla", "musk-ecosystem", "text:alliance-members:member-noun")}


def test_a_stake_bought_is_an_acquisition_node_an_investment_is_not(text_reader):
    r, ex = text_reader
    r.read("구글은 Anthropic의 지분 10%를 20억 달러에 인수.", LOC, ())
    r.read("아마존은 Anthropic에 30억 달러를 투자했다.", Location(20, 20, "VI", "test slide"), ())
    types = {(f.subject, str(f.obj).rsplit("#", 1)[-1]) for f in ex.facts if f.predicate == RDF_TYPE}
    assert types == {("investment--google--anthropic--L10", "Investment"),
                     ("investment--google--anthropic--L10", "Acquisition"),
                     ("investment--amazon--anthropic--L20", "Investment")}


def test_a_utility_listed_with_firms_is_a_partner(text_reader):
    r, ex = text_reader
    r.read("엔비디아는 AEP, 오라클과 50MW 규모 프로젝트를 진행.", LOC, ())
    assert links(ex, "partnerOf") == {("nvidia", "american-electric-power", "text:partner:with:clause"),
                                      ("nvidia", "oracle", "text:partner:with:clause")}


def test_a_party_written_with_the_country_is_of_it_an_export_buyer_is_the_country(gaz):
    from types import SimpleNamespace

    from petaflop.extract.resolve import Resolver
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor

    ex = Extraction()
    mapping = next(m for m in load_mappings() if m.id == "saudi-us-deals")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], Resolver(gaz, ex),
                        SimpleNamespace(mine=lambda *a, **k: []), lambda t: ())
    te._rows(make_table(["미국과 사우디간 투자 계약"], ["분야/항목", "주요 기업/주체", "금액", "세부 내용/위치", "투자 성격"], [
        ["데이터센터", "사우디 가나다볼트", "30억 달러", "미국에 데이터센터 구축", "사우디의 대미 투자"],
        ["에너지", "라마바 터빈", "10억 달러", "가스터빈 공급", "미국 제품 수출"],
    ]), mapping)
    parties: dict[str, set[str]] = {}
    for f in ex.facts:
        if f.predicate == "hasParty":
            parties.setdefault(f.subject, set()).add(ex.entities[str(f.obj)].name_ko or str(f.obj))
    # the Saudi firm's investment in the US has the firm alone; the export's buyer is the country
    assert sorted(sorted(p) for p in parties.values()) == [["라마바 터빈", "사우디아라비아"], ["사우디 가나다볼트"]]
    # a node's label names the context only where it is a party ("A → B" reads as a flow to B)
    labels = sorted(ex.entities[node].name_en for node in parties)
    assert labels == ["Deal: 라마바 터빈 → Saudi Arabia", "Deal: 사우디 가나다볼트"]
