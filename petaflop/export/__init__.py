"""Export subgraphs: choose objects by seeds and hops, then write them in any format.

The library API (the CLI's ``petaflop export`` and the app's Export page call only this)::

    sel = Selection(seeds=("Stargate",), hops=2)
    sub = select(sel)                     # resolve seeds, expand, collect; raises on bad input
    sub.preview()                         # counts: objects, links, triples per graph, types
    result = export(sub, "graphml")       # ExportResult(data=bytes, filename, media_type, preview)

How a selection is made (every rule is a design choice documented here and in the README):

* **Seeds** are IRIs (``<…>`` or ``https://…``), CURIEs (``pfid:openai``), or names: English
  or Korean labels and aliases (``skos:altLabel``) in the graph, and gazetteer aliases, matched
  regardless of case, spacing and ``·-_()`` — resolved by the one entity resolver,
  :class:`petaflop.entities.EntityIndex`. A catalogue query (``query=``) or a SPARQL
  SELECT/CONSTRUCT (``sparql=``) adds every object its results mention.
* **Hops** (0–3) expand along *links* — triples in the chosen fact graphs whose object is
  another object. ``rdf:type``, labels and literal values are never links, and neither is a
  triple whose object is an ontology term (``pfa:promotedTo pfa:chipCount``), so a class, a
  property or a literal cannot pull half the graph in. ``direction`` follows links
  subject→object (``out``), object→subject (``in``) or both. A link statement (a planned,
  target, forecast or estimated link, ``pfa:LinkStatement``, docs/statements.md) is a link: the
  hop that reaches its node also reaches both its ends, when its ``pfa:linkProperty`` passes
  the link filters. The graph formats write it as one edge with a ``status``
  (``formats/link_statement_edges.py``); the RDF formats keep the node.
* **Filters** shape the graph the hops walk in: a link is walked only if its predicate passes
  ``include_links``/``exclude_links``; an object is entered only if its types (with their
  superclasses from the ontology) pass ``include_types``/``exclude_types``. Seeds always pass.
  The selection is the induced subgraph: every allowed link between selected objects.
* **Description**: every selected object brings its types, labels, alternative labels and
  literal values from the chosen graphs (labels also from ``pfg:facts`` when only inferred
  facts are exported, so objects stay named). ``exclude_links`` also drops attributes
  (except ``rdf:type`` and ``rdfs:label``); ``include_links`` only restricts links.
* **Provenance** (on by default) adds the ``rdf:Statement`` of every exported fact from
  ``pfg:provenance``, its ``pfa:ReportLocation``, and the name of each cited source.
* **Ontology terms** (on by default): every predicate and class used is described from
  ``pfg:ontology`` (labels, definitions, units, domain, range, super-terms, with their blank
  nodes), terms those descriptions mention are declared, and the ontology header is kept —
  so the file describes itself and opens in OWL tools.
* **Determinism**: quads are sorted and blank nodes get labels derived from their content and
  position (a hash), so the same input gives the same bytes.
* **Bad input** raises a :class:`ExportError` naming the parameter (``--seed``, ``--hops``…)
  with close matches; an empty selection and one over ``limit`` triples are refused at export
  time (the latter unless ``force``).

Modules: :mod:`.selection` (Selection, select, Subgraph, Preview), :mod:`.seeds` (seeds from
names, catalogue queries and SPARQL), :mod:`.filters` (link and type filters), :mod:`.provenance`,
:mod:`.ontology_part`, :mod:`.canonical` (sorted quads, blank-node labels), :mod:`.index` (per-store
caches, ``open_store``), :mod:`.terms` (graphs, prefixes, the ontology's terms), :mod:`.api`
(export, write_export, CLI helpers), and :mod:`.formats` (one module per format, one registry).
"""

from __future__ import annotations

from petaflop.export.api import (
    ExportResult,
    check_output,
    export,
    parse_param_args,
    preview,
    read_sparql_arg,
    suggested_filename,
    write_export,
)
from petaflop.export.canonical import canonical_quads
from petaflop.export.errors import (
    AmbiguousSeed,
    BadParameter,
    EmptySelection,
    ExportError,
    SelectionTooLarge,
    UnknownSeed,
)
from petaflop.export.filters import resolve_terms
from petaflop.export.formats import FORMATS, ExportFormat, resolve_format
from petaflop.export.index import StoreIndex, clear_caches, open_store, store_index
from petaflop.export.seeds import resolve_seed
from petaflop.export.selection import (
    DEFAULT_HOPS,
    DEFAULT_LIMIT,
    DIRECTIONS,
    FACTS_CHOICES,
    MAX_HOPS,
    Preview,
    Selection,
    Subgraph,
    primary_type,
    select,
    to_rdflib_term,
)
from petaflop.export.terms import (
    EXPORT_PREFIXES,
    G_FACTS,
    G_INFERRED,
    G_ONTOLOGY,
    G_PROVENANCE,
    GRAPH_ORDER,
    NAMING,
    TermInfo,
    Vocabulary,
    curie,
)

__all__ = [
    "DEFAULT_HOPS", "DEFAULT_LIMIT", "DIRECTIONS", "EXPORT_PREFIXES", "FACTS_CHOICES", "FORMATS", "GRAPH_ORDER",
    "G_FACTS", "G_INFERRED", "G_ONTOLOGY", "G_PROVENANCE", "MAX_HOPS", "NAMING", "AmbiguousSeed", "BadParameter",
    "EmptySelection", "ExportError", "ExportFormat", "ExportResult", "Preview", "Selection", "SelectionTooLarge",
    "StoreIndex", "Subgraph", "TermInfo", "UnknownSeed", "Vocabulary", "canonical_quads", "check_output",
    "clear_caches", "curie", "export", "open_store", "parse_param_args", "preview", "primary_type",
    "read_sparql_arg", "resolve_format", "resolve_seed", "resolve_terms", "select", "store_index",
    "suggested_filename", "to_rdflib_term", "write_export",
]
