"""The synthetic graph's writer (:mod:`bench.synthetic`): N-Quads terms in the build's form, pools
of entities to link to, and the writer that counts quads, batches lines and adds provenance for a
fraction of the facts."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field

from bench.synthetic_vocab import QUALIFIERS, RULE_WEIGHTS, RULES
from foundation.namespaces import GRAPH_FACTS, GRAPH_ONTOLOGY, GRAPH_PROVENANCE, PFA, PFID

GENERATOR_VERSION = 1  # bump when the output changes (bench caches generated files by it)

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
PROV_NS = "http://www.w3.org/ns/prov#"
PFLOC = "https://petaflop-atlas.org/report/"
PFST = "https://petaflop-atlas.org/statement/"

TYPE = f"<{RDF_NS}type>"
LABEL = f"<{RDFS_NS}label>"
ALT = f"<{SKOS_NS}altLabel>"
G_FACTS = f"<{GRAPH_FACTS}>"
G_PROV = f"<{GRAPH_PROVENANCE}>"
G_ONTO = f"<{GRAPH_ONTOLOGY}>"


def term(local: str) -> str:
    return f"<{PFA}{local}>"


def ident(local: str) -> str:
    return f"<{PFID}{local}>"


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def lit(text: str, lang: str | None = None) -> str:
    body = f'"{escape(text)}"'
    return f"{body}@{lang}" if lang else body


def dec(value: float) -> str:
    """An xsd:decimal in the build's form (``"1200.0"``): rounded to 3 significant decimals."""
    text = f"{round(value, 3)!r}"
    if "e" in text or "E" in text:
        text = f"{value:.1f}"
    return f'"{text}"^^<{XSD}decimal>'


def integer(value: int) -> str:
    return f'"{value}"^^<{XSD}integer>'


def date(year: int, month: int, day: int) -> str:
    return f'"{year:04d}-{month:02d}-{day:02d}"^^<{XSD}date>'


def weighted(rng: random.Random, table: list[tuple[str, float]]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


@dataclass
class SyntheticStats:
    """What was written: quads per graph, entities per class, and the parameters used."""

    path: str
    seed: int
    target: int
    quads: int = 0
    per_graph: dict[str, int] = field(default_factory=dict)
    entities: dict[str, int] = field(default_factory=dict)
    units: int = 0
    provenance_fraction: float = 0.5
    with_ontology: bool = True
    generator_version: int = GENERATOR_VERSION


class Pool:
    """Entity numbers to link to, picked uniformly or by preferential attachment (power-law fan-in)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.items: list[str] = []
        self.hits: list[str] = []

    def add(self, item: str, weight: int = 1) -> None:
        self.items.append(item)
        self.hits.extend([item] * weight)

    def __len__(self) -> int:
        return len(self.items)

    def uniform(self) -> str:
        return self.items[self.rng.randrange(len(self.items))]

    def popular(self, p_pref: float = 0.7) -> str:
        """With probability p_pref an item in proportion to the links it already has, else uniform."""
        if self.hits and self.rng.random() < p_pref:
            item = self.hits[self.rng.randrange(len(self.hits))]
        else:
            item = self.uniform()
        if len(self.hits) < 4_000_000:
            self.hits.append(item)
        return item

    def several(self, k: int, p_pref: float = 0.7) -> list[str]:
        out: list[str] = []
        for _ in range(k * 3):
            if len(out) >= k or len(out) >= len(self.items):
                break
            item = self.popular(p_pref)
            if item not in out:
                out.append(item)
        return out


class Writer:
    """Formats quads, counts them, writes lines in batches; adds provenance for a fraction of facts."""

    def __init__(self, handle, rng: random.Random, provenance: float):
        self.handle = handle
        self.rng = rng
        self.provenance = provenance
        self.buffer: list[str] = []
        self.per_graph = {"ontology": 0, "facts": 0, "provenance": 0}
        self.sources: Pool | None = None
        self.report = 0
        self.line = 0
        self.table = 0
        self.row_loc: str | None = None
        self.row_col = 0
        self.table_rows = 0
        self.current_loc: str | None = None
        self.statement_count = 0
        self.last_statement: str | None = None

    def raw(self, text: str, graph: str, count: int) -> None:
        self.buffer.append(text)
        self.per_graph[graph] += count

    def quad(self, s: str, p: str, o: str, g: str = G_FACTS) -> None:
        self.buffer.append(f"{s} {p} {o} {g} .\n")
        self.per_graph["facts" if g == G_FACTS else "provenance"] += 1
        if len(self.buffer) >= 20_000:
            self.flush()

    def flush(self) -> None:
        self.handle.write("".join(self.buffer))
        self.buffer.clear()

    @property
    def total(self) -> int:
        return sum(self.per_graph.values())

    # ---- report locations: a "table row" or a run of text lines per entity; facts share cells and lines
    def new_row(self, in_table: bool) -> None:
        self.line += self.rng.randint(1, 6)
        if in_table:
            if self.table == 0 or self.rng.random() < 0.2:
                self.table += 1
                self.table_rows = 0
            self.table_rows += 1
            self.row_loc = f"T/S{self.report}-{self.table}/r{self.table_rows}"
        else:
            self.row_loc = None
        self.row_col = 0
        self.current_loc = None

    def location(self) -> str:
        """The current cell (or line) most of the time, else the next one: about five statements each."""
        if self.current_loc is not None and self.rng.random() >= 0.2:
            return self.current_loc
        if self.row_loc:
            self.row_col += 1
            local = f"{self.row_loc}c{self.row_col}"
        else:
            self.line += 1
            local = f"S{self.report}/L{self.line}"
        iri = f"<{PFLOC}{local}>"
        g = G_PROV
        chapter = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][(self.line // 700) % 10]
        self.quad(iri, TYPE, term("ReportLocation"), g)
        self.quad(iri, term("lineStart"), integer(self.line), g)
        self.quad(iri, term("lineEnd"), integer(self.line), g)
        self.quad(iri, term("chapter"), lit(chapter), g)
        self.quad(iri, term("slideTitle"), lit(f"{chapter}. 합성 보고서 {self.report} 슬라이드 {self.line // 40}"), g)
        if self.row_loc:
            table, row = self.row_loc.rsplit("/r", 1)
            self.quad(iri, term("tableId"), lit(table[2:]), g)
            self.quad(iri, term("rowNumber"), integer(int(row)), g)
            self.quad(iri, term("columnNumber"), integer(self.row_col), g)
        self.current_loc = iri
        return iri

    def fact(self, s: str, p: str, o: str, force_provenance: bool = False) -> None:
        self.quad(s, p, o)
        if self.provenance <= 0 or not (force_provenance or self.rng.random() < self.provenance):
            return
        g = G_PROV
        self.statement_count += 1
        st = f"<{PFST}{hashlib.sha1(f'{s} {p} {o}'.encode()).hexdigest()[:20]}>"
        self.quad(st, TYPE, f"<{RDF_NS}Statement>", g)
        self.quad(st, f"<{RDF_NS}subject>", s, g)
        self.quad(st, f"<{RDF_NS}predicate>", p, g)
        self.quad(st, f"<{RDF_NS}object>", o, g)
        self.quad(st, f"<{PROV_NS}wasDerivedFrom>", self.location(), g)
        rule = self.rng.choices(RULES, weights=RULE_WEIGHTS)[0]
        self.quad(st, term("extractionRule"), lit(rule), g)
        assert self.sources is not None
        for src in self.sources.several(2 if self.rng.random() < 0.3 else 1, 0.85):
            self.quad(st, term("citedSource"), src, g)
        r = self.rng.random()
        if r < 0.08:
            self.quad(st, term("qualifier"), lit(self.rng.choice(QUALIFIERS)), g)
        elif r < 0.15:
            self.quad(st, term("asOf"), f'"{self.rng.randint(2019, 2026)}"^^<{XSD}gYear>', g)
        if self.rng.random() < 0.15:
            self.quad(st, term("sourceText"), lit(f"합성 원문 {self.line}"), g)
        if self.rng.random() < 0.02 and self.last_statement and self.last_statement != st:
            self.quad(st, term("conflicting"), f'"true"^^<{XSD}boolean>', g)
            self.quad(st, term("conflictsWith"), self.last_statement, g)
        self.last_statement = st
