"""Shared fixtures: the real report (when the workplace has it) and the CLI runner."""

from __future__ import annotations

import sys

import pytest
from typer.testing import CliRunner

from foundation.paths import DEFAULT_REPORT, REPO_ROOT

if str(REPO_ROOT) not in sys.path:  # bench/ is not installed with the product: import it from the checkout
    sys.path.insert(0, str(REPO_ROOT))


@pytest.fixture(scope="session")
def report_path():
    """The real report. CI lays shared/ beside the checkout, so its absence is a failure."""
    assert DEFAULT_REPORT.is_file(), f"the report is expected at {DEFAULT_REPORT}"
    return DEFAULT_REPORT


@pytest.fixture()
def cli():
    return CliRunner()


@pytest.fixture(scope="session")
def built_graph(tmp_path_factory, report_path):
    """The report graph built once per test session (no HermiT, no on-disk store): its N-Quads path."""
    from petaflop.build import run_build

    result = run_build(str(report_path), out_dir=tmp_path_factory.mktemp("built"), check_consistency=False,
                       write_store=False)
    return result.nq_path


@pytest.fixture(scope="session")
def oxigraph_server(built_graph, tmp_path_factory):
    """The Oxigraph server (the venv's ``oxigraph`` binary) over the built graph, read-only, on 127.0.0.1."""
    from servers import OxigraphServer

    server = OxigraphServer(built_graph, tmp_path_factory.mktemp("oxigraph"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def virtuoso_server(built_graph, tmp_path_factory):
    """Debian's Virtuoso 7.2 with its own virtuoso.ini, bulk-loaded with the built graph, on 127.0.0.1."""
    from servers import VirtuosoServer

    server = VirtuosoServer(built_graph, tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def gaz():
    """The project's gazetteer, loaded once per run (names, aliases and types only; tests only read it)."""
    from petaflop.extract.gazetteer import Gazetteer

    return Gazetteer.load()


@pytest.fixture()
def text_reader(gaz):
    """A fresh prose reader (no Korean analyser) and the extraction it writes into: ``(reader, ex)``."""
    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver
    from petaflop.extract.text_reader import TextReader

    ex = Extraction()
    reader = TextReader(Resolver(gaz, ex), use_kiwi=False)
    reader.start_slide("")
    return reader, ex


@pytest.fixture()
def table_reader(gaz):
    """A fresh table reader (its prose cells read by a reader without the Korean analyser) and the
    extraction both write into: ``(reader, ex)``."""
    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver
    from petaflop.extract.table_reader import TableReader
    from petaflop.extract.text_reader import TextReader

    ex = Extraction()
    res = Resolver(gaz, ex)
    text = TextReader(res, use_kiwi=False)
    text.start_slide("")
    return TableReader(res, lambda t: (), text=text), ex


@pytest.fixture()
def mined(gaz):
    """The relation miner on one text of our own: ``mined(text)`` → {(subject, predicate, object, rule)}."""
    from petaflop.extract.facts import Extraction, Location
    from petaflop.extract.relations import RelationMiner, load_relation_patterns
    from petaflop.extract.resolve import Resolver

    def run(text: str) -> set[tuple[str, str, str, str]]:
        ex = Extraction()
        RelationMiner(Resolver(gaz, ex), load_relation_patterns()).mine(text, Location(10, 10, "VI", "test slide"), ())
        return {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts}
    return run


@pytest.fixture()
def folder(tmp_path):
    """A copy of the reference layer's folder (reference/*.tsv) to edit rows in; the real one stays as it is."""
    import shutil

    from reference import REFERENCE_DIR

    copy = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return copy
