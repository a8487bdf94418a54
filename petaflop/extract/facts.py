"""Facts with provenance: what extraction produces and the graph builder consumes.

A :class:`Fact` is one subject–predicate–object statement about entities named by their
stable ids (slugs of canonical English names), with the :class:`Location` in the report it
came from, the cited original sources, and the rule that extracted it. Nothing here knows
RDF: :mod:`petaflop.graph` turns facts into quads. Keeping the two apart lets extraction be
tested without a triple store and lets the graph layer stay a pure function of the facts.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from foundation.periods import Period

Value = str | int | Decimal | bool


@dataclass(frozen=True, order=True)
class Location:
    """Where in the report a fact was read: a line span, and a table cell when it was one."""

    line_start: int
    line_end: int
    chapter: str = ""
    slide_title: str = ""
    table_id: str = ""
    row: int = 0  # 1-based body row within the table (0: not a table cell)
    column: int = 0  # 1-based column within the table (0: not a table cell)

    @property
    def key(self) -> str:
        """A stable local name for the location's IRI."""
        if self.table_id:
            return f"T/{self.table_id}/r{self.row}c{self.column}"
        if self.line_start == self.line_end:
            return f"L{self.line_start}"
        return f"L{self.line_start}-{self.line_end}"

    def text_in(self, lines: list[str]) -> str:
        """The report lines the location spans, joined by newlines; '' when it lies outside ``lines``."""
        if not (0 < self.line_start <= self.line_end <= len(lines)):
            return ""
        return "\n".join(lines[self.line_start - 1:self.line_end])


@dataclass(frozen=True)
class EntityRecord:
    """An object in the graph: gazetteer entities, plus objects a mapping creates
    (n-ary investments, deals, claims, events) that carry their own labels."""

    id: str
    types: tuple[str, ...]
    name_en: str = ""
    name_ko: str = ""
    aliases: tuple[str, ...] = ()
    origin: str = "gazetteer"  # gazetteer | table | claim | source


#: The statuses a link may carry besides actual (docs/statements.md, "Links with a status").
LINK_STATUSES = ("planned", "target", "forecast", "estimate", "former")


@dataclass(frozen=True)
class Fact:
    """One statement. ``obj`` is an entity id when ``obj_is_entity``, else a literal value;
    ``datatype`` names the XSD type of a literal ('decimal', 'integer', 'string', 'date',
    'gYear', 'boolean'), ``lang`` its language tag for strings."""

    subject: str
    predicate: str
    obj: Value
    obj_is_entity: bool
    location: Location
    rule: str
    sources: tuple[str, ...] = ()
    datatype: str = ""
    lang: str = ""
    qualifiers: tuple[str, ...] = ()
    as_of: str = ""
    raw: str = ""  # the text the value was read from (a cell or a quantity's span)
    high: Decimal | None = None  # a value fact's upper end, when the report gives a range

    @property
    def triple_key(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate, f"{'@' if self.obj_is_entity else ''}{self.obj!s}")

    @property
    def link_status(self) -> str:
        """A link's status when it is not actual (a planned acquisition, an estimated chip): the first of
        :data:`LINK_STATUSES` among its qualifiers, "" for an actual link or a value."""
        if not self.obj_is_entity:
            return ""
        return next((q for q in self.qualifiers if q in LINK_STATUSES), "")

    @property
    def link_scope(self) -> str:
        """The part of its subject a link holds for ("scope:I/O": the chip's I/O die is made on the node), "" when
        it holds for the whole subject (part_links.py)."""
        return next((q[6:] for q in self.qualifiers if q.startswith("scope:")), "") if self.obj_is_entity else ""


#: a list marker heading a label ("60. ", "3) ", "①", "- ", "•") and a dash or stray separator ending it
_LIST_MARK = re.compile(r"^\s*(?:\(?\d{1,3}[.)]\s+|[①-⑳]\s*|[-–•·▶■□○●*]\s+)")
_DANGLING = re.compile(r"[\s,;:/]*[-–—,;:/]\s*$")


def clean_qualifier(text: str) -> str:
    """A qualifier string without the list marker heading it or the separator dangling at its end."""
    return _DANGLING.sub("", _LIST_MARK.sub("", text)).strip() or text


@dataclass(frozen=True)
class Statement:
    """One value with its context (a statement node in the graph, Wikidata-style).

    ``value`` is in ``unit`` (a code of :mod:`foundation.units`), the low end of a range whose
    high end is ``high``; date kinds have no value and carry the date in ``time``. ``status`` is
    actual/planned/target/estimate/forecast; ``time`` when the value holds; ``scope``, ``per``
    (the denominator of a per-unit value), ``item`` (the entity id a count counts) and
    ``number_format`` (FP8…) narrow what is measured. Equal statements from several places are
    one statement with several locations (see :mod:`petaflop.statements`).
    """

    subject: str
    kind: str
    location: Location
    rule: str
    value: Decimal | None = None
    high: Decimal | None = None
    unit: str = ""
    status: str = "actual"
    time: Period | None = None
    scope: str = ""
    per: str = ""
    item: str = ""
    number_format: str = ""
    metric: str = ""
    approximate: bool = False
    bound: str = ""  # lower | upper
    sources: tuple[str, ...] = ()
    raw: str = ""

    @property
    def identity(self) -> tuple:
        """What makes two statements the same statement (everything but where it was read)."""
        return (self.subject, self.kind, self.value, self.high, self.unit, self.status,
                self.time.text if self.time else "", self.scope, self.per, self.item, self.number_format,
                self.metric, self.approximate, self.bound)  # fmt: skip

    def __post_init__(self) -> None:  # a row's list number ("60. 순이익률") or a dash cell is no part of what it measures
        for name in ("metric", "scope"):
            if (text := getattr(self, name)) and text != (clean := clean_qualifier(text)):
                object.__setattr__(self, name, clean)


@dataclass
class Claim:
    """A quantity tied to an entity in a sentence, kept even when it is not promoted
    to a typed property; ``promoted_to`` names the property, ``reason`` says why not."""

    id: str
    subject: str
    kind: str
    value: Decimal
    unit: str
    text: str
    location: Location
    rule: str
    qualifiers: tuple[str, ...] = ()
    low: Decimal | None = None
    high: Decimal | None = None
    as_of: str = ""
    sources: tuple[str, ...] = ()
    promoted_to: str = ""
    reason: str = ""


@dataclass
class Extraction:
    """Everything extraction produced from one document, plus what it could not use."""

    entities: dict[str, EntityRecord] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    tables_mapped: dict[str, str] = field(default_factory=dict)  # table id -> mapping id
    #: (table id, line) of a row whose first cell is empty -> line of the row it continues (its group's first row)
    row_groups: dict[tuple[str, int], int] = field(default_factory=dict)
    tables_excluded: dict[str, str] = field(default_factory=dict)  # table id -> reason
    unlinked_mentions: Counter[str] = field(default_factory=Counter)
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (line, message)

    def add_entity(self, record: EntityRecord) -> None:
        old = self.entities.get(record.id)
        if old is None:
            self.entities[record.id] = record
            return
        types = tuple(sorted(set(old.types) | set(record.types)))
        aliases = tuple(sorted(set(old.aliases) | set(record.aliases)))
        self.entities[record.id] = EntityRecord(
            old.id, types, old.name_en or record.name_en, old.name_ko or record.name_ko, aliases, old.origin
        )

    def add(self, fact: Fact) -> None:
        self.facts.append(fact)

    def conflicts(self) -> list[list[Fact]]:
        """Groups of facts where the report may contradict itself: the same subject and
        property, different numbers, at the same time (equal or no as-of date), and neither
        value hedged as a bound, range, estimate or vague amount. All are kept and flagged."""
        hedged = {"lowerBound", "upperBound", "range", "estimate", "vague", "periodStart"}
        groups: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
        for f in self.facts:
            if f.obj_is_entity or f.datatype not in ("decimal", "integer") or hedged & set(f.qualifiers):
                continue
            groups[(f.subject, f.predicate, f.as_of)].append(f)
        out = []
        for facts in groups.values():
            values = {Decimal(str(f.obj)) for f in facts}
            if len(values) > 1:
                out.append(sorted(facts, key=lambda f: (f.location, str(f.obj))))
        return sorted(out, key=lambda g: (g[0].subject, g[0].predicate, g[0].as_of))
