"""The ontology as data: file paths and small loaders.

Why a package: the OWL file, the SHACL shapes, the SPARQL/SWRL rules and the competency
questions ship as package data, so every stage (graph building, reasoning, validation, docs,
app) finds them the same way, installed or from a checkout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import rdflib

from foundation.namespaces import PFA, PFR

HERE = Path(__file__).resolve().parent
ONTOLOGY_TTL = HERE / "atlas.ttl"
KINDS_TTL = HERE / "statement_kinds.ttl"
#: The ontology is these files together: the OWL TBox and the statement kinds (individuals).
ONTOLOGY_FILES = (ONTOLOGY_TTL, KINDS_TTL)
SHAPES_TTL = HERE / "shapes.ttl"
PLAUSIBILITY_TTL = HERE / "plausibility.ttl"  # warnings on values no subject can have (issue 16)
RULES_DIR = HERE / "rules"
SWRL_FILE = HERE / "rules.swrl"
COMPETENCY_DIR = HERE / "competency"

ONTOLOGY_IRI = "https://petaflop-atlas.org/ontology"

_HEADER = re.compile(r"^#\s*([a-z]+):\s*(.*?)\s*$")


def load_ontology() -> rdflib.Graph:
    """The OWL ontology (TBox, statement kinds and reference individuals) as a fresh rdflib Graph."""
    graph = rdflib.Graph()
    for path in ONTOLOGY_FILES:
        graph.parse(path, format="turtle")
    return graph


def load_shapes() -> rdflib.Graph:
    """The SHACL shapes graph: the model's constraints and the plausibility warnings."""
    graph = _parse(SHAPES_TTL)
    graph.parse(PLAUSIBILITY_TTL, format="turtle")
    return graph


def _parse(path: Path) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(path, format="turtle")
    return graph


def _headers(text: str) -> dict[str, str]:
    """Read the leading `# key: value` comment block of a rule or query file."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if match:
            found.setdefault(match.group(1), match.group(2))
    return found


def _expand(curie: str) -> str:
    return PFR + curie[4:] if curie.startswith("pfr:") else curie


def rule_reads(sparql: str) -> frozenset[str] | None:
    """The predicate and class IRIs a rule reads, or None when it reads any predicate.

    A `# reads: *` header marks generic OWL rules (inverse, transitivity, chains…); otherwise the
    pfa: terms (and rdf:type) in the WHERE clause are what can make the rule fire again.
    """
    if _headers(sparql).get("reads", "").strip() == "*":
        return None
    return frozenset(_terms_read(sparql))


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, str, str], ...]:
    rules = []
    for path in sorted(RULES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        head = _headers(text)
        if "rule" not in head:
            raise ValueError(f"{path.name}: missing '# rule: pfr:…' header")
        rules.append((_expand(head["rule"]), head.get("label", path.stem), text))
    return tuple(rules)


def load_rules() -> list[tuple[str, str, str]]:
    """SPARQL CONSTRUCT rules in file order, as (rule_iri, label, sparql)."""
    return list(_rules())


_PREFIXES = {
    "pfa": PFA, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "owl": "http://www.w3.org/2002/07/owl#",
}
_RDF_TYPE = _PREFIXES["rdf"] + "type"


def _terms_read(text: str) -> set[str]:
    """IRIs (pfa: names and rdf:type) mentioned in the WHERE part of a rule."""
    body = text.split("WHERE", 1)[-1]
    body = "\n".join(line for line in body.splitlines() if not line.lstrip().startswith("#"))
    terms = {PFA[m] for m in re.findall(r"\bpfa:([A-Za-z0-9_]+)", body)}
    if re.search(r"\s(a|rdf:type)\s", body):
        terms.add(_RDF_TYPE)
    return terms


@dataclass(frozen=True)
class SWRLRule:
    """One SWRL rule in owlready2 syntax, with the IRI of its SPARQL twin."""

    iri: str
    label: str
    text: str


def load_swrl() -> list[SWRLRule]:
    """SWRL rules from rules.swrl: blocks of `# rule:`/`# label:` comments followed by one rule line."""
    rules = []
    head: dict[str, str] = {}
    for line in SWRL_FILE.read_text(encoding="utf-8").splitlines():
        match = _HEADER.match(line)
        if match:
            head[match.group(1)] = match.group(2)
        elif line.strip() and not line.startswith("#"):
            rules.append(SWRLRule(_expand(head["rule"]), head.get("label", ""), line.strip()))
            head = {}
    return rules


@dataclass(frozen=True)
class CompetencyQuestion:
    """An analyst question (English and Korean) and the SPARQL that answers it."""

    id: str
    en: str
    ko: str
    sparql: str


def load_competency_questions() -> list[CompetencyQuestion]:
    """All competency questions, ordered by file name (cq01, cq02, …)."""
    out = []
    for path in sorted(COMPETENCY_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        head = _headers(text)
        out.append(CompetencyQuestion(path.stem, head["en"], head["ko"], text))
    return out
