"""Two-way tables (a scenario or sensitivity matrix): one measure of one entity, tabulated against
two variables — one across the header, one down the second column.

    ""     | 월간 생산량 | 1,000 | 2,000 | …
    수율   | 10%        | 100   | 200   | …
    ""            | 10%                    | 46,500 | 93,000 | …

The shape is recognised from the cells alone: the header names the column variable in its second
cell and gives its values (all figures) after it; the first body row names the row variable in its
first cell, and every body row gives a row value in the second cell and figures after it. The caption
says of whom and what is tabulated ("<entity>의 <measure> 가정"): the entity in the genitive before
a measure word of the attribute lexicon. Each body cell is a statement of that measure with the
scenario in ``scope`` ("scenario: 월간 생산량 1,000, 수율 10%": a what-if value, never one there is); a caption
naming an assumption (``가정``, ``시나리오``) or an estimate makes it an estimate. A measure word whose
entry keeps its label (생산량: made, not shipped — a ``unitCount``, never the chip's shipments: dies are no
chips) gives the caption's measure phrase as the ``metric`` ("다이 생산량"). Rule: ``table-matrix:<kind>``.

A change column (:func:`read_change_column`): a header "<A> 대비 <B>의 변화" over cells "↑ 30 %", "↓ 25 %"
states, per row, B's signed difference from A in the measure the row's label names
(``relativeDifference``, metric "<label> vs <A>"); cells "6배 증가" state B's ``multiple`` of A
("<A> 대비 <B> 성능"; B may be named by the first words of another column's header: "7세대" →
"7세대 TPU Ironwood"); "동일" and dashes state nothing. Rule: ``table-change-column``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.model import Table
from petaflop.extract.facts import Location, Statement
from petaflop.extract.lexicon import Lexicon
from petaflop.extract.resolve import Resolver
from petaflop.extract.values import find_quantities

_FIGURE = re.compile(r"\s*[\d,.]+\s*%?\s*")
_ASSUMED = re.compile(r"가정|시나리오|[Ss]cenario|추정|예상")
_PER = (("월간", "month"), ("연간", "year"), ("일간", "day"))


def _figure(text: str) -> Decimal | None:
    if not _FIGURE.fullmatch(text or ""):
        return None
    qs = [q for q in find_quantities(text) if q.value is not None]
    return Decimal(qs[0].value) if len(qs) == 1 else None


def is_matrix(table: Table) -> bool:
    head = [c.text.strip() for c in table.header]
    if len(head) < 4 or head[0] or not head[1] or _figure(head[1]) is not None:
        return False
    if any(_figure(h) is None for h in head[2:]) or not table.rows:
        return False
    first = [c.text.strip() for c in table.rows[0].cells]
    if not first or not first[0] or _figure(first[0]) is not None:
        return False
    for row in table.rows:
        cells = [c.text.strip() for c in row.cells]
        if len(cells) != len(head) or (row is not table.rows[0] and cells[0]):
            return False
        if any(_figure(c) is None for c in cells[1:]):
            return False
    return True


def read_matrix(table: Table, res: Resolver, lex: Lexicon, sources: tuple[str, ...]) -> int:
    """Statements from a two-way table whose caption names its entity and measure; returns how many."""
    if not is_matrix(table) or not table.caption:
        return 0
    caption = table.caption[0]
    subject, entry, metric = None, None, ""
    for m in res.gaz.find_mentions(caption):
        gen = re.match(r"의\s?", caption[m.end:])
        if not gen:
            continue
        rest = caption[m.end + gen.end():m.end + gen.end() + 16]
        e = next((e for e in lex.values if e.dimension == "count" and (mm := e.match.search(rest))
                  and len(rest[:mm.start()].split()) <= 2 and "," not in rest[:mm.start()]), None)
        if e is not None:
            subject, entry = res.record(res.gaz.by_id(m.entity_id)), e
            # "다이 생산량": the caption's measure phrase says what is counted (a label-metric entry's)
            metric = rest[:e.match.search(rest).end()].strip() if e.metric_from_label else ""
    if subject is None or entry is None:
        return 0
    head = [c.text.strip() for c in table.header]
    col_var, row_var = head[1], table.rows[0].cells[0].text.strip()
    status = "estimate" if _ASSUMED.search(" ".join(table.caption)) else (lex.status_of(caption) or "actual")
    per = next((p for word, p in _PER if word in col_var or word in row_var), "")
    n = 0
    for r, row in enumerate(table.rows, start=1):
        row_value = row.cells[1].text.strip()
        for cell, col_value in zip(row.cells[2:], head[2:], strict=True):
            value = _figure(cell.text)
            if value is None:
                continue
            loc = Location(cell.line, cell.line, table.chapter, table.slide_title, table.id, r, cell.column)
            res.ex.statements.append(Statement(
                subject, entry.kind, loc, f"table-matrix:{entry.kind}", value=value, unit="count", status=status,
                scope=f"scenario: {col_var} {col_value}, {row_var} {row_value}"[:60], per=per, metric=metric,
                sources=sources, raw=cell.text[:60],
            ))  # fmt: skip
            n += 1
    return n


_CHANGE_HEADER = re.compile(r"^(?P<base>.+?)\s?대비\s?(?P<subject>.+?)의?\s?(?:변화|차이|증감|개선|향상|성능)(?:율|률|폭)?$")
_CHANGE_CELL = re.compile(r"^(?P<dir>[↑↓▲▼+\-−])?\s*(?P<num>[\d.,]+)\s*%$")
#: "6배 증가", "4.6배 향상", "성능/전력 효율 2배 향상": the later thing as a multiple of the base
_TIMES_CELL = re.compile(r"^(?P<what>[^\d]{0,20}?)\s?(?P<num>\d[\d.,]*)\s?(?:배|x|×)\s?(?:증가|향상|개선|확대|상승)?$")


def _named(res: Resolver, text: str, head: list[str] | None = None) -> list:
    """The entity a short header phrase names: the whole phrase as a name ("V3"), else the names in it;
    else ("7세대") the one entity another column's header names after the same words ("7세대 TPU Ironwood")."""
    whole = res.gaz.lookup(text.strip())
    named = [whole] if whole is not None else res.entities_in(text)
    if len(named) > 1 and not re.search(r"[,/&]|와\s|과\s|및", text):
        named = named[-1:]  # "6세대 TPU Trillium": a noun phrase's head is its last name
    if named or not head or not re.fullmatch(r"[\w·\- ]{2,12}", text.strip()):
        return named
    same = [h for h in head if h.startswith(text.strip() + " ")]
    return res.entities_in(same[0]) if len(same) == 1 else []


def read_change_column(table: Table, res: Resolver, sources: tuple[str, ...]) -> int:
    """Relative differences from a "<A> 대비 <B>의 변화" column; returns how many."""
    head = [c.text.strip() for c in table.header]
    n = 0
    for j, h in enumerate(head):
        m = _CHANGE_HEADER.match(h)
        if not m or j == 0:
            continue
        base, subject = (_named(res, m.group("base")), _named(res, m.group("subject"), head[:j]))
        if len(base) != 1 or len(subject) != 1 or base[0].id == subject[0].id:
            continue
        subject_id, base_name = res.record(subject[0]), base[0].name_en
        for r, row in enumerate(table.rows, start=1):
            if j >= len(row.cells) or not row.cells[0].text.strip():
                continue
            cell = row.cells[j]
            cm = _CHANGE_CELL.match(cell.text.strip())
            tm = None if cm else _TIMES_CELL.match(cell.text.strip())
            if not cm and not (tm and Decimal(tm.group("num").replace(",", "")) > 0):
                continue
            kind, unit, what = "relativeDifference", "%", row.cells[0].text.strip()
            if cm:
                value = Decimal(cm.group("num").replace(",", ""))
                if cm.group("dir") in ("↓", "▼", "-", "−"):
                    value = -value
            else:  # a multiple of the base: of the measure the cell names, else the row's
                kind, unit, value = "multiple", "x", Decimal(tm.group("num").replace(",", ""))
                what = tm.group("what").strip() or what
            loc = Location(cell.line, cell.line, table.chapter, table.slide_title, table.id, r, cell.column)
            res.ex.statements.append(Statement(
                subject_id, kind, loc, "table-change-column", value=value, unit=unit,
                metric=f"{what} vs {base_name}"[:60], sources=sources, raw=cell.text[:60],
            ))  # fmt: skip
            n += 1
    return n
