"""Where the app's graph comes from: a built N-Quads file (default) or a SPARQL endpoint.

* ``PETAFLOP_ENDPOINT`` — when set, the app queries this SPARQL 1.1 endpoint instead of a file;
* ``PETAFLOP_GRAPH`` — the N-Quads file to load (default ``build/atlas.nq``).

Both are read at call time (not import time) so tests and the empty state can redirect them.
"""

from __future__ import annotations

import os
from pathlib import Path

GRAPH_ENV = "PETAFLOP_GRAPH"
ENDPOINT_ENV = "PETAFLOP_ENDPOINT"


def graph_path() -> Path:
    """The N-Quads file the app loads: ``$PETAFLOP_GRAPH`` or ``<build dir>/atlas.nq``."""
    env = os.environ.get(GRAPH_ENV)
    if env:
        return Path(env)
    import foundation.paths

    return foundation.paths.BUILD_DIR / "atlas.nq"


def endpoint_url() -> str | None:
    """The SPARQL endpoint to use instead of the file, if configured."""
    url = os.environ.get(ENDPOINT_ENV, "").strip()
    return url or None


def source_key() -> tuple[str, str, int]:
    """A cache key that changes when the graph changes: (kind, location, version)."""
    url = endpoint_url()
    if url:
        return ("endpoint", url, 0)
    path = graph_path()
    from petaflop.curation.live import generation  # bumped to show new curation actions

    try:
        st = path.stat()
        version = hash((st.st_mtime_ns, st.st_size, generation()))
    except OSError:
        version = -1
    return ("file", str(path), version)
