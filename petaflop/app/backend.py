"""One way to ask the graph: ``select(sparql) -> rows of pyoxigraph terms``, embedded or remote.

The app's own look-ups are trusted SELECTs written in this package; they run unlimited on
the embedded store (its union default graph is the four named graphs) or through
:class:`petaflop.endpoint.RemoteStore`. Queries typed by a user go through
:mod:`petaflop.app.console` instead, which adds the read-only check and the limits.

A built graph (``atlas.nq`` with the build's ``manifest.json`` beside it) is read from the build's
on-disk store, opened read-only once the manifest says it is current
(:func:`petaflop.store_open.built_store_dir`) — no reload of the N-Quads. A stale build is refused
with one line naming what changed and the command to run. The N-Quads are loaded into memory
only when the curation log holds actions (the overlay is applied in memory,
:mod:`petaflop.curation.live`) or the file has no manifest (a plain N-Quads file).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from foundation.errors import UserError
from foundation.namespaces import sparql_prefixes

PREFIXES = sparql_prefixes()


class BackendError(UserError):
    """The graph cannot be opened or a look-up failed; the message says what to do."""


@dataclass
class Backend:
    """Base: ``description`` names where the data comes from (shown in the sidebar)."""

    description: str = "graph"
    store: ox.Store | None = field(default=None, repr=False)  # embedded only
    url: str | None = None  # endpoint only
    source: str = "memory"  # embedded: "store" (the built store, read-only) or "memory" (N-Quads loaded)

    def select(self, sparql: str) -> list[tuple]:
        raise NotImplementedError

    def triples(self, graph: str) -> list[tuple]:
        """Every ``(s, p, o)`` of the named graph ``graph`` whose subject is an IRI."""
        return self.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} FILTER(isIRI(?s)) }}")


class EmbeddedBackend(Backend):
    """pyoxigraph in memory; the default graph is the union of the named graphs."""

    def __init__(self, store: ox.Store, description: str = "embedded store", source: str = "memory"):
        super().__init__(description=description, store=store, source=source)

    @classmethod
    def from_file(cls, path: Path | str) -> EmbeddedBackend:
        """The built store read-only when current and no curation action applies, else ``path`` in memory."""
        from petaflop.curation.live import curated_store  # the curation log applied (petaflop/curation)

        path = Path(path)

        folder = current_store_dir(path)
        if folder is not None and not _curation_pending(path):
            from petaflop.store import remember_source

            try:
                store = ox.Store.read_only(str(folder))
            except OSError as exc:
                raise BackendError(f"the store {folder} cannot be opened ({exc}); run `petaflop build`") from None
            return cls(remember_source(store, folder), source="store",
                       description=f"embedded store ({path.parent.name}/{folder.name}, read-only)")
        store, note = curated_store(path)
        return cls(store, description=f"embedded store ({path.name}{note})")

    def select(self, sparql: str) -> list[tuple]:
        result = self.store.query(PREFIXES + sparql, use_default_graph_as_union=True)
        width = len(result.variables)
        return [tuple(sol[i] for i in range(width)) for sol in result]

    def triples(self, graph: str) -> list[tuple]:
        """A pattern scan, without the SPARQL engine (several times faster on the on-disk store)."""
        named = ox.NamedNode
        return [(q.subject, q.predicate, q.object)
                for q in self.store.quads_for_pattern(None, None, None, named(graph)) if type(q.subject) is named]


class EndpointBackend(Backend):
    """A SPARQL 1.1 endpoint (e.g. ``oxigraph serve`` or Virtuoso loaded by ``petaflop serve``)."""

    def __init__(self, url: str):
        super().__init__(description=f"endpoint {url}", url=url)
        try:
            from petaflop.endpoint import RemoteStore
        except ImportError as exc:  # pragma: no cover - the query layer ships with the package
            raise BackendError(f"endpoint mode needs petaflop.endpoint ({exc})") from None
        self._remote = RemoteStore(url)

    def select(self, sparql: str) -> list[tuple]:
        result = self._remote.run(PREFIXES + sparql, timeout_s=120, row_limit=None)
        return [tuple(row) for row in result.rows]


def current_store_dir(path: Path) -> Path | None:
    """The build's store folder beside ``path`` when the manifest says it is current; None for a
    file without a manifest (loaded as before). A stale build raises BackendError: what changed,
    and the command to run."""
    from petaflop.store_open import StoreStale, built_store_dir

    try:
        return built_store_dir(path, require_manifest=False)
    except StoreStale as exc:
        text = str(exc).removesuffix(" (or pass --rebuild)")  # the CLI's option; the app has none
        raise BackendError(f"{text[:1].upper()}{text[1:]}, then reload this page.") from None


def _curation_pending(path: Path) -> bool:
    """Whether the curation log beside the graph holds actions (or cannot be read: the in-memory path says why)."""
    from foundation.errors import PetaflopError
    from petaflop.curation.log import ActionLog, default_dir

    log = ActionLog(default_dir(Path(path).parent))
    try:
        return log.exists() and bool(log.actions())
    except PetaflopError:
        return True


def open_backend(kind: str, location: str) -> Backend:
    """``("file", path)`` or ``("endpoint", url)`` → a backend; errors say what to run."""
    if kind == "endpoint":
        return EndpointBackend(location)
    path = Path(location)
    if not path.is_file():
        raise BackendError(f"no graph at {path}; run `petaflop build` (or `make run`) first")
    return EmbeddedBackend.from_file(path)
