"""Changes a table row states of the thing it names, with no base: "<product> | … | 평균 N% 연료 절감",
"<library> | N배 낮은 지연 시간", "<link> | … (N배 향상)".

A row naming one thing (its name cell: the first cell with a name, the thing being the last name
there — "<maker>의 AI 기반 <product> 플랫폼", "<maker> 자회사 … 시스템 (<product>)") and, in a
later cell, a figure followed by a word of change states what the thing changes: a percentage is
its ``relativeDifference`` (against doing without it, or its predecessor: negative for a cut —
절감, 감소, 단축, 낮은 —, positive for a gain), a multiple (``N배``) its ``multiple`` (unit ``x``).
A cell that names a base (대비, 보다, 에 비해) is read by the remark reader (table_remarks.py) and
not here; a cell naming another thing before the figure is about that thing, and is skipped.
One construction, one rule: ``table-cell:change:row``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from petaflop.extract.facts import Location, Statement

if TYPE_CHECKING:
    from collections.abc import Callable

    from ingest.model import Document, Table
    from petaflop.extract.facts import Extraction

RULE = "table-cell:change:row"
#: a figure, at most two measure words, a word of change: "5.3% 연료 절감", "4배 낮은 지연", "7% 향상"
_CHANGE = re.compile(
    r"(?<![\d.,])(?P<num>\d{1,3}(?:\.\d{1,2})?)\s?(?P<unit>%|배)\s?(?:[가-힣A-Za-z]{1,6}(?<!로)\s?){0,2}?(?:더\s?)?"
    r"(?:(?P<down>절감|감소|단축|하락|낮은|낮아|저렴|줄)|(?P<up>향상|개선|증가|상승|높은|빠른|넓은))")
#: a base named in the cell: the remark reader's construction, not this one
_BASE = re.compile(r"대비|보다|비해|비교")
#: what before the figure makes it no change of the row's thing: a target, a condition, a forecast
_NOT = re.compile(r"목표|예상|전망|가정|경우|해야|하려면|최대|까지")


#: a word of change that is an adjective of the noun after it ("4배 낮은 지연 시간"), not a predicate of the one before
_ADJECTIVE = re.compile(r"(?:낮은|높은|빠른|넓은|저렴한)$")
#: where the noun phrase before a figure starts: a cell's start, a list's comma, a parenthesis, "및"
_PHRASE_START = re.compile(r".*(?:[,;(·]|\s및\s|\s그리고\s|\s또한\s)")
#: words by a figure's measure that are none of it: "평균", "약", "최대"; a figure ("3.6TB/s") ends what is before it
_FILLER = frozenset("평균 약 최대 최소 총 연간 최고".split())
_FIGURE_WORD = re.compile(r"^[\d.,]+\S*$")


def _measure(s: str, m: re.Match, down: bool) -> str:
    """What a figure of change measures: the words between it and its word of change ("5.3% 연료 절감"), else the
    noun after an adjective of change ("4배 낮은 지연 시간"), else the noun phrase right before the figure in its
    part of the cell ("연료효율 7% 향상 및 온실가스 배출 5% 감소": fuel efficiency, then emissions; "양방향 대역폭
    (2배 향상)"); "" when none is written."""
    between = s[m.end("unit"):m.start("down" if down else "up")].strip()
    if between:
        return between
    if _ADJECTIVE.search(m.group(0)):
        after = re.match(r"\s?([가-힣A-Za-z]{1,8}(?:\s[가-힣A-Za-z]{1,8})?)", s[m.end():])
        return after.group(1) if after else ""
    before = s[:m.start()]
    start = _PHRASE_START.match(before)
    if start and not before[start.end():].strip() and before[:start.end()].endswith("("):
        before = before[:start.end() - 1]  # "양방향 대역폭 (2배 향상)": the aside's phrase is before it
        start = _PHRASE_START.match(before)
    words = before[start.end() if start else 0:].split()
    cut = max((k + 1 for k, w in enumerate(words) if _FIGURE_WORD.match(w)), default=0)
    return " ".join([w for w in words[cut:] if w not in _FILLER][-3:])


def _name_cell(row, mentions_of) -> tuple[int, object] | None:
    """The first of the row's first two cells naming something, and the last name in it."""
    for j, cell in enumerate(row.cells[:2]):
        s = cell.text.strip()
        if not s or len(s) > 80:
            continue
        ms = mentions_of(s)
        if ms:
            return j, ms[-1]
    return None


def add_cell_changes(doc: Document, ex: Extraction, text: object, sources_of: Callable[[Table], tuple[str, ...]]) -> None:
    """``text`` is the TextReader (its mentions); adds the statements of change cells."""
    mentions_of = text._mentions  # type: ignore[attr-defined]
    have: set[tuple] = set()
    for table in doc.tables:
        if sum(bool(mentions_of(c.text.strip())) for c in table.header) >= 2:
            continue  # "사양 | <A> | <B> | 대비": a matrix comparing its columns' things, not rows naming one
        for r, row in enumerate(table.rows):
            found = _name_cell(row, mentions_of)
            if found is None:
                continue
            j0, name = found
            for cell in row.cells[j0 + 1:]:
                s = cell.text.strip()
                if not s or len(s) > 160 or _BASE.search(s):
                    continue
                for m in _CHANGE.finditer(s):
                    before = s[:m.start()]
                    if _NOT.search(before) or mentions_of(before) or "~" in s[max(0, m.start() - 3):m.start()]:
                        continue
                    down = m.group("down") is not None
                    value = Decimal(m.group("num"))
                    if m.group("unit") == "%":
                        kind, unit, value = "relativeDifference", "%", -value if down else value
                    else:
                        kind, unit = "multiple", "x"
                    if value == 0 or (name.entity, kind, value) in have:
                        continue
                    have.add((name.entity, kind, value))
                    measure = _measure(s, m, down)
                    loc = Location(cell.line, cell.line, table.chapter, table.slide_title, table.id, r + 1, cell.column)
                    ex.statements.append(Statement(
                        name.entity, kind, loc, RULE, value=value, unit=unit,
                        metric=f"{'lower' if down else 'higher'} {measure or 'figure'} vs without"[:60],
                        approximate=bool(re.search(r"(?:약|가량)", s[max(0, m.start() - 4):m.end() + 3])),
                        sources=sources_of(table), raw=s[max(0, m.start() - 20):m.end() + 8][:60],
                    ))  # fmt: skip
