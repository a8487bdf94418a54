"""The reference layer: strict loading of reference/*.tsv, the pfg:reference quads and their
provenance, conflicts with the report, coverage, and the build with and without the layer."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from foundation.namespaces import (
    GRAPH_FACTS,
    GRAPH_PROVENANCE,
    GRAPH_REFERENCE,
    PFA,
    PFID,
    RDF,
    sparql_prefixes,
)
from petaflop.extract.gazetteer import Gazetteer
from petaflop.reference import COLUMNS, ORG_TYPES, ReferenceError, load_reference
from petaflop.reference_graph import reference_layer, reference_quads

FACTS, PROV = ox.NamedNode(GRAPH_FACTS), ox.NamedNode(GRAPH_PROVENANCE)


@pytest.fixture(scope="module")
def report_lines(report_path):
    return report_path.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def ref(report_lines):
    return load_reference(report_lines=report_lines)


def rows_of(ref, file: str, key: str = "id") -> dict:
    return {r[key]: r for r in ref.of(file)}


# --------------------------------------------------------------------------- the data


def test_every_file_loads_and_every_cited_line_names_both_ends(ref):
    # load_reference checks each report:<line> against the report text (both ends named there)
    counts = {f: len(rows) for f, rows in ref.rows.items()}
    assert set(counts) == set(COLUMNS)
    assert counts["countries.tsv"] == 30 and counts["regions.tsv"] == 43
    assert counts["publishers.tsv"] == 8 and counts["sites.tsv"] == 12 and counts["issuers.tsv"] == 8
    assert counts["organisations.tsv"] == 310 and counts["hardware.tsv"] == 133 and counts["makers.tsv"] == 243
    sources = [r.source.kind for rows in ref.rows.values() for r in rows]
    assert sources.count("report") >= 180


def test_every_gazetteer_organisation_chip_region_and_country_has_a_row(ref):
    gaz = Gazetteer.load()
    expect = {
        "organisations.tsv": {e.id for e in gaz if e.type in ORG_TYPES},
        "hardware.tsv": {e.id for e in gaz if e.type in {"Chip", "GPU", "ASIC", "CPU", "System", "ChipArchitecture"}},
        "regions.tsv": {e.id for e in gaz if e.type == "Region"},
        "makers.tsv": {e.id for e in gaz if e.type in {"AIModel", "AIProduct", "SoftwarePlatform", "ProcessNode"}},
    }
    for file, ids in expect.items():  # a new gazetteer entity needs its row (or an empty value and the reason)
        assert ids - set(rows_of(ref, file)) == set(), f"add rows to reference/{file}"
    assert {e.id for e in gaz if e.type == "Country"} <= set(rows_of(ref, "countries.tsv"))


def test_countries_carry_iso_codes_and_both_names(ref):
    countries = rows_of(ref, "countries.tsv")
    assert [(countries[c]["code"], countries[c]["name_ko"]) for c in ("south-korea", "taiwan", "united-arab-emirates")] \
        == [("KR", "한국"), ("TW", "대만"), ("AE", "아랍에미리트")]
    assert countries["israel"]["name_ko"] == "이스라엘"  # not in the gazetteer: the Korean ISO name from pycountry
    assert ref.country_by_code["GB"] == "united-kingdom"


def test_known_identities(ref):
    orgs, parents, hw = rows_of(ref, "organisations.tsv"), rows_of(ref, "parents.tsv"), rows_of(ref, "hardware.tsv")
    assert (orgs["g42"]["country"], str(orgs["g42"].source)) == ("AE", "report:2855")  # "UAE의 AI 업체인 G42"
    assert (orgs["huawei"]["country"], str(orgs["huawei"].source)) == ("CN", "report:2929")
    assert (orgs["mgx"]["country"], orgs["tsmc"]["country"], orgs["accenture"]["country"]) == ("AE", "TW", "IE")
    assert (parents["amazon-web-services"]["parent"], parents["amazon-web-services"]["link"]) == ("amazon", "ownedBy")
    assert parents["google-deepmind"]["parent"] == "google"
    assert (parents["accenture-federal-services"]["parent"], str(parents["accenture-federal-services"].source)) \
        == ("accenture", "report:5688")
    assert (parents["bureau-of-industry-and-security"]["parent"], parents["bureau-of-industry-and-security"]["link"]) \
        == ("us-department-of-commerce", "partOf")
    assert (hw["nvidia-h20"]["designer"], str(hw["nvidia-h20"].source)) == ("nvidia", "report:2909")
    assert hw["huawei-ascend-910c"]["designer"] == "huawei"
    assert hw["tesla-hw1"]["designer"] == "" and "Mobileye" in hw["tesla-hw1"].source.justification
    makers = rows_of(ref, "makers.tsv")
    assert (makers["gpt-5"]["developer"], str(makers["gpt-5"].source)) == ("openai", "reference")
    assert (makers["cuda"]["developer"], makers["pytorch"]["developer"], makers["rocm"]["developer"]) == ("nvidia", "meta", "amd")
    # the report's own table of Chinese AI services names each one's developer: cited, as the report has it
    assert (makers["qingyan"]["developer"], str(makers["qingyan"].source)) == ("listenai", "report:3784")
    assert makers["vllm"]["developer"] == "" and "Berkeley" in makers["vllm"].source.justification
    blocs = {(r["bloc"], r["member"]) for r in ref.of("blocs.tsv")}
    assert {("usmiddle-east-petaflops-alliance", m) for m in ("united-states", "united-arab-emirates", "saudi-arabia")} <= blocs
    assert {("us-export-control-targets", "china"), ("us-export-control-targets", "russia")} <= blocs


# --------------------------------------------------------------------------- bad input


def edit(folder, file: str, old: str, new: str) -> int:
    """Replace the first line starting with ``old``; return its line number (1-based)."""
    lines = (folder / file).read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith(old))
    lines[number] = new
    (folder / file).write_text("\n".join(lines), encoding="utf-8")
    return number + 1


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("organisations.tsv", "g42\t", "g42\tXX\treference\tbad", "unknown ISO 3166-1 alpha-2 code 'XX'"),
    ("organisations.tsv", "g42\t", "g42\tUnited Arab Emirates\treference\tbad", "is not an ISO 3166-1 alpha-2 code"),
    ("organisations.tsv", "g42\t", "g42\tBR\treference\tBrazil", "country BR has no row in reference/countries.tsv"),
    ("countries.tsv", "qatar\t", "qatar\tZQ\tQatar\t카타르\treference\tx", "unknown ISO 3166-1 alpha-2 code 'ZQ'"),
    ("countries.tsv", "qatar\t", "qatar\tQA\tAtlantis\t카타르\treference\tx", "unknown country name 'Atlantis'"),
    ("countries.tsv", "israel\t", "israel\tIL\tFrance\t이스라엘\treference\tx", "country name 'France' is ISO FR"),
    ("regions.tsv", "texas\t", "texas\tUS\t\tDE-BY\treference\tx", "'DE-BY' is not an ISO 3166-2 subdivision of US"),
    ("organisations.tsv", "huawei\t", "huaweii\tCN\treference\tx", "unknown entity id 'huaweii'; did you mean huawei"),
    ("organisations.tsv", "g42\t", "g42\tAE\treport:abc\t", "bad source 'report:abc'"),
    ("organisations.tsv", "g42\t", "g42\tAE\treport:999999\t", "past the report's last line"),
    ("organisations.tsv", "g42\t", "g42\tAE\treport:1\t", "source report:1 does not name 'g42'"),
    ("organisations.tsv", "g42\t", "g42\tAE\treference\t", "needs a justification"),
    ("organisations.tsv", "g42\t", "g42\tAE\treference\t아랍에미리트 기업", "justification must be English"),
    ("organisations.tsv", "g42\t", "g42\t\treference\t", "source 'reference' on a row without a value"),
    ("hardware.tsv", "nvidia-h20\t", "nvidia-h20\tunited-states\treference\tx", "'united-states' is a Country, not an organisation"),
    ("parents.tsv", "github\t", "github\tmicrosoft\towns\treport:1559\t", "link 'owns' is not one of ownedBy, partOf"),
    ("blocs.tsv", "musk-ecosystem\tspacex", "musk-ecosystem\tunited-states\treference\tx", "mixes countries and organisations"),
])
def test_a_bad_row_is_an_error_naming_file_and_line(folder, report_lines, file, old, new, message):
    line = edit(folder, file, old, new)
    with pytest.raises(ReferenceError) as err:
        load_reference(folder, report_lines)
    assert str(err.value).startswith(f"reference/{file} line {line}: ")
    assert message in str(err.value)


def test_unknown_and_missing_columns_are_errors_on_line_1(folder):
    edit(folder, "hardware.tsv", "id\t", "id\tdesigner\tsource\tjustification\tcountry")
    with pytest.raises(ReferenceError, match=r"^reference/hardware.tsv line 1: unknown column 'country'"):
        load_reference(folder)
    edit(folder, "hardware.tsv", "id\t", "id\tdesigner\tsource")
    with pytest.raises(ReferenceError, match=r"^reference/hardware.tsv line 1: missing column 'justification'"):
        load_reference(folder)


def test_a_parent_cycle_is_an_error(folder):
    with (folder / "parents.tsv").open("a", encoding="utf-8") as f:
        f.write("amazon\tamazon-web-services\townedBy\treference\tcycle\n")
    with pytest.raises(ReferenceError, match="would be its own parent"):
        load_reference(folder)


# --------------------------------------------------------------------------- quads, provenance, conflicts


def test_every_reference_triple_has_a_reference_statement(ref):
    emitted = reference_quads(ref)
    store = ox.Store()
    store.extend(emitted.quads)
    rows = store.query(sparql_prefixes() + """
        SELECT (COUNT(*) AS ?n) (SUM(IF(BOUND(?st), 1, 0)) AS ?traced) WHERE {
          GRAPH pfg:reference { ?s ?p ?o }
          OPTIONAL { SELECT ?s ?p ?o (SAMPLE(?x) AS ?st) WHERE { GRAPH pfg:provenance {
            ?x rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; pfa:extractionRule "reference" ; dct:source ?row } }
            GROUP BY ?s ?p ?o }
        }""")
    n, traced = next(iter(rows))
    assert int(n.value) == int(traced.value) > 600
    g42 = ox.Triple(ox.NamedNode(PFID + "g42"), ox.NamedNode(PFA.headquarteredIn), ox.NamedNode(PFID + "united-arab-emirates"))
    stmt = emitted.statements[g42][0]
    loc = next(q.object for q in emitted.quads if q.subject == stmt and q.predicate.value.endswith("wasDerivedFrom"))
    assert loc.value.endswith("/report/L2855")
    tsmc = ox.Triple(ox.NamedNode(PFID + "tsmc"), ox.NamedNode(PFA.headquarteredIn), ox.NamedNode(PFID + "taiwan"))
    comments = [q.object.value for q in emitted.quads if q.subject == emitted.statements[tsmc][0]
                and q.predicate.value.endswith("#comment")]
    assert comments == ["headquartered in Hsinchu"]


def _fact(s: str, p: str, o: str) -> list[ox.Quad]:
    t = (ox.NamedNode(PFID + s), ox.NamedNode(PFA[p]), ox.NamedNode(PFID + o))
    stmt = ox.NamedNode(f"https://petaflop-atlas.org/statement/test-{s}-{p}")
    return [ox.Quad(*t, FACTS),
            ox.Quad(stmt, ox.NamedNode(RDF.subject), t[0], PROV), ox.Quad(stmt, ox.NamedNode(RDF.predicate), t[1], PROV),
            ox.Quad(stmt, ox.NamedNode(RDF.object), t[2], PROV),
            ox.Quad(stmt, ox.NamedNode(PFA.extractionRule), ox.Literal("relation:test"), PROV)]


def _typed(entity: str, cls: str) -> ox.Quad:
    return ox.Quad(ox.NamedNode(PFID + entity), ox.NamedNode(RDF.type), ox.NamedNode(PFA[cls]), FACTS)


def test_a_disagreement_with_the_report_keeps_both_and_links_their_statements():
    asserted = [_typed("nvidia", "Firm"), _typed("taiwan", "Country"), _typed("oracle", "Firm"), _typed("texas", "Region"),
                *_fact("nvidia", "headquarteredIn", "taiwan"), *_fact("oracle", "headquarteredIn", "texas")]
    layer = reference_layer(asserted)
    assert layer.coverage["conflicts"] == [
        {"subject": "nvidia", "property": "headquarteredIn", "report": "taiwan", "reference": "united-states"}]
    links = {(q.subject.value.rsplit("/", 1)[-1], q.object.value.rsplit("/", 1)[-1]) for q in layer.quads
             if q.predicate.value == PFA.conflictsWith}
    ours = next(s for s, o in links if o == "test-nvidia-headquarteredIn")
    assert (("test-nvidia-headquarteredIn", ours) in links) and len(links) == 2
    # Oracle in Texas (report) and in the United States (reference) agree: Texas lies in the US
    nvidia_us = ox.Triple(ox.NamedNode(PFID + "nvidia"), ox.NamedNode(PFA.headquarteredIn), ox.NamedNode(PFID + "united-states"))
    assert nvidia_us in layer.triples


def test_rows_for_entities_the_graph_lacks_are_left_out_and_listed():
    layer = reference_layer([_typed("g42", "Firm")])
    g42 = ox.Triple(ox.NamedNode(PFID + "g42"), ox.NamedNode(PFA.headquarteredIn), ox.NamedNode(PFID + "united-arab-emirates"))
    assert g42 in layer.triples
    subjects = {t.subject.value[len(PFID):] for t in layer.triples}
    assert "nvidia" not in subjects and "united-states" in subjects  # countries are the layer's own objects
    not_used = {x["row"] for x in layer.coverage["rows_not_used"]}
    assert any(r.startswith("reference/organisations.tsv:") for r in not_used)


# --------------------------------------------------------------------------- the build, with and without


@pytest.fixture(scope="module")
def builds(tmp_path_factory, report_path):
    """The report built twice through the CLI: by default (with the layer) and with --no-reference."""
    from typer.testing import CliRunner

    from petaflop.cli import app

    out = {}
    for name, extra in (("with", []), ("without", ["--no-reference"])):
        folder = tmp_path_factory.mktemp(name)
        result = CliRunner().invoke(app, ["build", "--report", str(report_path), "--out", str(folder), "--no-hermit", *extra])
        assert result.exit_code == 0, result.output
        out[name] = folder
    return out


def _graph_lines(path, graph: str) -> list[bytes]:
    return [line for line in path.read_bytes().splitlines() if line.endswith(f"<{graph}> .".encode())]


@pytest.mark.slow
def test_no_reference_leaves_the_graph_out_and_every_report_fact_unchanged(builds):
    with_nq, without_nq = builds["with"] / "atlas.nq", builds["without"] / "atlas.nq"
    assert _graph_lines(without_nq, GRAPH_REFERENCE) == []
    assert len(_graph_lines(with_nq, GRAPH_REFERENCE)) > 600
    facts = _graph_lines(without_nq, GRAPH_FACTS)
    assert len(facts) > 5000 and _graph_lines(with_nq, GRAPH_FACTS) == facts  # byte-identical facts graph
    assert "Not built (`petaflop build --no-reference`)" in (builds["without"] / "coverage.md").read_text(encoding="utf-8")
    assert "## Reference layer (graph pfg:reference)" in (builds["with"] / "coverage.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(builds):
    import json

    store = ox.Store()
    store.bulk_load(path=str(builds["with"] / "atlas.nq"), format=ox.RdfFormat.N_QUADS)
    coverage = json.loads((builds["with"] / "coverage.json").read_text(encoding="utf-8"))["reference"]
    return store, coverage


def ask(store: ox.Store, where: str, select: str = "*") -> set[tuple]:
    rows = store.query(sparql_prefixes() + f"SELECT DISTINCT {select} WHERE {{ {where} }}", use_default_graph_as_union=True)
    names = [v.value for v in rows.variables]
    def short(term):
        return None if term is None else term.value.rsplit("/", 1)[-1] if isinstance(term, ox.NamedNode) else term.value

    return {tuple(short(r[n]) for n in names) for r in rows}


@pytest.mark.slow
def test_every_organisation_has_a_country_or_a_listed_reason(built):
    store, coverage = built
    orgs = {o for (o,) in ask(store, "GRAPH pfg:facts { ?o a ?t } ?t rdfs:subClassOf* pfa:Organization .", "?o")}
    placed = {o for (o,) in ask(store, "?o pfa:headquarteredIn ?c . ?c a pfa:Country .", "?o")}
    listed = {x["id"]: x["reason"] for x in coverage["organisations_without_country"]}
    assert len(orgs) > 250
    assert orgs - placed == set(listed)
    assert all(listed.values())
    assert {"g42", "mgx", "huawei", "tsmc", "uae", "x-3f6fcda959"} <= placed  # x-3f6fcda959: "카타르 국부펀드 등"


@pytest.mark.slow
def test_every_chip_and_system_has_a_designer_or_a_listed_reason(built):
    store, coverage = built
    chips = {c for (c,) in ask(store, "GRAPH pfg:facts { ?c a ?t } VALUES ?t { pfa:Chip pfa:GPU pfa:ASIC pfa:TPU pfa:NPU pfa:CPU pfa:System }", "?c")}
    designed = {c for (c,) in ask(store, "?c pfa:designedBy ?d .", "?c")}
    listed = {x["id"] for x in coverage["chips_without_designer"]}
    assert len(chips) > 90 and chips - designed == listed
    assert listed <= {"tesla-hw1", "tesla-hw2", "ualink-switch"}  # several makers of UALink switches


@pytest.mark.slow
def test_every_model_product_and_software_has_a_developer_or_a_listed_reason(built):
    store, coverage = built
    made = {m for (m,) in ask(store, "GRAPH pfg:facts { ?m a ?t } VALUES ?t { pfa:AIModel pfa:AIProduct pfa:SoftwarePlatform }", "?m")}
    developed = {m for (m,) in ask(store, "?m pfa:developedBy ?d .", "?m")}
    listed = {x["id"]: x["reason"] for x in coverage["products_without_developer"]}
    assert len(made) > 150 and made - developed == set(listed) and all(listed.values())
    assert {"docker", "vllm", "numpy"} <= set(listed) and len(listed) < 30
    assert {("gpt-5", "openai"), ("cuda", "nvidia"), ("llama-4", "meta"), ("chatgpt", "openai")} <= \
        ask(store, "GRAPH pfg:reference { ?m pfa:developedBy ?d }", "?m ?d")


@pytest.mark.slow
def test_subsidiaries_link_to_parents_and_rules_fire_on_reference_data(built):
    store, _ = built
    assert {("amazon-web-services", "amazon"), ("google-deepmind", "google"), ("accenture-federal-services", "accenture"),
            ("github", "microsoft")} <= ask(store, "GRAPH pfg:reference { ?s pfa:ownedBy ?o }", "?s ?o")
    assert ask(store, "pfid:accenture-federal-services a pfa:Firm ; pfa:headquarteredIn ?c ; rdfs:label ?l", "?c ?l") \
        == {("united-states", "Accenture Federal Services"), ("united-states", "엑센추어 연방 서비스")}
    # inferred from the reference layer, kept in pfg:inferred
    assert {("huawei",), ("smic",), ("deepseek",)} <= ask(store, "GRAPH pfg:inferred { ?o a pfa:ChineseOrganization }", "?o")
    assert ("nvidia-h20",) in ask(store, "GRAPH pfg:inferred { ?c a pfa:USDesignedChip }", "?c")
    assert {("united-arab-emirates",), ("saudi-arabia",), ("china",)} <= \
        ask(store, "GRAPH pfg:inferred { ?c a pfa:BlocMemberCountry }", "?c")
    # a city in a state in a country (abilene partOf texas partOf united-states): partOf is transitive
    assert {("abilene", "united-states"), ("shelby-county", "united-states")} <= \
        ask(store, "GRAPH pfg:inferred { ?r pfa:partOf ?c } ?c a pfa:Country", "?r ?c")
    # the statement says "reference", which row, and the report line the row cites
    assert ask(store, """GRAPH pfg:provenance { ?st rdf:subject pfid:g42 ; rdf:predicate pfa:headquarteredIn ;
                           pfa:extractionRule ?rule ; dct:source ?row ; prov:wasDerivedFrom ?loc . ?loc pfa:lineStart ?line }""",
               "?rule ?row ?line") == {("reference", "reference/organisations.tsv:80", "2855")}


def test_another_report_text_uses_the_layer_without_checking_or_pointing_at_its_lines(report_path):
    mini = Path(__file__).parent / "fixtures" / "mini_report.txt"
    layer = reference_layer([_typed("g42", "Firm")], mini)  # 112 lines: report:2855 cannot be checked there
    assert layer.coverage["cites_this_report"] is False
    g42 = [q for q in layer.quads if q.predicate.value == RDF.subject and q.object.value == PFID + "g42"]
    stmt = g42[0].subject
    about = {q.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]: q.object.value for q in layer.quads if q.subject == stmt}
    assert "wasDerivedFrom" not in about and about["comment"] == "cites report:2855 of the reference report"
    assert reference_layer([_typed("g42", "Firm")], report_path).coverage["cites_this_report"] is True
