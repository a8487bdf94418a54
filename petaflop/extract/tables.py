"""Apply the table mappings to every table of the document: the first matching mapping (by priority) applies; a
table matched only by an ``[[exclude]]`` entry is recorded with its reason. Values are read through
:mod:`petaflop.extract.values`; every fact carries its cell and the table's sources."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from decimal import Decimal

from foundation.names import lang_of
from foundation.names import slugify as slug
from foundation.namespaces import PFA, RDF, SKOS
from foundation.periods import parse_period
from ingest.model import Cell, Document, Heading, Paragraph, Table
from ingest.quantities import REFERENCE_DATE
from ontology.model import load_model
from petaflop.extract.caption_maker import add_made, caption_maker, in_house_maker
from petaflop.extract.cell_items import read_policy_items
from petaflop.extract.cell_text import DIES, cell_period, paren_year, prose_cell
from petaflop.extract.claims import ClaimMiner
from petaflop.extract.facts import EntityRecord, Extraction, Fact, Location, Statement
from petaflop.extract.gazetteer import Entity
from petaflop.extract.name_columns import join_name_columns
from petaflop.extract.node_foundry import foundry_ids, maker_property
from petaflop.extract.release_milestone import milestone_scope
from petaflop.extract.resolve import JOINT, Resolver, is_a, names_a_group
from petaflop.extract.rival_tables import add_partner_groups
from petaflop.extract.table_code_measures import add_code_measure
from petaflop.extract.table_cost_rows import about_label, add_item_amount
from petaflop.extract.table_map import ColumnRule, TableMapping, header_qualifiers
from petaflop.extract.table_market_scope import scope_classes
from petaflop.extract.table_matrix import read_change_column, read_matrix
from petaflop.extract.table_reader import TableReader
from petaflop.extract.table_remarks import read_remark
from petaflop.extract.text_frames import Mention_
from petaflop.extract.text_reader import TextReader
from petaflop.extract.values import read_date, read_value

RDF_TYPE = RDF.type
#: Fallback families: tables no specific mapping claims go to the generic reader first.
GENERIC_FAMILIES = ("generic-entity-rows", "generic-entity-columns")
SKOS_CONCEPT = SKOS.Concept
_LEADING_DATE = re.compile(r"^\s*((?:19|20)\d{2}년?(?:\s?[01]?\d월)?)\s*\(")
#: an investor's stake written right after its name in a list of investors: "알리바바(지분율 36%)", "텐센트(지분 9% 추정)"
_STAKE_AFTER = re.compile(r"\s?\(\s?지분율?\s?(\d{1,3}(?:\.\d+)?)\s?%\s?(추정|예상)?\s?\)")
#: link properties whose linked entity is an investor of the row's subject (property, inverse)
_INVESTOR_LINKS = {("fundedBy", False), ("investsIn", True)}
_DATE_LABEL = re.compile(r"(?:19|20)\d{2}(?:년\s?\d{1,2}월(?:\s?\d{1,2}일)?|[-./]\d{1,2}(?:[-./]\d{1,2})?)")
_QUARTER_HEADER = re.compile(r"([1-4])\s?분기")
_HALF_HEADER = re.compile(r"(상|하)\s?반기")
_APPOSITIVE = re.compile(r"[^()]{0,6}\(")  # "GUC (TSMC 자회사)": a name in parentheses describes the one before


def table_titles(doc: Document) -> dict[str, str]:
    """Table id -> the short line right above it ("Colossus 2단계 관련 주요 내용"), which titles it."""
    out: dict[str, str] = {}
    for chapter in doc.chapters:
        for slide in chapter.slides:
            for before, block in itertools.pairwise(slide.blocks):
                if isinstance(block, Table) and isinstance(before, (Paragraph, Heading)) and len(before.text) <= 40:
                    out[block.id] = before.text
    return out


def _grid_period(row_date: str, header: str) -> str:
    """A year × quarter grid ("2020 | … | 4분기 cell"): a year row under a quarter or half column
    dates its cells to that quarter or half ("2020-Q4"); otherwise the row's own date."""
    year = re.fullmatch(r"\s*((?:19|20)\d{2})년?\s*", row_date or "")
    if year:
        q = _QUARTER_HEADER.fullmatch(header.strip())
        if q:
            return f"{year.group(1)}-Q{q.group(1)}"
        h = _HALF_HEADER.fullmatch(header.strip())
        if h:
            return f"{year.group(1)}-H{1 if h.group(1) == '상' else 2}"
    return row_date


class TableExtractor:
    def __init__(self, doc: Document, mappings: list[TableMapping], excludes: list[tuple[re.Pattern[str], str]],
                 resolver: Resolver, miner: ClaimMiner, sources_of, text: TextReader | None = None) -> None:
        self.doc = doc
        self.mappings = mappings
        self.excludes = excludes
        self.res = resolver
        self.ex: Extraction = resolver.ex
        self.miner = miner
        self.sources_of = sources_of  # Table -> tuple of source entity ids
        self._entity_col = -1
        self.text = text
        self._named_row = False
        self.titles = table_titles(doc)
        self._foundries = foundry_ids(resolver.gaz)  # a maker column naming a non-foundry: its designer
        self._in_house: Entity | None = None
        self.reader = TableReader(resolver, sources_of, text=text, titles=self.titles)
        self.model = load_model()

    # -- selection -------------------------------------------------------------------------
    def mapping_for(self, table: Table) -> TableMapping | None:
        headers = [c.text for c in table.header]
        caption = " ".join(table.caption) + " " + table.slide_title
        for m in self.mappings:
            if m.matches(headers, caption, table.chapter, table.transposed):
                return m
        return None

    def run(self) -> None:
        for table in map(join_name_columns, self.doc.tables):  # "First Name | Last Name": one name (name_columns.py)
            self._name_notes(table)
            add_partner_groups(table, self.res, self.ex, self._loc, self.sources_of(table))
            read_policy_items(table, self.res, self.ex, self._loc, self.sources_of(table))  # cell_items.py
            headers = " | ".join(c.text for c in table.header)
            caption = " ".join(table.caption)
            excluded = next((why for pat, why in self.excludes if pat.search(caption + " || " + headers)), None)
            if not excluded:  # a "<A> 대비 <B>의 변화" column, whatever else reads the table (table_matrix.py)
                read_change_column(table, self.res, self.sources_of(table))
            if not excluded and read_matrix(table, self.res, self.reader.lex, self.sources_of(table)):
                self.ex.tables_mapped[table.id] = "table-matrix"  # a two-way scenario table (table_matrix.py)
                continue
            if excluded:
                self.ex.tables_excluded[table.id] = excluded
                continue
            mapping = self.mapping_for(table)
            if mapping is None:
                self.ex.tables_excluded[table.id] = "no mapping family matches its header or caption"
                continue
            if mapping.id in GENERIC_FAMILIES and self.reader.read(table):
                self.ex.tables_mapped[table.id] = "table-reader"
                continue
            self.ex.tables_mapped[table.id] = mapping.id
            apply = {"rows": self._rows, "columns": self._columns, "key-value": self._key_value,
                     "events": self._events}[mapping.layout]
            apply(table, mapping)

    def _name_notes(self, table: Table) -> None:
        """Every cell's names with their notes of home or parent ("A, B 등 (미국 기업)"): whatever reads
        the table (or excludes it), a cell that names both ends states the link by itself."""
        if self.text is None:
            return
        for r, row in enumerate(table.rows, 1):
            for cell in row.cells:
                if cell.text.strip():
                    self.text.read_name_cell(cell.text.strip(), self._loc(table, cell, r), self.sources_of(table))

    def _loc(self, table: Table, cell: Cell, row: int) -> Location:
        return Location(cell.line, cell.line, table.chapter, table.slide_title, table.id, row, cell.column)

    def context_entity(self, table: Table, mapping: TableMapping) -> str:
        if mapping.context and mapping.context != "caption":
            ent = self.res.gaz.by_id(mapping.context)
            return self.res.record(ent)
        # Captions are head-final noun phrases ("<A>가 투자한 <B> 성장 지표"): the last entity
        # named is the one the table is about. A short title line right above the table comes first.
        for text in (self.titles.get(table.id, ""), " ".join(table.caption), table.slide_title.split(":", 1)[-1]):
            found = self.res.entities_in(text, mapping.context_type)
            if found:
                return self.res.record(found[-1])
        return ""

    def _appositives(self, text: str) -> dict[str, str]:
        """Entities named only in parentheses right after another name ("GUC (TSMC 자회사)"): a
        description of that name, here its parent; returns {entity in parentheses: the name before it}."""
        mentions = self.res.gaz.find_mentions(text)
        out: dict[str, str] = {}
        for i, a in enumerate(mentions):
            opened = _APPOSITIVE.match(text, a.end)
            if not opened or text[a.end:opened.end()].count("(") != 1:
                continue
            closed = text.find(")", opened.end())
            for b in mentions[i + 1:]:
                if b.start >= opened.end() and (closed < 0 or b.end <= closed):
                    out.setdefault(b.entity_id, a.entity_id)
        return out

    def _column_index(self, table: Table, pattern: re.Pattern[str], skip: set[int]) -> int | None:
        for j, c in enumerate(table.header):
            if j not in skip and pattern.search(c.text):
                return j
        return None

    def _apply_rule(self, rule: ColumnRule, mapping: TableMapping, table: Table, cell: Cell, row: int,
                    header: str, target: str, as_of: str = "", rule_id: str = "", how: str = "") -> None:
        text = cell.text.strip()
        if not target or not text or text in ("-", "—", "–", "?"):
            return
        loc = self._loc(table, cell, row)
        sources = self.sources_of(table)
        # one rule per column property, so the precision gate judges each column on its own
        rule_id = rule_id or (f"table:{mapping.id}:{rule.property}" if rule.property else f"table:{mapping.id}")
        if rule.claims:
            self.miner.mine(text, loc, target, sources, rule_id + ":claims", header=header, in_table=True,
                            default_how=how, row_date=getattr(self, "_label_date", ""))
            add_item_amount(self.ex, self.reader.lex, table, row, cell, target, loc, sources)  # table_cost_rows.py
            if self.text is not None and prose_cell(text) and not self._named_row:
                # a cell about a row's node (an event) has no entity topic: only what its words name
                self.text.read_cell(text, loc, sources, "" if rule.on == "node" else target,
                                    parse_period(as_of) if as_of else None)
        if not rule.property:
            return
        if rule.link:
            if self.text is not None and DIES.search(text):  # "4-Chiplet 구조" under 패키징: the column chip's dies
                self.text.read_cell(text, loc, sources, target)
            described = self._appositives(text)
            excluded = {str(f.obj) for f in self.ex.facts if f.subject == target
                        and f.predicate == rule.unless and f.obj_is_entity} if rule.unless else set()
            for parent, child in described.items():  # "Annapura (아마존)": Annapurna is part of Amazon
                c, p = self.res.gaz.by_id(child), self.res.gaz.by_id(parent)
                if is_a(c.type, "Organization") and is_a(p.type, "Organization"):
                    self.ex.add(Fact(self.res.record(c), "partOf", self.res.record(p), True, loc,
                                     "table:appositive-parent", sources, raw=text[:60]))
            for eid in self.res.resolve_cell(text, rule.link, rule.create):
                if eid == target or eid in described or (eid in excluded and not rule.in_house):
                    continue
                if eid in excluded or any(described.get(x) == eid for x in excluded):  # "구글, 미디어텍", "Annapura (아마존)":
                    self.ex.add(Fact(target, rule.in_house or rule.unless, eid, True, loc, rule_id + "-in-house",
                                     sources, raw=text))  # the chip's developer (or its unit) designs it, no partner
                    continue  # (judged with the mapping's family)
                s, o = (eid, target) if rule.inverse else (target, eid)
                prop = maker_property(rule.property, eid, self._foundries)
                if prop == "fabricatedBy" and self._in_house is not None and eid in self._foundries:
                    self.ex.add(Fact(target, "designedBy", self.res.record(self._in_house), True, loc,
                                     "table:maker-column:in-house", sources, raw=table.caption[0][:60]))
                self.ex.add(Fact(s, prop, o, True, loc, rule_id if prop == rule.property else
                                 f"table:maker-column:{prop}", sources, raw=text))
            if (rule.property, rule.inverse) in _INVESTOR_LINKS:
                self._investor_stakes(text, target, mapping, loc, sources)
            return
        if rule.codes:
            code = rule.codes.get(text)
            if code is None:
                self.ex.warnings.append((cell.line, f"table {table.id} r{row}c{cell.column}: {text[:30]!r} is not in "
                                                    f"the code list of {rule.property}"))
                return
            cid = f"{slug(rule.property)}-{slug(code)}"
            self.ex.add_entity(EntityRecord(cid, ("Concept",), code, text, (), "table"))
            self.ex.add(Fact(cid, RDF_TYPE, SKOS_CONCEPT, True, loc, rule_id, sources))
            self.ex.add(Fact(target, rule.property, cid, True, loc, rule_id, sources, raw=text))
            add_code_measure(self, mapping, table, target, text, loc, sources)  # "수출 금지": a ban on the chip
            return
        if rule.kind == "text" or not rule.kind:
            self.ex.add(Fact(target, rule.property, text, False, loc, rule_id, sources, lang=rule.lang or lang_of(text),
                             raw=text))
            return
        if rule.kind == "date":
            period = cell_period(text)
            truthy = self.model.truthy_rule(rule.property)
            if period is not None and truthy is not None and self.model.kinds[truthy.kind].dimension == "date":
                status = self.reader.lex.status_of(" ".join(table.caption), table.slide_title) or (
                    "planned" if period.start > REFERENCE_DATE.isoformat() else "actual")
                scope = milestone_scope(text, header) if truthy.kind == "releaseDate" else ""  # "5월 램프업 개시"
                self.ex.statements.append(Statement(target, truthy.kind, loc, rule_id, time=period, status=status,
                                                    scope=scope, sources=sources, raw=text[:60]))
                return
            d = read_date(text)
            if d is None:  # keep what the report says, as text, rather than lose it
                self.ex.add(Fact(target, "dateText", text, False, loc, rule_id, sources, lang=lang_of(text), raw=text))
                return
            self.ex.add(Fact(target, rule.property, d.as_of, False, loc, rule_id, sources, datatype=d.datatype,
                             qualifiers=d.qualifiers, raw=text))
            return
        value = read_value(text, header, rule.kind, rule.unit)
        if value is None:
            self.ex.warnings.append((cell.line, f"table {table.id} r{row}c{cell.column}: no {rule.kind} in {text[:40]!r}"))
            if self.text is not None and not rule.claims and re.search(r"[가-힣]", text) and re.search(r"\d", text):  # "“H20의 75% 성능”"
                self.text.read_cell(text, loc, sources, target, parse_period(as_of) if as_of else None)
            return
        high = value.high if value.high is not None and value.low is not None and value.high != value.low else None
        self.ex.add(Fact(target, rule.property, value.value, False, loc, rule_id, sources, datatype=value.datatype,
                         qualifiers=(*value.qualifiers, *header_qualifiers(header, self.model.truthy_rule(rule.property))), as_of=value.as_of or as_of, raw=text, high=high))

    def _row_investee(self, mapping: TableMapping, row, ei: int, context: str) -> str:
        """A row of investments into a place whose other cells name, in parentheses, the facility the
        money goes to ("AI 인프라(Project Stargate)") invests in that facility, not in the place."""
        ctx = self.ex.entities.get(context) if context else None
        if mapping.node_context_role != "hasInvestee" or ctx is None or not any(is_a(t, "Place") for t in ctx.types):
            return context
        for j, cell in enumerate(row.cells):
            if j == ei:
                continue
            for inner in re.findall(r"\(([^()]+)\)", cell.text):
                found = self.res.entities_in(inner, "Facility")
                if len(found) == 1:
                    return self.res.record(found[0])
        return context

    def _investor_stakes(self, text: str, investee: str, mapping: TableMapping, loc: Location,
                         sources: tuple[str, ...]) -> None:
        """A stake written after an investor's name in an investor list ("알리바바(지분율 36%)") is the
        investor's stake in the row's subject (``equityStake`` with the investee as its item)."""
        for m in self.res.gaz.find_mentions(text):
            stake = _STAKE_AFTER.match(text, m.end)
            investor = self.res.record(self.res.gaz.by_id(m.entity_id))
            if stake is None or investor == investee:
                continue
            self.ex.statements.append(Statement(
                investor, "equityStake", loc, f"table:{mapping.id}:equityStake", value=Decimal(stake.group(1)),
                unit="%", status="estimate" if stake.group(2) else "actual", item=investee, sources=sources,
                raw=text[m.start:stake.end()][:60]))

    def _node(self, mapping: TableMapping, table: Table, entities: list[str], context: str, loc: Location,
              row_text: str = "") -> str:
        node_id = f"{mapping.id}--{'--'.join(entities)}" + (f"--{context}" if context else "")
        if mapping.node_per_row:
            node_id += f"--r{loc.row}"
        names = [(self.ex.entities[e].name_en or self.ex.entities[e].name_ko) if e in self.ex.entities else e
                 for e in entities]
        when = mapping.node_context_when  # the context is a party of the node always, or of rows matching `when`
        party = bool(mapping.node_context_role and context and (when is None or (len(entities) == 1 and when.search(row_text))))
        ctx = self.ex.entities.get(context) if context and (party or not mapping.node_context_role) else None
        label = " · ".join(names) + (f" → {ctx.name_en or ctx.name_ko}" if ctx else "")  # the context only as a party
        self.ex.add_entity(EntityRecord(node_id, (mapping.node_type,), f"{mapping.node_type}: {label}", "", (), "table"))
        sources = self.sources_of(table)
        rid = f"table:{mapping.id}"
        self.ex.add(Fact(node_id, RDF_TYPE, PFA[mapping.node_type], True, loc, rid, sources))
        if mapping.node_entity_role:
            for entity in entities:
                self.ex.add(Fact(node_id, mapping.node_entity_role, entity, True, loc,
                                 f"{rid}:{mapping.node_entity_role}", sources))
        if party:
            self.ex.add(Fact(node_id, mapping.node_context_role, context, True, loc,
                             f"{rid}:{mapping.node_context_role}", sources))
        return node_id

    def _type_created(self, eid: str, loc: Location, table: Table, mapping: TableMapping) -> None:
        rec = self.ex.entities.get(eid)
        if rec and rec.origin != "gazetteer":
            for t in rec.types:
                self.ex.add(Fact(eid, RDF_TYPE, PFA[t], True, loc, f"table:{mapping.id}", self.sources_of(table)))

    # -- layouts ---------------------------------------------------------------------------
    def _rows(self, table: Table, mapping: TableMapping) -> None:
        ei = (self._column_index(table, mapping.entity_column, set()) if mapping.entity_column else 0) or 0
        self._entity_col = ei
        context = self.context_entity(table, mapping)
        maker = caption_maker(table, [h.text for h in table.header], self.res.gaz)  # "엔비디아의 신제품들"
        self._in_house = in_house_maker(table, self.res.gaz)  # "테슬라의 … 자체 제작 반도체"
        previous: list[str] = []
        for r, row in enumerate(table.rows, 1):
            if ei >= len(row.cells):
                continue
            ecell = row.cells[ei]
            row_text = " \t ".join(c.text for c in row.cells if c is not ecell)
            entities = (self.res.resolve_cell(ecell.text, mapping.entity_type, mapping.entity_create,
                                              exact=mapping.entity_exact, context=row_text)
                        if ecell.text.strip() else previous)
            fallback = False
            if not entities and mapping.entity_fallback == "context" and context:
                entities, fallback = [context], True
            previous = entities
            if not entities:
                self._read_prose(table, row, r, (mapping.entity_fallback == "prose" and context) or "",
                                 self._row_date(row, -1))  # a row naming no entity ('prose': about the context)
                continue
            loc = self._loc(table, ecell, r)
            if not fallback and len(entities) == 1 and names_a_group(ecell.text):
                self._group_members(ecell.text, entities[0], loc, self.sources_of(table))
            for entity in entities:
                self._type_created(entity, loc, table, mapping)
                if maker is not None and not fallback:
                    add_made(self, table, maker, entity, ecell, r)
                if mapping.context_link and context and context != entity:
                    self.ex.add(Fact(entity, mapping.context_link, context, True, loc,
                                     f"table:{mapping.rule or mapping.id}:{mapping.context_link}", self.sources_of(table)))
            # one n-ary node per row, whoever the row names ("Crusoe · Blue Owl JV" is one investment)
            node = self._node(mapping, table, entities, self._row_investee(mapping, row, ei, context), loc,
                              f"{ecell.text} \t {row_text}") if mapping.node_type else ""
            used = {ei}
            row_labels = " ".join(c.text for c in row.cells if c.text and not any(ch.isdigit() for ch in c.text))
            row_date = self._row_date(mapping.undated_row(table, row), -1 if fallback else ei)
            # a row about the table's entity by default whose label cell names one thing ("Grok-2 출시"): its prose is its
            named = self._row_named(row, ei) if fallback else ""
            if named:
                self._read_prose(table, row, r, named, row_date)
            self._named_row = bool(named)  # its prose is read about the named thing, not the context
            # a row labelled by a date alone ("2024년 05월 10일 | 시리즈 B 펀딩 | …") dates its mined figures;
            # a deadline in a status cell ("2028년까지 완성") does not
            self._label_date = row_date if any(_DATE_LABEL.fullmatch(c.text.strip()) for c in row.cells) else ""
            if self.text is not None:  # "두 개의 칩 구성" in the row of HW3's chip: the chips of HW3
                first = self._first_entity(row, ei)
                self.text.row_system = Mention_(self.res.record(first), first.type, -1, -1, "row-system") \
                    if first is not None and is_a(first.type, "System") else None
            for rule in mapping.columns:
                for j in self._rule_columns(table, rule, used):
                    if j >= len(row.cells):
                        continue
                    header = table.header[j].text
                    if rule.claims and not rule.property:
                        header += " " + row_labels  # a metric named in the row ("기업 가치") is context
                    targets = {"entity": entities, "node": [node], "context": [context],
                               "first": self._first_named(row, ei) or entities}[rule.on]
                    # a row naming its own thing read about the context: ambiguous, its facts get a rule of their own
                    own = not fallback and context not in entities
                    if rule.on == "context" and own and about_label(table.rows, r, ei):
                        targets = entities  # unless the row is about its label's thing (table_cost_rows.py)
                    # a figure of a row naming several ("MGX / PIF", "A, B 등 | 총 N억 달러") is theirs jointly
                    how = "row-context" if rule.on == "context" and own and targets == [context] else \
                        "row-joint" if rule.on == "entity" and len(targets) > 1 else ""
                    for target in targets:
                        self._apply_rule(rule, mapping, table, row.cells[j], r, header, target,
                                         _grid_period(row_date, table.header[j].text), how=how)
                        if rule.claims and not rule.property and rule.on == "entity" and rule.header.pattern != ".":
                            # a column the family only mines: its header read through the attribute lexicon
                            self.reader.label_cell(table, r, row.cells[j], target, table.header[j].text,
                                                   parse_period(row_date) if row_date else None)
            self._named_row = False
            self._label_date = ""
        if self.text is not None:
            self.text.row_system = None

    def _events(self, table: Table, mapping: TableMapping) -> None:
        from petaflop.extract.table_events import read_events  # it builds on this module's readers

        read_events(self, table, mapping)

    def _group_members(self, text: str, group: str, loc: Location, sources: tuple[str, ...]) -> None:
        """A cell naming a group: a joint venture's named firms partner each other; the examples of
        a collective ("은행 PF (JPM 등)") are its members."""
        members = [self.res.record(e) for e in self.res.entities_in(text, "Agent")]
        if JOINT.search(text.strip()):
            for other in members[1:]:
                self.ex.add(Fact(members[0], "partnerOf", other, True, loc, "table-group:jv-partners", sources))
        else:
            for m in members:
                self.ex.add(Fact(m, "memberOf", group, True, loc, "table-group:example-member", sources))

    def _first_named(self, row, ei: int) -> list[str]:
        """The one thing a row's first cell names exactly ("HW1" in "버전"), when the entity column is another."""
        ent = self._first_entity(row, ei)
        return [self.res.record(ent)] if ent is not None else []

    def _first_entity(self, row, ei: int) -> Entity | None:
        text = row.cells[0].text.strip() if ei and row.cells else ""
        found = self.res.gaz.find_mentions(text)
        return self.res.gaz.by_id(found[0].entity_id) if len(found) == 1 and \
            found[0].start == 0 and found[0].end == len(text) else None

    def _row_named(self, row, skip: int) -> str:
        """The one entity a short cell of the row names (its label), or ''."""
        for j, cell in enumerate(row.cells):
            text = cell.text.strip()
            if j == skip or not text or len(text) > 40:
                continue
            found = [e for e in self.res.entities_in(text) if not any(is_a(e.type, t) for t in ("Place", "MarketSegment"))]
            if len(found) == 1:
                return self.res.record(found[0])
        return ""

    def _read_prose(self, table: Table, row, r: int, subject: str, row_date: str) -> None:
        """The prose cells of a row: their figures by what the cell's own words say they measure."""
        if self.text is None:
            return
        for j, cell in enumerate(row.cells):
            if prose_cell(cell.text):
                when = _grid_period(row_date, table.header[j].text if j < len(table.header) else "")
                self.text.read_cell(cell.text, self._loc(table, cell, r), self.sources_of(table), subject,
                                    parse_period(when) if when else None)

    @staticmethod
    def _row_date(row, skip: int) -> str:
        """A row labelled by a year or date (e.g. '2024년') dates the values in it."""
        for j, cell in enumerate(row.cells):
            if j == skip or not cell.text:
                continue
            if re.fullmatch(r"\s*(?:19|20)\d{2}\s*", cell.text):  # a bare year labels the row ("2025")
                return cell.text.strip()
            d = read_date(cell.text)
            if d is not None and len(cell.text) <= 14:
                period = cell_period(cell.text)  # "내년 상반기 완료 계획" is 2026-H1, not its first day
                return period.text if period is not None else d.as_of
            lead = _LEADING_DATE.match(cell.text)  # "2030년 (2028년에 부분운영)": the date, then a note
            if lead and (period := cell_period(lead.group(1))) is not None:
                return period.text
            if j == 0 and (year := paren_year(cell.text)) is not None:  # "장기 청사진 (≈2031)": the row's year
                return year.text
        return ""

    def _rule_columns(self, table: Table, rule: ColumnRule, used: set[int]) -> list[int]:
        """Columns a rule reads: the first matching one for a property, every matching one
        for a claims-only rule (a property column is then not mined again)."""
        if rule.property:  # several rules may read one column (a value and a link, say)
            j = self._column_index(table, rule.header, {self._entity_col})
            if j is None:
                return []
            used.add(j)
            return [j]
        # a catch-all claims rule skips columns other rules read; a rule naming a column mines it
        skip = used if rule.header.pattern == "." else set()
        return [j for j, c in enumerate(table.header) if j not in skip and rule.header.search(c.text)]

    def _columns(self, table: Table, mapping: TableMapping) -> None:
        entities: dict[int, list[str]] = {}
        for j, h in enumerate(table.header[1:], 1):
            if mapping.entity_skip and mapping.entity_skip.search(h.text):
                continue
            alias = mapping.entity_aliases.get(h.text.strip())
            ent = self.res.gaz.by_id(alias) if alias else None
            found = [self.res.record(ent)] if ent else self.res.resolve_cell(h.text, mapping.entity_type,
                                                                            mapping.entity_create)
            if found:
                entities[j] = found
                for e in found:
                    self._type_created(e, self._loc(table, h, 0), table, mapping)
        if not entities:  # no header cell names an entity: read it as rows about the context
            fallback = replace(mapping, layout="rows", entity_column=re.compile("."), entity_fallback="context")
            self._rows(table, fallback)
            return
        key_columns = [j for j in range(len(table.header)) if j not in entities]
        for r, row in enumerate(table.rows, 1):
            key = next((row.cells[j].text for j in key_columns if j < len(row.cells) and row.cells[j].text.strip()), "")
            if not key:
                continue
            # every rule naming the label applies ("HBM 대역폭": the memory and its bandwidth); the
            # catch-all rule only where no other does
            rules = [ru for ru in mapping.columns if ru.header.search(key) and ru.header.pattern != "."]
            rules = rules or [ru for ru in mapping.columns if ru.header.pattern == "."][:1]
            if not rules:
                continue
            key_date = read_date(key).as_of if read_date(key) is not None and len(key) <= 14 else ""
            for j, ids in entities.items():
                if j < len(row.cells):
                    for e in ids:
                        for rule in rules:
                            self._apply_rule(rule, mapping, table, row.cells[j], r, key, e, key_date)
                            # a label the mapping leaves open, or one it reads as a link ("제조 공정": the node
                            # named, and its length): the lexicon's values, as in a key-value table
                            if (rule.claims and not rule.property) or rule.link:
                                self.reader.label_cell(table, r, row.cells[j], e, key, cell_period(key),
                                                       links=not rule.link)

    def _key_value(self, table: Table, mapping: TableMapping) -> None:
        context = self.context_entity(table, mapping)
        for r, row in enumerate(table.rows, 1):
            if len(row.cells) < 2:
                continue
            key = row.cells[0].text
            keyed = self.res.resolve_cell(key, mapping.entity_type) if key.strip() else []
            scope_only = scope_classes(key)  # "중국 AI 인프라 시장 점유율": where the share holds (table_market_scope.py)
            keyed = [e for e in keyed if not any(is_a(c, s) for c in self.ex.entities[e].types for s in scope_only)]
            subject = keyed[0] if keyed else context
            # every rule naming the label applies (a link and a claims rule may share "GPU 1차 배치");
            # the catch-all rule only where no other does
            rules = [ru for ru in mapping.columns if ru.header.search(key) and ru.header.pattern != "."]
            rules = rules or [ru for ru in mapping.columns if ru.header.pattern == "."]
            for j, cell in enumerate(row.cells[1:], 1):
                if rules and j == 1:
                    for rule in rules:
                        self._apply_rule(rule, mapping, table, cell, r, key, subject)
                    if subject and key.strip():
                        self.reader.label_cell(table, r, cell, subject, key, None,
                                               prose=not any(rule.claims for rule in rules))
                elif subject:
                    self.miner.mine(cell.text, self._loc(table, cell, r), subject, self.sources_of(table),
                                    f"table:{mapping.id}:claims", header=key)
                    # a note ranking or comparing the row's figure ("AI IaaS 시장 1위", "OpenAI 대비 40%")
                    read_remark(self.reader, table, r, cell, subject)
