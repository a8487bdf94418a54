"""The workbench and the curation log: the Review page (read-only unless curation is on with a user;
confirm and reject with keyboard shortcuts; the log; measured quality) and the graph the app loads with
the log applied (curated facts in every page, the file never written)."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from streamlit.testing.v1 import AppTest

from foundation.namespaces import PFA, PFG, PFID, RDF
from petaflop import graph
from petaflop.curation.live import curated_store
from petaflop.curation.log import ActionLog
from petaflop.curation.service import Curator, FactSpec

APP = str(Path(__file__).resolve().parent.parent / "app.py")
FACTS, PROV = ox.NamedNode(PFG.facts), ox.NamedNode(PFG.provenance)


def test_the_app_loads_the_graph_with_the_log_applied(built_graph, report_path, tmp_path):
    before = built_graph.read_bytes()
    plain, note = curated_store(built_graph, tmp_path / "empty")
    assert note == "" and len(plain) == len(list(ox.parse(path=str(built_graph), format=ox.RdfFormat.N_QUADS)))
    log_dir = tmp_path / "log"
    c = Curator.open(built_graph, log_dir, str(report_path))
    c.reject("alice", FactSpec("Colossus", 1907, kind="powerCapacity", value="300 MW"), "test")
    # a link the extraction misses (Colossus's own generation, named as the strategy Stargate copies, line 1940)
    c.add("alice", FactSpec("Colossus", 1940, property="poweredBy", object="On-site generation"), "Colossus 클러스터와 동일한 전략인 ‘자체 전력 생산’", "missed")
    store, note = curated_store(built_graph, log_dir)
    assert note == "; 2 curation actions applied"
    colossus, onsite = ox.NamedNode(PFID + "colossus"), ox.NamedNode(PFID + "on-site-generation")
    assert not list(plain.quads_for_pattern(colossus, ox.NamedNode(PFA.poweredBy), onsite, FACTS))  # missed
    assert not list(store.quads_for_pattern(colossus, ox.NamedNode(PFA.powerCapacityMW), None, FACTS))
    assert list(store.quads_for_pattern(colossus, ox.NamedNode(PFA.poweredBy), onsite, FACTS))  # shown as a fact
    link = graph.statement_iri(ox.Triple(colossus, ox.NamedNode(PFA.poweredBy), onsite), "curation")
    assert list(store.quads_for_pattern(link, ox.NamedNode(RDF.subject), colossus, PROV))  # with its badge
    assert built_graph.read_bytes() == before  # the file is never written


@pytest.fixture()
def page(built_graph, monkeypatch, tmp_path):
    monkeypatch.setenv("PETAFLOP_GRAPH", str(built_graph))
    monkeypatch.setenv("PETAFLOP_VIEWS_DIR", str(tmp_path / "views"))
    monkeypatch.setenv("PETAFLOP_CURATION_DIR", str(tmp_path / "log"))
    monkeypatch.delenv("PETAFLOP_ENDPOINT", raising=False)
    monkeypatch.delenv("PETAFLOP_CURATION", raising=False)
    monkeypatch.delenv("PETAFLOP_CURATION_USER", raising=False)

    def make(name: str = "review", user: str | None = None) -> AppTest:
        if user:
            monkeypatch.setenv("PETAFLOP_CURATION", "1")
            monkeypatch.setenv("PETAFLOP_CURATION_USER", user)
        at = AppTest.from_file(APP, default_timeout=240)
        at.query_params["page"] = name
        at.run()
        assert not at.exception, at.exception
        return at

    return make


def _text(at: AppTest) -> str:
    return "\n".join([*(m.value for m in at.markdown), *(c.value for c in at.caption), *(i.value for i in at.info),
                      *(s.value for s in at.success), *(e.value for e in at.error)])


def test_the_review_page_is_read_only_without_a_curation_user(page, tmp_path):
    at = page()
    assert "Read-only" in _text(at)
    assert at.button(key="review_confirm").disabled and at.button(key="review_reject").disabled
    assert re.search(r"Fact 1 of \d+ · risk \d\.\d\d", _text(at))
    assert at.code[-1].value.strip()  # the report's line, read at run time
    assert ActionLog(tmp_path / "log").actions() == []


def test_confirm_and_reject_from_the_page_with_their_shortcuts(page, tmp_path):
    at = page(user="dana")
    assert "Editing as **dana**" in _text(at)
    assert (at.button(key="review_confirm").proto.shortcut, at.button(key="review_reject").proto.shortcut) == ("y", "n")
    first = at.markdown[1].value
    at.button(key="review_confirm").click().run()
    assert not at.exception
    [a] = ActionLog(tmp_path / "log").actions()
    assert a.type == "confirm" and a.user == "dana"
    assert f"Recorded confirm {a.id}." in _text(at) and at.markdown[1].value != first
    at.button(key="review_reject").click().run()  # no reason: refused, nothing written
    assert "--reason is required to reject a fact" in _text(at)
    assert len(ActionLog(tmp_path / "log").actions()) == 1
    at.text_input(key="review_reason_0").input("the line says otherwise").run()
    at.button(key="review_reject").click().run()
    actions = ActionLog(tmp_path / "log").actions()
    assert [x.type for x in actions] == ["confirm", "reject"] and actions[1].reason == "the line says otherwise"
    assert "1 of" in _text(at) or "Fact 1" in _text(at)
    # the log and the measured quality show the two decisions
    log_table = at.dataframe[0].value
    assert list(log_table["action"]) == ["reject", "confirm"] and set(log_table["status"]) == {"applied"}
    quality = at.dataframe[1].value
    assert quality["confirmed"].sum() + quality["rejected or corrected"].sum() >= 2


def test_every_page_shows_who_is_editing(page):
    at = page("home", user="dana")
    assert any("Editing as **dana**" in c.value for c in at.sidebar.caption)
