"""``petaflop curate`` and ``petaflop review`` on the session's graph: bad input is one line and writes
nothing; the review queue goes riskiest first and records what is typed; SPARQL never writes actions."""

from __future__ import annotations

import pytest

from petaflop.cli import app
from petaflop.curation.log import ActionLog


@pytest.fixture()
def run(cli, built_graph, report_path, tmp_path, monkeypatch):
    monkeypatch.delenv("PETAFLOP_CURATION_USER", raising=False)
    monkeypatch.setenv("PETAFLOP_CURATION_DIR", str(tmp_path / "log"))

    def invoke(*args: str, input: str | None = None):
        return cli.invoke(app, [*args, "--data", str(built_graph), "--report", str(report_path)], input=input)

    return invoke


def _log(tmp_path) -> list:
    return ActionLog(tmp_path / "log").actions()


REJECT = ["curate", "reject", "Colossus", "--kind", "powerCapacity", "--line", "1907"]


@pytest.mark.parametrize(("args", "message"), [
    ([*REJECT, "--value", "300 MW", "--user", "alice"], "error: --reason is required to reject a fact"),
    ([*REJECT, "--value", "300 MW", "--reason", "wrong"],
     "error: no user: give --user NAME or set $PETAFLOP_CURATION_USER (actions are never anonymous)"),
    ([*REJECT, "--value", "300 USD", "--reason", "wrong", "--user", "alice"],
     "error: unit 'USD' (money) does not measure powerCapacity (power)"),
    ([*REJECT, "--value", "300 MWatt", "--reason", "wrong", "--user", "alice"], "error: unit 'MWatt' is not a known unit"),
    ([*REJECT, "--value", "999 MW", "--reason", "wrong", "--user", "alice"],
     "error: no such statement: line 1907 now gives colossus powerCapacity = 300 MW (the action names 999 MW)"),
    (["curate", "reject", "Colosus", "--kind", "powerCapacity", "--value", "300 MW", "--line", "1907", "--reason", "x",
      "--user", "a"], "error: subject 'Colosus' is not an entity of the graph; close matches: colossus"),
    (["curate", "confirm", "Colossus", "--kind", "powerCapacty", "--value", "300 MW", "--line", "1907", "--user", "a"],
     "error: kind 'powerCapacty' is not a statement kind; did you mean powerCapacity"),
    (["curate", "confirm", "Colossus", "--kind", "powerCapacity", "--value", "300 MW", "--user", "a"],
     "error: --line: a report line number (1 or more) is required"),
    (["curate", "add", "Colossus", "--property", "ownedBy", "--object", "xAI", "--line", "2005", "--evidence",
      "not on the line", "--reason", "missed", "--user", "a"],
     "error: --evidence 'not on the line' is not on line 2005 of the report"),
    (["curate", "add", "Colossus", "--property", "ownedBy", "--object", "xAI", "--line", "2005", "--reason", "missed",
      "--user", "a"], "error: --evidence is required"),
    (["curate", "add", "Colossus", "--kind", "powerCapacity", "--value", "300 MW", "--line", "1907", "--evidence",
      "300 MW", "--reason", "x", "--user", "a"],
     "error: this fact is already extracted from line 1907; confirm it instead"),
    (["curate", "add", "Colossus", "--property", "operatedBy", "--object", "xAI", "--line", "99999", "--evidence", "x",
      "--reason", "x", "--user", "a"], "error: --line 99999: the report has"),
    (["curate", "correct", "Colossus", "--kind", "powerCapacity", "--value", "300 MW", "--line", "1907", "--new-value",
      "2 TB", "--reason", "x", "--user", "a"], "error: unit 'TB' (memory) does not measure powerCapacity (power)"),
    (["curate", "merge", "xAI", "xAI", "--line", "1907", "--reason", "x", "--user", "a"],
     "error: 'xAI' and 'xAI' are the same entity (xai)"),
    (["curate", "split", "Colossus", "--name", "Colossus Two", "--fact-line", "1", "--reason", "x", "--user", "a"],
     "error: nothing to split: no fact of colossus is read only from line(s) 1 any more"),
    (["curate", "add", "Colossus", "--property", "operatedBy", "--object", "Tennessee", "--line", "2005",
      "--evidence", "직접 소유 및 운영", "--reason", "x", "--user", "a"],
     "error: operatedBy cannot link object tennessee (Region): its range is Agent"),
    (["curate", "merge", "uae-sovereign-wealth-funds", "uae", "--line", "2807", "--reason", "x", "--user", "a"],
     # the first link the merge would break: the pledge's plain party (its investing is a planned link statement)
     "error: hasParty cannot link object uae-sovereign-wealth-funds (MarketSegment): its range is Agent"),
])
def test_bad_input_is_one_line_and_writes_nothing(run, tmp_path, args, message):
    result = run(*args)
    assert result.exit_code == 1, result.output
    lines = [x for x in result.output.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith(message), result.output
    assert _log(tmp_path) == []


def test_a_link_named_the_other_way_round_is_found(run, tmp_path):
    result = run("curate", "confirm", "xAI", "--property", "operates", "--object", "Colossus", "--line", "2058",
                 "--user", "alice")
    assert result.exit_code == 0, result.output
    [a] = _log(tmp_path)
    assert (a.target.subject, a.target.property, a.target.object) == ("colossus", "operatedBy", "xai")


def test_the_queue_lists_riskiest_first(run):
    result = run("review", "--list", "--limit", "5")
    assert result.exit_code == 0, result.output
    risks = [float(line.split("│")[1]) for line in result.output.splitlines() if line.startswith("│")
             and line.split("│")[1].strip().replace(".", "").isdigit()]
    assert len(risks) == 5 and risks == sorted(risks, reverse=True) and risks[0] >= 1.0


def test_review_records_what_is_typed_and_shows_the_report_line(run, tmp_path, report_path, built_graph):
    from petaflop.curation.review_cli import queue_for
    from petaflop.curation.service import Curator

    before = [i.title for i in queue_for(Curator.open(built_graph, tmp_path / "log"))[:3]]
    result = run("review", "--limit", "3", "--user", "erin", input="c\nr\nnot on this line\ns\n")
    assert result.exit_code == 0, result.output
    assert "2 actions recorded by erin" in result.output
    actions = _log(tmp_path)
    assert [a.type for a in actions] == ["confirm", "reject"] and actions[1].reason == "not on this line"
    assert {a.user for a in actions} == {"erin"}
    report = report_path.read_text(encoding="utf-8").splitlines()
    shown = [line.strip() for line in result.output.splitlines() if line.strip().startswith("line ")]
    number = int(shown[0].split(":")[0].split()[1])
    assert " ".join(report[number - 1].split())[:30] in " ".join(shown[0].split())  # read from the report
    after = [i.title for i in queue_for(Curator.open(built_graph, tmp_path / "log"))[:1]]
    assert after == before[2:3]  # the two decided facts left the queue; the skipped one leads it


def test_review_needs_a_user(run, tmp_path):
    result = run("review", "--limit", "1", input="c\n")
    assert result.exit_code == 1 and "no user" in result.output
    assert _log(tmp_path) == []


def test_sparql_never_writes_an_action(cli, built_graph, tmp_path, monkeypatch):
    monkeypatch.setenv("PETAFLOP_CURATION_DIR", str(tmp_path / "log"))
    update = ("INSERT DATA { GRAPH <https://petaflop-atlas.org/graph/curation> { "
              "<https://petaflop-atlas.org/id/action-x> a <https://petaflop-atlas.org/ontology#Rejection> } }")
    refused = cli.invoke(app, ["query", "--sparql", update, "--data", str(built_graph)])
    assert refused.exit_code == 1 and "update" in refused.output.lower()
    assert _log(tmp_path) == [] and not (tmp_path / "log").exists()


def test_export_and_import_round_trip_on_the_command_line(run, cli, tmp_path):
    assert run("curate", "confirm", "Colossus", "--kind", "hardwareCost", "--value", "7B USD", "--line", "1907",
               "--user", "alice").exit_code == 0
    exported = cli.invoke(app, ["curate", "export", "--log-dir", str(tmp_path / "log")])
    assert exported.exit_code == 0 and exported.output.count("\n") == 1
    (tmp_path / "x.jsonl").write_text(exported.output, encoding="utf-8")
    first = cli.invoke(app, ["curate", "import", str(tmp_path / "x.jsonl"), "--log-dir", str(tmp_path / "other")])
    assert "imported 1 actions (0 already in the log)" in first.output
    edited = exported.output.replace('"alice"', '"mallory"')
    (tmp_path / "y.jsonl").write_text(edited, encoding="utf-8")
    bad = cli.invoke(app, ["curate", "import", str(tmp_path / "y.jsonl"), "--log-dir", str(tmp_path / "third")])
    assert bad.exit_code == 1 and "does not match the action's content" in bad.output
    assert ActionLog(tmp_path / "third").actions() == []


def test_every_action_type_from_the_command_line_applies(run, tmp_path, built_graph):
    from petaflop.curation.service import Curator

    for args in (
        ["confirm", "Colossus", "--kind", "hardwareCost", "--value", "7B USD", "--line", "1907"],
        ["reject", "Colossus", "--kind", "powerCapacity", "--value", "0.3 GW", "--line", "1907", "--reason", "test"],
        ["correct", "Colossus", "--kind", "chipCount", "--value", "30000", "--line", "2006", "--new-item", "GB200",
         "--reason", "the 30k are GB200"],
        ["add", "Colossus", "--property", "ownedBy", "--object", "xAI", "--line", "2005", "--evidence",
         "직접 소유 및 운영", "--reason", "missed"],
        ["merge", "investment--amazon--anthropic--L1663", "investment--amazon--anthropic--L2101", "--line", "2101",
         "--reason", "stated twice"],
        ["split", "Colossus", "--name", "Colossus successor (2026)", "--fact-line", "1908", "--reason", "2026 row"],
    ):
        result = run("curate", *args, "--user", "alice")
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"recorded {args[0]} ")
    results = Curator.open(built_graph, tmp_path / "log").overlay().results
    assert [(r.action.type, r.status) for r in results] == [
        ("confirm", "applied"), ("reject", "applied"), ("correct", "applied"), ("add", "applied"),
        ("merge", "applied"), ("split", "applied")]


def test_a_queue_reason_reads_in_english_and_in_korean():
    from petaflop.curation.queue import Reason

    r = Reason("rule.precision", (("rule", "table:x"), ("percent", "50"), ("correct", "1"), ("judged", "2")))
    assert str(r) == "rule table:x: precision 50 % (1/2 on the gold)"
    assert r.text("ko") == "규칙 table:x: 정밀도 50% (정답 주석 2개 중 1개)"
    more = Reason("shacl.more", (("message", "over 100"), ("more", "2")))
    assert (str(more), more.text("ko")) == ("SHACL: over 100 (+2 more)", "SHACL: over 100 (외 2개)")
