"""A cell listing one measure under several scenarios: "20% 전환 시: 약 3억 달러 40% 전환 시: 약 6억 달러".

Each "<condition> 시: <figure>" pair of the cell is the measure its column's header names ("예상 매출":
revenue, by the attribute lexicon) under that condition, of the entity the table's caption names (the
last one: captions are head-final noun phrases, "<A>-<B> 파트너십 잠재 매출 기여도 분석"). The condition
is the statement's ``scope``, with the header's own note ("(팔란티어 몫)"); its status is a forecast (what a
scenario would bring is a projection, "예상" no estimate of a present fact) unless the header says a target
or a plan. Only a cell of two scenarios or more
is read (one "X 시:" is a condition of a prose sentence, not a list), and only when each scenario
gives one figure of the measure's dimension. Rule ``table:scenario-cell:<kind>`` (table_matrix.py
reads the two-way tables of scenarios; table_odds.py the odds of named outcomes).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from ingest.quantities import find_quantities
from petaflop.extract.facts import Location, Statement

if TYPE_CHECKING:
    from collections.abc import Callable

    from ingest.model import Document, Table
    from petaflop.extract.facts import Extraction
    from petaflop.extract.lexicon import Lexicon
    from petaflop.extract.resolve import Resolver

RULE = "table:scenario-cell"
#: the end of a condition, "시" a word of its own: "… 전환 시:", "… 인상 경우:" (never "출시:"; as
#: table_caption_subject.condition_figure, which keeps such a cell's figures from the row's value)
_SCENARIO = re.compile(r"\s(?:시|경우)\s?[:：]\s?")
#: the header's own note, "(팔란티어 몫)": whose share of the measure the figures are
_NOTE = re.compile(r"\(([^()]{1,20})\)")
_DIMENSION_KINDS = {"money": ("money",), "percent": ("percent",), "count": ("count", "number")}


def scenario_pairs(text: str, dimension: str) -> list[tuple[str, Decimal, str, bool]]:
    """(condition, value, unit, approximate) per "<condition> 시: <figure>" of ``text``; [] unless two or more,
    each with one figure of ``dimension`` before the next condition."""
    marks = list(_SCENARIO.finditer(text))
    if len(marks) < 2:
        return []
    kinds = _DIMENSION_KINDS.get(dimension, (dimension,))
    out, start = [], 0
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        # the figure right after the colon; the next condition follows it ("약 3억 달러 40% 전환 시:")
        qs = [q for q in find_quantities(text[m.end():end]) if q.value is not None]
        cond = text[start:m.start()].strip(" ,;/·")
        if not qs or qs[0].kind not in kinds or qs[0].start > 3 or not cond or len(cond) > 30:
            return []
        cond = f"{cond} {m.group(0).strip(' :：')}"  # "20% 전환 시", "가격 인상 경우"
        q = qs[0]
        start = m.end() + q.end
        out.append((cond, Decimal(q.value), q.unit, "approximate" in q.qualifiers))
    return out


def _caption_subject(table: Table, res: Resolver) -> str | None:
    found = res.entities_in(" ".join(table.caption))
    return res.record(found[-1]) if found else None


def add_scenario_cells(doc: Document, ex: Extraction, res: Resolver, lex: Lexicon,
                       sources_of: Callable[[Table], tuple[str, ...]]) -> None:
    for table in doc.tables:
        if table.transposed or not table.caption:
            continue
        labels = [c.text.strip() for c in table.header]
        subject = None
        for r, row in enumerate(table.rows, 1):
            for j, cell in enumerate(row.cells):
                if j >= len(labels) or not labels[j] or (entry := lex.value_for(labels[j])) is None:
                    continue
                pairs = scenario_pairs(cell.text, entry.dimension)
                if not pairs or (subject := subject or _caption_subject(table, res)) is None:
                    continue
                note = _NOTE.search(labels[j])
                # what a scenario would bring is a projection: "예상" says forecast here, not an estimate of a fact
                status = lex.status_of(labels[j])
                status = "forecast" if status in ("", "estimate", "actual") else status
                loc = Location(cell.line, cell.line, table.chapter, table.slide_title, table.id, r, cell.column)
                for cond, value, unit, approx in pairs:
                    scope = cond + (f", {note.group(1)}" if note else "")
                    ex.statements.append(Statement(
                        subject, entry.kind, loc, f"{RULE}:{entry.kind}", value=value, unit=unit, status=status,
                        scope=scope[:60], approximate=approx, sources=sources_of(table), raw=cell.text[:60],
                    ))  # fmt: skip
