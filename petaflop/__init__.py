"""Petaflop Atlas core: the pieces that sit between the parsed report and its users.

The data flows one way: report -> document model (:mod:`ingest`) -> facts with provenance
-> RDF graph (ontology from :mod:`ontology`) -> reasoning -> store -> queries / app / export.
This package holds the shared plumbing (paths, errors, the CLI); each later stage gets a
module of its own named after the concept it holds.
"""

__all__ = ["__version__"]


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed metadata when first asked for (importlib.metadata costs
    tens of milliseconds, which every process importing a petaflop module would otherwise pay)."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("petaflop-atlas")
    except PackageNotFoundError:  # running from a source tree that was never installed
        value = "0.0.0+unknown"
    globals()["__version__"] = value
    return value
