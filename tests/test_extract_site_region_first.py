"""A site opened as the first of its kind in a region ("<place>에 <region> 첫 데이터센터 건설") stands in
that region too (petaflop/extract/sites.py ``_first_in``, rule ``site:locatedIn``); sentences of our own."""

from __future__ import annotations

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.resolve import Resolver
from petaflop.extract.sites import SiteReader


def _placed(gaz, text: str) -> list[tuple]:
    ex = Extraction()
    SiteReader(ex, Resolver(gaz, ex)).read(text, Location(1, 1), "tencent-cloud")
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "locatedIn")


def test_the_first_site_in_a_region_stands_in_the_region(gaz):
    assert _placed(gaz, "- 일본 오사카에 아시아태평양 첫 데이터센터 건설에 2억 달러 투자") == [
        ("site-tencent-cloud-osaka-data-center", "asia-pacific", "site:locatedIn"),
        ("site-tencent-cloud-osaka-data-center", "osaka", "site:locatedIn")]
    assert _placed(gaz, "- 케냐에 아프리카 최초의 거점 개설") == [
        ("site-tencent-cloud-kenya-site", "africa", "site:locatedIn"),
        ("site-tencent-cloud-kenya-site", "kenya", "site:locatedIn")]


def test_a_place_not_before_first_is_no_location_of_the_site(gaz):
    assert _placed(gaz, "- 케냐에 아프리카 고객용 새 거점 개설") == [
        ("site-tencent-cloud-kenya-site", "kenya", "site:locatedIn")]
