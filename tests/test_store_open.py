"""``petaflop query`` answers from the built store, read-only, and refuses a store older than its inputs.

One real build of a copy of the report into a temporary folder; then the query runs from its
``store/`` (the manifest names it current), is refused in one line once the report copy changes
(exit 1, no traceback), and answers again after ``--rebuild``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pyoxigraph as ox
import pytest

from petaflop.build import run_build
from petaflop.manifest import read_manifest, staleness
from petaflop.store_open import StoreStale, built_store_dir, open_built_store, query_store

CHINA = ("PREFIX pfid: <https://petaflop-atlas.org/id/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
         "SELECT DISTINCT ?l WHERE { pfid:china rdfs:label ?l } ORDER BY ?l")


def petaflop(*args):
    env = {**os.environ, "COLUMNS": "250"}
    return subprocess.run([sys.executable, "-m", "petaflop.cli", *args], capture_output=True, text=True,
                          timeout=300, env=env, check=False)


@pytest.fixture(scope="module")
def build_copy(tmp_path_factory, report_path):
    """A build of a copy of the report (no HermiT): the folder and the copy."""
    root = tmp_path_factory.mktemp("speed_build")
    report = root / "report.txt"
    shutil.copyfile(report_path, report)
    out = root / "build"
    run_build(str(report), out_dir=out, check_consistency=False, write_store=True)
    return out, report


@pytest.mark.slow
def test_query_answers_from_the_current_store_then_refuses_a_changed_report(build_copy):
    out, report = build_copy
    nq = out / "atlas.nq"
    manifest = read_manifest(out)
    assert manifest is not None and staleness(manifest) == ""
    assert manifest.report == str(report.resolve())
    assert "petaflop/build.py" in manifest.doc["inputs"] and "ontology/shapes.ttl" in manifest.doc["inputs"]
    assert built_store_dir(nq) == out / "store"

    store = query_store(nq)
    assert store._store_dir == out / "store"  # the sandbox opens the store, not the N-Quads
    rows = store.run(CHINA).rows
    assert [r[0].value for r in rows] == ["China", "중국"]
    read_only = open_built_store(nq)
    assert len(read_only) == sum(1 for _ in ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS))

    ok = petaflop("query", "--sparql", CHINA, "--data", str(nq), "-f", "csv")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.splitlines() == ["l", "China", "중국"]

    with report.open("a", encoding="utf-8") as fh:
        fh.write("\n한 줄 더.\n")
    with pytest.raises(StoreStale, match=r"report .*report\.txt changed"):
        built_store_dir(nq)
    stale = petaflop("query", "--sparql", CHINA, "--data", str(nq))
    assert stale.returncode == 1
    assert "Traceback" not in stale.stderr and stale.stdout == ""
    message = " ".join(stale.stderr.split())
    assert message.startswith("error: the store in ")
    assert f"out of date (the report {report.resolve()} changed): run `petaflop build --out {out}`" in message
    assert len(stale.stderr.strip().splitlines()) == 1

    again = petaflop("query", "--sparql", CHINA, "--data", str(nq), "-f", "csv", "--rebuild")
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == ["l", "China", "중국"]
    assert "rebuilding" in again.stderr
    assert staleness(read_manifest(out)) == ""


def test_a_changed_graph_file_or_a_missing_manifest_is_stale(tmp_path):
    """Without a full build: a store and a manifest written by hand, then the graph file rewritten."""
    from petaflop.manifest import sha256_file, write_manifest
    from petaflop.store import write_disk_store

    nq = tmp_path / "atlas.nq"
    nq.write_text('<http://x/a> <http://x/p> "1" <https://petaflop-atlas.org/graph/facts> .\n', encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text("보고서\n", encoding="utf-8")
    with pytest.raises(StoreStale, match="cannot be checked"):
        built_store_dir(nq)
    assert built_store_dir(nq, require_manifest=False) is None  # a plain N-Quads file: loaded as before
    write_disk_store(nq, tmp_path / "store")
    write_manifest(tmp_path, nq, sha256_file(nq), report, tmp_path / "store", {"hermit": False})
    assert built_store_dir(nq) == tmp_path / "store"
    assert query_store(nq).run("SELECT ?o WHERE { ?s ?p ?o }").rows[0][0] == ox.Literal("1")

    os.utime(nq, ns=(0, 0))  # touched, same content: still current
    assert built_store_dir(nq) == tmp_path / "store"
    nq.write_text('<http://x/a> <http://x/p> "2" <https://petaflop-atlas.org/graph/facts> .\n', encoding="utf-8")
    with pytest.raises(StoreStale, match=r"atlas\.nq was rewritten after the store was built"):
        built_store_dir(nq)
    shutil.rmtree(tmp_path / "store")
    with pytest.raises(StoreStale, match=r"store .* is missing"):
        built_store_dir(nq)
