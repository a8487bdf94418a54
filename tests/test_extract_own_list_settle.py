"""An organisation's list of its own things (text_owned.settle_own_lists): the own-list reader's maker link
(by the thing's class) wins over another reader's maker link of the same pair on the same line; and the
product and platform names such lists carry ("Pixel", "워크스페이스") are gazetteer entities."""

from __future__ import annotations

from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.text_owned import settle_own_lists

LOC = Location(10, 10, "III", "test slide")
OTHER = Location(12, 12, "III", "test slide")


def makers(ex: Extraction) -> set[tuple[str, str, str, str]]:
    return {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity}


def test_a_keyword_relation_of_another_property_yields_to_the_own_list_on_its_line():
    ex = Extraction()
    ex.add(Fact("gadget-x", "offeredBy", "acme", True, LOC, "text:own-list"))
    ex.add(Fact("gadget-x", "developedBy", "acme", True, LOC, "relation:product-developer-marked"))
    ex.add(Fact("gadget-x", "developedBy", "acme", True, OTHER, "relation:product-developer-marked"))  # another line
    ex.add(Fact("gadget-x", "offeredBy", "acme", True, LOC, "text:release"))  # agrees with the list
    ex.add(Fact("gadget-x", "partnerOf", "acme", True, LOC, "relation:partnership"))  # no maker link
    settle_own_lists(ex)
    assert makers(ex) == {
        ("gadget-x", "offeredBy", "acme", "text:own-list"),
        ("gadget-x", "developedBy", "acme", "relation:product-developer-marked"),
        ("gadget-x", "offeredBy", "acme", "text:release"),
        ("gadget-x", "partnerOf", "acme", "relation:partnership"),
    }
    assert [f.location for f in ex.facts if f.predicate == "developedBy"] == [OTHER]


def test_nothing_changes_without_an_own_list():
    ex = Extraction()
    ex.add(Fact("gadget-x", "developedBy", "acme", True, LOC, "relation:product-developer-marked"))
    settle_own_lists(ex)
    assert makers(ex) == {("gadget-x", "developedBy", "acme", "relation:product-developer-marked")}


def test_the_first_item_of_an_own_platform_list_is_offered_not_developed(text_reader):
    r, ex = text_reader
    r.read("구글은 자체의 서비스 (워크스페이스·유튜브)를 무기로 삼음.", LOC, ())
    settle_own_lists(ex)
    got = {(s, p, o) for s, p, o, _ in makers(ex) if o == "google"}
    assert got == {("google-workspace", "offeredBy", "google"), ("youtube", "offeredBy", "google")}


def test_a_device_line_in_an_own_list(text_reader):
    r, ex = text_reader
    r.read("구글은 자체 개발 반도체(TPU)부터 최종 단말기(Pixel)까지 모두 보유.", LOC, ())
    settle_own_lists(ex)
    got = {(s, p, o) for s, p, o, _ in makers(ex) if s == "google-pixel"}
    assert got == {("google-pixel", "offeredBy", "google")}


def test_the_phone_line_is_not_its_model_nor_an_update_programme(gaz):
    def ids(text: str) -> list[str]:
        return [m.entity_id for m in gaz.find_mentions(text)]

    assert ids("구글 역시 Pixel을 진입점으로 활용") == ["google", "google-pixel"]
    assert ids("신형 Pixel 10 출시") == ["google-pixel-10"]
    assert ids("Pixel Drops 업데이트 7년") == []
    assert ids("아이폰 14 Pro Max의 성능") == ["apple-iphone-14-pro-max"]
