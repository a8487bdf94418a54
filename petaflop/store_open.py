"""Opening the built store for reading: checked current first, then read-only (no reload of ``atlas.nq``).

A build writes ``atlas.nq``, the on-disk store ``store/`` and, last, ``manifest.json``
(:mod:`petaflop.manifest`). Readers open the store with ``pyoxigraph.Store.read_only`` — tens of
milliseconds, where loading the N-Quads takes one to six seconds — after checking the manifest:
a store older than its ``atlas.nq``, its report or the code and data the build ran is refused
with one line saying what changed and what to run (:class:`StoreStale`, exit 1).

* :func:`built_store_dir` — the current store of a build folder (or raises).
* :func:`open_built_store` — for the app: a read-only ``pyoxigraph.Store`` of the current build.
* :func:`query_store` — for ``petaflop query``: an :class:`~petaflop.query.EmbeddedStore` whose
  worker (one forked copy of the command, :mod:`petaflop.query_fork`) opens the store read-only;
  with ``rebuild=True`` a stale build is rebuilt first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from foundation.errors import UserError
from foundation.paths import BUILD_DIR


class StoreStale(UserError):
    """The built store does not match its inputs any more: rebuild."""


def built_store_dir(nq_path: Path | None = None, require_manifest: bool = True) -> Path | None:
    """The store folder of the build that wrote ``nq_path`` (default ``build/atlas.nq``), checked current.

    None when there is no manifest beside the file and ``require_manifest`` is False (a plain
    N-Quads file, e.g. an export: the caller loads it). Raises GraphNotBuilt when the file is
    missing and StoreStale when the build is out of date.
    """
    from petaflop.manifest import read_manifest, staleness
    from petaflop.store import load_memory_store

    nq = Path(nq_path or BUILD_DIR / "atlas.nq")
    if not nq.is_file():
        load_memory_store(nq)  # raises GraphNotBuilt with the message users know
    manifest = read_manifest(nq.parent)
    if manifest is None or manifest.nq_path.resolve() != nq.resolve():
        if not require_manifest:
            return None
        raise StoreStale(f"the store of {nq} cannot be checked (no {nq.parent / 'manifest.json'}): "
                         f"run `petaflop build{_out_option(nq.parent)}` (or pass --rebuild)")
    why = staleness(manifest)
    if why:
        raise StoreStale(f"the store in {nq.parent} is out of date ({why}): "
                         f"run `petaflop build{_out_option(nq.parent)}` (or pass --rebuild)")
    return manifest.store_dir


def _out_option(folder: Path) -> str:
    return "" if folder.resolve() == BUILD_DIR.resolve() else f" --out {folder}"


def open_built_store(nq_path: Path | None = None) -> ox.Store:
    """The app's store: the current build's on-disk store, read-only (raises StoreStale / GraphNotBuilt)."""
    from petaflop.store import remember_source

    folder = built_store_dir(nq_path)
    assert folder is not None
    return remember_source(ox.Store.read_only(str(folder)), folder)


def rebuild(nq_path: Path, say: Callable[[str], None]) -> None:
    """Build again into the folder of ``nq_path`` with the report and options its manifest records."""
    from petaflop.build import run_build
    from petaflop.manifest import read_manifest

    manifest = read_manifest(nq_path.parent)
    options = manifest.options if manifest else {}
    report = manifest.report if manifest and Path(manifest.report).is_file() else None
    say(f"rebuilding {nq_path.parent} …")
    result = run_build(report, out_dir=nq_path.parent, check_consistency=options.get("hermit", True),
                       reference=options.get("reference", True))
    say("rebuilt: " + ", ".join(f"{k} {v:.1f} s" for k, v in result.timings.items()))


def query_store(data: Path | None = None, rebuild_stale: bool = False,
                say: Callable[[str], None] = lambda _m: None):
    """The store ``petaflop query`` runs on: the current built store, read-only, or a plain N-Quads file.

    ``data`` None means ``build/atlas.nq``, whose build must be current. A file given with
    ``--data`` that has a manifest beside it (a build folder) is checked the same way; one without
    is loaded into memory as before.
    """
    from petaflop.query import EmbeddedStore
    from petaflop.query_fork import call, safe_to_fork

    nq = Path(data) if data is not None else BUILD_DIR / "atlas.nq"
    try:
        folder = built_store_dir(nq, require_manifest=data is None)
    except StoreStale:
        if not rebuild_stale:
            raise
        rebuild(nq, say)
        folder = built_store_dir(nq)
    runner = call if safe_to_fork() else None  # else the sandbox's pool (a zygote started afresh)
    if folder is None:
        return EmbeddedStore(nq, runner=runner)
    return EmbeddedStore(nq, store_dir=folder, runner=runner)
