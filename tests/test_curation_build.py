"""Curation end to end on the report graph: every action type, recorded from the command line and the
library on the session's graph, survives a rebuild; an action whose figure the report no longer
states is orphaned with its reason; an exported log imported into an empty one gives the same
overlay byte for byte; the extraction stays recoverable; reviews measure precision per rule.
"""

from __future__ import annotations

import json
import shutil
from types import SimpleNamespace

import pyoxigraph as ox
import pytest

from foundation.namespaces import PFA, PFG, PFID, PFK, PROV, RDF, RDFS, SKOS
from petaflop import graph
from petaflop.cli import app
from petaflop.curation.index import base_quads
from petaflop.curation.log import ActionLog
from petaflop.curation.overlay import compute_overlay
from petaflop.curation.service import Curator, FactSpec

CUR, FACTS, INF = ox.NamedNode(PFG.curation), ox.NamedNode(PFG.facts), ox.NamedNode(PFG.inferred)


def N(local: str) -> ox.NamedNode:
    return ox.NamedNode(PFID + local)


def P(local: str) -> ox.NamedNode:
    return ox.NamedNode(PFA[local])


def _cli(cli, args: list[str]):
    result = cli.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def curated(tmp_path_factory, built_graph, report_path):
    """Eight actions of six types on the session's graph (CLI and library), then a rebuild with them."""
    with pytest.MonkeyPatch.context() as mp:  # restored even when the setup fails (other tests read the env)
        yield from _curated(mp, tmp_path_factory, built_graph, report_path)


def _curated(mp, tmp_path_factory, built_graph, report_path):
    from typer.testing import CliRunner

    from petaflop.build import run_build
    from petaflop.coverage import write_coverage

    log_dir = tmp_path_factory.mktemp("curation")
    mp.setenv("PETAFLOP_CURATION_DIR", str(log_dir))
    mp.delenv("PETAFLOP_CURATION_USER", raising=False)
    cli = CliRunner()
    common = ["--data", str(built_graph), "--report", str(report_path)]
    ids = {}
    _cli(cli, ["curate", "confirm", "Colossus", "--kind", "hardwareCost", "--value", "7B USD", "--line", "1907",
               "--user", "alice", *common])
    _cli(cli, ["curate", "correct", "Colossus", "--kind", "chipCount", "--value", "30000", "--line", "2006",
               "--new-item", "GB200", "--reason", "the 30k of line 2006 are the GB200", "--user", "bob", *common])
    _cli(cli, ["curate", "add", "Colossus", "--property", "poweredBy", "--object", "On-site generation", "--line", "1940",
               "--evidence", "Colossus 클러스터와 동일한 전략인 ‘자체 전력 생산’", "--reason", "its own generation, the strategy Stargate copies", "--user", "bob", *common])
    _cli(cli, ["curate", "split", "Colossus", "--name", "Colossus successor (2026)", "--type", "ComputeCluster",
               "--fact-line", "1908", "--reason", "the 2026 row is an unknown successor", "--user", "carol", *common])
    c = Curator.open(built_graph, log_dir, str(report_path))
    ids["reject"] = c.reject("alice", FactSpec("Colossus", 1907, kind="powerCapacity", value="300 MW"),
                             "test rejection of the 2025 figure").id
    ids["promote"] = c.confirm("alice", FactSpec("Colossus", 2058, property="operatedBy", object="xAI")).id  # "xAI의 Colossus", a claim
    ids["merge"] = c.merge("dave", "investment--amazon--anthropic--L1663", "investment--amazon--anthropic--L2101", 2101,
                           "one investment ($8B), stated on two lines").id
    ids["add_value"] = c.add("dave", FactSpec("Colossus", 2058, kind="chipCount", value="200K"), "20만 개로 확장",
                             "the count after the expansion").id
    import petaflop.curation

    extracted: list[ox.Quad] = []  # what the rebuild's extraction gave, before the overlay

    def spy(asserted, out_dir, say=None, _real=petaflop.curation.build_overlay):
        extracted.extend(q for q in asserted if q.graph_name == FACTS)
        return _real(asserted, out_dir, say)

    mp.setattr(petaflop.curation, "build_overlay", spy)
    out = tmp_path_factory.mktemp("rebuilt")
    result = run_build(str(report_path), out_dir=out, check_consistency=False, write_store=False)
    write_coverage(result, out)
    quads = list(ox.parse(path=str(result.nq_path), format=ox.RdfFormat.N_QUADS))
    yield SimpleNamespace(log_dir=log_dir, result=result, out=out, quads=quads, ids=ids, set=set(quads), extracted=extracted,
                          actions=ActionLog(log_dir).actions(), cli=cli, report=report_path, built=built_graph)


def has(ns, s, p, o, g=None) -> bool:
    if g is None:
        return any(q.subject == s and q.predicate == p and q.object == o for q in ns.quads)
    return ox.Quad(s, p, o, g) in ns.set


def objects(ns, s, p, g) -> list:
    return sorted((q.object for q in ns.quads if q.subject == s and q.predicate == p and q.graph_name == g), key=str)


def action(ns, action_id: str) -> ox.NamedNode:
    return N("action-" + action_id)


def test_every_action_applies_after_the_rebuild(curated):
    counts = curated.result.curation.counts()
    assert (counts["actions"], counts["applied"], counts["orphaned"], counts["superseded"]) == (8, 8, 0, 0)
    kinds = sorted(a.type for a in curated.actions)
    assert kinds == ["add", "add", "confirm", "confirm", "correct", "merge", "reject", "split"]
    cov = json.loads((curated.out / "coverage.json").read_text(encoding="utf-8"))["curation"]
    assert cov["counts"]["applied"] == 8 and cov["orphaned"] == []


def test_a_rejected_value_leaves_the_facts_and_the_truthy_value_but_stays_queryable(curated):
    colossus = N("colossus")
    assert objects(curated, colossus, P("powerCapacityMW"), FACTS) == []
    assert objects(curated, colossus, P("powerCapacityMW"), CUR) == []
    deprecated = {q.subject for q in curated.quads if q.graph_name == CUR and q.predicate == P("statementRank")
                  and q.object == P("DeprecatedRank")}
    assert len(deprecated) == 2  # the rejected statement, and the one the correction replaced
    [st] = [s for s in deprecated if has(curated, s, P("kind"), ox.NamedNode(PFK.powerCapacity), CUR)]
    assert objects(curated, st, P("value"), CUR) == [ox.Literal("300.0", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#decimal"))]
    assert not has(curated, colossus, P("statement"), st, FACTS) and has(curated, colossus, P("statement"), st, CUR)
    a = action(curated, curated.ids["reject"])
    assert objects(curated, a, P("curator"), CUR) == [ox.Literal("alice")]
    assert objects(curated, a, P("curates"), CUR) == [st]
    assert objects(curated, a, ox.NamedNode(PROV.wasDerivedFrom), CUR) == [
        ox.NamedNode("https://petaflop-atlas.org/report/L1907")]
    assert objects(curated, a, P("extractionRule"), CUR) == [ox.Literal("table:supercomputers-by-year:powerCapacityMW")]
    # every withdrawn triple is kept as an rdf:Statement naming the action
    withdrawn = {q.subject for q in curated.quads if q.predicate == P("withdrawnBy") and q.object == a}
    triples = {(objects(curated, w, ox.NamedNode(RDF.predicate), CUR)[0].value) for w in withdrawn}
    assert {PFA.powerCapacityMW, PFA.statement, PFA.statementRank} <= triples


def test_a_confirmed_value_stays_and_the_confirmation_names_it(curated):
    colossus = N("colossus")
    assert [x.value for x in objects(curated, colossus, P("hardwareCostUSD"), FACTS)] == ["7000000000.0"]
    a = next(a for a in curated.actions if a.type == "confirm" and a.user == "alice" and a.target.kind == "statement")
    [st] = objects(curated, action(curated, a.id), P("curates"), CUR)
    assert objects(curated, st, P("kind"), FACTS) == [ox.NamedNode("https://petaflop-atlas.org/kind/hardwareCost")]
    assert objects(curated, st, P("statementRank"), FACTS) == [P("PreferredRank")]


def test_a_confirmed_claim_becomes_the_link(curated):
    colossus, xai = N("colossus"), N("xai")
    assert has(curated, colossus, P("operatedBy"), xai, CUR)
    assert has(curated, xai, P("operates"), colossus, INF)  # the curated link is reasoned over
    prov = [q.subject for q in curated.quads if q.graph_name == CUR and q.predicate.value == RDF.subject
            and q.object == colossus and has(curated, q.subject, ox.NamedNode(RDF.predicate), P("operatedBy"), CUR)]
    assert prov and has(curated, prov[0], ox.NamedNode(PROV.wasGeneratedBy), action(curated, curated.ids["promote"]),
                        CUR)


def test_a_correction_replaces_the_statement_and_cites_the_old_one(curated):
    a = next(a for a in curated.actions if a.type == "correct")
    new = [q.subject for q in curated.quads if q.predicate == ox.NamedNode(PROV.wasRevisionOf)]
    assert len(new) == 1
    assert objects(curated, new[0], P("item"), CUR) == [N("nvidia-gb200")]
    assert [x.value for x in objects(curated, new[0], P("value"), CUR)] == ["30000.0"]
    assert has(curated, N("colossus"), P("statement"), new[0], CUR)
    assert objects(curated, action(curated, a.id), P("curationReason"), CUR) == [
        ox.Literal("the 30k of line 2006 are the GB200")]


def test_added_facts_carry_their_line_evidence_and_action(curated):
    colossus, onsite = N("colossus"), N("on-site-generation")
    assert has(curated, colossus, P("poweredBy"), onsite, CUR) and not has(curated, colossus, P("poweredBy"), onsite, FACTS)
    assert has(curated, onsite, P("suppliesPowerTo"), colossus, INF)
    a = next(a for a in curated.actions if a.type == "add" and a.target.kind == "link")
    assert objects(curated, action(curated, a.id), P("evidenceText"), CUR) == [ox.Literal("Colossus 클러스터와 동일한 전략인 ‘자체 전력 생산’")]
    link_prov = graph.statement_iri(ox.Triple(colossus, P("poweredBy"), onsite), "curation")
    assert objects(curated, link_prov, ox.NamedNode(PROV.wasDerivedFrom), CUR) == [
        ox.NamedNode("https://petaflop-atlas.org/report/L1940")]
    [st] = objects(curated, action(curated, curated.ids["add_value"]), P("curates"), CUR)
    assert [x.value for x in objects(curated, st, P("value"), CUR)] == ["200000.0"]
    assert has(curated, colossus, P("statement"), st, CUR)


def test_a_split_moves_the_facts_of_its_lines_to_a_new_entity(curated):
    new, colossus = N("colossus-successor-2026"), N("colossus")
    assert objects(curated, new, ox.NamedNode(RDFS.label), CUR) == [ox.Literal("Colossus successor (2026)",
                                                                                 language="en")]
    assert has(curated, new, ox.NamedNode(RDF.type), P("ComputeCluster"), CUR)
    assert has(curated, new, P("splitFrom"), colossus, CUR)
    # the row only guesses its subject ("아직 모름 (아마도 …)", hedged_rows.py): its figures are claims, and the
    # split moves them as it moves statements (text claims of the row, with no kind, come along too)
    moved = objects(curated, new, P("hasClaim"), CUR)
    kinds = sorted(k[0].value.rsplit("/", 1)[1] for st in moved if (k := objects(curated, st, P("kind"), FACTS)))
    assert kinds == ["h100EquivalentCount", "hardwareCost", "powerCapacity"]
    for st in moved:
        assert not has(curated, colossus, P("hasClaim"), st, FACTS)


def test_a_merge_moves_facts_and_names_to_the_entity_kept(curated):
    drop, keep = N("investment--amazon--anthropic--L2101"), N("investment--amazon--anthropic--L1663")
    assert not [q for q in curated.quads if q.graph_name == FACTS and drop in (q.subject, q.object)]
    assert has(curated, keep, ox.NamedNode(SKOS.altLabel), ox.Literal("Investment: amazon → anthropic", language="en"))
    had = [q for q in curated.extracted if drop in (q.subject, q.object) and q.predicate.value not in (RDF.type, RDFS.label)]
    assert had  # its statements, claims and links come along, now about the entity kept
    for q in had:
        s, o = (keep if q.subject == drop else q.subject), (keep if q.object == drop else q.object)
        assert has(curated, s, q.predicate, o), q
    assert has(curated, drop, P("mergedInto"), keep, CUR)


def test_the_extraction_is_recoverable_from_the_curated_graph(curated):
    def facts(quads) -> bytes:
        return graph.to_nquads(q for q in quads if q.graph_name == FACTS)

    assert facts(base_quads(curated.quads)) == facts(curated.extracted)


def test_jsonl_export_imported_into_an_empty_log_gives_the_same_overlay_bytes(curated, tmp_path):
    exported = tmp_path / "log.jsonl"
    _cli(curated.cli, ["curate", "export", "--out", str(exported), "--log-dir", str(curated.log_dir)])
    empty = tmp_path / "empty"
    result = _cli(curated.cli, ["curate", "import", str(exported), "--log-dir", str(empty)])
    assert "imported 8 actions (0 already in the log)" in result.output
    again = compute_overlay(base_quads(curated.quads), ActionLog(empty).actions())
    assert again.nquads() == graph.to_nquads(q for q in curated.quads if q.graph_name == CUR)
    assert again.nquads() == curated.result.curation.nquads()


def test_an_action_whose_figure_changed_in_the_report_is_orphaned_with_its_reason(curated, tmp_path):
    from petaflop.build import run_build
    from petaflop.coverage import write_coverage

    lines = curated.report.read_text(encoding="utf-8").split("\n")
    assert "300 MW" in lines[1906]
    lines[1906] = lines[1906].replace("300 MW", "310 MW")
    copy = tmp_path / "edited.txt"
    copy.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "b"
    result = run_build(str(copy), out_dir=out, check_consistency=False, write_store=False)
    write_coverage(result, out)
    orphans = result.curation.orphans
    assert [o.action.id for o in orphans] == [curated.ids["reject"]]
    assert orphans[0].reason == "line 1907 now gives colossus powerCapacity = 310 MW (the action names 300 MW)"
    assert result.curation.counts()["applied"] == 7  # the other actions on line 1907 still apply
    cov = json.loads((out / "coverage.json").read_text(encoding="utf-8"))["curation"]["orphaned"]
    assert [o["reason"] for o in cov] == [orphans[0].reason]
    assert "310 MW (the action names 300 MW)" in (out / "coverage.md").read_text(encoding="utf-8")
    log = _cli(curated.cli, ["curate", "log", "--orphaned", "--json", "--data", str(out / "atlas.nq"),
                             "--log-dir", str(curated.log_dir)])
    rows = [json.loads(x) for x in log.output.splitlines()]
    assert [(r["id"], r["status"], r["reason"]) for r in rows] == [(curated.ids["reject"], "orphaned",
                                                                    orphans[0].reason)]
    node = action(curated, curated.ids["reject"])
    orphan_quads = list(ox.parse(path=str(out / "atlas.nq"), format=ox.RdfFormat.N_QUADS))
    assert ox.Quad(node, P("orphanReason"), ox.Literal(orphans[0].reason), CUR) in orphan_quads
    assert ox.Quad(N("colossus"), P("powerCapacityMW"), graph.literal(310, "decimal"), FACTS) in orphan_quads


def test_the_log_command_lists_every_action_with_its_status(curated):
    result = _cli(curated.cli, ["curate", "log", "--json", "--data", str(curated.out / "atlas.nq"),
                                "--log-dir", str(curated.log_dir)])
    rows = [json.loads(x) for x in result.output.splitlines()]
    assert len(rows) == 8 and {r["status"] for r in rows} == {"applied"}
    assert {r["user"] for r in rows} == {"alice", "bob", "carol", "dave"}


def test_reviews_measure_precision_per_rule_and_property(curated):
    from petaflop.curation.quality import from_graph
    from petaflop.evaluate.report import run, to_json, to_markdown

    by_rule, by_fact = from_graph(curated.out / "atlas.nq")
    rules = {r.key: (r.confirmed, r.wrong) for r in by_rule}
    assert rules["table:supercomputers-by-year:powerCapacityMW"] == (0, 1)
    assert rules["table:supercomputers-by-year:hardwareCostUSD"] == (1, 0)
    facts = {r.key: (r.confirmed, r.wrong) for r in by_fact}
    assert facts["powerCapacity"] == (0, 1) and facts["hardwareCost"] == (1, 0) and facts["operatedBy"] == (1, 0)
    assert facts["chipCount"] == (0, 1)  # the correction
    ev, _, view = run(None, curated.out / "atlas.nq", str(curated.report))
    data = to_json(ev, view)["review_precision"]
    assert {"key": "powerCapacity", "confirmed": 0, "rejected_or_corrected": 1, "precision": 0.0} in data["by_property"]
    assert "## Precision measured by reviews" in to_markdown(ev, view)


def test_an_empty_log_leaves_the_build_unchanged(curated, tmp_path, monkeypatch):
    from petaflop.curation import build_overlay

    monkeypatch.setenv("PETAFLOP_CURATION_DIR", str(tmp_path / "none"))
    base = base_quads(curated.quads)
    overlay = build_overlay(base, tmp_path)
    assert overlay.quads == [] and overlay.apply(base) == base
    assert not (tmp_path / "none").exists()


def test_a_second_decision_on_a_fact_supersedes_the_first(curated, tmp_path):
    log_dir = tmp_path / "log"
    shutil.copytree(curated.log_dir, log_dir)
    c = Curator.open(curated.built, log_dir, str(curated.report))
    c.confirm("erin", FactSpec("Colossus", 1907, kind="powerCapacity", value="0.3 GW"), "it is right after all")
    overlay = c.overlay()
    status = {r.action.id: r.status for r in overlay.results}
    assert status[curated.ids["reject"]] == "superseded"
    colossus = N("colossus")
    assert ox.Quad(colossus, P("powerCapacityMW"), graph.literal(300, "decimal"), FACTS) not in overlay.withdrawn


def test_an_added_fact_can_be_rejected_again(built_graph, report_path, tmp_path):
    c = Curator.open(built_graph, tmp_path / "log", str(report_path))
    spec = FactSpec("Colossus", 1940, property="poweredBy", object="On-site generation")
    added = c.add("bob", spec, "Colossus 클러스터와 동일한 전략인 ‘자체 전력 생산’", "missed")
    assert [str(t.predicate) for t in c.overlay().fact_triples] == [f"<{PFA.poweredBy}>"]
    rejected = c.reject("carol", spec, "not stated as a fact")
    overlay = c.overlay()
    status = {r.action.id: (r.status, r.note) for r in overlay.results}
    assert status[added.id] == ("superseded", f"retracted by {rejected.id}")
    assert status[rejected.id] == ("applied", f"rejects the addition {added.id}")
    assert overlay.fact_triples == [] and overlay.withdrawn == frozenset()


def test_an_entity_made_by_a_split_can_be_named_in_later_actions(curated, tmp_path):
    log_dir = tmp_path / "log"
    shutil.copytree(curated.log_dir, log_dir)
    c = Curator.open(curated.out / "atlas.nq", log_dir, str(curated.report))
    a = c.confirm("erin", FactSpec("Colossus successor (2026)", 1908, kind="powerCapacity", value="2 GW",
                                   status="forecast"))
    assert a.target.subject == "colossus-successor-2026"
    result = next(r for r in c.overlay().results if r.action.id == a.id)
    # confirmed by a curator, the figure whose row guessed its subject ("…:unsure", a claim) is applied
    assert result.status == "applied" and result.rules == ["table:supercomputers-by-year:powerCapacityMW:unsure"]


def test_every_action_type_from_the_library_applies(built_graph, report_path, tmp_path):
    c = Curator.open(built_graph, tmp_path / "log", str(report_path))
    c.confirm("a", FactSpec("xAI", 2058, property="operates", object="Colossus"))
    c.reject("a", FactSpec("Colossus", 1907, kind="h100EquivalentCount", value="200K"), "test")
    c.correct("a", FactSpec("Colossus", 1907, kind="hardwareCost", value="7B", unit="USD"), "test", new_value="8B USD")
    c.add("a", FactSpec("Colossus", 2058, kind="chipCount", value="200000"), "20만 개로 확장", "missed")
    c.merge("a", "investment--amazon--anthropic--L1663", "investment--amazon--anthropic--L2101", 2101, "stated twice")
    c.split("a", "Colossus", "Colossus successor (2026)", [1908], 1908, "2026 row", type_="ComputeCluster")
    overlay = c.overlay()
    assert [(r.action.type, r.status) for r in overlay.results] == [
        ("confirm", "applied"), ("reject", "applied"), ("correct", "applied"), ("add", "applied"),
        ("merge", "applied"), ("split", "applied")]
    colossus = N("colossus")
    truthy = {(t.predicate.value.rsplit("#", 1)[1], t.object.value) for t in overlay.fact_triples
              if t.subject == colossus and t.predicate.value in (PFA.hardwareCostUSD, PFA.operatedBy)}
    assert truthy == {("hardwareCostUSD", "8000000000.0"), ("operatedBy", PFID + "xai")}
