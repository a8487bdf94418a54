"""The export formats, one module each, behind one registry (:data:`FORMATS`).

RDF formats write the selection's quads as they are (sorted, fixed prefixes, canonical blank-node
labels, so the bytes are deterministic):

* ``turtle``, ``ntriples``, ``rdfxml``: one graph, the union of the named graphs (pyoxigraph's
  serialisers; RDF/XML declares every export prefix and opens in OWL tools);
* ``nquads``, ``trig`` (pyoxigraph's serialisers) and ``jsonld`` (our writer: compacted against a
  context of the prefixes, one ``@graph`` per named graph): the named graphs kept.

Graph formats share the property-graph projection (:mod:`.property_graph`): ``graphml``, ``csv``
(a zip), ``cypher`` and ``cytoscape``.

A format is an :class:`~.base.ExportFormat`; :func:`register` adds one (its name, aliases and
extensions must be new), :func:`resolve_format` finds one by name, alias or file extension.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from petaflop.export.errors import BadParameter
from petaflop.export.formats.base import ExportFormat
from petaflop.export.formats.csv_zip import CSV_FILES, CsvZip, csv_tables, read_csv_zip
from petaflop.export.formats.cypher import Cypher, cypher_name, cypher_string, cypher_value
from petaflop.export.formats.cytoscape import Cytoscape
from petaflop.export.formats.graphml import GraphML
from petaflop.export.formats.jsonld import JsonLd
from petaflop.export.formats.nquads import NQuads
from petaflop.export.formats.ntriples import NTriples
from petaflop.export.formats.property_graph import Column, PropertyGraph, property_graph, relationship_names
from petaflop.export.formats.rdfxml import RdfXml
from petaflop.export.formats.trig import TriG
from petaflop.export.formats.turtle import Turtle

__all__ = [
    "CSV_FILES", "FORMATS", "Column", "ExportFormat", "PropertyGraph", "csv_tables", "cypher_name",
    "cypher_string", "cypher_value", "property_graph", "read_csv_zip", "register", "relationship_names",
    "resolve_format",
]

#: Every format by name, in the order the CLI and the app list them.
FORMATS: dict[str, ExportFormat] = {}


def register(fmt: ExportFormat) -> ExportFormat:
    """Add a format to :data:`FORMATS`; its name, aliases and extensions must not be taken."""
    names = {fmt.name, *fmt.aliases}
    for other in FORMATS.values():
        clash = names & {other.name, *other.aliases} or set(fmt.extensions) & set(other.extensions)
        if clash:
            raise ValueError(f"format {fmt.name!r}: {', '.join(sorted(clash))} already belongs to {other.name!r}")
    FORMATS[fmt.name] = fmt
    return fmt


for _fmt in (Turtle(), NTriples(), NQuads(), TriG(), JsonLd(), RdfXml(), GraphML(), CsvZip(), Cypher(),
             Cytoscape()):
    register(_fmt)


def resolve_format(name: str | None, out: Path | str | None = None) -> ExportFormat:
    """A format by name or alias; without a name, by the output file's extension (default Turtle)."""
    if name:
        key = name.strip().lower()
        for f in FORMATS.values():
            if key == f.name or key in f.aliases:
                return f
        names = sorted([f.name for f in FORMATS.values()] + [a for f in FORMATS.values() for a in f.aliases])
        close = difflib.get_close_matches(key, names, n=3, cutoff=0.4)
        raise BadParameter(f"--format {name!r}: unknown format; choose one of {', '.join(FORMATS)}"
                           + (f" (close: {', '.join(close)})" if close else ""))
    if out is not None:
        suffix = Path(out).suffix.lower()
        for f in FORMATS.values():
            if suffix in f.extensions:
                return f
        if suffix:
            raise BadParameter(f"--format: cannot tell the format from the extension {suffix!r} of --out; "
                               f"give --format ({', '.join(FORMATS)})")
    return FORMATS["turtle"]
