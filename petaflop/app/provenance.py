"""Provenance as the app shows it: where a triple comes from in the report, and value statements.

* :class:`Location` and :class:`Statement` — one ``rdf:Statement`` of ``pfg:provenance``: the
  report location (chapter, slide, table cell, lines), cited sources, extraction rule,
  qualifiers, contradictions, or the rule that inferred the triple. Fetched per object on
  demand (most quads of the graph are provenance);
* :class:`ValueStatement` — a ``pfa:Statement`` node of the statement model (kind, value,
  unit, status, time, rank), read from the facts already in memory. Shown when the graph has
  them; pages work the same without;
* :func:`report_excerpt` — the report's own text at a location (read at run time, never stored).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from foundation.names import local_name
from foundation.namespaces import DCT, PFA, PROV, RDF

# The ontology calls the status pfa:statementStatus; the evaluator also reads pfa:status. Whichever of
# the two the ontology declares is read.
STATUS_PROPS = tuple(PFA[name] for name in ("statementStatus", "status") if name in PFA.terms)
STATEMENT_LINK = PFA.statement


def _term(*names: str) -> tuple[str, ...]:
    """The statement-model terms the ontology declares (its names are still settling): none is required."""
    return tuple(PFA[n] for n in names if n in PFA.terms)


_KIND, _VALUE, _LOWER, _UPPER = _term("kind"), _term("value"), _term("lowerValue"), _term("upperValue")
_UNIT, _TIME, _RANK = _term("unitCode"), _term("pointInTime", "timeText"), _term("rank", "statementRank")
_SCOPE, _APPROX, _BOUND = _term("scope"), _term("approximate"), _term("bound")
STATUS_CODES = ("Actual", "Planned", "Target", "Estimate", "Forecast")


@dataclass
class Location:
    iri: str
    line_start: int | None = None
    line_end: int | None = None
    chapter: str = ""
    slide: str = ""
    table: str = ""
    row: int | None = None
    column: int | None = None

    def short(self) -> str:
        """``IV-09-1 r3c2 · L2040`` or ``L1994``."""
        parts = []
        if self.table:
            cell = f" r{self.row}c{self.column}" if self.row is not None else ""
            parts.append(f"{self.table}{cell}")
        if self.line_start is not None:
            end = f"–{self.line_end}" if self.line_end not in (None, self.line_start) else ""
            parts.append(f"L{self.line_start}{end}")
        return " · ".join(parts) or local_name(self.iri)


@dataclass
class Statement:
    """The provenance of one triple at one report location (``rdf:Statement`` in pfg:provenance)."""

    iri: str
    s: str
    p: str
    o: object
    location: Location | None = None
    sources: list[str] = field(default_factory=list)
    rule: str = ""
    qualifiers: list[str] = field(default_factory=list)
    as_of: str = ""
    source_text: str = ""
    conflicting: bool = False
    conflicts_with: list[str] = field(default_factory=list)
    inferred_by: list[str] = field(default_factory=list)
    #: a reference-layer row ("reference/hardware.tsv:77"): the source of a fact the report takes for granted
    reference_source: str = ""

    @property
    def line(self) -> int | None:
        return self.location.line_start if self.location else None


@dataclass
class ValueStatement:
    """A statement-model node: one value with its kind, unit, status, time and rank."""

    iri: str
    subject: str
    kind: str
    value: object = None  # pyoxigraph literal (or None for a range-only statement)
    lower: object = None
    upper: object = None
    unit: str = ""
    status: str = ""  # local name: Actual, Planned, Target, Estimate, Forecast
    time: str = ""
    rank: str = ""  # PreferredRank, NormalRank, DeprecatedRank
    scope: str = ""
    approximate: bool = False
    bound: str = ""


def _lit_text(term) -> str:
    return term.value if term is not None else ""


def _int(term) -> int | None:
    try:
        return int(term.value) if term is not None else None
    except ValueError:
        return None


def locations(loc_rows) -> dict[str, Location]:
    """Report locations from ``(loc, key, value)`` rows."""
    out: dict[str, Location] = {}
    for loc, k, v in loc_rows:
        L = out.setdefault(loc.value, Location(loc.value))
        name = k.value
        if name == PFA.lineStart:
            L.line_start = _int(v)
        elif name == PFA.lineEnd:
            L.line_end = _int(v)
        elif name == PFA.chapter:
            L.chapter = _lit_text(v)
        elif name == PFA.slideTitle:
            L.slide = _lit_text(v)
        elif name == PFA.tableId:
            L.table = _lit_text(v)
        elif name == PFA.rowNumber:
            L.row = _int(v)
        elif name == PFA.columnNumber:
            L.column = _int(v)
    return out


def assemble(rows, loc_rows) -> list[Statement]:
    """Statements from ``(st, key, value)`` rows and their locations' ``(loc, key, value)`` rows."""
    found = locations(loc_rows)
    by_st: dict[str, dict] = {}
    for st, k, v in rows:
        d = by_st.setdefault(st.value, {"multi": defaultdict(list)})
        name = k.value
        if name in (RDF.subject, RDF.predicate, RDF.object,
                    PFA.extractionRule, PFA.asOf, PFA.sourceText, PFA.conflicting):
            d[name] = v
        else:
            d["multi"][name].append(v)
    out: list[Statement] = []
    for st_iri, d in by_st.items():
        if RDF.subject not in d or RDF.predicate not in d or RDF.object not in d:
            continue
        multi = d["multi"]
        out.append(Statement(
            iri=st_iri, s=d[RDF.subject].value, p=d[RDF.predicate].value, o=d[RDF.object],
            location=_first_location(multi.get(PROV.wasDerivedFrom, []), found),
            sources=sorted({v.value for v in multi.get(PFA.citedSource, [])}),
            rule=_lit_text(d.get(PFA.extractionRule)),
            qualifiers=sorted({v.value for v in multi.get(PFA.qualifier, [])}),
            as_of=_lit_text(d.get(PFA.asOf)),
            source_text=_lit_text(d.get(PFA.sourceText)),
            conflicting=_lit_text(d.get(PFA.conflicting)) == "true",
            conflicts_with=sorted({v.value for v in multi.get(PFA.conflictsWith, [])}),
            inferred_by=sorted({v.value for v in multi.get(PFA.inferredBy, [])}),
            reference_source=min((v.value for v in multi.get(DCT.source, [])), default=""),
        ))
    out.sort(key=lambda s: (s.p, (s.line or 0), s.iri))
    return out


def _first_location(derived_from: list, found: dict[str, Location]) -> Location | None:
    """Of the places a statement is derived from, the first report line (else the first IRI):
    the same choice whatever order the store answers in."""
    if not derived_from:
        return None
    locs = [found.get(v.value) or Location(v.value) for v in derived_from]
    return min(locs, key=lambda loc: (loc.line_start is None, loc.line_start or 0, loc.iri))


def value_statement(node: str, subject: str, edges) -> ValueStatement | None:
    """A :class:`ValueStatement` from a statement node's outgoing edges (None without a kind)."""
    vs = ValueStatement(node, subject, "")
    for e in edges:
        p, o = e.p, e.o
        if p in _KIND and isinstance(o, ox.NamedNode):
            vs.kind = o.value
        elif p in _VALUE:
            vs.value = o
        elif p in _LOWER:
            vs.lower = o
        elif p in _UPPER:
            vs.upper = o
        elif p in _UNIT:
            vs.unit = o.value
        elif p in STATUS_PROPS and isinstance(o, ox.NamedNode):
            vs.status = local_name(o.value)
        elif p in _TIME and not vs.time:
            vs.time = o.value
        elif p in _RANK and isinstance(o, ox.NamedNode):
            vs.rank = local_name(o.value)
        elif p in _SCOPE:
            vs.scope = o.value
        elif p in _APPROX:
            vs.approximate = o.value == "true"
        elif p in _BOUND:
            vs.bound = o.value
    return vs if vs.kind else None


def read_report_lines(path) -> list[str]:
    """The report's lines (1-based access: ``lines[n - 1]``); read at run time, never stored."""
    with open(path, encoding="utf-8") as fh:
        return fh.read().splitlines()


def report_excerpt(lines: list[str], location: Location | None, context: int = 0) -> list[tuple[int, str]]:
    """``[(line number, text)]`` for a location's line span (plus ``context`` lines around it)."""
    if location is None or location.line_start is None or not lines:
        return []
    start = max(1, location.line_start - context)
    end = min(len(lines), (location.line_end or location.line_start) + context)
    return [(n, lines[n - 1]) for n in range(start, end + 1)]
