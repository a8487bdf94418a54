"""JSON-LD: the named graphs kept, compacted against a context of the export prefixes, one
``@graph`` object per named graph and one node object per line.

A small writer of our own: pyoxigraph's JSON-LD serialiser writes expanded JSON-LD only (full
IRIs, no ``@context``; it ignores ``prefixes``), and rdflib's walks ``set(graph.subjects())``, whose
order changes with the process's hash seed, so neither gives compact, byte-deterministic output."""

from __future__ import annotations

import functools
from collections import defaultdict
from typing import Any

import pyoxigraph as ox

from petaflop.export.errors import ExportError
from petaflop.export.formats.base import JSON, ExportFormat
from petaflop.export.selection import Subgraph
from petaflop.export.terms import EXPORT_PREFIXES, RDF_TYPE, XSD_STRING

_BNODE_LABEL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


@functools.lru_cache(maxsize=1 << 16)
def _compact(iri: str) -> str:
    best = None
    for prefix, ns in EXPORT_PREFIXES.items():
        if iri.startswith(ns) and (best is None or len(ns) > len(EXPORT_PREFIXES[best])):
            best = prefix
    if best is None or iri[len(EXPORT_PREFIXES[best]):].startswith("//"):
        return iri
    return f"{best}:{iri[len(EXPORT_PREFIXES[best]):]}"


def _ref(term) -> str:
    if isinstance(term, ox.BlankNode):
        if not set(term.value) <= _BNODE_LABEL:
            raise ExportError(f"blank node label {term.value!r} is not canonical")
        return f"_:{term.value}"
    return _compact(term.value)


def _value(term) -> Any:
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return {"@id": _ref(term)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype == XSD_STRING:
        return term.value
    return {"@value": term.value, "@type": _compact(term.datatype.value)}


class JsonLd(ExportFormat):
    name = "jsonld"
    extension = ".jsonld"
    media_type = "application/ld+json"
    description = "JSON-LD, compacted with a prefix context (named graphs kept)"
    description_ko = "접두사 컨텍스트로 압축한 JSON-LD (명명 그래프 유지)"
    named_graphs = True
    aliases = ("json-ld",)

    def write(self, sub: Subgraph) -> bytes:
        graphs: dict[Any, dict[Any, dict[Any, list[Any]]]] = {}
        for q in sub.quads:  # already sorted by graph rank
            nodes = graphs.setdefault(q.graph_name, defaultdict(lambda: defaultdict(list)))
            nodes[q.subject][q.predicate].append(q.object)
        parts = []
        for graph, nodes in graphs.items():
            items = []
            for subject in sorted(nodes, key=str):
                preds = nodes[subject]
                obj: dict[str, Any] = {"@id": _ref(subject)}
                types = sorted(preds.get(RDF_TYPE, ()), key=str)
                if types and all(isinstance(t, ox.NamedNode) for t in types):
                    obj["@type"] = [_compact(t.value) for t in types]
                for p in sorted(preds, key=str):
                    if p == RDF_TYPE and "@type" in obj:
                        continue
                    obj[_compact(p.value)] = [_value(o) for o in sorted(preds[p], key=str)]
                items.append(JSON.encode(obj))
            parts.append(f'{{"@id": {JSON.encode(_ref(graph))}, "@graph": [\n' + ",\n".join(items) + "\n]}")
        text = '{"@context": ' + JSON.encode(EXPORT_PREFIXES) + ',\n"@graph": [\n' + ",\n".join(parts) + "\n]}\n"
        return text.encode("utf-8")
