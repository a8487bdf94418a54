"""Review and curation: analysts confirm, reject, correct and add facts, merge and split entities.

* :mod:`~petaflop.curation.actions` — an action names its fact by content and report line;
* :mod:`~petaflop.curation.log` — the append-only SQLite log (``build/curation/actions.sqlite``
  or ``$PETAFLOP_CURATION_DIR``), JSON Lines export and import;
* :mod:`~petaflop.curation.index`, :mod:`~petaflop.curation.matching` — the facts of a build and
  how an action finds its fact again after a rebuild (or says why it cannot: *orphaned*);
* :mod:`~petaflop.curation.overlay` — the log applied as the ``pfg:curation`` graph;
* :mod:`~petaflop.curation.service` — recording actions from the command line and the app;
* :mod:`~petaflop.curation.queue` — the review queue, ordered by risk;
* :mod:`~petaflop.curation.quality` — precision per rule and property estimated from reviews;
* :mod:`~petaflop.curation.live` — the app's graph with the log applied.

The build calls :func:`build_overlay` once, between assertion and reasoning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported lazily: `petaflop --help` does not load the ontology
    import pyoxigraph as ox

    from petaflop.curation.overlay import Overlay

__all__ = ["build_overlay"]


def build_overlay(asserted: Iterable[ox.Quad], out_dir: Path,
                  say: Callable[[str, str], None] | None = None) -> Overlay:
    """The log of ``$PETAFLOP_CURATION_DIR`` (else ``<out_dir>/curation/``) applied to the asserted quads.

    No log, or an empty one: an empty overlay, and the build's output is what it was without curation."""
    from petaflop.curation.log import ActionLog, default_dir
    from petaflop.curation.overlay import compute_overlay

    actions = ActionLog(default_dir(out_dir)).actions()
    overlay = compute_overlay(asserted, actions)
    if actions and say is not None:
        say("curate", overlay.summary())
    return overlay


def coverage_markdown(data: dict | None) -> list[str]:
    """The coverage report's section on the curation log: counts, and every orphaned action with why."""
    if not data or not data.get("counts", {}).get("actions"):
        return ["", "## Curation", "", "No curation actions (the log is empty or absent)."]
    c = data["counts"]
    lines = ["", "## Curation (graph pfg:curation)", "",
             f"{c['actions']} actions: {c['applied']} applied, {c['superseded']} superseded by a later decision, "
             f"{c['orphaned']} orphaned; {c['withdrawn']} extracted triples withdrawn from pfg:facts, "
             f"{c['curated_facts']} curated triples.", "",
             f"### Orphaned actions ({len(data['orphaned'])})", "",
             "Their fact is no longer extracted (the extractor or the report changed); they stay in the log.", ""]
    lines += [f"- `{o['id']}` {o['type']} by {o['user']}: {o['target']} — {o['reason']}" for o in data["orphaned"]]
    return lines
