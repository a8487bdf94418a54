"""The app's graph with the log applied, including actions taken since the build.

The app loads ``build/atlas.nq`` through :func:`curated_store`: when the log holds actions, the
extraction is read back from the file (:func:`~petaflop.curation.index.base_quads`), the whole log
is applied again, and the curated facts are also put in ``pfg:facts`` (and their provenance in
``pfg:provenance``) of the in-memory store — so every page shows them with their badges. The
file is never written. A new action reaches the other pages when the Review page calls
:func:`bump` (the app's cache key includes :func:`generation`), or at the next start.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from foundation.errors import PetaflopError
from foundation.namespaces import PFA, RDF
from petaflop.curation.index import G_FACTS, G_PROV, base_quads
from petaflop.curation.log import ActionLog, default_dir
from petaflop.curation.overlay import Overlay, compute_overlay

_GENERATION = [0]
ENABLE_ENV = "PETAFLOP_CURATION"


def editing_user() -> str | None:
    """The app's reviewer: ``$PETAFLOP_CURATION_USER`` when ``$PETAFLOP_CURATION`` is on, else None (read-only)."""
    from petaflop.curation.service import USER_ENV

    enabled = os.environ.get(ENABLE_ENV, "").strip().lower() in ("1", "true", "yes", "on")
    user = os.environ.get(USER_ENV, "").strip()
    return user if enabled and user else None


def generation() -> int:
    """Changes when the app should reload its graph: :func:`bump` was called, or the log folder changed."""
    from petaflop.curation.log import DIR_ENV

    return hash((_GENERATION[0], os.environ.get(DIR_ENV, "")))


def bump() -> None:
    _GENERATION[0] += 1


def view_quads(base: list[ox.Quad], overlay: Overlay) -> list[ox.Quad]:
    """The extraction with the overlay, curated facts also in pfg:facts, their provenance in pfg:provenance."""
    out = overlay.apply(base)
    out += [ox.Quad(t.subject, t.predicate, t.object, G_FACTS) for t in overlay.fact_triples]
    withdrawn_records = {q.subject for q in overlay.quads if q.predicate.value == PFA.withdrawnBy}
    statements = {q.subject for q in overlay.quads if q.predicate.value == RDF.subject} - withdrawn_records
    out += [ox.Quad(q.subject, q.predicate, q.object, G_PROV) for q in overlay.quads if q.subject in statements]
    return out


def curated_store(path: Path, log_dir: Path | None = None) -> tuple[ox.Store, str]:
    """An in-memory store of ``path`` with the log applied, and a note for the sidebar ('' when no log)."""
    from petaflop.store import load_memory_store

    log = ActionLog(log_dir or default_dir(Path(path).parent))
    try:
        actions = log.actions()
    except PetaflopError as exc:
        return load_memory_store(path), f"; curation log not applied: {exc}"
    if not actions:
        return load_memory_store(path), ""
    base = base_quads(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    overlay = compute_overlay(base, actions)
    store = ox.Store()
    store.bulk_extend(view_quads(base, overlay))
    return store, f"; {overlay.counts()['applied']} curation actions applied"
