"""The project's IRIs in one place, as closed namespaces (see docs/architecture.md).

A namespace is a ``str`` (its IRI prefix), so it can still prefix a SPARQL text, but a term is
taken from it by attribute or item — ``PFA.powerCapacityMW``, ``PFA[name]`` — and a *closed*
namespace checks the term: ``PFA.powerCapacityMV`` raises :class:`UnknownTerm` naming the close
matches instead of becoming an IRI no triple uses (a silently empty result).

``PFA`` is closed over the terms ``ontology/atlas.ttl`` declares, ``PFK`` over the statement
kinds of ``ontology/statement_kinds.ttl``, ``PFG`` over the named graphs, and the W3C
vocabularies over the terms rdflib knows for them. Instance namespaces (``PFID``, ``PFLOC``,
``PFST``) are open.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path
from typing import SupportsIndex, overload

_ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


class UnknownTerm(AttributeError, KeyError):
    """A term that is not in a closed namespace; the message names close matches."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


def _term_getter(term: str) -> Callable[[str], str]:
    def get(ns: str) -> str:
        return str.__str__(ns) + term

    return get


class Namespace(str):
    """An IRI prefix. ``ns.term`` and ``ns["term"]`` give the full IRI (a plain ``str``)."""

    prefix: str
    _source: frozenset[str] | Callable[[], Iterable[str]] | None  # None: an open namespace

    def __new__(cls, iri: str, prefix: str, terms: Iterable[str] | None = None,
                loader: Callable[[], Iterable[str]] | None = None, str_names: Iterable[str] = ()) -> Namespace:
        clashes = sorted(str_names)  # a loaded namespace names its terms that are str methods up front
        if terms is not None:
            terms = frozenset(terms)
            # a term named like a str method (DCT.title, DCT.format) must still give the term, so
            # this namespace gets a class of its own with a property per such term
            clashes = sorted(t for t in terms if hasattr(str, t))
        if clashes:
            props = {t: property(_term_getter(t)) for t in clashes}
            cls = type(f"Namespace_{prefix}", (cls,), props)
        obj = super().__new__(cls, iri)
        obj.prefix = prefix
        obj._source = loader if loader is not None else (frozenset(terms) if terms is not None else None)
        return obj

    @property
    def closed(self) -> bool:
        return self._source is not None

    @cached_property
    def terms(self) -> frozenset[str]:
        src = self._source
        if src is None:
            return frozenset()
        terms = frozenset(src() if callable(src) else src)
        hidden = sorted(t for t in terms if hasattr(str, t) and not isinstance(getattr(type(self), t, None), property))
        if hidden:  # a loaded term that a str method would shadow: name it in str_names
            raise TypeError(f"namespace {self.prefix}: terms {hidden} are str methods; pass them as str_names")
        return terms

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        return str(self[name])

    @overload
    def __getitem__(self, name: str) -> str: ...
    @overload
    def __getitem__(self, name: SupportsIndex | slice) -> str: ...

    def __getitem__(self, name: str | SupportsIndex | slice) -> str:
        if not isinstance(name, str):  # slicing and indexing act on the prefix string
            return str.__getitem__(self, name)
        if self.closed and name not in self.terms:
            close = difflib.get_close_matches(name, sorted(self.terms), n=3, cutoff=0.7)
            hint = f"; did you mean {', '.join(f'{self.prefix}:{c}' for c in close)}?" if close else ""
            raise UnknownTerm(f"{self.prefix}:{name} is not a term of {self.prefix}: <{self}>{hint}")
        return str(self) + name

    def __contains__(self, iri: object) -> bool:  # a term test, not a substring test
        """``iri in PFA``: the IRI starts with this namespace (and names a known term if closed)."""
        if not isinstance(iri, str) or not iri.startswith(str(self)):
            return False
        return not self.closed or iri[len(self):] in self.terms

    def local(self, iri: str) -> str:
        """The term of an IRI in this namespace (``ValueError`` otherwise)."""
        if not iri.startswith(str(self)):
            raise ValueError(f"{iri} is not in {self.prefix}: <{self}>")
        return iri[len(self):]

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        return (str, (str(self),))

    __hash__ = str.__hash__
    __eq__ = str.__eq__


def _declared(path: Path, prefix: str) -> frozenset[str]:
    """Local names a Turtle file declares at the start of a line (``pfa:Chip a owl:Class``)."""
    text = path.read_text(encoding="utf-8")
    return frozenset(re.findall(rf"^{prefix}:([A-Za-z0-9_]+)\s+a\s", text, flags=re.M))


_W3C_TERMS = Path(__file__).with_name("w3c_terms.json")


def _w3c(name: str) -> Callable[[], frozenset[str]]:
    """The terms rdflib declares for a W3C vocabulary, read when first needed from a copy of them
    (``w3c_terms.json``; a test checks it equals rdflib's): importing rdflib costs every command
    ~0.1–0.2 s, and a query only needs to know that ``xsd:string`` exists."""
    def load() -> frozenset[str]:
        import json

        return frozenset(json.loads(_W3C_TERMS.read_text(encoding="utf-8"))[name])
    return load


BASE = "https://petaflop-atlas.org/"
PFA = Namespace(BASE + "ontology#", "pfa", loader=lambda: _declared(_ONTOLOGY_DIR / "atlas.ttl", "pfa")
                | _declared(_ONTOLOGY_DIR / "statement_kinds.ttl", "pfa"))
PFK = Namespace(BASE + "kind/", "pfk", loader=lambda: _declared(_ONTOLOGY_DIR / "statement_kinds.ttl", "pfk"))
PFR = Namespace(BASE + "rules#", "pfr")
PFID = Namespace(BASE + "id/", "pfid")
PFLOC = Namespace(BASE + "report/", "pfloc")
PFST = Namespace(BASE + "statement/", "pfst")
PFG = Namespace(BASE + "graph/", "pfg", terms=("ontology", "facts", "provenance", "inferred", "reference", "curation"))

RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf", loader=_w3c("RDF"))
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#", "rdfs", loader=_w3c("RDFS"))
OWL = Namespace("http://www.w3.org/2002/07/owl#", "owl", loader=_w3c("OWL"))
XSD = Namespace("http://www.w3.org/2001/XMLSchema#", "xsd", loader=_w3c("XSD"))
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#", "skos", loader=_w3c("SKOS"))
PROV = Namespace("http://www.w3.org/ns/prov#", "prov", loader=_w3c("PROV"))
DCT = Namespace("http://purl.org/dc/terms/", "dct", loader=_w3c("DCTERMS"), str_names=("format", "title"))
UNIT = Namespace("http://qudt.org/vocab/unit/", "unit")
#: Terms that only ever live in a scratch store (the app's what-if), never in the graph.
SCRATCH = Namespace(BASE + "scratch#", "pfscratch")

GRAPH_ONTOLOGY = PFG.ontology
GRAPH_FACTS = PFG.facts
GRAPH_PROVENANCE = PFG.provenance
GRAPH_INFERRED = PFG.inferred
GRAPH_REFERENCE = PFG.reference
GRAPHS = (GRAPH_ONTOLOGY, GRAPH_FACTS, GRAPH_PROVENANCE, GRAPH_INFERRED, GRAPH_REFERENCE)

PREFIXES = {
    "pfa": PFA, "pfr": PFR, "pfid": PFID, "pfloc": PFLOC, "pfst": PFST, "pfg": PFG,
    "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "skos": SKOS, "prov": PROV, "dct": DCT,
}  # fmt: skip


def sparql_prefixes() -> str:
    """PREFIX lines for every project namespace, for queries written by hand."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
