"""The SPARQL text layer: tokens, query shape, typed-term serialisation, VALUES and projection edits."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from foundation.namespaces import XSD
from queries.sparql import (
    analyse,
    declare_prefixes,
    insert_values,
    project_variables,
    quote_string,
    select_from_ask,
    syntax_message,
    term_to_sparql,
    tokenize,
    values_block,
)

INJECTION = '"} . ?s ?p ?o . FILTER(true) #'


def test_tokens_skip_comments_and_keep_strings_iris_and_variables_whole():
    text = 'PREFIX a: <http://x/#frag>\n# SELECT { in a comment\nSELECT ?x WHERE { ?x a:p "}{ # not a comment" }'
    kinds = [(t.kind, t.text) for t in tokenize(text)]
    assert kinds == [
        ("name", "PREFIX"), ("pname", "a:"), ("iri", "<http://x/#frag>"),
        ("name", "SELECT"), ("var", "?x"), ("name", "WHERE"), ("punct", "{"),
        ("var", "?x"), ("pname", "a:p"), ("string", '"}{ # not a comment"'), ("punct", "}"),
    ]


def test_long_strings_and_numbers_tokenise():
    toks = tokenize("""SELECT * { ?s ?p '''a ' b''' . ?s ?q 1.5e3 . ?s ?r 2. }""")
    assert [t.text for t in toks if t.kind in ("string", "number")] == ["'''a ' b'''", "1.5e3", "2"]


@pytest.mark.parametrize(
    ("text", "form", "keyword"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT", ""),
        ("PREFIX x: <http://x/>\nBASE <http://b/>\nASK { ?s ?p ?o }", "ASK", ""),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT", ""),
        ("describe <http://x/a>", "DESCRIBE", ""),
        ("INSERT DATA { <http://a> <http://b> <http://c> }", "UPDATE", "INSERT"),
        ("PREFIX x: <http://x/> # SELECT\ndelete where { ?s ?p ?o }", "UPDATE", "DELETE"),
        ("LOAD <http://example.org/data.ttl>", "UPDATE", "LOAD"),
        ("CLEAR ALL", "UPDATE", "CLEAR"),
        ("DROP GRAPH <http://g>", "UPDATE", "DROP"),
        ("CREATE GRAPH <http://g>", "UPDATE", "CREATE"),
        ("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "UPDATE", "WITH"),
        ("COPY <http://a> TO <http://b>", "UPDATE", "COPY"),
        ('# INSERT DATA\nSELECT ("DROP" AS ?x) {}', "SELECT", ""),
    ],
)
def test_the_form_is_read_from_tokens_not_substrings(text, form, keyword):
    shape = analyse(text)
    assert (shape.form, shape.update_keyword) == (form, keyword)


def test_shape_of_an_aggregate_select():
    text = "SELECT DISTINCT ?c (SUM(?mw) AS ?total) WHERE { ?c <http://p> ?mw FILTER(?mw > ?min) } GROUP BY ?c"
    shape = analyse(text)
    assert shape.projection == ["c"]
    assert shape.assigned == {"total"}
    assert shape.has_aggregate
    assert text[shape.where_open - 1] == "{"
    assert text[shape.where_close] == "}"
    assert text[: shape.group_by_end].endswith("GROUP BY")
    assert shape.variables == {"c", "mw", "total", "min"}


def test_construct_template_is_skipped_and_short_form_recognised():
    text = "CONSTRUCT { ?s <http://q> ?o } WHERE { ?s <http://p> ?o }"
    shape = analyse(text)
    assert text[shape.where_open:].startswith(" ?s <http://p>")
    assert not shape.where_is_template
    assert analyse("CONSTRUCT WHERE { ?s ?p ?o }").where_is_template


def test_quote_string_uses_only_echar_escapes():
    assert quote_string('a"b\\c\nd\te\rf') == '"a\\"b\\\\c\\nd\\te\\rf"'
    # a backslash-u in the value stays a backslash followed by u: never a \u escape of ours
    assert quote_string("\\u0022") == '"\\\\u0022"'


def test_terms_serialise_typed_and_escaped():
    assert term_to_sparql(ox.NamedNode("https://petaflop-atlas.org/id/china")) == "<https://petaflop-atlas.org/id/china>"
    assert term_to_sparql(ox.Literal("1.5", datatype=ox.NamedNode(XSD.decimal))) == f'"1.5"^^<{XSD}decimal>'
    assert term_to_sparql(ox.Literal("중국", language="ko")) == '"중국"@ko'
    assert term_to_sparql(ox.Literal(INJECTION)) == '"\\"} . ?s ?p ?o . FILTER(true) #"'
    with pytest.raises(ValueError, match="blank node"):
        term_to_sparql(ox.BlankNode("b0"))


def test_values_block_and_its_place_at_the_top_of_the_where_group():
    params = {"min": ox.Literal("3", datatype=ox.NamedNode(XSD.integer)), "name": ox.Literal(INJECTION)}
    block = values_block(params)
    assert block == f'VALUES (?min ?name) {{ ("3"^^<{XSD}integer> "\\"}} . ?s ?p ?o . FILTER(true) #") }}'
    text = "SELECT ?s WHERE { ?s ?p ?v FILTER(?v > ?min && ?v != ?name) } ORDER BY ?s"
    assert insert_values(text, params) == f"SELECT ?s WHERE {{ {block}  ?s ?p ?v FILTER(?v > ?min && ?v != ?name) }} ORDER BY ?s"
    # the result parses as one query (the value did not escape its literal)
    ox.Store().query(insert_values(text, params))


def test_values_go_last_where_the_group_cannot_hold_them():
    p = {"s": ox.NamedNode("http://x/a")}
    assert insert_values("CONSTRUCT WHERE { ?s ?p ?o }", p) == "CONSTRUCT WHERE { ?s ?p ?o }\nVALUES (?s) { (<http://x/a>) }\n"
    assert insert_values("DESCRIBE ?s", p) == "DESCRIBE ?s\nVALUES (?s) { (<http://x/a>) }\n"


def test_projection_and_group_by_gain_the_parameter():
    text = "SELECT ?c (COUNT(?x) AS ?n) WHERE { ?c ?p ?x FILTER(?x > ?min) } GROUP BY ?c"
    out = project_variables(text, ["min"], analyse(text))
    assert out == "SELECT ?c (COUNT(?x) AS ?n) ?min WHERE { ?c ?p ?x FILTER(?x > ?min) } GROUP BY ?min ?c"
    assert project_variables("SELECT ?min WHERE {}", ["min"], analyse("SELECT ?min WHERE {}")) == "SELECT ?min WHERE {}"


def test_ask_becomes_a_select_of_the_parameters():
    text = "ASK { ?s ?p ?min }"
    assert select_from_ask(text, ["min"], analyse(text)) == "SELECT ?min { ?s ?p ?min }"


def test_syntax_message_names_line_and_column():
    text = "SELECT ?x\nWHERE { ?x ?y }"
    with pytest.raises(SyntaxError) as info:
        ox.Store().query(text)
    msg = syntax_message(info.value, text)
    # pyoxigraph reports the furthest position its parser reached: just after the closing brace
    assert msg.startswith("syntax error at line 2, column 16: expected one of ")
    assert msg.endswith("; the line reads: WHERE { ?x ?y }")


def test_prefixes_used_and_declared():
    shape = analyse("PREFIX pfa: <https://petaflop-atlas.org/ontology#>\nSELECT ?c WHERE { ?c a pfa:X ; pfid:y \"a:b\" }")
    assert (shape.prefixes_declared, shape.prefixes_used) == ({"pfa"}, {"pfid"})
    assert declare_prefixes("SELECT * {}\n", {"pfid": "https://petaflop-atlas.org/id/"}) == (
        "PREFIX pfid: <https://petaflop-atlas.org/id/> SELECT * {}\n")


def test_values_reach_the_subqueries_that_project_the_variable():
    text = ("SELECT ?n ?m WHERE {\n"
            "  { SELECT ?e (COUNT(?o) AS ?n) WHERE { ?e ?p ?o } GROUP BY ?e }\n"
            "  { SELECT (COUNT(?e) AS ?m) WHERE { ?e ?q ?z } }\n"
            "  { SELECT * WHERE { ?e ?r ?w } }\n"
            "}")
    out = insert_values(text, {"e": ox.NamedNode("http://example.org/a")})
    block = "VALUES (?e) { (<http://example.org/a>) }"
    assert out.count(block) == 3  # the outer group, the sub-query projecting ?e, the SELECT *
    assert f"WHERE {{ {block} \n  {{ SELECT ?e" in out
    assert "GROUP BY ?e }\n  { SELECT (COUNT(?e) AS ?m) WHERE { ?e ?q ?z } }" in out  # ?e is its own there
    assert f"SELECT * WHERE {{ {block}  ?e ?r ?w }}" in out


def test_values_in_subqueries_give_the_answers_of_substitution():
    store = ox.Store()
    ex = "http://example.org/"
    for s_, o_ in (("a", "x"), ("a", "y"), ("b", "z")):
        store.add(ox.Quad(ox.NamedNode(ex + s_), ox.NamedNode(ex + "p"), ox.NamedNode(ex + o_)))
    text = "SELECT ?e ?n WHERE { { SELECT ?e (COUNT(?o) AS ?n) WHERE { ?e ?p ?o } GROUP BY ?e } }"
    a = ox.NamedNode(ex + "a")
    portable = [(r["e"], r["n"]) for r in store.query(insert_values(text, {"e": a}))]
    bound = [(r["e"], r["n"]) for r in store.query(text, substitutions={ox.Variable("e"): a})]
    assert portable == bound == [(a, ox.Literal("2", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))]


def test_optional_groups_of_plain_patterns_become_lateral_for_oxigraph():
    from queries.sparql import lateral_optionals

    text = ('SELECT * WHERE { ?s ?p ?o OPTIONAL { GRAPH <urn:g> { ?st <urn:s> ?s } ?st <urn:l> ?l '
            'FILTER(?l > 1) } OPTIONAL { ?s <urn:x> ?x BIND(?o AS ?z) } }')
    assert lateral_optionals(text) == (
        'SELECT * WHERE { ?s ?p ?o LATERAL { OPTIONAL { GRAPH <urn:g> { ?st <urn:s> ?s } ?st <urn:l> ?l '
        'FILTER(?l > 1) } } OPTIONAL { ?s <urn:x> ?x BIND(?o AS ?z) } }')
    # the word in a string or a comment is no group; groups whose meaning needs them evaluated alone stay
    kept = ('SELECT * WHERE { ?s <urn:a> "OPTIONAL { ?x }" # OPTIONAL { ?y }\n'
            ' OPTIONAL { ?s <urn:b> ?b OPTIONAL { ?b <urn:c> ?c } }'
            ' OPTIONAL { { SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?q ?r } GROUP BY ?s } }'
            ' OPTIONAL { ?s <urn:d> ?d FILTER NOT EXISTS { ?d <urn:e> ?s } } }')
    out = lateral_optionals(kept)
    assert out.count("LATERAL") == 1 and "LATERAL { OPTIONAL { ?b <urn:c> ?c } }" in out
    assert lateral_optionals(lateral_optionals(text)) == lateral_optionals(text)


def test_a_lateral_optional_keeps_rows_without_a_match_and_binds_per_row():
    from queries.sparql import lateral_optionals

    store = ox.Store()
    a, b, p, q = (ox.NamedNode(f"urn:{n}") for n in ("a", "b", "p", "q"))
    store.add(ox.Quad(a, p, ox.Literal("1")))
    store.add(ox.Quad(b, p, ox.Literal("2")))
    store.add(ox.Quad(a, q, ox.Literal("x")))
    text = "SELECT ?s ?v ?w WHERE { ?s <urn:p> ?v OPTIONAL { ?s <urn:q> ?w FILTER(?v = \"1\") } } ORDER BY ?s"
    rows = [[None if t is None else t.value for t in row] for row in store.query(lateral_optionals(text))]
    assert "LATERAL" in lateral_optionals(text)
    assert rows == [["urn:a", "1", "x"], ["urn:b", "2", None]]


def test_a_grouped_sub_query_joined_on_its_keys_becomes_lateral_and_others_stay():
    from queries.sparql import lateral_optionals

    keyed = ("SELECT ?s ?n WHERE { ?s a <urn:C> OPTIONAL { SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s <urn:p> ?o } "
             "GROUP BY ?s } }")
    assert lateral_optionals(keyed).count("LATERAL") == 1
    # ?o is also used outside: the sub-query's ?o is its own variable, so it must stay as written
    shared = ("SELECT ?s ?n WHERE { ?s <urn:q> ?o OPTIONAL { SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s <urn:p> ?o } "
              "GROUP BY ?s } }")
    assert "LATERAL" not in lateral_optionals(shared)
    limited = ("SELECT ?s ?n WHERE { ?s a <urn:C> OPTIONAL { SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s <urn:p> ?o } "
               "GROUP BY ?s LIMIT 1 } }")
    assert "LATERAL" not in lateral_optionals(limited)
    # a prefix the text does not declare is given as the stores give it; unknown ones leave the text alone
    text = "SELECT * WHERE { ?s a ex:C OPTIONAL { ?s ex:p ?o } }"
    assert lateral_optionals(text) == text
    assert "LATERAL" in lateral_optionals(text, (("ex", "urn:ex#"),))


def test_the_grouped_sub_query_gives_the_same_groups_per_row():
    from queries.sparql import lateral_optionals

    store = ox.Store()
    for s, o in (("a", "1"), ("a", "2"), ("b", "3")):
        store.add(ox.Quad(ox.NamedNode(f"urn:{s}"), ox.NamedNode("urn:p"), ox.Literal(o)))
    for s in ("a", "b", "c"):
        store.add(ox.Quad(ox.NamedNode(f"urn:{s}"), ox.NamedNode("urn:type"), ox.NamedNode("urn:C")))
    text = ("SELECT ?s ?n WHERE { ?s <urn:type> <urn:C> OPTIONAL { SELECT ?s (COUNT(?o) AS ?n) WHERE "
            "{ ?s <urn:p> ?o } GROUP BY ?s } } ORDER BY ?s")
    rows = [[None if t is None else t.value for t in row] for row in store.query(lateral_optionals(text))]
    assert "LATERAL" in lateral_optionals(text)
    assert rows == [["urn:a", "2"], ["urn:b", "1"], ["urn:c", None]]
