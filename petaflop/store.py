"""The embedded store: pyoxigraph, in memory for the app and queries, on disk for serving.

``build/atlas.nq`` is the single artefact the build publishes; the stores are loaded from
it. In-memory loading of the report graph takes a fraction of a second, so the app and the
query CLI load it per process (cached) rather than sharing an on-disk store, which is 3–4×
slower per query; the on-disk copy under ``build/store`` is what ``oxigraph serve`` uses.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox

from foundation.errors import UserError
from foundation.paths import BUILD_DIR

NQ_PATH = BUILD_DIR / "atlas.nq"
DISK_STORE = BUILD_DIR / "store"


class GraphNotBuilt(UserError):
    """The graph file is missing: say what to run."""


def load_memory_store(nq_path: Path | None = None) -> ox.Store:
    path = Path(nq_path or NQ_PATH)
    if not path.is_file():
        raise GraphNotBuilt(f"no graph at {path}; run `petaflop build` (or `make run`) first")
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    return store


def write_disk_store(nq_path: Path, location: Path = DISK_STORE) -> Path:
    """(Re)create the on-disk store from the N-Quads file."""
    if location.exists():
        shutil.rmtree(location)
    store = ox.Store(str(location))
    store.bulk_load(path=str(nq_path), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    return location
