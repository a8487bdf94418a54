"""An annualised run-rate is not a period's revenue: "ARR 5억 달러", "연간 50억 달러의 런레이트".

A revenue figure the report calls an ARR (annual recurring revenue, "연간 반복 매출", "연환산 매출", "런레이트",
run-rate) is the revenue a firm would book in a year at its current pace, measured at one date: shown as plain
revenue dated to a month it reads as that month's revenue. Every such figure gets the scope ``run-rate`` (the
ontology's way, ``pfk:revenue``), kept before any scope it had ("run-rate, 출시 3개월 만에").

Where the word must be:
- a table cell: in the cell itself, in its column's header, or in a label cell of its row (a cell with no figure:
  "ARR (8월 발표치 기준) | 5억 달러", "OpenAI | 연간 반복 매출 | … | $130억"); a caption ("…의 성과 및 ARR 추정")
  covers the rows of other measures too, so it does not count, nor does another figure's cell in the row;
- prose: in the figure's sentence before it with no other measure noun between ("ARR은 1월 10억 달러에서 현재
  50억 달러", "연환산 매출(ARR)은 200억 달러"), or right after it ("50억 달러의 런레이트").
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.model import Table
from petaflop.extract.facts import Extraction, Statement
from petaflop.extract.sentence_split import sentences
from petaflop.extract.values import find_quantities

__all__ = ["RUN_RATE", "says_run_rate", "settle_run_rates"]

RUN_RATE = "run-rate"
#: the words of an annualised run-rate
_WORD = re.compile(r"(?<![A-Za-z])ARR(?![A-Za-z])|런\s?레이트|연환산|연율\s?환산|반복\s?매출|[Rr]un[- ]?[Rr]ate"
                   r"|[Rr]ecurring\s[Rr]evenue")
#: a measure noun other than the run-rate's own between the word and the figure: the figure is of that measure
_OTHER = re.compile(r"[.!?]\s|매출|수익|기업\s?가치|밸류에이션|시가\s?총액|투자|이익|손실|비용|점유율|사용자|고객")
#: the run-rate word right after the figure: "연간 50억 달러의 런레이트", "5억 달러 규모의 ARR"
_AFTER = re.compile(r"^\s?(?:이상|이하|수준|가량|규모|정도)?\s?의\s(?:연간\s?)?(?:ARR(?![A-Za-z])|런\s?레이트|연환산|반복\s?매출)")


def says_run_rate(sentence: str, value: object) -> bool:
    """The figure of ``value`` in ``sentence`` is a run-rate (see the module doc)."""
    for q in find_quantities(sentence):
        if q.value != value:
            continue
        before = sentence[:q.start]
        words = list(_WORD.finditer(before))
        if (words and not _OTHER.search(before, words[-1].end())) or _AFTER.match(sentence[q.end:]):
            return True
    return False


def _label_cells(table: Table, st: Statement) -> list[str]:
    """The texts that name what a cell measures: the cell, its header and its row's cells with no figure."""
    loc = st.location
    rows = table.rows
    if not 0 < loc.row <= len(rows):
        return []
    cells = rows[loc.row - 1].cells
    own = cells[loc.column - 1].text if 0 < loc.column <= len(cells) else ""
    header = table.column_labels[loc.column - 1] if 0 < loc.column <= len(table.column_labels) else ""
    labels = cells[:1] if table.transposed else cells  # a transposed table's other columns are other subjects
    return [own, header, *(c.text for c in labels if c.quantity is None)]


def _is_run_rate(st: Statement, tables: dict[str, Table], lines: list[str]) -> bool:
    if st.location.table_id:
        table = tables.get(st.location.table_id)
        return table is not None and any(_WORD.search(t) for t in _label_cells(table, st))
    if not 0 < st.location.line_start <= len(lines):
        return False
    text = " ".join(lines[st.location.line_start - 1:st.location.line_end])
    return bool(_WORD.search(text)) and any(says_run_rate(s, st.value) for s in sentences(text))


def settle_run_rates(tables: list[Table], ex: Extraction, lines: list[str]) -> int:
    """Scope every revenue figure the report calls a run-rate ``run-rate``; returns how many it changed."""
    by_id = {t.id: t for t in tables}
    changed = 0
    for i, st in enumerate(ex.statements):
        if st.kind != "revenue" or st.value is None or st.scope.startswith(RUN_RATE) or not _is_run_rate(st, by_id, lines):
            continue
        ex.statements[i] = replace(st, scope=f"{RUN_RATE}, {st.scope}" if st.scope else RUN_RATE)
        changed += 1
    return changed
