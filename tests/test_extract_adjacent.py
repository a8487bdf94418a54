"""Side-by-side constructions (petaflop/extract/adjacent.py) on small texts of our own: a grid
operator before or after what it runs, a chain of places, a place before a place, a place in
parentheses, and a power-supply cell whose operator name only qualifies the asset."""

from __future__ import annotations

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.adjacent import AdjacentReader, qualifier_mentions
from petaflop.extract.facts import Extraction, Location
from petaflop.extract.resolve import Resolver
from petaflop.extract.table_reader import TableReader


def read(gaz, text: str) -> set[tuple[str, str, str, str]]:
    ex = Extraction()
    res = Resolver(gaz, ex)
    AdjacentReader(gaz, ex, res.record).read(text, Location(7, 7, "IV"))
    return {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts}


def test_an_operator_name_right_before_a_grid_connection_runs_it(gaz):
    assert read(gaz, "Terna 225 kV 신규 서브스테이션 착공") == {
        ("rte-225-kv-substation", "operatedBy", "terna", "adjacent:grid-operator")}


def test_an_operator_spelt_inside_an_assets_name_runs_it(gaz):
    """"EDF SMR pilot 2기": the gazetteer matches operator and asset as one name; the prefix still says who runs it."""
    assert read(gaz, "EDF SMR pilot 2기 전력 직결") == {
        ("edf-smr-pilot-units", "operatedBy", "edf", "adjacent:grid-operator")}
    assert read(gaz, "SMR pilot 전력 직결") == set()  # no operator in front: nothing


def test_an_operator_in_parentheses_after_a_grid_runs_it(gaz):
    assert read(gaz, "북미 전력망(ERCOT)의 경우") == {
        ("north-american-power-grid", "operatedBy", "ercot", "adjacent:grid-operator")}


def test_an_operator_apart_from_the_grid_runs_nothing(gaz):
    assert read(gaz, "ERCOT는 북미 전력망 보고서를 냈다") == set()
    assert read(gaz, "북미 전력망(ERCOT 발표)") == set()


def test_a_cell_that_is_a_chain_of_places_nests_each_in_the_next(gaz):
    assert read(gaz, "킹 살만 공원, 오하이오, 미국") == {
        ("king-salman-park", "locatedIn", "ohio", "adjacent:place-apposition"),
        ("ohio", "locatedIn", "united-states", "adjacent:place-apposition")}


def test_a_list_of_places_in_prose_or_of_countries_is_no_chain(gaz):
    assert read(gaz, "거점은 오하이오, 루이지애나") == set()
    assert read(gaz, "독일, 일본") == set()


def test_a_larger_place_written_before_a_smaller_one_contains_it(gaz):
    assert read(gaz, "루이지애나 밀라노 부지") == {("milan", "locatedIn", "louisiana", "adjacent:place-prefix")}
    # a state before its city is two names, not one alias of the city
    assert read(gaz, "콜로라도 덴버") == {("denver", "locatedIn", "colorado", "adjacent:place-prefix")}
    assert read(gaz, "독일 일본") == set()  # a country is never the contained place


def test_a_facility_with_its_place_in_parentheses_is_there(gaz):
    assert read(gaz, "Mistral AI Cluster (오사카)") == {
        ("mistral-ai-cluster", "locatedIn", "osaka", "adjacent:place-apposition")}


def test_odd_text_gives_nothing():
    class Broken:
        def find_mentions(self, text):
            raise ValueError(text)

    ex = Extraction()
    AdjacentReader(Broken(), ex, lambda e: e.id).read("((", Location(1, 1))
    assert ex.facts == []


def test_an_operator_qualifying_the_next_name_is_not_a_power_source(gaz):
    text = "Statnett 225 kV 신규 서브스테이션 + 태양광"
    assert qualifier_mentions(text, gaz.find_mentions(text), gaz) == {"statnett"}
    ex = Extraction()
    res = Resolver(gaz, ex)
    head = [Cell(h, h, 100, j + 1) for j, h in enumerate(["프로젝트", "전력망 연계"])]
    row = Row(101, [Cell("Mistral AI Cluster", "Mistral AI Cluster", 101, 1), Cell(text, text, 101, 2)])
    table = Table("T-01-1", Span(99, 101), ["표"], head, [row], chapter="V", slide_title="V. 표",
                  column_labels=["프로젝트", "전력망 연계"])
    TableReader(res, lambda t: ()).read(table)
    got = {(f.subject, str(f.obj)) for f in ex.facts if f.predicate == "poweredBy"}
    assert got == {("mistral-ai-cluster", "rte-225-kv-substation"), ("mistral-ai-cluster", "solar-pv")}


def test_a_quoted_facility_with_its_place_in_parentheses_and_a_place_before_a_cluster(gaz):
    assert read(gaz, "“Mistral AI Cluster” (오사카)") == {
        ("mistral-ai-cluster", "locatedIn", "osaka", "adjacent:place-apposition")}
    assert read(gaz, "루이지애나 “Mistral AI Cluster” 착공") == {
        ("mistral-ai-cluster", "locatedIn", "louisiana", "adjacent:place-prefix")}
    assert read(gaz, "OpenAI Mistral AI Cluster") == set()  # an organisation is no place


def test_a_place_before_a_cluster_with_its_capacity_between(gaz):
    assert read(gaz, "오하이오 2.5 GW “Mistral AI Cluster” 착공") == {
        ("mistral-ai-cluster", "locatedIn", "ohio", "adjacent:place-prefix")}
    assert read(gaz, "오하이오 300MW Mistral AI Cluster") == {
        ("mistral-ai-cluster", "locatedIn", "ohio", "adjacent:place-prefix")}
    assert read(gaz, "오하이오 2.5 GW 규모 “Mistral AI Cluster”") == set()  # more than a figure between
    assert read(gaz, "오하이오 2.5 GWh “Mistral AI Cluster”") == set()  # an energy, not a capacity


def test_a_place_before_a_site_whose_name_no_longer_swallows_it(gaz):
    assert read(gaz, "텍사스 Taylor 신공장은 전용") == {
        ("samsung-taylor-fab", "locatedIn", "texas", "adjacent:place-prefix")}


def test_a_country_right_before_an_organisation_is_its_home(gaz):
    assert read(gaz, "독일 엔비디아 발표") == {("nvidia", "headquarteredIn", "germany", "adjacent:country-prefix-org")}
    assert read(gaz, "독일의 엔비디아") == set()  # a genitive often names a market, not a home
    assert read(gaz, "독일 젠슨 황") == set()  # a person is no organisation
    assert read(gaz, "독일 엔비디아 데이터에 따르면") == set()  # a source of figures: the country scopes the data
