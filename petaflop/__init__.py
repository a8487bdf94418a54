"""Petaflop Atlas core: the pieces that sit between the parsed report and its users.

The data flows one way: report -> document model (:mod:`ingest`) -> facts with provenance
-> RDF graph (ontology from :mod:`ontology`) -> reasoning -> store -> queries / app / export.
This package holds the shared plumbing (paths, errors, the CLI); each later stage gets a
module of its own named after the concept it holds.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("petaflop-atlas")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
