"""The project's IRIs in one place (see docs/architecture.md for the contract)."""

from __future__ import annotations

BASE = "https://petaflop-atlas.org/"
PFA = BASE + "ontology#"
PFR = BASE + "rules#"
PFID = BASE + "id/"
PFLOC = BASE + "report/"
PFST = BASE + "statement/"
PFG = BASE + "graph/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"

GRAPH_ONTOLOGY = PFG + "ontology"
GRAPH_FACTS = PFG + "facts"
GRAPH_PROVENANCE = PFG + "provenance"
GRAPH_INFERRED = PFG + "inferred"
GRAPHS = (GRAPH_ONTOLOGY, GRAPH_FACTS, GRAPH_PROVENANCE, GRAPH_INFERRED)

PREFIXES = {
    "pfa": PFA, "pfr": PFR, "pfid": PFID, "pfloc": PFLOC, "pfst": PFST, "pfg": PFG,
    "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "skos": SKOS, "prov": PROV, "dct": DCT,
}


def sparql_prefixes() -> str:
    """PREFIX lines for every project namespace, for queries written by hand."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
