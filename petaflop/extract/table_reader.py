"""The generic table reader: any table whose rows (or columns) name entities and whose labels the
attribute lexicon knows becomes statements and links, each cell with its own provenance.

Layouts, decided per table:

* **entity rows** — a key column (named by a ``[[key]]`` header, else the column whose cells
  name gazetteer entities) gives each row's subject; every other column's header is a label;
* **entity columns** — a transposed table: the header cells name the subjects, the first
  column's cells are the labels;
* **key–value** — a two-column "label | value" table about the entity its caption names.

A label names a kind (``[[value]]``) or links (``[[link]]``); a header that is a period (2024,
2Q25, 2025E) dates its column. A cell becomes a statement only when its value has the kind's
dimension, so a note in a figure column is never a figure. The row's subject is the entity the
row names — the caption's entity is the subject only of key–value tables. Every statement's rule
is ``table-reader:<lexicon entry>`` so the precision gate can judge each entry on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from types import SimpleNamespace

from foundation.namespaces import PFA, RDF
from foundation.periods import Period
from ingest.model import Cell, Table
from ingest.quantities import REFERENCE_DATE, parse_cell
from petaflop.extract import table_caption_subject as tcs
from petaflop.extract import table_figures as tf
from petaflop.extract.adjacent import place_qualifiers, qualifier_mentions
from petaflop.extract.caption_maker import add_made, caption_maker
from petaflop.extract.cell_text import caption_for_status, cell_period, cell_time, period_header, prose_cell
from petaflop.extract.cell_titles import titled_links
from petaflop.extract.cell_works import unmade_works
from petaflop.extract.education import studied
from petaflop.extract.facts import EntityRecord, Extraction, Fact, Location, Statement
from petaflop.extract.figure_time import caption_time
from petaflop.extract.gate import unsure
from petaflop.extract.lexicon import Lexicon, LinkEntry, ValueEntry, load_lexicon
from petaflop.extract.line_items import name_line_items
from petaflop.extract.period_rows import period_columns, read_period_rows
from petaflop.extract.resolve import Resolver, created_id, is_a
from petaflop.extract.rival_tables import caption_rival_owner
from petaflop.extract.table_back_refs import refer_back
from petaflop.extract.table_caption_context import add_caption_context, caption_whole, part_scope
from petaflop.extract.table_caption_total import read_caption_total
from petaflop.extract.table_columns import column_label, column_unit, compared_measure, label_texts
from petaflop.extract.table_kinds import CHIP_COUNT_KINDS, table_kind
from petaflop.extract.table_label_figure import read_row_value
from petaflop.extract.table_label_prose import read_label_prose
from petaflop.extract.table_market_scope import label_scope, scope_classes
from petaflop.extract.table_measure_context import change_measure, rank_scope
from petaflop.extract.table_model_rows import ModelRows
from petaflop.extract.table_per import per_of_header
from petaflop.extract.table_remarks import read_remark, row_label, run_row, section_label, section_part
from petaflop.extract.table_row_caption import add_row_caption_facts, metric_cell
from petaflop.extract.table_row_links import cell_mentions, part_of_subject, several_or_none
from petaflop.extract.table_share_list import read_share_lists
from petaflop.extract.table_totals import read_total, total_column
from petaflop.extract.table_units import header_with_unit, unit_note
from petaflop.extract.table_unstated_unit import unstated_unit
from petaflop.extract.values import find_quantities

_EMPTY = {"", "-", "—", "–", "?", "N/A", "n/a", "미상", "해당 없음", "비공개"}
_TIME_HEADER = re.compile(r"^(연도|년도|시기|날짜|일자|시점|기간|Year|Date)$")
_METRIC_HEADER = re.compile(r"^(지표|항목|Metric|metric|구분 ?지표)$")
_THEN_TIME = re.compile(r"(이전|과거|기존) ?(시점|시기|날짜)")
_VALUE_HEADER = re.compile(r"^(수치|값|금액|Value|value|수치 ?[/·] ?내용|내용|규모)$")
_LABEL_HEADER = re.compile(r"^(항목|지표|구분|사양|특징|Item|item|주요 재무 사항|비교 항목|항목\(unit\))$")
_NAME_LIKE = re.compile(r"^[\w\s.&+·\-/()'’가-힣]{1,40}$")
_HARDWARE_MEASURE = {"비용": "하드웨어 비용", "전력": "전력 수요", "가격": "가격"}  # a hardware column's measure word, as the lexicon names it
_SPEND_KINDS = {"amount", "capex"}  # money a chip column's owner spends on it (not the chip's own price)
_COMBINATION = re.compile(r"\S\s\+\s\S")
_SIGN = re.compile(r"^\s*[-−–]\s*\d")
_RELATED_ONLY = re.compile(r"\s?(?:관련|대비|기반의?|향)(?![가-힣])")
_NANOMETRES = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?(?:nm|나노)(?![A-Za-z])")
_STAT_LABEL = re.compile(r"^(월 ?평균|연 ?평균|평균|합계|수치|값|[Vv]alue|[Aa]verage)?\s*(\([^)]*\))?$")
#: "GPT-4 이후의 차세대 모델", "GPT-4 계열(4.1, 4o)": a name used as a reference point, not the thing meant
_REFERENCE_POINT = re.compile(r"\s?(?:이후|이전|대비|계열|보다|처럼|같은|대신)|\)?\s?(?:은|는|이|가)?\s?아님|\)?\s?(?:은|는|이|가)\s?아니")  # "…(GB 시리즈)은 아님", "HBM 대신": not it
_LIKENESS_BEFORE = re.compile(r"[가-힣A-Za-z](?:식|판)\s?$")  # "아마존식 NVLink": a likeness, not the thing
_TOGETHER = re.compile(r"\s?(?:와|과)\s함께")
_OWN_AFFILIATION = re.compile(r"소속|클럽|^팀$|[Cc]lub|^[Tt]eam$|^모델명?$|^[Mm]odel$")  # a model table's people: no staff
_COUNT_CELL = re.compile(r"\d\s?(?:개|대|기|장)(?![가-힣])")
_AGGREGATE = re.compile(r"^(합계|총계|소계|전체|기타|평균|총\s|Total|total|Others?|Sum|Average)\b|Total of|Top ?\d+ 합")


@dataclass(frozen=True)
class _Label:
    text: str  # the label (header text with its unit note, or a row label)
    period: Period | None = None  # a header that is a period dates its column
    status: str = ""  # a status the period header implies ('2025E' → estimate)
    metric: str = ""  # what the figure measures when the label does not say it ("성장률" in a metric's row)
    scope: str = ""  # what the table breaks down, when its row is a part of it (table_caption_context.caption_whole)


class TableReader:
    def __init__(self, resolver: Resolver, sources_of, lexicon: Lexicon | None = None, text=None,
                 titles: dict[str, str] | None = None) -> None:
        self.text = text  # the TextReader, for cells that are prose
        self.titles = titles or {}  # table id -> the short title line above it
        self.tag = ""  # ":mapped" while reading labels of a table a mapping family owns
        self.res = resolver
        self.ex: Extraction = resolver.ex
        self.lex = lexicon or load_lexicon()
        self.sources_of = sources_of
        self._read_under: dict[int, str] = {}  # index in ex.statements -> the label its value was read under
        self._row_status = ""  # a status cue in parentheses beside the row's name ("메타 X (추정)")
        self._links = True  # False while reading only the values of a cell a mapping links

    def read(self, table: Table) -> int:
        """Statements and links from one table; returns how many were produced."""
        before = len(self.ex.statements) + len(self.ex.facts)
        first = len(self.ex.statements)
        self._read_under = {}
        if period_columns(table):  # "항목 | 2024 Q2 | 2025 Q2": the caption entity's figures over periods
            read_period_rows(self, table)
        elif table.transposed:
            self._entity_columns(table)
        else:
            key = self._key_column(table)
            if key is not None:
                self._entity_rows(table, key)
            elif self._is_key_value(table):
                self._key_value(table)
            else:
                # "항목 | A100 | H20 | H800": a comparison whose header names the entities, one per
                # column, and whose rows are labels; judged apart from transposed tables
                self.tag = ":header-entities"
                try:
                    self._entity_columns(table)
                finally:
                    self.tag = ""
        read_share_lists(self, table, self._labels(table))  # "경쟁사 | OpenAI 25%, 구글 20%" (table_share_list.py)
        name_line_items(self.ex.statements, self._read_under, first)
        add_caption_context(self, table, first)  # a benchmark, an item only the caption names (table_caption_context.py)
        refer_back(self.ex.statements, table, first)  # "… 점유율 | 그 중 ChatGPT 비중": the whole it is part of (table_back_refs.py)
        return len(self.ex.statements) + len(self.ex.facts) - before

    # ------------------------------------------------------------------ layouts
    def _key_column(self, table: Table) -> int | None:
        labels = table.column_labels or [c.text for c in table.header]
        for j, h in enumerate(labels[:3]):
            if self.lex.key_for(h) is not None:
                return j
        for j in range(min(2, len(labels))):
            cells = [r.cells[j].text for r in table.rows if j < len(r.cells) and r.cells[j].text.strip()
                     and not _AGGREGATE.search(r.cells[j].text.strip())]
            if not cells:
                continue
            named = sum(1 for c in cells if self.res.gaz.lookup(c.strip()) is not None)
            if named >= max(2, 0.6 * len(cells)):
                return j
            # an unlabelled first column naming several entities among summary rows ("TOP 4", "총 …")
            if j == 0 and not labels[0].strip() and named >= 3 and named >= 0.3 * len(cells):
                return j
        return None

    def _is_key_value(self, table: Table) -> bool:
        labels = table.column_labels or [c.text for c in table.header]
        return 2 <= len(labels) <= 4 and bool(_LABEL_HEADER.match(labels[0].strip())) and any(
            _VALUE_HEADER.match(h.strip()) for h in labels[1:])

    def _entity_rows(self, table: Table, key: int) -> None:
        labels = self._labels(table)
        key_entry = self.lex.key_for(labels[key].text)
        time_col = next((j for j, lab in enumerate(labels) if _TIME_HEADER.match(lab.text.strip())), None)
        # "회사 | 지표 | 이전 시점 | 이전 값 | 현재 값": the metric is named per row, values then and now
        metric_col = next((j for j, lab in enumerate(labels) if j != key and _METRIC_HEADER.match(lab.text.strip())), None)
        then_col = next((j for j, lab in enumerate(labels) if _THEN_TIME.search(lab.text)), None)
        previous: list[str] = []
        # people listed under a caption naming an organisation are its members, unless the table says where each one is (a club or affiliation column)
        org = None if any(_OWN_AFFILIATION.search(lab.text) for lab in labels) else self._caption_organization(table)
        maker = caption_maker(table, [lab.text for lab in labels], self.res.gaz)  # "엔비디아의 신제품들"
        rivals_of = caption_rival_owner(labels[key].text, table.caption, self.res)  # "경쟁사 | …" under "A가 …"
        base_tag = self.tag
        for r, row in enumerate(table.rows, 1):
            self.tag = base_tag
            if key >= len(row.cells) or row.section:
                continue
            kcell = row.cells[key]
            if _AGGREGATE.search(kcell.text.strip()):  # a total or "others" row is about no firm of the table
                read_caption_total(self, table, r, row, key, labels, self._unit_note(table, row))
                continue
            subjects = self._subjects(kcell.text, key_entry.create if key_entry else "", table, kcell, r)
            if not subjects and kcell.merged:
                subjects = previous
            previous = subjects
            if len(subjects) != 1:  # no entity (a caption's total?) or several ("A / B"): table_row_links.py
                several_or_none(self, table, row, r, key, kcell, labels, subjects, org)
                continue
            subject = subjects[0]
            add_row_caption_facts(self, table, maker, subject, row, key, r)  # maker, release year, predecessor
            self._row_status = self.lex.status_of(*re.findall(r"\(([^()]{1,12})\)", kcell.text))
            if org is not None and any(is_a(t, "Person") for t in self.ex.entities[subject].types):
                # a list of people under a caption naming an organisation: the people are its members
                self.ex.add(Fact(subject, "affiliatedWith", org, True, self._loc(table, kcell, r),
                                 "table-reader:affiliatedWith@caption", self.sources_of(table), raw=kcell.text[:60]))
            if rivals_of is not None and rivals_of != subject:
                self.ex.add(Fact(rivals_of, "competesWith", subject, True, self._loc(table, kcell, r),
                                 "table-reader:competesWith@caption", self.sources_of(table), raw=kcell.text[:60]))
            row_time = self._row_time(row.cells[time_col].text) if time_col is not None and time_col < len(row.cells) else None
            unit_note = self._unit_note(table, row)
            if metric_col is not None and metric_col < len(row.cells):
                metric = row.cells[metric_col].text.strip()
                then = row.cells[then_col].text if then_col is not None and then_col < len(row.cells) else None
                for j, cell in enumerate(row.cells):  # values then and now, and their growth (table_row_caption.py)
                    if (how := metric_cell(labels[j].text if j < len(labels) else "", metric, then)) is not None:
                        self._cell(table, r, cell, subject, _Label(how[0], metric=metric if how[0] != metric else ""), how[1], unit_note)
                continue
            for j, cell in enumerate(row.cells):
                if j in (key, time_col) or j >= len(labels):
                    continue
                by_row = row_label(self, kcell.text, labels[j])  # "GB300 비중 | 10% | 20%" (table_remarks.py)
                self.tag, tag = (":row-label" if by_row else self.tag), self.tag
                self._cell(table, r, cell, subject, by_row or labels[j], row_time, unit_note)
                self.tag = tag
        self.tag = base_tag
        self._row_status = ""

    def _entity_columns(self, table: Table) -> None:
        headers = table.header
        texts = table.column_labels or [c.text for c in headers]  # two header lines joined ("Open Models / X")
        subjects: dict[int, str] = {}
        for j, text in enumerate(texts[1:], 1):
            found = self._subjects(text.split(" / ")[-1], "", table, headers[min(j, len(headers) - 1)], 0)
            if len(found) == 1:
                subjects[j] = found[0]
        if not subjects:
            return
        subjects = tcs.caption_products(table, subjects, self.res.gaz, self.res.record)  # "테슬라" of "테슬라 로보택시 vs …"
        metrics = self._column_metrics(texts, subjects)
        whole = caption_whole(table.caption, known := [m for m in metrics.values() if self.lex.value_for(m)])  # "스케일업 네트워킹 비용 및 …"
        total = total_column(table, texts, subjects)
        if (maker := caption_maker(table, [row.cells[0].text for row in table.rows if row.cells], self.res.gaz)):
            for j, subject in subjects.items():
                add_made(self, table, maker, subject, headers[min(j, len(headers) - 1)], 0)
        for r, row in enumerate(table.rows, 1):
            if metrics:  # "칩 레벨 | GB200 비용 | GB200 전력": a header row of the next section
                again = {j: self._subjects(c.text, "", table, c, r) for j, c in enumerate(row.cells) if j and c.text.strip()}
                if again and all(len(v) == 1 for v in again.values()):
                    subjects = {j: v[0] for j, v in again.items()}
                    metrics = self._column_metrics([c.text for c in row.cells], subjects)
                    continue
            # a group label merged down from the row above ("메모리 용량 | PE 당 … / ⋯ | 온칩 SRAM") heads the label
            label_cells = label_texts(row.cells, subjects, total)  # no total, no verdict after the entities (table_columns.py)
            if not label_cells:
                continue
            label = _Label(" ".join(label_cells[:2]), metric=compared_measure(table.rows, r - 1, subjects, total))
            read_label_prose(self, table, r, row, subjects)  # a label cell's own sentences (table_label_prose.py)
            for j, subject in subjects.items():
                if j < len(row.cells):
                    first = len(self.ex.statements)
                    own = _Label(column_label(self.lex, metrics[j], label.text), scope=part_scope(  # a component's row
                        whole, label.text, known)) if metrics.get(j) else label  # (table_caption_context.py)
                    self._cell(table, r, row.cells[j], subject, own, None, column_unit(texts[0], self.lex, own.text))
                    self._owners_spend(table, first, subject, whole is None and bool(metrics.get(j)))
            if total is not None and total < len(row.cells):
                read_total(self, table, r, row.cells[total], subjects, _Label(" ".join(
                    t for j, c in enumerate(row.cells) if j not in subjects and j != total and (t := c.text.strip()))))

    def _column_metrics(self, texts: list[str], subjects: dict[int, str]) -> dict[int, str]:
        """"NVL72 비용 | NVL72 전력": in a comparison whose header names the entities, the words of a
        header cell beside its entity name the column's measure (a hardware item's cost is its
        hardware cost, its power its power draw). Only for headers read as entity columns."""
        if self.tag != ":header-entities":
            return {}
        out = {}
        for j, eid in subjects.items():
            text = texts[j] if j < len(texts) else ""
            m = next((m for m in self.res.gaz.find_mentions(text) if m.entity_id == eid), None)
            rest = (text[:m.start] + " " + text[m.end:]).strip() if m else ""
            if rest and len(rest) <= 8 and not any(ch.isdigit() for ch in rest):
                rec = self.ex.entities.get(eid)
                hardware = rec is not None and any(is_a(t, "Hardware") for t in rec.types)
                out[j] = _HARDWARE_MEASURE.get(rest, rest) if hardware else rest
        return out

    def _owners_spend(self, table: Table, first: int, column: str, unsaid: bool = False) -> None:
        """"DeepSeek TCO | A100 | H20": money spent on a chip column of a comparison (investment,
        operating cost) is spent by the organisation the caption names, on that chip (its item), and a
        count of GPUs in it ("GPU 숫자(개)") is how many of that chip the organisation has; a price stays
        the chip's own. ``unsaid``: the cell's row is a part of what its title does not name (a claim)."""
        self.ex.statements[first:] = [replace(st, rule=unsure(st.rule)) if unsaid else st for st in self.ex.statements[first:]]
        rec = self.ex.entities.get(column)
        if self.tag != ":header-entities" or rec is None or not any(is_a(t, "Chip") for t in rec.types):
            return
        owner = self._caption_organization(table)
        if owner is None or owner == column:
            return
        for k in range(first, len(self.ex.statements)):
            st = self.ex.statements[k]
            if st.subject == column and (st.kind in _SPEND_KINDS or st.kind in CHIP_COUNT_KINDS) and not st.item:
                self.ex.statements[k] = replace(st, subject=owner, item=column, rule=st.rule + ":owner")

    def _key_value(self, table: Table) -> None:
        context = self._context(table)
        if not context:
            return
        labels = table.column_labels or [c.text for c in table.header]
        value_cols = [j for j, h in enumerate(labels) if j and _VALUE_HEADER.match(h.strip())]
        models = ModelRows(self)
        for r, row in enumerate(table.rows, 1):
            if not row.cells or not row.cells[0].text.strip():
                continue
            text, section, run = run_row(table, r, *section_label(self, table, r, row.cells[0].text.strip()))
            label = _Label(text, scope=run)  # under "… 대규모 실험": of that run (table_remarks.py)
            named = self.res.entities_in(label.text)
            # "중국 AI 인프라 시장 점유율": a place (in a share's label, a market) says where, not whose (table_market_scope.py)
            named = [e for e in named if not any(is_a(e.type, c) for c in scope_classes(label.text))]
            # a label that names another entity ("GOOGL 기업 가치") is about that entity, not the caption's
            subject = self.res.record(named[0]) if len(named) == 1 else context if not named else ""
            if not subject:
                continue
            subject, self.tag = models.subject(table, r, row, label.text, subject)  # "GPU 모델 | L40": its rows
            self.tag += section
            unit_note = self._unit_note(table, row)
            for j in value_cols[:1]:
                if j < len(row.cells):
                    read_row_value(self, table, r, row.cells[j], subject, label, unit_note)  # (table_label_figure.py)
            self.tag = ""
            for j, cell in enumerate(row.cells[1:], 1):
                if j not in value_cols[:1]:
                    read_remark(self, table, r, cell, subject)

    # ------------------------------------------------------------------ pieces
    def _labels(self, table: Table) -> list[_Label]:
        out = []
        texts = table.column_labels or [c.text for c in table.header]
        for j, text in enumerate(texts):
            unit = table.column_units[j] if j < len(table.column_units) else ""
            ph = period_header(text)
            label = text if not unit or unit in text else f"{text} ({unit})"
            out.append(_Label(label, ph[0] if ph else None, ph[1] if ph else ""))
        return out

    def _subjects(self, text: str, create: str, table: Table, cell: Cell, row: int) -> list[str]:
        text = text.strip()
        if text in _EMPTY:
            return []
        named = self.res.gaz.lookup(text)
        if named is not None:
            return [self.res.record(named)]
        if _COMBINATION.search(text):
            return []  # "챗봇 + Operator": a combination of things is none of them
        found = self.res.entities_in(text)
        # the cell must be about the entity: its name is most of the cell ("GB200 NVL72 (엔비디아)")
        found = [e for e in found if len(text) <= 2 * max(len(a) for a in e.names) + 12]
        paren = re.fullmatch(r"([^()]+?)\s?\(([^()]+)\)", text)
        if len(found) == 2 and paren and found[1] in self.res.entities_in(paren.group(2)) \
                and found[0] in self.res.entities_in(paren.group(1)):
            return [self.res.record(found[0])]  # "Gemini(구글)": the name, its maker in parentheses
        if len(found) == 2 and is_a(found[0].type, "Organization") and not is_a(found[1].type, "Organization") \
                and any(is_a(found[1].type, c) for c in ("Hardware", "AIProduct", "AIModel", "SoftwarePlatform")):
            return [self.res.record(found[1])]  # "엔비디아 H100": the maker named before its product
        if len(found) == 2 and re.search(r"\s중\s", text):  # "GB 시리즈 중 GB300 비중": one member of a group
            return [self.res.record(found[1])]
        if found:
            return [self.res.record(e) for e in found[:2]]
        if create and _NAME_LIKE.match(tf.listed_name(text, create)) and not re.fullmatch(r"[\d\s.,%]+", text):
            eid = created_id(text)
            latin = not re.search(r"[가-힣]", text)
            self.ex.add_entity(EntityRecord(eid, (tf.created_class(text, create),), text if latin else "",
                                            "" if latin else text, (text,), "table"))
            return [eid]
        return []

    def _context(self, table: Table) -> str:
        title = self.res.entities_in(self.titles.get(table.id, ""))
        if len({e.id for e in title}) == 1:
            return self.res.record(title[0])
        # a caption's first line is a head-final noun phrase ("중국 수출용 Blackwell 아키텍처 기반 B40 스펙"): the last thing it names
        first = table.caption[0] if table.caption else ""
        # … skipping a thing the title only relates to ("가스터빈 관련 내용", "H100 대비")
        things = [self.res.gaz.by_id(m.entity_id) for m in self.res.gaz.find_mentions(first)
                  if not _RELATED_ONLY.match(first, m.end)]
        things = [e for e in things if not any(is_a(e.type, t) for t in ("Place", "MarketSegment"))]
        if things:
            return self.res.record(things[-1])
        for text in (" ".join(table.caption), table.slide_title.split(":", 1)[-1]):
            found = self.res.entities_in(text)
            if len({e.id for e in found}) == 1:
                return self.res.record(found[0])
        return ""

    def label_cell(self, table: Table, r: int, cell: Cell, subject: str, label: str, when: Period | None,
                   prose: bool = False, links: bool = True) -> None:
        """One cell of a table a mapping family owns, read through the attribute lexicon by its row label
        (and as prose when no claims rule of the family reads it); ``links=False``: its values only (the
        family's own rule says what the cell links to)."""
        self.tag, self._links = ":mapped", links
        try:
            self._cell(table, r, cell, subject, _Label(label), when, "", prose=prose)
        finally:
            self.tag, self._links = "", True

    def _caption_organization(self, table: Table) -> str | None:
        """The organisation a caption is about: the last one it names (captions are head-final,
        "메타의 초지능연구소(MSL)에서 재직 중인 사람들" is about MSL)."""
        found = [e for e in self.res.entities_in(" ".join(table.caption)) if is_a(e.type, "Organization")]
        return self.res.record(found[-1]) if found else None

    _row_time = staticmethod(cell_period)  # a row's time cell: the period it names
    _unit_note = staticmethod(unit_note)  # a row's unit column ("단위 | MW"), a count of days (table_units.py)

    def _loc(self, table: Table, cell: Cell, row: int) -> Location:
        return Location(cell.line, cell.line, table.chapter, table.slide_title, table.id, row, cell.column)

    # ------------------------------------------------------------------ one cell
    def _cell(self, table: Table, r: int, cell: Cell, subject: str, label: _Label, row_time: Period | None,
              unit_note: str, prose: bool = True) -> None:
        text = (cell.text or cell.carried).strip()
        if text in _EMPTY:
            return
        if prose and self.text is not None and cell.text and prose_cell(text):
            self.text.read_cell(text, self._loc(table, cell, r), self.sources_of(table), subject,
                                label.period or row_time)
        rec = self.ex.entities.get(subject)
        types = rec.types if rec else ()
        loc = self._loc(table, cell, r)
        sources = self.sources_of(table)
        for link in self.lex.links_for(label.text) if self._links else ():
            self._link(link, subject, types, text, loc, sources, label.text)
        if any(is_a(t, c) for t in types for c in ("Hardware", "AIProduct")):  # "HBM3e 12hi", "12MP": own-unit counts
            self.ex.statements += tf.unit_counts(text, subject, loc, sources, self.tag, label.text, table)
        text, self._condition = tcs.condition_figure(text) if self.tag == ":header-entities" else (text, "")  # "단거리: $3.8"
        entry = tf.cell_entry(self.lex, label.text, types, text)
        rule_suffix = ""
        if entry is None and (label.period is not None or _STAT_LABEL.match(label.text.strip())):
            # a period column, or one headed only by a statistic ("월 평균(십억 회)"): the table's
            # title (the caption's first line) names the kind
            entry = self.lex.value_for(table.caption[0], types) if table.caption else None
            rule_suffix = ":caption"
        if entry is None and tf.TIME_UNIT.fullmatch(unit_note):
            # "운영 시간 | 시간 | 12": a figure the unit column says is a time is a duration of what the label says
            entry, rule_suffix = next((e for e in self.lex.values if e.kind == "duration"), None), ":unit-column"
        plain = tf.plain_measure(text, label.text if not unit_note else f"{label.text} ({unit_note})", entry)
        if plain is not None:  # "탑승 거리 | 마일 | 8": a length, an area, a mass no kind of the label measures
            entry, rule_suffix = plain, ""
        scored = tf.scored_subject(types, table) if entry is None and not self.tag and label.text else None
        if scored is not None:  # a model's figure under a label the lexicon does not know: its score on that test
            self.ex.statements.extend(tf.benchmark_scores(subject, text, label.text, loc, sources, scored))
            return
        if entry is None:
            return
        if entry.kind.endswith("Date") or entry.dimension == "date":
            period = self._row_time(text)
            if period is not None:
                self.ex.statements.append(Statement(subject, entry.kind, loc, f"table-reader:{entry.id}{self.tag}",
                                                    time=period, sources=sources, raw=text))
            return
        if entry.kind == "rank" and any(is_a(t, "Person") for t in types):
            rule_suffix += tf.person_rank_suffix(table.caption)  # a person's place in a list: judged apart
        self._value(entry, subject, types, text, label, row_time, unit_note, table, loc, sources, rule_suffix)

    def _link(self, link: LinkEntry, subject: str, types: tuple[str, ...], text: str, loc: Location,
              sources: tuple[str, ...], header: str = "") -> None:
        if link.subject and types and not any(is_a(t, s) for t in types for s in link.subject):
            return
        mentions = cell_mentions(self.res.gaz, text, subject)
        # "REE 110 kV 노드": a name that only qualifies the next one is not what the cell supplies (nor one used: cell_works)
        qualifiers = qualifier_mentions(text, mentions, self.res.gaz) if link.property == "poweredBy" else \
            place_qualifiers(text, mentions, self.res.gaz) | unmade_works(link.property, link.inverse, text, mentions)
        objects = [self.res.record(self.res.gaz.by_id(m.entity_id)) for m in mentions
                   if m.entity_id != subject and m.entity_id not in qualifiers and any(is_a(self.res.gaz.by_id(m.entity_id).type, o) for o in link.object)
                   and not _REFERENCE_POINT.match(text, m.end) and not _LIKENESS_BEFORE.search(text[:m.start])]
        objects = [o for o in dict.fromkeys(objects) if o not in tcs.refined_outer(text, mentions, self.res.gaz)]  # "3nm (N3P)"
        if link.property == "competesWith":  # "Zhipu AI와 함께 N MAU 달성": a companion, not a rival
            objects = [o for o in objects if not any(m.entity_id == o and _TOGETHER.match(text, m.end) for m in mentions)]
        rule = f"table-reader:{link.id}{self.tag}"
        # "OpenAI 때 직책/소속" over "공동창업자": the header names the one object (not over a count: "HBM 스택" | "4개")
        if not objects and header and not _COUNT_CELL.search(text) and not part_of_subject(header):
            named = {m.entity_id for m in self.res.gaz.find_mentions(header) if m.entity_id != subject
                     and any(is_a(self.res.gaz.by_id(m.entity_id).type, o) for o in link.object)}
            if len(named) == 1:
                objects, rule = [self.res.record(self.res.gaz.by_id(named.pop()))], rule + ":header"
        if not objects and link.create and _NAME_LIKE.match(text) and not re.search(r"\d", text):
            objects, rule = self.res.resolve_cell(text, link.create, create=True), rule + ":created"  # "동영상 플랫폼": a segment named by the cell
            for eid in objects:  # a thing only this cell names: its type is stated here
                self.ex.add(Fact(eid, RDF.type, PFA[link.create], True, loc, rule, sources, raw=text[:60]))
        for eid in objects:
            s, o = (eid, subject) if link.inverse else (subject, eid)  # a school named with a degree: educatedAt
            self.ex.add(Fact(s, studied(link.property, eid, text, mentions), o, True, loc, rule, sources, raw=text[:60]))
        titled_links(self, link, subject, types, objects, mentions, text, header, loc, sources)  # "홍길동(洪吉童·CEO)"

    def _value(self, entry: ValueEntry, subject: str, types, text: str, label: _Label, row_time: Period | None,
               unit_note: str, table: Table, loc: Location, sources: tuple[str, ...], rule_suffix: str = "") -> None:
        header = header_with_unit(table, label.text, unit_note, entry.dimension)  # the row's, column's or table's unit
        if several := tf.figures_by_precision(text, entry.dimension, label.text):  # one statement per numeric
            for i, q in enumerate(several):  # format ("5 PFLOPs (FP8), 10 PFLOPs (FP4)"), or per length of a size ("25mm x 16mm": its length, width)
                self._figure(q, entry, subject, text, replace(label, metric=tf.size_side(label.text, i)) if entry.dimension == "length" else label,
                             row_time, header, table, loc, sources, tf.several_suffix(entry, rule_suffix))
            return
        tiers = tf.figures_by_tier(text, entry.dimension)
        for tier, q in tiers:  # "(0-32K: 1달러; 32K-128K: 1.8달러)": one statement per tier, its label the scope
            self._figure(q, entry, subject, text, label, row_time, header, table, loc, sources, ":by-tier", tier)
        if tiers:
            return
        q = tf.resolution_lines(text, label.text) or parse_cell(text, header)  # "720p ~ 4K": lines
        if q is None or tf.figure_further(q, entry.dimension):  # "40 nm" read as a number; "2025년 기준 N명"
            q = self._one_figure(text, entry.dimension)
        in_words = (q is not None and entry.dimension == "money" and q.kind != "money" and prose_cell(text)
                    and self.tag != ":header-entities")
        if in_words:  # "25년 가이던스 41.46억 달러(YoY +45%)": the one amount among the row label's words
            q, rule_suffix = self._one_figure(text, "money"), rule_suffix + ":in-words"
        self._figure(q, entry, subject, text, label, row_time, header, table, loc, sources, rule_suffix)

    def _figure(self, q, entry: ValueEntry, subject: str, text: str, label: _Label, row_time: Period | None,
                header: str, table: Table, loc: Location, sources: tuple[str, ...], rule_suffix: str,
                scope: str = "") -> None:
        if q is None or q.value is None:
            return
        in_words = rule_suffix.endswith(":in-words")  # the amount read among a prose cell's words
        dim = {"number": "number", "count": "count"}.get(q.kind, q.kind)
        wanted = entry.dimension
        if wanted == "count" and dim == "number":
            dim = "count"
        if dim != wanted:  # a money column's bare figure when the table states no unit: table_unstated_unit.py
            return unstated_unit(self, q, entry, subject, text, label, row_time, header, table, loc, sources, rule_suffix)
        value, high = q.value, (q.high if q.high is not None and q.low is not None and q.high != q.low else None)
        if not value and high is None and dim == "money" and entry.kind != "hardwareCost":
            return  # "$0": no amount (but a cost breakdown's "$0" line is a zero hardware cost)
        if _SIGN.match(text):
            value = -value
        if entry.negative and value > 0:  # "비용 감소 | 87%": the size of a reduction is a negative difference
            value, high = -(high if high is not None else value), (-value if high is not None else None)
        unit = q.currency if q.kind == "money" and q.currency else ("count" if dim == "count" else q.unit)
        status = (label.status or self._row_status or self.lex.status_of(
            label.text, caption_for_status(table.caption, label.text), text if in_words else "")
                  or ("estimate" if "estimate" in q.qualifiers else "actual"))
        time = label.period or row_time or cell_time(text, getattr(q, "raw", ""), in_words, label.text) or caption_time(table.caption, text, getattr(q, "raw", ""))
        if status == "estimate" and time is not None and time.start > REFERENCE_DATE.isoformat():
            status = "forecast"
        per = entry.per or per_of_header(header)
        quals = q.qualifiers
        kind = table_kind(entry.kind, self.ex.entities.get(subject), label.text, text)  # table_kinds.py
        self.ex.statements.append(Statement(
            subject, kind, loc, f"table-reader:{entry.id}{rule_suffix}{self.tag}", value=Decimal(value), high=high, unit=unit,
            status=status, time=time, per=per, number_format=q.precision.split()[0] if q.precision else "",
            metric=label.metric[:60] or (label.text[:60] if entry.metric_from_label or rule_suffix == ":by-precision" else "") or (change_measure(table, loc.column - 1, self.res.gaz, label.text) if kind == "growthRate" else ""),
            approximate="approximate" in quals, scope=scope or label.scope or self._condition or section_part(label.text, self.tag) or (rank_scope(table) if entry.kind == "rank" else label_scope(  # a tier; what a rank ranks by
                entry.kind, label.text, (self.titles.get(table.id, ""), *table.caption))),  # (table_measure_context.py); a share's market
            bound="lower" if "lowerBound" in quals else "upper" if "upperBound" in quals else "",
            sources=sources, raw=text[:60]))  # fmt: skip
        self._read_under[len(self.ex.statements) - 1] = label.text

    def _one_figure(self, text: str, dimension: str):
        """"HBM2E 3.2 TB/s", "80 GB HBM3": a cell naming a thing and one figure with its unit;
        "TSMC 5nm", "40 nm": a process node's length, which the quantity parser leaves as a number."""
        if dimension == "length":
            nm = _NANOMETRES.findall(text)
            if len(set(nm)) == 1:
                return SimpleNamespace(kind="length", value=Decimal(nm[0]), high=None, low=None, unit="nm",
                                       currency=None, qualifiers=frozenset(), precision="")
        names = self.res.gaz.find_mentions(text)
        found = [q for q in find_quantities(text) if q.value is not None and q.kind == dimension and q.unit
                 and not any(m.start <= q.start < m.end for m in names)]
        return found[0] if len(found) == 1 else None
