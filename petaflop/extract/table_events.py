"""Event timelines: tables of dated rows (date | actor | what happened).

A row is one dated happening. What it is comes from its text, read head-final clause by clause:
the last named event or measure of the first clause that names one ("'인공지능 확산 규칙'을 공식
철회" is the rescission, "수출 허가 요건 적용" the licence requirement) is the row's node — unless
the name is marked as a cause ("요건으로 … 비용으로 계상": the booking is the row, the
requirement its reason). A row naming none gets a node of its own.

The actor column says who acted, which is not always who issued a measure: a timeline of one
country's export controls ("미국의 칩 수출 규제") lists firms' reactions and other governments'
answers beside that country's acts. The actor is the *issuer* only when it is a state body (a
type in ``issuer``) the whole actor cell names, of the table's country — the context entity the
caption names, when the actor cell names it too ("미국 트럼프 정부") or is it ("미국 정치인" names
no state body: the country only qualifies the actor). A row of another actor is a plain event
(``other``), linked to its actor only when it announced something (``announcedBy``) — then the row is
that actor's announcement, dated as one (``table:events:announcedDate``, not judged apart). A row of such an
actor whose main (last) clause names a state body as its subject ("…하자, 중국 상무부가 … 경고", a headline's
"상원의원, … 서한 발송") says in its own words which body acted: the event is ``announcedBy`` that body — not
some of its members ("일부 상원의원": some senators are not the Senate).
A clause withdrawing a named measure ("'인공지능 확산 규칙'을 공식 철회") says the row's act ``rescinds`` it.

The date is the event's date, a measure's effective date when the row applies it, or the date it
was announced or proposed (the mapping's verbs). Chips the node's clause names are what the
issuer's act concerns (``concernsChip`` on an event, ``appliesToChip`` on a measure). Rows of no
issuer with a node of their own are judged apart (rule ids ending ``:other-actor``; a row of no actor,
or one stating a figure or a release, ``:no-actor``, ``:other-actor:figure``, ``:other-actor:release``). Rule ids are
``table:events:<property>`` whichever timeline a row is in: one reading, judged as one family.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from foundation.namespaces import PFA, RDF
from petaflop.extract.cell_text import cell_period
from petaflop.extract.facts import EntityRecord, Fact
from petaflop.extract.period_row_series import read_period_series
from petaflop.extract.resolve import is_a
from petaflop.extract.table_map import ColumnRule, EventColumns, TableMapping
from petaflop.extract.text_bare_title import event_actor

if TYPE_CHECKING:
    from ingest.model import Table
    from petaflop.extract.tables import TableExtractor

#: clause ends: a connective ending before a comma ("철회하고, ", "경고하자, ") or a sentence end
_CLAUSE = re.compile(r"(?<=[고며자]),\s+|(?<=[.!?])\s+")


#: a sum or a percentage in a row's clause, and a verb of releasing a product
_FIGURE = re.compile(r"\d[\d,.]*\s?(?:[십백천만억조]\s?)*(?:달러|원|위안|유로|엔|%)")
_RELEASE = re.compile(r"공개|출시|선보")
#: after the state body that is a clause's subject: a subject particle ("상무부가 … 경고")
_SUBJECT = re.compile(r"(?:이|가|은|는)\s")
#: before the state body a headline opens with ("상원의원, … 서한 발송"): one short word at most
_HEADLINE_LEAD = re.compile(r"(?:[가-힣]{1,4}\s)?")
#: right before a body's name, a part of it: "일부 상원의원" (some senators) are not the Senate
_PARTITIVE = re.compile(r"(?:일부|몇몇|여러|다수|소수|복수|한)\s?(?:의\s)?$")
#: right after a measure's name: a verb of withdrawing it ("'인공지능 확산 규칙'을 공식 철회")
_RESCIND = re.compile(r"['’”\"]?\s?(?:을|를)?\s?(?:(?:공식|전격|전면)\s?)?(?:철회|폐지|폐기|취소)")


def clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses of ``text``, in order."""
    out, start = [], 0
    for m in _CLAUSE.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


class EventRows:
    """Reads one ``events`` table through the extractor's resolver and cell readers."""

    def __init__(self, tx: TableExtractor, table: Table, mapping: TableMapping) -> None:
        assert mapping.events is not None
        self.tx, self.table, self.m, self.ev = tx, table, mapping, mapping.events
        self.res = tx.res
        self.context = tx.context_entity(table, mapping)

    def run(self) -> None:
        cols = {name: self.tx._column_index(self.table, pat, set())
                for name, pat in (("actor", self.m.entity_column), ("date", self.ev.date), ("text", self.ev.text))}
        if cols["date"] is None or cols["text"] is None:
            return
        rest = [j for j in range(len(self.table.header)) if j not in cols.values()]
        for r, row in enumerate(self.table.rows, 1):
            if max(j for j in cols.values() if j is not None) >= len(row.cells):
                continue
            text = row.cells[cols["text"]]
            actor = row.cells[cols["actor"]].text if cols["actor"] is not None else ""
            if cols["actor"] is None and self.res.gaz.lookup(_leading_subject(text.text)) is not None:
                actor = _leading_subject(text.text)  # no actor column: a headline names its actor first
            node = self.row(r, actor, row.cells[cols["date"]], text)
            for j in rest:  # other columns: figures of the row's event, by what their header says
                if node and j < len(row.cells) and row.cells[j].text.strip():
                    self.tx.miner.mine(row.cells[j].text, self.tx._loc(self.table, row.cells[j], r), node,
                                       self.tx.sources_of(self.table), "table:events:claims",
                                       header=self.table.header[j].text, in_table=True)

    # -- one row ------------------------------------------------------------------------------
    def named_node(self, text: str) -> tuple[str, tuple[int, int]] | None:
        """The event or measure the text names as what happened, with its clause."""
        for span in clauses(text):
            clause = text[span[0]:span[1]]
            found = ""
            for mention in self.res.gaz.find_mentions(clause):
                ent = self.res.gaz.by_id(mention.entity_id)
                if not any(is_a(ent.type, t) for t in self.ev.named):
                    continue
                if self.ev.cause.match(clause, mention.end):
                    continue
                found = self.res.record(ent)  # head-final: the last name of the clause
            if found:
                return found, span
        return None

    def is_issuer(self, actor: str, actor_text: str) -> bool:
        rec = self.tx.ex.entities.get(actor)
        if rec is None or not any(is_a(t, i) for t in rec.types for i in self.ev.issuer):
            return False
        whole = self.res.gaz.lookup(actor_text.strip())
        if whole is None or whole.id != actor:  # "미국 정치인": the country only qualifies the actor
            return False
        if not self.context or actor == self.context:
            return True
        ctx = self.tx.ex.entities.get(self.context)
        if ctx is None or not any(is_a(t, "Country") for t in ctx.types):
            return True  # the table names no country of its own
        return any(n and n in actor_text for n in (ctx.name_ko, ctx.name_en, *ctx.aliases))

    def row(self, r: int, actor_text: str, date_cell, text_cell) -> str:
        """Read one row; returns its node."""
        tx, m = self.tx, self.m
        text = text_cell.text.strip()
        if not text:
            return ""
        sources = tx.sources_of(self.table)
        loc = tx._loc(self.table, text_cell, r)
        actors = tx.res.resolve_cell(actor_text, m.entity_type, m.entity_create) if actor_text.strip() else []
        for a in actors:
            tx._type_created(a, loc, self.table, m)
        issuers = [a for a in actors if self.is_issuer(a, actor_text)]
        named = self.named_node(text)
        rid = "table:events"  # one reader for every timeline: the gate judges its columns together
        if named:
            node, span = named
            node_types = tx.ex.entities[node].types
        else:
            node, span = f"{m.id}--r{r}", (0, len(text))
            node_type = m.node_type if issuers else self.ev.other
            node_types = (node_type,)
            label = " · ".join((tx.ex.entities[a].name_en or tx.ex.entities[a].name_ko) for a in actors) or m.id
            tx.ex.add_entity(EntityRecord(node, node_types, f"{node_type}: {label} r{r}", "", (), "table"))
            tx.ex.add(Fact(node, RDF.type, PFA[node_type], True, loc, rid, sources))
        clause = text[span[0]:span[1]]
        # an announcement of another actor is its announcement (announcedBy below): dated as any announcement
        announced = bool(actors) and not issuers and not named and bool(self.ev.announce.search(clause))
        tag = "" if named or issuers or announced else _other_tag(actors, clause)
        measure = any(is_a(t, "PolicyInstrument") for t in node_types)
        if self.ev.announce.search(clause):
            date_prop = "announcedDate"
        elif measure and self.ev.effective.search(clause):
            date_prop = "effectiveDate"
        else:
            date_prop = "eventDate"
        if date_cell.text.strip():
            tx._apply_rule(ColumnRule(header=m.entity_column, property=date_prop, kind="date", on="node"), m,
                           self.table, date_cell, r, self.table.header[0].text, node, rule_id=f"{rid}:{date_prop}{tag}")
        for issuer in issuers:
            tx.ex.add(Fact(node, "issuedBy", issuer, True, loc, f"{rid}:issuedBy", sources, raw=actor_text))
        if announced:
            for a in actors:
                tx.ex.add(Fact(node, "announcedBy", a, True, loc, f"{rid}:announcedBy", sources, raw=actor_text))
        elif actors and not issuers and not named:  # "중국 정부 | … 중국 상무부가 … 경고": the body its words name
            body, said = self.clause_actor(text)
            if body and body not in actors:
                tx.ex.add(Fact(node, "announcedBy", body, True, loc, f"{rid}:announcedBy", sources, raw=said[:60]))
        if issuers:  # the chips of the issuer's act, named in its clause
            chip_prop = "appliesToChip" if measure else "concernsChip"
            for chip in tx.res.resolve_cell(clause, "Chip"):
                tx.ex.add(Fact(node, chip_prop, chip, True, loc, f"{rid}:{chip_prop}", sources, raw=clause[:60]))
        self.rescinded(node, node_types, clause, loc, sources)
        tx.ex.add(Fact(node, "eventDescription", text, False, loc, f"{rid}:eventDescription", sources, lang="ko",
                       raw=text[:60]))
        # the figures and links of the text, by what its own words say (no row topic: an event)
        tx.miner.mine(text, loc, node, sources, f"{rid}:claims", header=self.table.header[-1].text, in_table=True)
        if tx.text is not None:
            period = cell_period(date_cell.text)
            event_actor(tx.text, tx.ex, actors)  # "엔비디아 | 젠슨 황 CEO가 …": a bare title names the actor
            try:
                tx.text.read_cell(text, loc, sources, "", period)
            finally:
                event_actor(tx.text, tx.ex, [])
        return node

    def clause_actor(self, text: str) -> tuple[str, str]:
        """The state body the row's main (last) clause names as its subject ("중국 상무부가 … 경고하며", a
        headline's "중국 상무부, … 발표"), with that clause; ('', '') when it names none. A row of an actor
        that is not the table country's issuer ("중국 정부", "미국 정치인") says in its words which body acted."""
        spans = clauses(text)
        if not spans:
            return "", ""
        clause = text[spans[-1][0]:spans[-1][1]]
        for mention in self.res.gaz.find_mentions(clause):
            ent = self.res.gaz.by_id(mention.entity_id)
            if not is_a(ent.type, "GovernmentBody") or _PARTITIVE.search(clause, 0, mention.start):
                continue
            if _SUBJECT.match(clause, mention.end) or (
                    clause.startswith(",", mention.end) and _HEADLINE_LEAD.fullmatch(clause, 0, mention.start)):
                return self.res.record(ent), clause
        return "", ""

    def rescinded(self, node: str, node_types, clause: str, loc, sources: tuple[str, ...]) -> None:
        """"'<measure>'을 공식 철회": the row's act or measure rescinds the measure its clause withdraws."""
        if not any(is_a(t, c) for t in node_types for c in ("ExportControlEvent", "PolicyInstrument")):
            return
        for mention in self.res.gaz.find_mentions(clause):
            ent = self.res.gaz.by_id(mention.entity_id)
            if is_a(ent.type, "PolicyInstrument") and ent.id != node and _RESCIND.match(clause, mention.end):
                self.tx.ex.add(Fact(node, "rescinds", self.res.record(ent), True, loc, "table:events:rescinds",
                                    sources, raw=clause[:60]))


def _other_tag(actors: list[str], clause: str) -> str:
    """How a row of no issuer and no named node is judged: a row of no actor is a step of a series
    (":no-actor"), one whose clause states a figure ("45억 달러 비용으로 계상") or a release ("모델을
    공개") is a figure or a product of its actor before it is an event of its own — each apart from the
    plain happening of another actor (a dinner, a letter, a warning: ":other-actor")."""
    if not actors:
        return ":no-actor"
    if _FIGURE.search(clause):
        return ":other-actor:figure"
    if _RELEASE.search(clause):
        return ":other-actor:release"
    return ":other-actor"


def _leading_subject(text: str) -> str:
    """A headline's actor: the name before its first comma ("中 상무부, … 허가제 도입"), else ''."""
    head, comma, _ = text.partition(",")
    return head.strip() if comma and len(head.strip()) <= 20 else ""


def read_events(tx: TableExtractor, table: Table, mapping: TableMapping) -> None:
    EventRows(tx, table, mapping).run()
    read_period_series(tx.reader, table)  # a measured column under a caption's owner (period_row_series.py)


__all__ = ["EventColumns", "clauses", "read_events"]
