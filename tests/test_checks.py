"""SHACL and HermiT as cached checks: run when their inputs change, read back when not, and still failing.

The build (on the small fixture report) and ``petaflop check`` (on graphs made from the shape and
consistency fixtures) — a violation or an inconsistency fails both, from a cold cache and from a
warm one; an unchanged input is not checked twice.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from petaflop import checks
from petaflop.build import BuildFailed, run_build

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini_report.txt"


def petaflop(*args):
    env = {**os.environ, "COLUMNS": "250"}
    return subprocess.run([sys.executable, "-m", "petaflop.cli", *args], capture_output=True, text=True,
                          timeout=300, env=env, check=False)


def _as_built_graph(fixture: str, folder: Path) -> Path:
    """The fixture's triples as the pfg:facts graph of an atlas.nq."""
    facts = ox.NamedNode("https://petaflop-atlas.org/graph/facts")
    graph = rdflib.Graph().parse(FIXTURES / fixture, format="turtle")
    lines = sorted({f"{s.n3()} {p.n3()} {o.n3()} <{facts.value}> .\n" for s, p, o in graph})
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "atlas.nq").write_text("".join(lines), encoding="utf-8")
    return folder / "atlas.nq"


def test_check_lists_the_violations_exits_1_and_does_not_run_twice(tmp_path):
    nq = _as_built_graph("ontology_broken_shapes.ttl", tmp_path / "b")
    first = petaflop("check", "--data", str(nq), "--no-hermit")
    assert first.returncode == 1
    assert "shacl: running" in first.stderr
    assert first.stderr.strip().splitlines()[-1] == f"error: {nq}: 10 SHACL violation(s)"
    assert first.stdout.count("violation: ") == 8  # the distinct ones
    assert "bad-chip memoryBandwidthTBps: memoryBandwidthTBps must be an xsd:decimal in (0, 1000) (TB/s)." \
        in first.stdout.replace("https://petaflop-atlas.org/id/", "").replace(
            "https://petaflop-atlas.org/ontology#", "")
    assert (tmp_path / "b" / "checks" / "shacl.json").is_file()
    second = petaflop("check", "--data", str(nq), "--no-hermit")
    assert second.returncode == 1 and second.stdout == first.stdout
    assert "shacl: inputs unchanged, verdict from" in second.stderr and "running" not in second.stderr
    again = petaflop("check", "--data", str(nq), "--no-hermit", "--rerun")
    assert again.returncode == 1 and "shacl: running" in again.stderr


@pytest.mark.slow
def test_check_runs_hermit_and_fails_on_an_inconsistent_graph(tmp_path):
    nq = _as_built_graph("ontology_inconsistent.ttl", tmp_path / "b")
    proc = petaflop("check", "--data", str(nq))
    assert proc.returncode == 1
    assert "HermiT: inconsistent ontology; culprits: https://petaflop-atlas.org/id/chip-cluster" in proc.stdout
    assert "HermiT: inconsistent" in proc.stderr.strip().splitlines()[-1]
    assert checks.cached(tmp_path / "b", "hermit", checks.check_key("hermit", checks.graph_triples(nq)))[
        "consistent"] is False


def test_the_key_changes_with_the_triples_and_not_with_their_order():
    a = ox.Triple(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("1"))
    b = ox.Triple(ox.NamedNode("http://x/b"), ox.NamedNode("http://x/p"), ox.Literal("2"))
    assert checks.check_key("shacl", [a, b]) == checks.check_key("shacl", [b, a, a])
    assert checks.check_key("shacl", [a]) != checks.check_key("shacl", [a, b])
    assert checks.check_key("shacl", [a]) != checks.check_key("hermit", [a])


def test_build_fails_on_a_violation_from_a_cold_cache_and_from_a_warm_one(tmp_path, monkeypatch):
    """A violation (here: validate() made to report one) fails the strict build before anything is
    published; the cached verdict fails the next build with the same inputs the same way."""
    import petaflop.validation as validation

    out = tmp_path / "b"
    clean = run_build(str(MINI), out_dir=out, check_consistency=False, strict=True)
    warnings = clean.shacl_warnings
    published = (out / "atlas.nq").read_bytes()
    (out / "checks" / "shacl.json").unlink()  # cold again

    real = validation.validate

    def one_violation(data, **kw):
        report = real(data, **kw)
        report.errors.append(validation.ShapeResult("https://petaflop-atlas.org/id/x", "p", "made up", "Violation"))
        report.conforms = False
        return report

    monkeypatch.setattr(validation, "validate", one_violation)  # the forked child inherits it
    said: list[str] = []
    with pytest.raises(BuildFailed, match=r"SHACL: 1 violation\(s\), e\.g\. https://petaflop-atlas\.org/id/x p: made up"):
        run_build(str(MINI), out_dir=out, check_consistency=False, strict=True, progress=lambda s, m: said.append(m))
    assert not any("cached" in m for m in said)
    assert (out / "atlas.nq").read_bytes() == published and not list(out.glob(".store.new-*"))
    monkeypatch.setattr(validation, "validate", real)
    said.clear()
    with pytest.raises(BuildFailed, match=r"SHACL: 1 violation"):
        run_build(str(MINI), out_dir=out, check_consistency=False, strict=True, progress=lambda s, m: said.append(m))
    assert f"SHACL 1 errors, {warnings} warnings (inputs unchanged: cached)" in said


def test_build_fails_on_an_inconsistency_and_reads_a_consistent_verdict_back(tmp_path, monkeypatch):
    import petaflop.consistency as reasoning

    verdicts = iter([reasoning.ConsistencyResult(True, [], "HermiT: consistent"),
                     reasoning.ConsistencyResult(False, ["https://petaflop-atlas.org/id/x"], "HermiT: inconsistent x")])
    calls: list[int] = []

    def hermit(graph, **_kw):
        calls.append(len(graph))
        return next(verdicts)

    monkeypatch.setattr(reasoning, "hermit_consistency", hermit)
    out = tmp_path / "b"
    said: list[str] = []
    first = run_build(str(MINI), out_dir=out, check_consistency=True, progress=lambda s, m: said.append(m))
    assert first.consistent is True and len(calls) == 1 and "HermiT: consistent" in said
    said.clear()
    second = run_build(str(MINI), out_dir=out, check_consistency=True, progress=lambda s, m: said.append(m))
    assert second.consistent is True and len(calls) == 1  # not run again: same inputs
    assert "HermiT: consistent (inputs unchanged: cached)" in said
    (out / "checks" / "hermit.json").unlink()
    with pytest.raises(BuildFailed, match="the asserted graph is inconsistent: HermiT: inconsistent x"):
        run_build(str(MINI), out_dir=out, check_consistency=True)
    assert len(calls) == 2
