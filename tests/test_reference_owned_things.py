"""The reference layer beyond organisations, chips and products: the firm that owns a network
technology (hardware.tsv), the organisation that publishes a cited source (publishers.tsv) and the
region or country a site is part of or a grid lies in (sites.tsv)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from foundation.namespaces import GRAPH_FACTS, PFA, PFID, RDF
from petaflop.reference import ReferenceError, load_reference
from petaflop.reference_graph import reference_layer


@pytest.fixture(scope="module")
def ref(report_path):
    return load_reference(report_lines=report_path.read_text(encoding="utf-8").split("\n"))


def rows(ref, file: str) -> dict:
    return {r["id"]: r for r in ref.of(file)}


def test_owned_technologies_sources_and_sites_have_rows(ref):
    hw, pub, sites = rows(ref, "hardware.tsv"), rows(ref, "publishers.tsv"), rows(ref, "sites.tsv")
    assert (hw["nvlink-6"]["designer"], hw["sharp-v4"]["designer"], hw["huawei-cloudengine-switch"]["designer"]) \
        == ("nvidia", "nvidia", "huawei")
    assert (hw["bloom-energy-server"]["designer"], str(hw["bloom-energy-server"].source)) \
        == ("bloom-energy", "report:2671-2679")
    assert (pub["kimi-k2-technical-report"]["publisher"], str(pub["kimi-k2-technical-report"].source)) \
        == ("moonshot-ai", "report:3798")  # "<lab>의 <model> 기술 보고서" on the source line
    assert pub["nerc-2025-state-of-reliability-report"]["publisher"] == "nerc"
    assert (sites["tsmc-arizona-fab"]["place"], sites["giga-texas"]["place"], sites["qiddiya-city"]["place"]) \
        == ("arizona", "austin", "saudi-arabia")
    assert (sites["samsung-s2-line"]["place"], str(sites["samsung-s2-line"].source)) == ("austin", "reference")
    assert "ethernet" not in hw and "hbm" not in hw  # generic technologies have no owner


@pytest.mark.parametrize(("file", "row", "message"), [
    ("publishers.tsv", "nvidia\tnvidia\treference\tx", "'nvidia' is a Firm, not a cited source"),
    ("publishers.tsv", "bloomberg\tunited-states\treference\tx", "'united-states' is a Country, not an organisation"),
    ("sites.tsv", "the-vault\tnvidia\treference\tx", "'nvidia' is a Firm, not a region or country"),
    ("sites.tsv", "texas\tunited-states\treference\tx", "'texas' is a Region, not a site, grid or compute cluster"),
    ("sites.tsv", "tsmc-arizona-fab\ttexas\treport:5029\t", "source report:5029 does not name 'texas'"),
    ("hardware.tsv", "nuclear-power\tnvidia\treference\tx", "'nuclear-power' is a PowerTechnology"),
])
def test_a_bad_row_is_an_error_naming_file_and_line(folder, report_path, file, row, message):
    path = folder / file
    text = path.read_text(encoding="utf-8")
    if row.split("\t")[0] + "\t" in text:  # replace the entity's own row, else add one
        text = "\n".join(ln for ln in text.split("\n") if not ln.startswith(row.split("\t")[0] + "\t"))
    path.write_text(text.rstrip("\n") + "\n" + row + "\n", encoding="utf-8")
    line = len(path.read_text(encoding="utf-8").rstrip("\n").split("\n"))
    with pytest.raises(ReferenceError) as err:
        load_reference(folder, report_path.read_text(encoding="utf-8").split("\n"))
    assert str(err.value).startswith(f"reference/{file} line {line}: ")
    assert message in str(err.value)


def _typed(entity: str, cls: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(PFID + entity), ox.NamedNode(RDF.type), ox.NamedNode(PFA[cls]), ox.NamedNode(GRAPH_FACTS))


def _triple(s: str, p: str, o: str) -> ox.Triple:
    return ox.Triple(ox.NamedNode(PFID + s), ox.NamedNode(PFA[p]), ox.NamedNode(PFID + o))


def test_the_layer_links_designer_publisher_and_place_when_both_ends_are_in_the_graph():
    """A site is a place (``partOf`` its region, as the site shape asks); a grid is not (``locatedIn``)."""
    layer = reference_layer([_typed("nvlink-6", "NetworkTechnology"), _typed("nvidia", "Firm"),
                             _typed("kimi-k2-technical-report", "Source"), _typed("moonshot-ai", "AILab"),
                             _typed("tsmc-arizona-fab", "Site"), _typed("arizona", "Region"),
                             _typed("us-power-grid", "Grid"), _typed("paper-dreamgen", "Source")])
    assert {_triple("nvlink-6", "designedBy", "nvidia"),
            _triple("kimi-k2-technical-report", "publisherOrganization", "moonshot-ai"),
            _triple("paper-dreamgen", "publisherOrganization", "nvidia"),
            _triple("tsmc-arizona-fab", "partOf", "arizona"),  # a site is a place: part of its region
            _triple("us-power-grid", "locatedIn", "united-states")} <= set(layer.triples)
    # a source whose publisher the graph lacks gets no link; its row is listed as not used
    assert not any(t.subject.value.endswith("/nerc-2025-state-of-reliability-report") for t in layer.triples)
    assert any(x["row"].startswith("reference/publishers.tsv:") for x in layer.coverage["rows_not_used"])
