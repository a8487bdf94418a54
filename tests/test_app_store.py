"""The workbench answers from the built store, read-only, and refuses a stale one with one message.

One real build (no HermiT, with the on-disk store) of a copy of the report into a temporary
folder. The app, pointed at its ``atlas.nq``, opens ``store/`` read-only (the manifest says it is
current) and never loads the N-Quads; it shows the same objects as the N-Quads loaded into
memory; once the report copy changes, a fresh app shows one message naming the change and the
command to run, and no traceback.
"""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from foundation.paths import REPO_ROOT
from petaflop.build import run_build

APP = str(REPO_ROOT / "app.py")


@pytest.fixture(scope="module")
def store_build(tmp_path_factory, report_path):
    """A build of a copy of the report with its store and manifest: (atlas.nq, the report copy)."""
    root = tmp_path_factory.mktemp("app_store")
    report = root / "report.txt"
    shutil.copyfile(report_path, report)
    out = root / "build"
    run_build(str(report), out_dir=out, check_consistency=False, write_store=True)
    return out / "atlas.nq", report


@pytest.fixture()
def fresh_app(monkeypatch, store_build):
    """The app's environment for the test build, its graph caches emptied (as in a new process)."""
    from petaflop.app import ui

    monkeypatch.setenv("PETAFLOP_GRAPH", str(store_build[0]))
    monkeypatch.delenv("PETAFLOP_ENDPOINT", raising=False)
    monkeypatch.delenv("PETAFLOP_CURATION_DIR", raising=False)

    def clear():
        ui._MEMO.clear()
        ui._load_atlas.clear()
        ui._KEY[:] = [None, -1e9, None]

    clear()
    yield
    clear()


def _no_full_load(monkeypatch) -> list[str]:
    """Make loading an N-Quads file into memory fail loudly; the list records any attempt."""
    import petaflop.store

    attempts: list[str] = []

    def refuse(path=None):
        attempts.append(str(path))
        raise AssertionError(f"the app loaded {path} into memory")

    monkeypatch.setattr(petaflop.store, "load_memory_store", refuse)
    return attempts


def test_the_app_answers_from_the_read_only_store(fresh_app, monkeypatch, store_build):
    from petaflop.app import ui

    attempts = _no_full_load(monkeypatch)
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception, at.exception
    assert attempts == []
    assert [h.value for h in at.title] == ["Petaflop Atlas"]
    assert any("Object types" in s.value for s in at.subheader)  # the Home page drew the graph's counts
    backend = ui.atlas().backend
    assert backend.source == "store"
    assert "read-only" in backend.description and "build/store" in backend.description
    assert any("build/store, read-only" in c.value for c in at.sidebar.caption)

    at.query_params["page"] = "object"
    at.query_params["id"] = "colossus"
    at.run()
    assert not at.exception, at.exception
    assert [h.value for h in at.title] == ["Colossus"]
    assert attempts == []


def test_store_and_memory_give_the_same_atlas(store_build, tmp_path):
    from petaflop.app.backend import open_backend
    from petaflop.app.data import Atlas

    nq, _report = store_build
    plain = tmp_path / "atlas.nq"  # the same file without its build's manifest: loaded into memory
    shutil.copyfile(nq, plain)
    on_disk = Atlas.load(open_backend("file", str(nq)))
    in_memory = Atlas.load(open_backend("file", str(plain)))
    assert (on_disk.backend.source, in_memory.backend.source) == ("store", "memory")
    assert len(on_disk.entities) > 1000
    assert on_disk.entities.keys() == in_memory.entities.keys()
    assert on_disk.type_counts() == in_memory.type_counts()
    colossus = "https://petaflop-atlas.org/id/colossus"
    assert on_disk.label(colossus) == in_memory.label(colossus) == "Colossus"
    links = [{iri: sorted(a.links(iri)) for iri in a.entities} for a in (on_disk, in_memory)]
    assert links[0] == links[1]
    assert sum(map(len, links[0].values())) > 1000
    from_disk, from_memory = (sorted(map(repr, a.statements(colossus))) for a in (on_disk, in_memory))
    assert from_disk == from_memory != []


def test_a_stale_store_shows_what_changed_and_the_command(fresh_app, monkeypatch, store_build):
    nq, report = store_build
    _no_full_load(monkeypatch)
    original = report.read_bytes()
    with report.open("a", encoding="utf-8") as fh:
        fh.write("\n한 줄 더.\n")
    try:
        at = AppTest.from_file(APP, default_timeout=120).run()
    finally:
        report.write_bytes(original)
    assert not at.exception, at.exception
    assert len(at.error) == 1
    message = at.error[0].value
    assert f"out of date (the report {report.resolve()} changed)" in message
    assert f"run `petaflop build --out {nq.parent}`" in message
    assert "--rebuild" not in message and "Traceback" not in message
    assert not any("Object types" in s.value for s in at.subheader)
