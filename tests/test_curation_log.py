"""The curation log on its own: append-only SQLite, JSON Lines, concurrent writers, the form of an action.

No graph is built here: actions are made by hand (their facts need not exist to be logged).
"""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
import threading
from decimal import Decimal

import pytest

from petaflop.curation.actions import Action, CurationError, Target, check_form, now_utc, parse_quantity
from petaflop.curation.log import LOG_FILE, SCHEMA_VERSION, ActionLog, LogTampered


def _reject(n: int = 0, user: str = "alice") -> Action:
    t = Target("statement", "colossus", 1907, statement_kind="powerCapacity", value=str(300 + n), unit="MW",
               status="actual", time="2025")
    return Action("reject", user, now_utc(), t, reason=f"not what line 1907 says ({n})")


def test_an_action_is_appended_with_its_content_hash_and_read_back(tmp_path):
    log = ActionLog(tmp_path / "cur")
    assert log.actions() == [] and not log.exists()  # reading a missing log creates nothing
    a = log.append(_reject())
    assert len(a.id) == 20 and a.id == a.content_id()
    [back] = log.actions()
    assert back == a and back.target.describe() == "colossus powerCapacity 300 MW [actual, 2025] (line 1907)"
    con = sqlite3.connect(tmp_path / "cur" / LOG_FILE)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]


def test_the_log_refuses_update_and_delete(tmp_path):
    log = ActionLog(tmp_path)
    log.append(_reject())
    con = sqlite3.connect(tmp_path / LOG_FILE)
    for sql in ("UPDATE actions SET user = 'mallory'", "DELETE FROM actions", "UPDATE schema_version SET version = 2",
                "DELETE FROM schema_version", "INSERT INTO schema_version VALUES (2)"):
        with pytest.raises(sqlite3.DatabaseError, match=r"append-only|schema version already"):
            con.execute(sql)
    con.close()
    assert [a.user for a in log.actions()] == ["alice"]


def test_a_rewrite_behind_the_triggers_back_is_found(tmp_path):
    log = ActionLog(tmp_path)
    log.append(_reject(0))
    log.append(_reject(1))
    con = sqlite3.connect(tmp_path / LOG_FILE)
    con.execute("DROP TRIGGER actions_no_update")
    con.execute("UPDATE actions SET body = replace(body, 'alice', 'mallory') WHERE seq = 1")
    con.execute("CREATE TRIGGER actions_no_update BEFORE UPDATE ON actions BEGIN SELECT RAISE(ABORT, 'x'); END")
    con.commit()  # the triggers are back: only the chain shows the edit
    with pytest.raises(LogTampered, match=r"rewritten at action #1 .*restore it from a JSON Lines export"):
        log.actions()
    with pytest.raises(LogTampered):
        log.append(_reject(2))  # nothing is added to a log that was rewritten


def test_a_truncated_tail_is_found(tmp_path):
    log = ActionLog(tmp_path)
    for n in range(3):
        log.append(_reject(n))
    con = sqlite3.connect(tmp_path / LOG_FILE)
    con.execute("DROP TRIGGER actions_no_delete")
    con.execute("DELETE FROM actions WHERE seq = 3")
    con.execute("CREATE TRIGGER actions_no_delete BEFORE DELETE ON actions BEGIN SELECT RAISE(ABORT, 'x'); END")
    con.commit()
    with pytest.raises(LogTampered, match="held 3 actions, now 2"):
        log.actions()


def test_lost_triggers_are_found(tmp_path):
    log = ActionLog(tmp_path)
    log.append(_reject())
    con = sqlite3.connect(tmp_path / LOG_FILE)
    con.execute("DROP TRIGGER actions_no_delete")
    con.commit()
    with pytest.raises(LogTampered, match="lost its append-only triggers"):
        log.actions()


def test_jsonl_export_import_keeps_ids_authors_and_times(tmp_path):
    a, b = ActionLog(tmp_path / "a"), ActionLog(tmp_path / "b")
    for n in range(3):
        a.append(_reject(n, user=f"user{n}"))
    text = a.export_jsonl()
    assert len(text.splitlines()) == 3 and all(json.loads(x)["id"] for x in text.splitlines())
    assert b.import_jsonl(text) == (3, 0)
    assert b.export_jsonl() == text
    assert b.import_jsonl(text) == (0, 3)  # the same actions again: skipped, not doubled
    assert len(b.actions()) == 3


def test_an_edited_jsonl_line_is_refused_and_nothing_is_written(tmp_path):
    a, b = ActionLog(tmp_path / "a"), ActionLog(tmp_path / "b")
    a.append(_reject(0))
    a.append(_reject(1))
    lines = a.export_jsonl().splitlines()
    lines[1] = lines[1].replace('"alice"', '"mallory"')
    with pytest.raises(CurationError, match=r"line 2: id .* does not match the action's content"):
        b.import_jsonl("\n".join(lines))
    with pytest.raises(CurationError, match="line 1: not JSON"):
        b.import_jsonl("{not json\n")
    assert b.actions() == [] and not b.exists()


def _write_many(directory: str, who: str, n: int) -> None:
    log = ActionLog(directory)
    for i in range(n):
        log.append(_reject(i, user=who))


def test_two_processes_and_two_threads_appending_at_once_lose_nothing(tmp_path):
    directory = str(tmp_path / "shared")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_write_many, args=(directory, f"proc{k}", 25)) for k in range(2)]
    threads = [threading.Thread(target=_write_many, args=(directory, f"thread{k}", 25)) for k in range(2)]
    for w in [*procs, *threads]:
        w.start()
    for w in [*procs, *threads]:
        w.join(120)
    assert all(p.exitcode == 0 for p in procs)
    actions = ActionLog(directory).actions()  # the chain is checked while reading
    by_user = {u: sum(a.user == u for a in actions) for u in ("proc0", "proc1", "thread0", "thread1")}
    assert by_user == {"proc0": 25, "proc1": 25, "thread0": 25, "thread1": 25}
    assert len({a.id for a in actions}) == 100


@pytest.mark.parametrize(("change", "message"), [
    ({"user": ""}, "user is required"),
    ({"reason": ""}, "reason is required"),
    ({"reason": "two\nlines"}, "reason: one line of text"),
    ({"type": "delete"}, "action 'delete' is not one of"),
    ({"created": "yesterday"}, "is not an ISO time"),
    ({"evidence": "x" * 61}, "evidence: at most 60 characters"),
])
def test_badly_formed_actions_are_one_line_errors(change, message):
    a = _reject()
    fields = {"type": a.type, "user": a.user, "created": a.created, "target": a.target, "reason": a.reason,
              "evidence": a.evidence, "change": a.change} | change
    with pytest.raises(CurationError, match=message) as err:
        check_form(Action(**fields))
    assert "\n" not in str(err.value)


def test_targets_and_changes_are_checked():
    t = Target("statement", "colossus", 1907, statement_kind="powerCapacity", value="300", unit="MWatt")
    with pytest.raises(CurationError, match="unit 'MWatt' is not a known unit"):
        check_form(Action("confirm", "a", now_utc(), t))
    with pytest.raises(CurationError, match="line: a report line number"):
        check_form(Action("confirm", "a", now_utc(), Target("link", "xai", 0, property="operates", object="colossus")))
    with pytest.raises(CurationError, match="merge applies to a entity"):
        check_form(Action("merge", "a", now_utc(), t, reason="same", change={"into": "xai"}))
    e = Target("entity", "uae", 10)
    with pytest.raises(CurationError, match="cannot be merged into itself"):
        check_form(Action("merge", "a", now_utc(), e, reason="same", change={"into": "uae"}))
    with pytest.raises(CurationError, match="split: give the report line"):
        check_form(Action("split", "a", now_utc(), e, reason="two things", change={"name": "X", "lines": []}))
    with pytest.raises(CurationError, match="evidence is required"):
        check_form(Action("add", "a", now_utc(), Target("link", "xai", 5, property="operates", object="c"),
                          reason="missed"))


def test_values_are_read_as_the_gold_writes_them():
    assert parse_quantity("300 MW") == parse_quantity("300MW")
    q = parse_quantity("1.2 GW")
    assert (q.low, q.high, q.unit) == (Decimal("1.2"), None, "GW")
    q = parse_quantity("7B USD")
    assert (q.low, q.unit) == (Decimal("7E+9"), "USD")
    q = parse_quantity("34~35 MW")
    assert (q.low, q.high) == (Decimal(34), Decimal(35))
    assert parse_quantity("1,200", "MW").unit == "MW"
    with pytest.raises(CurationError, match="unit 'MWatt' is not a known unit"):
        parse_quantity("300 MWatt")
    with pytest.raises(CurationError, match="is not a number"):
        parse_quantity("about 300 MW")
