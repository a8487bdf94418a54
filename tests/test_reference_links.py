"""Reference rows that link things the report names and takes for granted (issue 16, connectivity):
the authority that issued a named policy or law and the host of a named programme or event
(issuers.tsv), the parties a partnership is named by (blocs.tsv), where a national laboratory's
supercomputer stands (sites.tsv), the foundry behind a process node (makers.tsv) and the continent a
macro-region lies in (regions.tsv)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from foundation.namespaces import GRAPH_FACTS, PFA, PFID, RDF
from petaflop.extract.gazetteer import Gazetteer
from petaflop.reference import ReferenceError, load_reference
from petaflop.reference_graph import reference_layer


@pytest.fixture(scope="module")
def lines(report_path):
    return report_path.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def ref(lines):
    return load_reference(report_lines=lines)


def _typed(entity: str, cls: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(PFID + entity), ox.NamedNode(RDF.type), ox.NamedNode(PFA[cls]), ox.NamedNode(GRAPH_FACTS))


def _triple(s: str, p: str, o: str) -> ox.Triple:
    return ox.Triple(ox.NamedNode(PFID + s), ox.NamedNode(PFA[p]), ox.NamedNode(PFID + o))


def test_rows_for_policies_partnerships_clusters_and_process_nodes(ref):
    issuers = {r["id"]: r for r in ref.of("issuers.tsv")}
    # "바이든 행정부 시절의 'AI 안전 행정명령'" (line 2740): cited, as the report has it
    assert (issuers["biden-ai-executive-order"]["issuer"], issuers["biden-ai-executive-order"]["link"],
            str(issuers["biden-ai-executive-order"].source)) == ("biden-administration", "issuedBy", "report:2740")
    assert (issuers["china-personal-information-protection-law"]["issuer"], issuers["openai-devday"]["link"]) \
        == ("china", "sponsoredBy")
    parties = {(r["bloc"], r["member"]) for r in ref.of("blocs.tsv")}
    assert {("palantirteletracking-partnership", "teletracking"), ("palantirteletracking-partnership", "palantir"),
            ("samsungpalantir-semiconductor-partnership", "samsung-electronics-device-solutions")} <= parties
    sites = {r["id"]: r["place"] for r in ref.of("sites.tsv")}
    assert (sites["oak-ridge-frontier"], sites["sunway-oceanlight"]) == ("tennessee", "china")
    makers = {r["id"]: r["developer"] for r in ref.of("makers.tsv")}
    assert (makers["tsmc-n3p"], makers["smic-n-2"], makers["intel-18a"], makers["yuanbao"]) \
        == ("tsmc", "smic", "intel", "tencent")
    nodes = {e.id for e in Gazetteer.load() if e.type == "ProcessNode"}
    assert nodes and all(makers.get(n) for n in nodes)  # every process node has its foundry
    regions = {r["id"]: r for r in ref.of("regions.tsv")}
    assert (regions["north-africa"]["country"], regions["north-africa"]["part_of"]) == ("", "africa")


def test_the_layer_links_issuer_host_parties_cluster_node_and_macro_region():
    layer = reference_layer([
        _typed("biden-ai-executive-order", "Policy"), _typed("biden-administration", "GovernmentBody"),
        _typed("openai-devday", "Event"), _typed("openai", "AILab"),
        _typed("palantirteletracking-partnership", "Partnership"), _typed("palantir", "Firm"),
        _typed("teletracking", "Firm"), _typed("oak-ridge-summit", "ComputeCluster"), _typed("tennessee", "Region"),
        _typed("tsmc-n2", "ProcessNode"), _typed("tsmc", "Firm"),
        _typed("north-africa", "Region"), _typed("africa", "Region")])
    assert {_triple("biden-ai-executive-order", "issuedBy", "biden-administration"),
            _triple("openai-devday", "sponsoredBy", "openai"),
            _triple("palantirteletracking-partnership", "hasParty", "palantir"),
            _triple("palantirteletracking-partnership", "hasParty", "teletracking"),
            _triple("oak-ridge-summit", "locatedIn", "tennessee"),  # a cluster is not a place: it lies in one
            _triple("tsmc-n2", "developedBy", "tsmc"),
            _triple("north-africa", "partOf", "africa")} <= set(layer.triples)
    # a partnership's parties are not members of it (memberOf is for blocs)
    assert not any(t.predicate.value == PFA["memberOf"] and "partnership" in t.object.value for t in layer.triples)


def test_rows_for_brics_arm_and_the_action_plans_chip_tracking(ref):
    """Wave 35: a bloc's founding members, the firm behind the Arm architecture and the issuer of the
    chip-tracking duty in the Trump column of the policy table (lines 2751-2758)."""
    members = {r["member"] for r in ref.of("blocs.tsv") if r["bloc"] == "brics"}
    assert members == {"china", "india", "russia"}
    designers = {r["id"]: r["designer"] for r in ref.of("hardware.tsv")}
    assert designers["arm"] == "arm-holdings"
    countries = {r["id"]: r["country"] for r in ref.of("organisations.tsv")}
    parents = {r["id"]: (r["parent"], r["link"]) for r in ref.of("parents.tsv")}
    assert (countries["arm-holdings"], parents["arm-holdings"]) == ("GB", ("softbank", "ownedBy"))
    issuers = {r["id"]: r for r in ref.of("issuers.tsv")}
    row = issuers["chip-location-verification-requirement"]
    assert (row["issuer"], row["link"], str(row.source)) == ("trump-administration", "issuedBy", "report:2751-2758")


def test_the_layer_links_brics_members_arm_and_chip_tracking():
    layer = reference_layer([
        _typed("brics", "Alliance"), _typed("india", "Country"), _typed("china", "Country"),
        _typed("arm", "ChipArchitecture"), _typed("softbank", "Firm"),
        _typed("chip-location-verification-requirement", "Policy"),
        _typed("trump-administration", "GovernmentBody")])
    assert {_triple("india", "memberOf", "brics"), _triple("china", "memberOf", "brics"),
            _triple("arm", "designedBy", "arm-holdings"), _triple("arm-holdings", "ownedBy", "softbank"),
            _triple("chip-location-verification-requirement", "issuedBy", "trump-administration")} \
        <= set(layer.triples)


@pytest.mark.parametrize(("file", "row", "message"), [
    ("issuers.tsv", "openai-devday\topenai\tissuedBy\treference\tx", "an event is sponsoredBy its host"),
    ("issuers.tsv", "silicon-diplomacy\ttrump-administration\tenacts\treport:2797\t", "link 'enacts' is not one of"),
    ("issuers.tsv", "nvidia\tunited-states\tissuedBy\treference\tx", "'nvidia' is a Firm, not a policy, law"),
    ("issuers.tsv", "belt-and-road-initiative\tchina\tissuedBy\treport:2751\t", "source report:2751 does not name"),
    ("regions.tsv", "north-africa\t\ttexas\t\treference\tx", "part_of 'texas' is not in no country"),
    ("blocs.tsv", "palantirteletracking-partnership\tunited-states\treference\tx", "mixes countries and organisations"),
])
def test_a_bad_row_is_an_error(folder, lines, file, row, message):
    path = folder / file
    text = path.read_text(encoding="utf-8")
    key = row.split("\t")[0] + "\t" if file != "blocs.tsv" else "\n"  # a bloc row is added, any other replaced
    kept = [ln for ln in text.rstrip("\n").split("\n") if file == "blocs.tsv" or not ln.startswith(key)]
    path.write_text("\n".join(kept) + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ReferenceError) as err:
        load_reference(folder, lines)
    assert str(err.value).startswith(f"reference/{file} line {len(kept) + 1}: ")
    assert message in str(err.value)
