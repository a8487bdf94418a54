"""Saved views and object sets: named app addresses in a local SQLite file (no Streamlit here).

A *view* is what a page shows, as its URL parameters (``page=explorer&type=Chip&f.…``, a graph
canvas, a console query); opening it navigates to that address. A view whose parameters name
objects (a graph canvas, an explorer result) doubles as an object set.

The file is ``views.sqlite`` under ``$PETAFLOP_VIEWS_DIR`` (default: the build folder, or
``~/.petaflop`` when that cannot be written). The app never writes to the graph; this file is
the only thing it writes. Everything exports as one JSON document.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
from contextlib import closing
from dataclasses import asdict, dataclass
from pathlib import Path

from foundation.errors import UserError

VIEWS_ENV = "PETAFLOP_VIEWS_DIR"
FILE_NAME = "views.sqlite"
MAX_NAME = 80
MAX_PARAMS_CHARS = 20_000
KINDS = ("explorer", "graph", "sparql", "object", "sovereign", "export-controls", "power", "home", "export")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS views (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  params TEXT NOT NULL,
  created TEXT NOT NULL,
  updated TEXT NOT NULL
)"""


class ViewError(UserError):
    """A saved view cannot be stored as asked (name empty, taken or too long; unknown view)."""


@dataclass(frozen=True)
class SavedView:
    id: int
    name: str
    kind: str
    params: dict
    created: str
    updated: str


def default_dir() -> Path:
    """``$PETAFLOP_VIEWS_DIR``, else the build folder if it can be written, else ``~/.petaflop``."""
    env = os.environ.get(VIEWS_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    import foundation.paths

    build = foundation.paths.BUILD_DIR
    if (build.is_dir() and os.access(build, os.W_OK)) or (not build.exists() and os.access(build.parent, os.W_OK)):
        return build
    return Path.home() / ".petaflop"


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


def _clean_name(name: str) -> str:
    name = " ".join(str(name or "").split())
    if not name:
        raise ViewError("a saved view needs a name")
    if len(name) > MAX_NAME:
        raise ViewError(f"the name is {len(name)} characters long; at most {MAX_NAME}")
    return name


def _clean_params(params: dict) -> dict:
    out = {}
    for k, v in params.items():
        if isinstance(v, list | tuple):
            out[str(k)] = [str(x) for x in v]
        else:
            out[str(k)] = str(v)
    text = json.dumps(out, ensure_ascii=False, sort_keys=True)
    if len(text) > MAX_PARAMS_CHARS:
        raise ViewError(f"the view's address is {len(text):,} characters long; at most {MAX_PARAMS_CHARS:,}")
    return out


class ViewStore:
    """The SQLite file of saved views; one short connection per call (Streamlit runs threads)."""

    def __init__(self, directory: str | os.PathLike[str] | None = None):
        self.directory = Path(directory) if directory is not None else default_dir()
        self.path = self.directory / FILE_NAME

    def _connect(self) -> sqlite3.Connection:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=5)
            conn.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise ViewError(f"cannot open the saved views at {self.path}: {exc}") from None
        return conn

    @staticmethod
    def _row(row) -> SavedView:
        return SavedView(row[0], row[1], row[2], json.loads(row[3]), row[4], row[5])

    def list(self) -> list[SavedView]:
        with closing(self._connect()) as conn:
            rows = conn.execute("SELECT id, name, kind, params, created, updated FROM views "
                                "ORDER BY updated DESC, id DESC").fetchall()
        return [self._row(r) for r in rows]

    def get(self, view_id: int) -> SavedView:
        with closing(self._connect()) as conn:
            row = conn.execute("SELECT id, name, kind, params, created, updated FROM views WHERE id = ?",
                               (int(view_id),)).fetchone()
        if row is None:
            raise ViewError(f"no saved view with id {view_id}")
        return self._row(row)

    def save(self, name: str, kind: str, params: dict, *, replace: bool = False) -> SavedView:
        """Store a view under ``name``; an existing name is an error unless ``replace``."""
        name = _clean_name(name)
        if kind not in KINDS:
            raise ViewError(f"unknown kind of view {kind!r}; one of {', '.join(KINDS)}")
        text = json.dumps(_clean_params(params), ensure_ascii=False, sort_keys=True)
        now = _now()
        with closing(self._connect()) as conn, conn:
            existing = conn.execute("SELECT id FROM views WHERE name = ?", (name,)).fetchone()
            if existing and not replace:
                raise ViewError(f"a view named {name!r} exists; choose another name or replace it")
            if existing:
                conn.execute("UPDATE views SET kind = ?, params = ?, updated = ? WHERE id = ?",
                             (kind, text, now, existing[0]))
                view_id = existing[0]
            else:
                view_id = conn.execute("INSERT INTO views (name, kind, params, created, updated) "
                                       "VALUES (?, ?, ?, ?, ?)", (name, kind, text, now, now)).lastrowid
        return self.get(view_id)

    def rename(self, view_id: int, new_name: str) -> SavedView:
        new_name = _clean_name(new_name)
        with closing(self._connect()) as conn, conn:
            clash = conn.execute("SELECT id FROM views WHERE name = ? AND id != ?", (new_name, int(view_id))).fetchone()
            if clash:
                raise ViewError(f"a view named {new_name!r} exists")
            cur = conn.execute("UPDATE views SET name = ?, updated = ? WHERE id = ?", (new_name, _now(), int(view_id)))
            if cur.rowcount == 0:
                raise ViewError(f"no saved view with id {view_id}")
        return self.get(view_id)

    def delete(self, view_id: int) -> None:
        with closing(self._connect()) as conn, conn:
            cur = conn.execute("DELETE FROM views WHERE id = ?", (int(view_id),))
        if cur.rowcount == 0:
            raise ViewError(f"no saved view with id {view_id}")

    def export_json(self) -> str:
        """Every saved view as one JSON document (``{"views": [...]}``), oldest first."""
        views = sorted(self.list(), key=lambda v: (v.created, v.id))
        return json.dumps({"format": "petaflop-atlas saved views", "version": 1,
                           "views": [asdict(v) for v in views]}, ensure_ascii=False, indent=2)
