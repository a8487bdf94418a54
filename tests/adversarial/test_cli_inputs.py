"""Bad values on the command line: one line naming the option, exit 1, never a traceback.

Before: ``query --timeout inf`` and ``push --timeout -1`` were tracebacks, ``--timeout 0`` and
``nan`` were accepted, a ``.rq`` file or ``--data`` that is not UTF-8 / not N-Quads ended in a
traceback or a fragment of a crash dump, ``SERVICE ?x`` was a traceback, and a bad option value
drew Click's box and exited 2 (the code of an environment error).
"""

from __future__ import annotations

import pytest
from conftest import assert_one_line_error, petaflop

SIMPLE = "ASK { ?s ?p ?o }"


@pytest.mark.parametrize(("value", "says"), [
    ("inf", "must be a finite number of seconds"), ("nan", "must be a positive number of seconds"),
    ("0", "must be a positive number of seconds"), ("-1", "must be a positive number of seconds"),
])
def test_query_timeouts(built_graph, value, says):
    proc = petaflop("query", "--sparql", SIMPLE, "--timeout", value, "--data", str(built_graph))
    assert_one_line_error(proc, 1, f"--timeout {value}", says)


@pytest.mark.parametrize("value", ["-1", "0", "nan", "inf"])
def test_push_timeouts(built_graph, value):
    proc = petaflop("push", "--endpoint", "http://127.0.0.1:9/sparql", "--timeout", value, "--data", str(built_graph))
    assert_one_line_error(proc, 1, f"--timeout {value}")


@pytest.mark.parametrize("args", [
    ["query", "--sparql", SIMPLE, "--limit", "lots"],
    ["query", "--sparql"],
    ["serve", "--port", "http"],
    ["export", "--hops", "two"],
    ["no-such-command"],
], ids=["limit", "missing-value", "port", "hops", "command"])
def test_usage_errors_are_one_line_and_exit_1(args):
    assert_one_line_error(petaflop(*args), 1)


def test_a_query_file_that_is_not_utf8(tmp_path, built_graph):
    path = tmp_path / "bad.rq"
    path.write_bytes(b"SELECT ?s\nWHERE { ?s ?p \xff\xfe }")
    proc = petaflop("query", str(path), "--data", str(built_graph))
    assert_one_line_error(proc, 1, f"query file {path}: not UTF-8 text (byte 0xff at line 2, column 15)")


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\x00\x00garbage", "<s> <p> \"é".encode("latin-1") + b" .\n",
                                     b"<http://a> <http://b> \"unterminated\n" * 50],
                         ids=["binary", "latin-1", "truncated"])
def test_a_data_file_that_is_not_a_graph(tmp_path, content):
    path = tmp_path / "graph.nq"
    path.write_bytes(content)
    proc = petaflop("query", "--sparql", SIMPLE, "--data", str(path))
    line = assert_one_line_error(proc, 1, str(path))
    assert len(line) < 400 and "Parser error" in line


def test_data_that_is_a_folder_or_missing(tmp_path):
    assert_one_line_error(petaflop("query", "--sparql", SIMPLE, "--data", str(tmp_path)), 1, "is a folder")
    assert_one_line_error(petaflop("query", "--sparql", SIMPLE, "--data", str(tmp_path / "none.nq")), 1,
                          "no such file")
    assert_one_line_error(petaflop("push", "--endpoint", "http://127.0.0.1:9/x", "--data", str(tmp_path)), 1,
                          "is a folder")


def test_service_to_a_variable_is_one_line(built_graph):
    proc = petaflop("query", "--sparql", "SELECT * { SERVICE ?x { ?s ?p ?o } }", "--data", str(built_graph))
    assert_one_line_error(proc, 1, "SERVICE ?x")


def test_allow_service_takes_host_names():
    proc = petaflop("query", "--sparql", SIMPLE, "--allow-service", "http://evil.example/sparql")
    assert_one_line_error(proc, 1, "give a host name")


@pytest.mark.parametrize(("text", "where"), [
    ("SELECT ?s\nWHERE {\n  ?s ?p\n\n\n}", "line 6, column 1"),  # the "}" where an object belongs, not EOF
    ("SELECT ?x\nWHERE {\n  ?x ?p ?o .\n  OPTIONAL { ?x ?q }\n}\n# a comment\n# another\n", "line 4, column 20"),
    ("SELECT ?x WHERE { ?x ?p ?o } LIMIT many", "line 1, column 36"),
    ('SELECT ?x WHERE { ?x ?p "open }\n\n', "line 1, column 25"),
], ids=["missing-object", "optional", "limit", "string"])
def test_syntax_error_positions_are_exact(built_graph, text, where):
    proc = petaflop("query", "--sparql", text, "--data", str(built_graph))
    assert_one_line_error(proc, 1, f"syntax error at {where}")


def test_no_traceback_from_a_sweep_of_bad_inputs(tmp_path, built_graph):
    png = tmp_path / "x.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    cases = [
        (["parse", "--report", str(tmp_path)], 1),
        (["parse", "--report", str(png)], 1),
        (["coverage", "--report", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "c")], 1),
        (["docs", "--out", ""], 1),
        (["query", "--sparql", SIMPLE, "--format", "xml", "--data", str(built_graph)], 1),
        (["query", "--sparql", SIMPLE, "-p", "novalue", "--data", str(built_graph)], 1),
        (["query", "--sparql", SIMPLE, "--limit", "-5", "--data", str(built_graph)], 1),
        (["query", "no-such-query", "--data", str(built_graph)], 1),
        (["push", "--endpoint", "ftp://example.org/sparql", "--data", str(built_graph)], 1),
        (["push", "--endpoint", "http://127.0.0.1:9/sparql", "--graph", "nope", "--data", str(built_graph)], 1),
        (["serve", "--port", "0"], 1),
        (["serve", "--timeout", "0"], 1),
        (["serve", "--max-queries", "0"], 1),
    ]
    for args, code in cases:
        assert_one_line_error(petaflop(*args), code)
