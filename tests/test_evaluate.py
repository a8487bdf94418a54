"""``petaflop evaluate`` on the report graph: the figures never fall below today's (a ratchet), every
stratum and list is there, bad gold input is a one-line error, and the gold is never a build input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from petaflop.cli import app
from petaflop.evaluate.gold import Gold, load_gold
from petaflop.evaluate.graphfacts import read_graph
from petaflop.evaluate.score import chapter_of, evaluate

GOLD = Path(__file__).parent / "gold"

# Today's measured figures on the gold (README "How good is the graph?"). A change may raise a
# floor; lowering one needs a reason in the commit that does it. Since the sixth session the gold
# covers the whole report; chapters III-X (annotated first) keep their own floors, so that the
# chapters I-II added to the gold (recall 43 %) do not hide a loss there.
FLOORS = {
    "precision": 0.995, "recall": 0.79,
    "quantity precision": 0.995, "link precision": 0.995,
    "entity recall": 0.86, "type accuracy": 0.99,
}  # fmt: skip
FLOORS_III_X = {"recall": 0.79, "entity recall": 0.89}
CHAPTERS_III_X = ("III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@pytest.fixture(scope="module")
def evaluation(built_graph, report_path):
    gold = load_gold(GOLD, report_path.read_text(encoding="utf-8").splitlines())
    return evaluate(gold, read_graph(built_graph)), gold


def test_the_graph_keeps_its_measured_fidelity(evaluation):
    ev, _ = evaluation
    fam = ev.strata["family"]
    got = {
        "precision": ev.overall.precision, "recall": ev.overall.recall,
        "quantity precision": fam["quantity"].precision, "link precision": fam["link"].precision,
        "entity recall": ev.types["entity_recall"], "type accuracy": ev.types["type_accuracy"],
    }  # fmt: skip
    low = {k: round(v, 3) for k, v in got.items() if v < FLOORS[k]}
    assert not low, f"below the floor: {low} (floors {FLOORS})"


def test_chapters_iii_to_x_keep_their_own_floors(evaluation, built_graph):
    _, gold = evaluation
    part = Gold([f for f in gold.facts if f.chapter in CHAPTERS_III_X],
                [s for s in gold.spans if chapter_of(s.start) in CHAPTERS_III_X])
    ev = evaluate(part, read_graph(built_graph))
    got = {"recall": ev.overall.recall, "entity recall": ev.types["entity_recall"]}
    low = {k: round(v, 3) for k, v in got.items() if v < FLOORS_III_X[k]}
    assert not low, f"chapters III-X below the floor: {low} (floors {FLOORS_III_X})"
    assert ev.overall.precision >= FLOORS["precision"]


def test_every_stratum_is_reported_and_counts_add_up(evaluation):
    ev, gold = evaluation
    assert set(ev.strata) == {"chapter", "relation", "family", "subject_type", "rule"}
    assert {"III", "IV", "V", "VI", "VII", "VIII", "IX", "X"} <= set(ev.strata["chapter"])
    o = ev.overall
    assert o.tp + o.fp == len(ev.judged)
    assert o.recalled + o.fn == len(ev.units) <= len(gold.facts)
    assert sum(c.fp for c in ev.strata["chapter"].values()) == o.fp
    assert len(ev.false_positives) == o.fp and len(ev.false_negatives) == o.fn


def test_a_known_fact_is_found_and_a_wrong_value_is_one_fp_and_one_fn(evaluation, built_graph, report_path):
    ev, gold = evaluation
    # Colossus's power in the supercomputer table (line 1907): 300 MW, found
    unit = next(u for u in ev.units if u.first.line_start == 1907 and u.first.relation == "powerCapacity")
    assert unit.matched_by, "Colossus's 300 MW is not found"
    # the same graph with that value changed: the fact is missed and the changed value is wrong
    view = read_graph(built_graph)
    for f in view.facts:
        if f in unit.matched_by and f.relation_kind == "kind":
            f.value = type(f.value)(f.value.low * 2, f.value.high * 2, f.value.dimension, f.value.unit)
    ev2 = evaluate(gold, view)
    assert ev2.overall.fn == ev.overall.fn + 1
    assert ev2.overall.fp == ev.overall.fp + len([f for f in unit.matched_by if any(gold.span_of(n) for n in f.lines)])


def test_a_specific_graph_kind_for_a_generic_gold_kind_is_wrong_the_other_way_is_right(evaluation, built_graph):
    ev, gold = evaluation
    # line 3758: the gold has Moonshot AI's Series B "amount" 300M USD and its "valuation" 3.3B USD; the graph
    # reads the 300M as an amount, found
    unit = next(u for u in ev.units if u.first.line_start == 3758 and u.first.relation == "amount")
    assert [f.relation for f in unit.matched_by] == ["amount"]
    # the same 300M read as the firm's valuation is wrong: the gold says the valuation on that line is 3.3B
    view = read_graph(built_graph)
    for f in view.facts:
        if f in unit.matched_by:
            f.relation = "valuation"
    ev2 = evaluate(gold, view)
    assert (ev2.overall.fp, ev2.overall.fn) == (ev.overall.fp + 1, ev.overall.fn + 1)
    # the other way is right: a generic graph kind for the gold's specific one says less, nothing wrong
    value = next(u for u in ev.units if u.first.line_start == 3758 and u.first.relation == "valuation")
    view = read_graph(built_graph)
    for f in view.facts:
        if f in value.matched_by:
            f.relation = "amount"
    assert value.matched_by and evaluate(gold, view).overall.fp == ev.overall.fp


def test_the_cli_writes_markdown_and_json(cli, built_graph, report_path, tmp_path):
    md, js = tmp_path / "e.md", tmp_path / "e.json"
    res = cli.invoke(app, ["evaluate", "--report", str(report_path), "--graph", str(built_graph),
                           "--markdown", str(md), "--json", str(js)])
    assert res.exit_code == 0, res.output
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["gold_facts"] > 3000 and data["overall"]["precision"] >= FLOORS["precision"]
    assert len(data["false_positives"]) == data["overall"]["fp"]  # every wrong fact is listed
    assert all({"lines", "subject", "relation", "object", "rules"} <= set(f) for f in data["false_positives"])
    assert {"id", "lines", "subject", "relation", "object", "subject_found"} <= set(data["false_negatives"][0])
    text = md.read_text(encoding="utf-8")
    assert "## By rule" in text and "## False negatives" in text


def test_a_missing_gold_folder_is_one_line_exit_1(cli, built_graph, report_path, tmp_path):
    res = cli.invoke(app, ["evaluate", "--report", str(report_path), "--graph", str(built_graph),
                           "--gold", str(tmp_path / "nowhere")])
    assert res.exit_code == 1
    assert "gold directory" in res.output and "Traceback" not in res.output
    assert len(res.output.strip().splitlines()) == 1


def test_a_malformed_gold_row_is_one_line_exit_1_naming_the_row(cli, built_graph, report_path, tmp_path):
    bad = tmp_path / "gold"
    shutil.copytree(GOLD, bad, ignore=shutil.ignore_patterns("iaa", "records"))
    chunk = bad / "1912-2365.tsv"
    lines = chunk.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split("\t")
    cells[5] = "notAProperty"
    lines[1] = "\t".join(cells)
    chunk.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = cli.invoke(app, ["evaluate", "--report", str(report_path), "--graph", str(built_graph), "--gold", str(bad)])
    assert res.exit_code == 1
    assert f"row {cells[0]}" in res.output and "notAProperty" in res.output


def test_the_gold_is_never_a_build_input(built_graph, report_path, tmp_path):
    """Build in a child process that records every file it opens or lists (a CPython audit hook):
    nothing under tests/gold/ is touched, and the graph is the suite's graph. (Moving the folder
    away instead would break every other process reading it meanwhile.)"""
    import subprocess
    import sys

    child = f"""
import json, sys
opened = []
def hook(event, args):
    if event in ("open", "os.listdir", "os.scandir") and args and isinstance(args[0], (str, bytes)):
        opened.append(args[0] if isinstance(args[0], str) else args[0].decode())
sys.addaudithook(hook)
from petaflop.build import run_build
result = run_build({str(report_path)!r}, out_dir={str(tmp_path / "b")!r}, check_consistency=False, write_store=False)
print(json.dumps({{"nq": str(result.nq_path), "opened": opened}}))
"""
    proc = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=600,
                          cwd=str(GOLD.parent.parent))
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    opened = [Path(p).resolve() for p in out["opened"]]
    assert any(p.name == "atlas.ttl" for p in opened)  # the hook sees the build's reads
    gold = GOLD.resolve()
    assert [str(p) for p in opened if p == gold or gold in p.parents] == []
    assert Path(out["nq"]).read_bytes() == Path(built_graph).read_bytes()


def test_the_committed_gate_is_what_measuring_its_own_build_gives(evaluation, built_graph):
    """The gate is a fixed point: re-measured on the graph it gated, every rule gets the decision the
    committed file gives it (a rule is measured on one fact per distinct link or value, asserted or not,
    so passing a rule cannot change its own count; a stale gate file fails here too)."""
    from petaflop.evaluate.gating import rule_stats
    from petaflop.extract.gate import Gate, RuleRecord, load_gate

    _, gold = evaluation
    committed = load_gate()
    measured = Gate(committed.threshold, committed.min_judged,
                    {r: RuleRecord(*v) for r, v in rule_stats(gold, read_graph(built_graph, candidates=True)).items()},
                    committed.always)
    rules = set(committed.rules) | set(measured.rules)
    assert rules
    flipped = sorted(r for r in rules if committed.passes(r) != measured.passes(r))
    assert flipped == []
