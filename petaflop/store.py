"""The embedded store: pyoxigraph, in memory for the app and queries, on disk for serving.

``build/atlas.nq`` is the single artefact the build publishes; the stores are loaded from
it. ``petaflop query`` opens the on-disk copy under ``build/store`` read-only once the build's
manifest shows it current (:mod:`petaflop.store_open`): tens of milliseconds where loading the
N-Quads takes one to six seconds, at the price of slower joins (2–5× per query) — a long-lived
process (the app) may load it into memory instead; ``oxigraph serve`` uses a store of its own.

A store loaded with :func:`load_memory_store` remembers its file (:func:`source_of`), so the
query sandbox (:mod:`petaflop.sandbox`) can load the same file in its workers instead of
copying the store. The on-disk store is built beside its final place and swapped in by
renames: a build killed half-way leaves the previous store whole.
"""

from __future__ import annotations

import collections
import contextlib
import os
import shutil
import threading
from pathlib import Path

import pyoxigraph as ox

from foundation.errors import UserError
from foundation.paths import BUILD_DIR

NQ_PATH = BUILD_DIR / "atlas.nq"
DISK_STORE = BUILD_DIR / "store"


class GraphNotBuilt(UserError):
    """The graph file is missing: say what to run."""


class GraphUnreadable(UserError):
    """The graph file exists but is not N-Quads (a truncated file, another format, not UTF-8)."""


# id(store) -> (store, path): strong references (pyoxigraph stores take no weak references), a few at most
_SOURCES: collections.OrderedDict[int, tuple[ox.Store, Path]] = collections.OrderedDict()
_SOURCES_LOCK = threading.Lock()
_MAX_SOURCES = 4


def load_memory_store(nq_path: Path | None = None) -> ox.Store:
    path = Path(nq_path or NQ_PATH)
    if not path.is_file():
        if path.is_dir():
            raise GraphNotBuilt(f"{path} is a folder, not a graph file (N-Quads, e.g. build/atlas.nq)")
        raise GraphNotBuilt(f"no graph at {path}; run `petaflop build` (or `make run`) first")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    except (SyntaxError, ValueError, OSError) as exc:
        raise GraphUnreadable(f"{path} is not a readable N-Quads graph: {_first_line(exc)}") from None
    return remember_source(store, path)


def remember_source(store: ox.Store, path: Path) -> ox.Store:
    """Record the file (or store folder) ``store`` was opened from: see :func:`source_of`."""
    with _SOURCES_LOCK:
        _SOURCES[id(store)] = (store, Path(path).resolve())
        while len(_SOURCES) > _MAX_SOURCES:
            _SOURCES.popitem(last=False)
    return store


def _first_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] + ("…" if len(text) > 200 else "")


def source_of(store: ox.Store) -> Path | None:
    """The file a store was loaded from by :func:`load_memory_store` (or the store folder it was opened
    read-only from, :func:`petaflop.store_open.open_built_store`), if it is still there."""
    with _SOURCES_LOCK:
        entry = _SOURCES.get(id(store))
    if entry is None or entry[0] is not store or not entry[1].exists():
        return None
    return entry[1]


def write_disk_store(nq_path: Path, location: Path = DISK_STORE) -> Path:
    """(Re)create the on-disk store from the N-Quads file: built in a sibling folder, then swapped in."""
    return commit_disk_store(prepare_disk_store(Path(nq_path), location), location)


def prepare_disk_store(source: Path | bytes, location: Path = DISK_STORE) -> Path:
    """The store of ``source`` (an N-Quads file or its bytes) in a sibling folder of ``location``, to be
    swapped in by :func:`commit_disk_store` (or removed, when the build fails after all)."""
    location = Path(location)
    if location.exists() and not location.is_dir():
        raise UserError(f"{location} is a file; the store needs a folder there")
    tmp = location.with_name(f".{location.name}.new-{os.getpid()}")
    for moved in sorted(location.parent.glob(f".{location.name}.old-*")):
        if not location.exists():  # a writer was killed between its two renames: the old store is whole
            os.replace(moved, location)
        else:
            shutil.rmtree(moved, ignore_errors=True)
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        store = ox.Store(str(tmp))
        if isinstance(source, bytes):
            store.bulk_load(source, format=ox.RdfFormat.N_QUADS)
        else:
            store.bulk_load(path=str(source), format=ox.RdfFormat.N_QUADS)
        store.flush()
        del store
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise UserError(f"cannot write the store {location}: {exc.strerror or exc}") from None
    return tmp


def commit_disk_store(tmp: Path, location: Path = DISK_STORE) -> Path:
    """Swap the store prepared in ``tmp`` in at ``location`` (two renames; the old one removed after)."""
    location = Path(location)
    old = location.with_name(f".{location.name}.old-{os.getpid()}")
    try:
        if location.exists():
            os.replace(location, old)
        os.replace(tmp, location)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if old.exists() and not location.exists():
            with contextlib.suppress(OSError):
                os.replace(old, location)
        raise UserError(f"cannot write the store {location}: {exc.strerror or exc}") from None
    shutil.rmtree(old, ignore_errors=True)
    return location


class _ReadOnlyOnFirstUse:
    """A store folder opened read-only by the process that first queries it (each forked worker)."""

    def __init__(self, folder: str):
        self.folder = folder
        self._store: ox.Store | None = None

    def __getattr__(self, name: str):
        if self._store is None:
            self._store = ox.Store.read_only(self.folder)
        return getattr(self._store, name)


def source_store(source: str):
    """What a sandbox worker holds for ``source``: ``-`` (an empty store), a store folder, or an N-Quads file.

    A store folder gives a handle each forked worker opens read-only for itself (a RocksDB opened
    before ``fork`` is not safe to use after it).

    A store folder is opened once here to fail early (a missing or broken store), then closed: each
    worker opens its own read-only handle after the fork.
    """
    if source == "-":
        return ox.Store()
    if Path(source).is_dir():
        probe = ox.Store.read_only(source)
        del probe
        return _ReadOnlyOnFirstUse(source)
    store = ox.Store()
    store.bulk_load(path=source, format=ox.RdfFormat.N_QUADS)
    return store
