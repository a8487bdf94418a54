"""One way to ask the graph: ``select(sparql) -> rows of pyoxigraph terms``, embedded or remote.

The app's own look-ups are trusted SELECTs written in this package; they run unlimited on
the embedded store (its union default graph is the four named graphs) or through
:class:`petaflop.endpoint.RemoteStore`. Queries typed by a user go through
:mod:`petaflop.app.console` instead, which adds the read-only check and the limits.
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

    def select(self, sparql: str) -> list[tuple]:
        raise NotImplementedError


class EmbeddedBackend(Backend):
    """pyoxigraph in memory; the default graph is the union of the named graphs."""

    def __init__(self, store: ox.Store, description: str = "embedded store"):
        super().__init__(description=description, store=store)

    @classmethod
    def from_file(cls, path: Path) -> EmbeddedBackend:
        from petaflop.curation.live import curated_store  # the curation log applied (petaflop/curation)

        store, note = curated_store(path)
        return cls(store, description=f"embedded store ({path.name}{note})")

    def select(self, sparql: str) -> list[tuple]:
        result = self.store.query(PREFIXES + sparql, use_default_graph_as_union=True)
        width = len(result.variables)
        return [tuple(sol[i] for i in range(width)) for sol in result]


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


def open_backend(kind: str, location: str) -> Backend:
    """``("file", path)`` or ``("endpoint", url)`` → a backend; errors say what to run."""
    if kind == "endpoint":
        return EndpointBackend(location)
    path = Path(location)
    if not path.is_file():
        raise BackendError(f"no graph at {path}; run `petaflop build` (or `make run`) first")
    return EmbeddedBackend.from_file(path)
