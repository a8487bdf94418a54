"""The action log: one SQLite file, append-only, shared by the command line and the app.

``<dir>/actions.sqlite`` (``$PETAFLOP_CURATION_DIR``, else ``curation/`` beside the graph:
``build/curation/``). WAL journal, so readers never block the writer; every append is one
``BEGIN IMMEDIATE`` transaction, so two writers (CLI and app, threads or processes) queue and
neither loses an action.

Append-only, three ways: triggers refuse ``UPDATE`` and ``DELETE`` on every table; each row
carries ``chain`` = SHA-256(previous chain + the action's JSON), and the rows' sequence numbers
must run 1…N with N the table's AUTOINCREMENT counter — so an edit made behind the triggers'
back (dropping them, truncating the tail) is found when the log is opened, and the log refuses
to be used until it is restored from an export. This guards against accidents and casual edits,
not against someone rewriting the whole file and its counters.

Export and import are JSON Lines, one action per line in log order: ``import`` checks each line's
id against its content and appends the actions the log does not hold yet (same ids are skipped),
keeping their authors and times, so an import into an empty log gives the same overlay byte for byte.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from foundation.errors import UserError
from petaflop.curation.actions import Action, CurationError, canonical_json

SCHEMA_VERSION = 1
LOG_FILE = "actions.sqlite"
DIR_ENV = "PETAFLOP_CURATION_DIR"
_GENESIS = "0" * 64

_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS actions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    user TEXT NOT NULL,
    type TEXT NOT NULL,
    body TEXT NOT NULL,
    chain TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS actions_no_update BEFORE UPDATE ON actions
    BEGIN SELECT RAISE(ABORT, 'the curation log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS actions_no_delete BEFORE DELETE ON actions
    BEGIN SELECT RAISE(ABORT, 'the curation log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS version_no_update BEFORE UPDATE ON schema_version
    BEGIN SELECT RAISE(ABORT, 'the curation log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS version_no_delete BEFORE DELETE ON schema_version
    BEGIN SELECT RAISE(ABORT, 'the curation log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS version_once BEFORE INSERT ON schema_version
    WHEN (SELECT COUNT(*) FROM schema_version) > 0
    BEGIN SELECT RAISE(ABORT, 'the curation log has a schema version already'); END;
"""
_TRIGGERS = {"actions_no_update", "actions_no_delete", "version_no_update", "version_no_delete", "version_once"}


class LogTampered(UserError):
    """The log file was changed other than by appending; the message says how and what to do."""


def default_dir(graph_dir: Path | None = None) -> Path:
    """``$PETAFLOP_CURATION_DIR``, else ``curation/`` in the build folder (the graph's folder)."""
    env = os.environ.get(DIR_ENV, "").strip()
    if env:
        return Path(env)
    if graph_dir is None:
        from foundation.paths import BUILD_DIR

        graph_dir = BUILD_DIR
    return Path(graph_dir) / "curation"


def _chain(previous: str, body: str) -> str:
    return hashlib.sha256((previous + "\n" + body).encode("utf-8")).hexdigest()


class ActionLog:
    """The log in ``directory`` (created on the first append; reading a missing log gives nothing)."""

    def __init__(self, directory: str | os.PathLike[str]):
        self.dir = Path(directory)
        self.path = self.dir / LOG_FILE

    # ------------------------------------------------------------------ connections
    @contextlib.contextmanager
    def _connect(self, create: bool) -> Iterator[sqlite3.Connection]:
        if create:
            try:
                self.dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise UserError(f"cannot create the curation folder {self.dir}: {exc.strerror or exc}") from None
        try:
            con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except sqlite3.Error as exc:
            raise UserError(f"cannot open the curation log {self.path}: {exc}") from None
        try:
            con.execute("PRAGMA busy_timeout = 30000")
            if create:
                mode = con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise UserError(f"the curation log {self.path} cannot use WAL journaling (got {mode})")
                con.execute("BEGIN IMMEDIATE")
                for statement in _SCHEMA.split(";\n"):
                    if statement.strip():
                        con.execute(statement)
                if con.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == 0:
                    con.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
                con.execute("COMMIT")
            yield con
        except sqlite3.DatabaseError as exc:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise UserError(f"curation log {self.path}: {exc}") from None
        finally:
            con.close()

    def exists(self) -> bool:
        return self.path.is_file()

    # ------------------------------------------------------------------ reading
    def actions(self) -> list[Action]:
        """Every action in log order, after checking the file was only ever appended to."""
        if not self.exists():
            return []
        with self._connect(create=False) as con:
            return self._verified(con)

    def _verified(self, con: sqlite3.Connection) -> list[Action]:
        self._check_schema(con)
        rows = con.execute("SELECT seq, id, body, chain FROM actions ORDER BY seq").fetchall()
        counter = con.execute("SELECT seq FROM sqlite_sequence WHERE name = 'actions'").fetchone()
        expected_last = counter[0] if counter else 0
        previous, out = _GENESIS, []
        for n, (seq, action_id, body, chain) in enumerate(rows, 1):
            if seq != n:
                raise LogTampered(f"curation log {self.path} was rewritten: action #{n} is missing "
                                  "(restore it from a JSON Lines export)")
            if chain != _chain(previous, body):
                raise LogTampered(f"curation log {self.path} was rewritten at action #{seq} ({action_id}): "
                                  "its content does not match the chain (restore it from a JSON Lines export)")
            try:
                action = Action.from_json(json.loads(body))
            except (ValueError, CurationError) as exc:
                raise LogTampered(f"curation log {self.path}: action #{seq} cannot be read: {exc}") from None
            if action.id != action_id:
                raise LogTampered(f"curation log {self.path} was rewritten at action #{seq}: id does not match")
            out.append(action)
            previous = chain
        if len(rows) != expected_last:
            raise LogTampered(f"curation log {self.path} was rewritten: it held {expected_last} actions, now "
                              f"{len(rows)} (restore it from a JSON Lines export)")
        return out

    def _check_schema(self, con: sqlite3.Connection) -> None:
        try:
            versions = [r[0] for r in con.execute("SELECT version FROM schema_version")]
        except sqlite3.DatabaseError:
            raise LogTampered(f"{self.path} is not a curation log (no schema version)") from None
        if versions != [SCHEMA_VERSION]:
            raise LogTampered(f"curation log {self.path} has schema version {versions}, expected {SCHEMA_VERSION}")
        triggers = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        if not _TRIGGERS <= triggers:
            missing = ", ".join(sorted(_TRIGGERS - triggers))
            raise LogTampered(f"curation log {self.path} lost its append-only triggers ({missing})")

    def state(self) -> tuple[int, str]:
        """(number of actions, last chain): changes whenever an action is appended (for caches)."""
        if not self.exists():
            return 0, _GENESIS
        with self._connect(create=False) as con:
            row = con.execute("SELECT seq, chain FROM actions ORDER BY seq DESC LIMIT 1").fetchone()
        return (row[0], row[1]) if row else (0, _GENESIS)

    # ------------------------------------------------------------------ appending
    def append(self, action: Action) -> Action:
        """Append one action (its id computed from its content); returns it with its id."""
        return self.append_many([action])[0]

    def append_many(self, actions: list[Action], skip_existing: bool = False) -> list[Action]:
        """Append in one transaction: all or nothing. With ``skip_existing``, ids already in the log are
        left out (an import of a log that overlaps this one); otherwise a repeated id is an error."""
        stamped = [a if a.id else a.with_id() for a in actions]
        with self._connect(create=True) as con:
            con.execute("BEGIN IMMEDIATE")
            self._verified(con)
            row = con.execute("SELECT chain FROM actions ORDER BY seq DESC LIMIT 1").fetchone()
            previous = row[0] if row else _GENESIS
            have = {r[0] for r in con.execute("SELECT id FROM actions")}
            written = []
            for action in stamped:
                if action.id in have:
                    if skip_existing:
                        continue
                    con.execute("ROLLBACK")
                    raise CurationError(f"action {action.id} is already in the log")
                body = canonical_json(action.body() | {"id": action.id})
                previous = _chain(previous, body)
                con.execute("INSERT INTO actions (id, created, user, type, body, chain) VALUES (?, ?, ?, ?, ?, ?)",
                            (action.id, action.created, action.user, action.type, body, previous))
                have.add(action.id)
                written.append(action)
            con.execute("COMMIT")
        return written

    # ------------------------------------------------------------------ JSON Lines
    def export_jsonl(self) -> str:
        """Every action as one JSON line, in log order."""
        return "".join(canonical_json(a.to_json()) + "\n" for a in self.actions())

    def import_jsonl(self, text: str, source: str = "input") -> tuple[int, int]:
        """Append the actions of a JSON Lines text not yet in the log; (added, skipped). A bad line
        is an error naming it, and nothing is written."""
        actions = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CurationError(f"{source} line {n}: not JSON ({exc.msg})") from None
            try:
                actions.append(Action.from_json(data))
            except CurationError as exc:
                raise CurationError(f"{source} line {n}: {exc}") from None
        seen: set[str] = set()
        unique = [a for a in actions if not (a.id in seen or seen.add(a.id))]
        written = self.append_many(unique, skip_existing=True)
        return len(written), len(actions) - len(written)
