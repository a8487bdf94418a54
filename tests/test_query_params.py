"""Parameters become typed RDF terms (errors name the parameter), and the catalogue loader's header rules."""

from __future__ import annotations

import re
import textwrap

import pyoxigraph as ox
import pytest

from foundation.namespaces import PFID, XSD
from petaflop.params import bind_params, convert_param, infer_param, parse_param_args
from petaflop.query import ParamError
from queries import CatalogueError, UnknownQuery, get, load_catalogue, parse_query_file, suggest


def lit(value: str, dt: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(XSD[dt]))


@pytest.mark.parametrize(
    ("type_", "raw", "term"),
    [
        ("decimal", "12.5", lit("12.5", "decimal")),
        ("decimal", " -3 ", lit("-3", "decimal")),
        ("integer", "+7", lit("7", "integer")),
        ("string", "  spaced  ", ox.Literal("  spaced  ")),
        ("date", "2025", lit("2025", "gYear")),
        ("date", "2025-03", lit("2025-03", "gYearMonth")),
        ("date", "2024-02-29", lit("2024-02-29", "date")),
        ("iri", "pfid:china", ox.NamedNode(PFID + "china")),
        ("iri", "<http://example.org/a>", ox.NamedNode("http://example.org/a")),
        ("iri", "http://example.org/b", ox.NamedNode("http://example.org/b")),
        ("entity", "China", ox.NamedNode(PFID + "china")),
        ("entity", "중국", ox.NamedNode(PFID + "china")),
        ("entity", "pfid:nvidia", ox.NamedNode(PFID + "nvidia")),
        ("entity", f"<{PFID}nvidia>", ox.NamedNode(PFID + "nvidia")),
    ],
)
def test_values_convert_to_typed_terms(type_, raw, term):
    assert convert_param("p", type_, raw) == term


@pytest.mark.parametrize(
    ("type_", "raw", "message"),
    [
        ("decimal", "abc", "--param p: 'abc' is not a decimal"),
        ("decimal", "1e3", "--param p: '1e3' is not a decimal"),
        ("integer", "4.2", "--param p: '4.2' is not an integer"),
        ("date", "2025-02-30", "--param p: '2025-02-30' is not a date (no such day)"),
        ("date", "March", "--param p: 'March' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("date", "2025-13", "--param p: '2025-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("iri", "not an iri", "--param p: 'not an iri' is not an IRI ("),
        ("iri", "<http://x/a b>", "--param p: '<http://x/a b>' is not an IRI ("),
    ],
)
def test_conversion_errors_name_the_parameter(type_, raw, message):
    with pytest.raises(ParamError) as info:
        convert_param("p", type_, raw)
    assert str(info.value).startswith(message)


def test_unknown_entity_lists_close_matches():
    with pytest.raises(ParamError) as info:
        convert_param("chip", "entity", "Nvidai")
    msg = str(info.value)
    assert msg.startswith("--param chip: unknown entity 'Nvidai'; did you mean: nvidia (NVIDIA)")


def test_ids_the_build_created_are_accepted_when_the_store_has_them():
    seen: list[ox.NamedNode] = []

    def exists(iri: ox.NamedNode) -> bool:
        seen.append(iri)
        return iri.value == PFID + "stargate-investors--openai--stargate"

    assert convert_param("e", "entity", "stargate-investors--openai--stargate", exists) == ox.NamedNode(
        PFID + "stargate-investors--openai--stargate")
    with pytest.raises(ParamError, match="unknown entity 'stargate-investors--nobody'"):
        convert_param("e", "entity", "stargate-investors--nobody", exists)
    with pytest.raises(ParamError, match="unknown entity"):
        convert_param("e", "entity", "stargate-investors--openai--stargate")  # no store to ask
    assert seen == [ox.NamedNode(PFID + "stargate-investors--openai--stargate"),
                    ox.NamedNode(PFID + "stargate-investors--nobody")]


@pytest.mark.parametrize(
    ("raw", "term"),
    [
        ("<http://x/a>", ox.NamedNode("http://x/a")),
        ("pfa:GPU", ox.NamedNode("https://petaflop-atlas.org/ontology#GPU")),
        ("12", lit("12", "integer")),
        ("1.5", lit("1.5", "decimal")),
        ("2025-01-02", lit("2025-01-02", "date")),
        ("hello world", ox.Literal("hello world")),
        ("foo:bar", ox.Literal("foo:bar")),  # not a project prefix: a string
    ],
)
def test_ad_hoc_values_are_typed_by_their_form(raw, term):
    assert infer_param("x", raw) == term


def test_ad_hoc_type_can_be_given_in_the_name():
    assert bind_params({"year:date": "2025", "n:string": "12"}) == {
        "year": lit("2025", "gYear"), "n": ox.Literal("12")}
    with pytest.raises(ParamError, match="--param n:number: type 'number' is not one of iri, entity"):
        bind_params({"n:number": "1"})


def test_param_arguments_split_on_the_first_equals_sign():
    assert parse_param_args(["a=1", "b=x=y", "c="]) == {"a": "1", "b": "x=y", "c": ""}
    with pytest.raises(ParamError, match="--param 'novalue': expected NAME=VALUE"):
        parse_param_args(["novalue"])
    with pytest.raises(ParamError, match="--param a: given twice"):
        parse_param_args(["a=1", "a=2"])


# --------------------------------------------------------------------------- the catalogue loader

GOOD = """\
    # id: {id}
    # title: Clusters ranked by power
    # title_ko: 전력 기준 클러스터 순위
    # description: Clusters with a stated power.
    # param: min_mw | decimal | 0 | minimum power in MW
    # param: label | string |  | label filter (empty: all)
    # param: owner | entity |  | the owner
    # view: bar
    PREFIX pfa: <https://petaflop-atlas.org/ontology#>
    SELECT ?c ?mw WHERE {{ ?c pfa:powerCapacityMW ?mw ; pfa:ownedBy ?owner FILTER(?mw >= ?min_mw && ?label = "") }}
    """


def write(folder, name, text):
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_header_is_read_into_a_catalogue_query(tmp_path):
    path = write(tmp_path, "clusters-by-power.rq", GOOD.format(id="clusters-by-power"))
    q = parse_query_file(path)
    assert (q.id, q.title, q.title_ko, q.description, q.view) == (
        "clusters-by-power", "Clusters ranked by power", "전력 기준 클러스터 순위", "Clusters with a stated power.", "bar")
    assert [(p.name, p.type, p.default, p.required) for p in q.params] == [
        ("min_mw", "decimal", "0", False), ("label", "string", "", False), ("owner", "entity", "", True)]
    assert q.sparql == path.read_text(encoding="utf-8") and q.path == path


def test_a_korean_description_is_read_when_given_and_the_english_one_stands_in_otherwise(tmp_path):
    plain = parse_query_file(write(tmp_path, "q-plain.rq", GOOD.format(id="q-plain")))
    assert (plain.description_ko, plain.description_in("ko"), plain.title_in("ko"), plain.title_in("en")) == (
        "", "Clusters with a stated power.", "전력 기준 클러스터 순위", "Clusters ranked by power")
    text = GOOD.format(id="q-ko").replace("# description: Clusters with a stated power.\n",
                                          "# description: Clusters with a stated power.\n"
                                          "    # description_ko: 전력이 밝혀진 클러스터\n")
    q = parse_query_file(write(tmp_path, "q-ko.rq", text))
    assert (q.description_ko, q.description_in("ko"), q.description_in("en")) == (
        "전력이 밝혀진 클러스터", "전력이 밝혀진 클러스터", "Clusters with a stated power.")
    twice = text.replace("    # view: bar\n", "    # description_ko: 두 번째\n    # view: bar\n")
    with pytest.raises(CatalogueError, match="line 9: 'description_ko' is given twice \\(first on line 5\\)"):
        parse_query_file(write(tmp_path, "q-ko.rq", twice))


def test_every_catalogue_query_says_what_it_answers_in_korean_too():
    """The Korean pages show the catalogue in Korean: every query has a Korean title and description."""
    hangul = re.compile(r"[\uac00-\ud7a3]")
    missing = [q.id for q in load_catalogue() if not (hangul.search(q.title_ko) and hangul.search(q.description_ko))]
    assert missing == []


def test_binding_uses_header_types_and_defaults(tmp_path):
    q = parse_query_file(write(tmp_path, "clusters-by-power.rq", GOOD.format(id="clusters-by-power")))
    assert bind_params({"owner": "xAI"}, q) == {
        "min_mw": lit("0", "decimal"), "label": ox.Literal(""), "owner": ox.NamedNode(PFID + "xai")}
    with pytest.raises(ParamError, match=r"--param owner: required \(entity: the owner\)"):
        bind_params({}, q)
    with pytest.raises(ParamError, match=r"--param chip: query 'clusters-by-power' has no such parameter "
                                         r"\(parameters: min_mw, label, owner\)"):
        bind_params({"chip": "x", "owner": "xAI"}, q)
    with pytest.raises(ParamError, match="--param min_mw:integer: min_mw is a decimal parameter"):
        bind_params({"min_mw:integer": "1", "owner": "xAI"}, q)
    with pytest.raises(ParamError, match="--param min_mw: 'lots' is not a decimal"):
        bind_params({"min_mw": "lots", "owner": "xAI"}, q)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace("# title_ko: 전력 기준 클러스터 순위\n", ""), "line 1: header lacks '# title_ko: …'"),
        (lambda t: t.replace("# id: q-one", "# id: q-two"), "line 1: id 'q-two' differs from the file name 'q-one.rq'"),
        (lambda t: t.replace("# id: q-one", "# id: Q_One"), "line 1: id 'Q_One' must be lower-case words joined by '-'"),
        (lambda t: t.replace("| decimal |", "| decimals |"),
         "line 5: param 'min_mw': type 'decimals' is not one of iri, entity, string, decimal, integer, date "
         "(did you mean 'decimal'?)"),
        (lambda t: t.replace("# view: bar", "# view: pie"), "line 8: view 'pie' is not one of table, bar, graph, map, timeline"),
        (lambda t: t.replace("# view: bar", "# view: bar\n# title: again"), "line 9: 'title' is given twice (first on line 2)"),
        (lambda t: t.replace("?owner FILTER", "?who FILTER"), "line 1: parameter 'owner' does not occur in the query as ?owner"),
        (lambda t: t.replace("min_mw | decimal | 0 | minimum power in MW", "min_mw | decimal"),
         "line 5: param needs 'name | type | default | description'"),
        (lambda t: t.replace("SELECT ?c ?mw WHERE", "DELETE WHERE"), "line 1: the file holds no SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE)"),
    ],
)
def test_header_errors_name_file_and_line(tmp_path, edit, message):
    path = write(tmp_path, "q-one.rq", edit(textwrap.dedent(GOOD.format(id="q-one"))))
    with pytest.raises(CatalogueError) as info:
        parse_query_file(path)
    assert str(info.value) == f"{path}: {message}"


def test_catalogue_is_sorted_and_unknown_ids_get_suggestions(tmp_path):
    for qid in ("power-b", "clusters-by-power", "clusters-by-chips"):
        write(tmp_path, f"{qid}.rq", GOOD.format(id=qid))
    assert [q.id for q in load_catalogue(tmp_path)] == ["clusters-by-chips", "clusters-by-power", "power-b"]
    assert get("power-b", tmp_path).id == "power-b"
    assert suggest("clusters-by-powr", directory=tmp_path) == ["clusters-by-power", "clusters-by-chips"]
    assert suggest("power", directory=tmp_path) == ["power-b", "clusters-by-power"]
    with pytest.raises(UnknownQuery) as info:
        get("clusters", tmp_path)
    assert str(info.value) == ("unknown query 'clusters'; did you mean: clusters-by-power, clusters-by-chips? "
                               "(`petaflop query --help` lists the catalogue)")
