"""Declarative table mappings: table families (matched by header and caption patterns,
never by line numbers) -> objects and properties.

The mapping data lives in ``table_mappings.toml`` beside this module; this engine only
interprets it, so a new edition of the report should mostly need new mapping rows.

Layouts
-------
``rows``       each body row describes the entity named in the ``entity.column`` cell;
``columns``    a transposed table: header cells (after the first) name entities, the first
               column names attributes;
``key-value``  a two/three-column table about one entity named in the caption or slide
               title (or in the key cell itself, when that resolves to an entity);
``events``     a dated timeline (date | actor | what happened), read by
               :mod:`petaflop.extract.table_events`: the row is the event or measure its text
               names, the actor its issuer only when it is a state body of the table's country.

Each mapped column says what a cell becomes: a datatype property value (``kind`` + ``unit``,
read through :mod:`ingest.quantities`), a link to entities mentioned in the cell (``link``),
a plain string (``text``), or text mined for claims about the row's entity (``claims``).
Rows may also create an n-ary node (an Investment, Deal, Contract, event) that ties the row
entity to the table's context entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ingest.model import Row, Table
from petaflop.extract.mapping_data import MappingError, check_tables, compile_regex, entries

MAPPINGS_PATH = Path(__file__).with_name("table_mappings.toml")
LAYOUTS = ("rows", "columns", "key-value", "events")
#: Date properties of a row's thing that do not date its other cells: when a product comes out, when a plan
#: was announced (a table of plans announced in a quarter: the month of the announcement is not when the
#: planned capacity or share holds).
SPEC_FREE_DATES = frozenset({"releaseDate", "announcedDate"})




@dataclass(frozen=True)
class ColumnRule:
    """What one column (or, in key-value/columns layouts, one attribute row) becomes."""

    header: re.Pattern[str]
    property: str = ""
    kind: str = ""  # money | power | energy | count | percent | bandwidth | memory | compute | date | year | text
    unit: str = ""  # the unit the property's name carries: USD, MW, TBps, GB, TFLOPS, W, ...
    link: str = ""  # type of entities this cell links to (object property)
    create: bool = False  # create an entity for an unresolved name in a link cell
    on: str = "entity"  # entity | node | context | first (the thing the row's first cell names): which object
    claims: bool = False  # mine the cell text for quantities tied to the row entity
    inverse: bool = False  # the link points from the linked entity to the row entity
    lang: str = ""
    codes: dict[str, str] = field(default_factory=dict)  # cell text -> code (English label of a concept)
    unless: str = ""  # a link cell's entities already linked to the target by this property are skipped
    # ... or, named in the cell (or a unit of theirs, "Annapura (아마존)"), linked by this property instead
    in_house: str = ""


@dataclass(frozen=True)
class EventColumns:
    """An event timeline's columns and the words that say what a row's date is."""

    date: re.Pattern[str]
    text: re.Pattern[str]
    named: tuple[str, ...]  # types of a named event/measure the text may name as the row's node
    issuer: tuple[str, ...]  # actor types that issue the measures (a state body)
    other: str  # node type of a row whose actor is no issuer
    announce: re.Pattern[str]  # the row announces or proposes: announcedDate
    effective: re.Pattern[str]  # a measure applied or enforced: effectiveDate
    cause: re.Pattern[str]  # right after a name: the name is a cause, not what happened ('요건으로')


@dataclass(frozen=True)
class TableMapping:
    id: str
    description: str
    layout: str
    header: tuple[re.Pattern[str], ...]
    caption: re.Pattern[str] | None
    chapter: tuple[str, ...]
    entity_column: re.Pattern[str] | None
    entity_type: str
    entity_create: bool
    entity_skip: re.Pattern[str] | None  # entity cells (header cells in 'columns') that name no entity
    entity_exact: bool  # the entity cell must be an exact alias (else a new entity is created)
    entity_aliases: dict[str, str]  # a cell spelling -> gazetteer id, for names that mean another thing elsewhere
    entity_fallback: str  # 'context': rows naming no entity are about the table's context entity ('prose': their prose)
    context: str  # 'caption' or an entity id the whole table is about
    context_link: str  # property linking row entity -> context entity
    context_type: str  # the caption/title entity must be of this type (e.g. Facility)
    node_type: str  # n-ary node created per row ('' for none)
    node_entity_role: str  # property from the node to the row entity
    node_context_role: str  # property from the node to the context entity
    node_per_row: bool  # a new node for every row even when rows name the same entities (events)
    # the context is a party only of a row naming one party whose cells match this (an export row naming
    # the seller alone: the importing country is the other party; a row writing the country beside its
    # one party: that party's side); None: of every row
    node_context_when: re.Pattern[str] | None = None
    columns: tuple[ColumnRule, ...] = field(default_factory=tuple)
    priority: int = 0
    transposed: bool | None = None  # match only tables the parser marked (not) transposed
    events: EventColumns | None = None  # layout 'events': its columns and vocabulary
    # the rule its context links carry: another mapping's id when the construction is the same (judged together)
    rule: str = ""

    def undated_row(self, table: Table, row: Row) -> Row:
        """``row`` with the cells of its release-date columns emptied: the day a product comes out is not
        when its specs hold (a spec of a chip due next year is no forecast, nor dated then)."""
        rules = [r for r in self.columns if r.property in SPEC_FREE_DATES and r.on == "entity"]
        header = [h.text for h in table.header]
        if not rules:
            return row
        return replace(row, cells=[replace(c, text="") if j < len(header) and any(r.header.search(header[j]) for r in rules)
                                   else c for j, c in enumerate(row.cells)])

    def matches(self, header_texts: list[str], caption_text: str, chapter: str, transposed: bool = False) -> bool:
        if self.chapter and chapter not in self.chapter:
            return False
        if self.transposed is not None and self.transposed != transposed:
            return False
        for pat in self.header:
            if not any(pat.search(h) for h in header_texts):
                return False
        return not (self.caption and not self.caption.search(caption_text))


_compile = compile_regex


def _events(raw: dict[str, Any] | None, layout: str, where: str) -> EventColumns | None:
    if (raw is None) != (layout != "events"):
        raise MappingError(f"{where}: 'events' goes with layout 'events' (and that layout needs it)")
    if raw is None:
        return None
    missing = {"date", "text", "named", "issuer", "other"} - set(raw)
    if missing:
        raise MappingError(f"{where}: events needs {', '.join(sorted(missing))}")
    never = "(?!)"
    return EventColumns(
        date=_compile(raw["date"], where + ".events.date"), text=_compile(raw["text"], where + ".events.text"),
        named=tuple(raw["named"]), issuer=tuple(raw["issuer"]), other=raw["other"],
        announce=_compile(raw.get("announce", never), where + ".events.announce"),
        effective=_compile(raw.get("effective", never), where + ".events.effective"),
        cause=_compile(raw.get("cause", never), where + ".events.cause"),
    )


def _column(raw: dict[str, Any], where: str) -> ColumnRule:
    known = set(ColumnRule.__dataclass_fields__)
    unknown = set(raw) - known
    if unknown:
        raise MappingError(f"{where}: unknown field(s) {sorted(unknown)}")
    if "header" not in raw:
        raise MappingError(f"{where}: a column needs 'header'")
    kw = dict(raw)
    kw["header"] = _compile(raw["header"], where + ".header")
    rule = ColumnRule(**kw)
    if not (rule.property or rule.claims):
        raise MappingError(f"{where}: a column needs 'property' or 'claims = true'")
    if rule.on not in ("entity", "node", "context", "first"):
        raise MappingError(f"{where}: 'on' must be entity, node, context or first, not {rule.on!r}")
    return rule


_TABLE_KEYS = {"id": "str", "description": "str", "layout": "str", "match": "dict", "entity": "dict", "node": "dict",
               "events": "dict",
               "context": "str", "context_link": "str", "context_type": "str", "columns": "list", "priority": "int",
               "rule": "str"}
_NESTED_KEYS = {
    "match": {"header", "caption", "chapter", "transposed"},
    "entity": {"column", "type", "create", "fallback", "exact", "skip", "aliases"},
    "node": {"type", "entity_role", "context_role", "per_row", "context_when"},
    "events": {"date", "text", "named", "issuer", "other", "announce", "effective", "cause"},
}


def _check_terms(m: TableMapping, where: str) -> None:
    """Every property and class a mapping names exists in the ontology (a typo is a load error)."""
    from ontology.model import load_model

    model = load_model()
    extra = (*m.events.named, *m.events.issuer, m.events.other) if m.events else ()
    for cls in (m.entity_type, m.node_type, m.context_type, *extra):
        if cls and cls not in model.classes and cls != "Concept":
            raise MappingError(f"{where}: {cls!r} is not a class of the ontology")
    for prop in (m.context_link, m.node_entity_role, m.node_context_role):
        if prop and prop not in model.properties:
            raise MappingError(f"{where}: {prop!r} is not a property of the ontology")
    for c in m.columns:
        if c.property and c.property not in model.properties:
            raise MappingError(f"{where}: column {c.header.pattern!r}: {c.property!r} is not a property of the ontology")
        if c.link and c.link not in model.classes:
            raise MappingError(f"{where}: column {c.header.pattern!r}: link type {c.link!r} is not a class")


def load_mappings(path: Path = MAPPINGS_PATH) -> list[TableMapping]:
    """Read and check the mapping file; higher ``priority`` first, then file order."""
    check_tables(path, {"table", "exclude"})
    out: list[TableMapping] = []
    seen: set[str] = set()
    for i, (where, raw) in enumerate(entries(path, "table", ("id",), _TABLE_KEYS), 1):
        mid = raw.get("id") or f"#{i}"
        for key, allowed in _NESTED_KEYS.items():
            extra = set(raw.get(key, {})) - allowed
            if extra:
                raise MappingError(f"{where}: unknown key {key}.{sorted(extra)[0]} (known: {', '.join(sorted(allowed))})")
        if mid in seen:
            raise MappingError(f"{where}: duplicate id")
        seen.add(mid)
        layout = raw.get("layout", "rows")
        if layout not in LAYOUTS:
            raise MappingError(f"{where}: layout must be one of {LAYOUTS}, not {layout!r}")
        match = raw.get("match", {})
        entity = raw.get("entity", {})
        node = raw.get("node", {})
        if layout in ("rows", "events") and "column" not in entity:
            raise MappingError(f"{where}: layout {layout!r} needs entity.column")
        events = _events(raw.get("events"), layout, where)
        out.append(
            TableMapping(
                id=mid,
                description=raw.get("description", ""),
                layout=layout,
                header=tuple(_compile(p, where + ".match.header") for p in match.get("header", [])),
                caption=_compile(match["caption"], where + ".match.caption") if "caption" in match else None,
                chapter=tuple(match.get("chapter", [])),
                entity_column=_compile(entity["column"], where + ".entity.column") if "column" in entity else None,
                entity_type=entity.get("type", ""),
                entity_create=bool(entity.get("create", False)),
                entity_fallback=entity.get("fallback", ""),
                entity_exact=bool(entity.get("exact", False)),
                entity_aliases=dict(entity.get("aliases", {})),
                entity_skip=_compile(entity["skip"], where + ".entity.skip") if "skip" in entity else None,
                context=raw.get("context", "caption"),
                context_link=raw.get("context_link", ""),
                context_type=raw.get("context_type", ""),
                node_type=node.get("type", ""),
                node_entity_role=node.get("entity_role", ""),
                node_context_role=node.get("context_role", ""),
                node_per_row=bool(node.get("per_row", False)),
                node_context_when=_compile(node["context_when"], where + ".node.context_when")
                if "context_when" in node else None,
                columns=tuple(_column(c, f"{where}.columns[{j}]") for j, c in enumerate(raw.get("columns", []))),
                priority=int(raw.get("priority", 0)),
                transposed=match.get("transposed"),
                events=events,
                rule=raw.get("rule", ""),
            )
        )
        _check_terms(out[-1], where)
    return sorted(out, key=lambda m: -m.priority)


#: A column header's condition in parentheses: "수명 (평탄화 적용시)", "비용 (클라우드 기준)", "(가동 시)"; a number format
#: ("BF16 dense 기준") is the figure's format, a period ("2025년 기준") its time — neither is a condition.
_HEADER_CONDITION = re.compile(r"\(\s*([^()]{1,24}?(?:시|기준|경우|때))\s*\)")
_NOT_CONDITION = re.compile(r"(?i)\b(?:[BT]?F|FP|INT|MX?FP)\d|\d{2,4}\s?(?:년|월|분기)|[1-4]Q\d{2}|\d{4}\s?기준$")


def header_scope(header: str) -> tuple[str, ...]:
    """The ``scope:`` qualifier a column header's condition gives its figures (statements.py reads it): a
    lifetime "under load smoothing" is no lifetime of the thing itself. () when the header states none."""
    m = _HEADER_CONDITION.search(header or "")
    return (f"scope:{m.group(1).strip()}",) if m and not _NOT_CONDITION.search(m.group(1)) else ()


def header_qualifiers(header: str, truthy) -> tuple[str, ...]:
    """:func:`header_scope`, and for a column of shares (``truthy``: its property's rule) the header as what the
    share is of (``label:``, statements.py reads it): "GPU 비용 비중" says of what, the bare figure does not."""
    label = (f"label:{header.strip()}",) if truthy is not None and truthy.kind == "share" and header.strip() else ()
    return (*header_scope(header), *label)
