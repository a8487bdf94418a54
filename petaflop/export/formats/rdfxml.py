"""RDF/XML: one graph, the union of the named graphs, written by pyoxigraph's serialiser; every
export prefix is declared and a subject's first class is its element, which OWL tools open.

Deterministic as Turtle is (sorted triples, ``rdf:type`` first, canonical blank-node labels,
namespaces declared in a fixed order). Two things the serialiser would get wrong are refused
first, naming the value, rather than written badly: a value holding a carriage return or a
character XML 1.0 cannot carry (the serialiser drops the one and writes the other raw, which an
XML parser turns into a newline), and a predicate or class IRI with no XML name at its end
(``…/123``; the serialiser would write an empty element name)."""

from __future__ import annotations

import re

import pyoxigraph as ox

from petaflop.export.errors import ExportError
from petaflop.export.formats.base import XML_BAD, ExportFormat, header_text
from petaflop.export.formats.rdf import subject_triples
from petaflop.export.selection import Subgraph
from petaflop.export.terms import EXPORT_PREFIXES, RDF_TYPE

# An IRI can be an element name when it ends with an XML name: a letter or "_", then name characters.
_XML_NAME_END = re.compile(r"[^\W\d][\w.\-]*$")
_XML_DECLARATION = b"<?xml"


def check_xml(triples: list[ox.Triple]) -> None:
    """Refuse what RDF/XML cannot carry faithfully (see the module docstring)."""
    checked: set[str] = set()
    for t in triples:
        names = [t.predicate.value]
        if t.predicate == RDF_TYPE and isinstance(t.object, ox.NamedNode):
            names.append(t.object.value)
        for iri in names:
            if iri not in checked:
                tail = re.search(r"[\w.\-]*$", iri)
                if not (tail and _XML_NAME_END.search(tail.group())):
                    raise ExportError(f"RDF/XML cannot write <{iri}> as an element (no XML name at its end); "
                                      "use Turtle")
                checked.add(iri)
        o = t.object
        if isinstance(o, ox.Literal) and ("\r" in o.value or XML_BAD.search(o.value)):
            raise ExportError(f"RDF/XML cannot carry the value {o.value[:40]!r} (a carriage return or a "
                              "control character); use Turtle")


def _comment(text: str) -> bytes:
    text = XML_BAD.sub(" ", text).replace("--", "- -").rstrip("-")
    return f"<!-- {text} -->".encode()


class RdfXml(ExportFormat):
    name = "rdfxml"
    extension = ".rdf"
    media_type = "application/rdf+xml"
    description = "RDF/XML (one graph; opens in OWL tools)"
    description_ko = "RDF/XML (그래프 하나; OWL 도구에서 열림)"
    aliases = ("xml", "rdf", "owl", "rdf/xml", "rdf-xml")
    other_extensions = (".owl", ".xml")

    def write(self, sub: Subgraph) -> bytes:
        triples = subject_triples(sub)
        check_xml(triples)
        data = ox.serialize(triples, format=ox.RdfFormat.RDF_XML, prefixes=EXPORT_PREFIXES)
        declaration, newline, rest = data.partition(b"\n")
        if not declaration.startswith(_XML_DECLARATION) or not newline:  # nowhere to put a comment
            return data + b"\n"
        return b"\n".join((declaration, _comment(header_text(sub)), rest)) + b"\n"
