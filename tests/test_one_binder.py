"""One parameter binder (issue 14): the same ``--param`` gives the same rows in ``petaflop query``,
``petaflop export --query`` and the app's console, and the same one-line error when it is bad.

All three bind through :func:`petaflop.params.bind_params`; the rows are the report graph's."""

from __future__ import annotations

import json

import pytest

import queries
from foundation.namespaces import PFID
from petaflop import export as ex
from petaflop.app import console
from petaflop.app.backend import EmbeddedBackend
from petaflop.cli import app

CASES = [
    # a date parameter given as a year (export --query refused it before: "not a date")
    ("chip-roadmap", {"since": "2025"}, "https://petaflop-atlas.org/id/nvidia-b300-ultra"),
    # an entity parameter given by its Korean name
    ("entity-outgoing-links", {"entity": "엔비디아"}, None),
    # a decimal parameter
    ("clusters-by-power", {"min_mw": "1000"}, None),
]


@pytest.fixture(scope="module")
def backend(built_graph):
    return EmbeddedBackend.from_file(built_graph)


@pytest.fixture(scope="module")
def store(built_graph):
    return ex.open_store(built_graph)


def _args(params: dict[str, str]) -> list[str]:
    return [a for k, v in params.items() for a in ("--param", f"{k}={v}")]


def cli_rows(cli, built_graph, qid: str, params: dict[str, str]) -> list[dict]:
    res = cli.invoke(app, ["query", qid, *_args(params), "--data", str(built_graph), "--format", "json",
                           "--limit", "0"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)["results"]["bindings"]


def console_rows(backend, atlas_subjects, qid: str, params: dict[str, str]) -> list[dict]:
    q = queries.get(qid)
    bound, error = console.bind_params(q, params, atlas_subjects)
    assert error == ""
    result = console.run(backend, q.sparql, bound, timeout_s=60, row_limit=100_000)
    assert result.ok, result.error
    return json.loads(console.to_json(result))["results"]["bindings"]


def export_seeds(store, qid: str, params: dict[str, str]) -> set[str]:
    raw = ex.parse_param_args([f"{k}={v}" for k, v in params.items()])  # as `petaflop export --param` reads them
    sub = ex.select(ex.Selection(query=qid, query_params=raw, hops=0, provenance=False), store)
    return {s.value for s in sub.seeds}


@pytest.mark.parametrize(("qid", "params", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_same_parameter_gives_the_same_rows_everywhere(cli, built_graph, backend, store, qid, params, expected):
    from petaflop.query import EmbeddedStore

    exists = EmbeddedStore(built_graph).has_subject
    rows = cli_rows(cli, built_graph, qid, params)
    assert rows, f"{qid} {params}: no rows on the report graph"
    assert console_rows(backend, exists, qid, params) == rows
    objects = {cell["value"] for row in rows for cell in row.values()
               if cell["type"] == "uri" and cell["value"].startswith(PFID)}
    assert export_seeds(store, qid, params) == objects
    if expected:
        assert expected in objects


def test_chip_roadmap_since_2025_holds_only_later_releases(cli, built_graph):
    rows = cli_rows(cli, built_graph, "chip-roadmap", {"since": "2025"})
    years = [row["release"]["value"][:4] for row in rows]
    assert years and min(years) >= "2025" and years == sorted(years)
    release = {row["chip"]["value"].removeprefix(PFID): row["release"]["value"] for row in rows}
    assert release["nvidia-b300-ultra"] == "2025"


def test_a_bad_value_is_the_same_one_line_error_everywhere(cli, built_graph, store):
    message = "--param since: 'yesterday' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    res = cli.invoke(app, ["query", "chip-roadmap", "--param", "since=yesterday", "--data", str(built_graph)])
    assert res.exit_code == 1 and message in " ".join(res.output.split())
    with pytest.raises(ex.BadParameter) as err:
        export_seeds(store, "chip-roadmap", {"since": "yesterday"})
    assert str(err.value) == message
    _bound, error = console.bind_params(queries.get("chip-roadmap"), {"since": "yesterday"})
    assert error == message
