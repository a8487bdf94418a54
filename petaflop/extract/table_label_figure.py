"""A key–value table's row the attribute lexicon does not know: "신뢰 수준 | 95% (…)", "랜덤 시드 | 42 (…)".

A two-column "항목 | 내용" table about the one entity its caption or slide title names states, on each row, one
measure of that entity: the label says which. When the lexicon knows the label, its entry reads the cell (and its
rule judges it); when it does not, a cell that *opens* with one bare figure — a percentage or a plain number,
alone or followed only by a note in parentheses — is still that entity's value of the measure the label names: a
``quantity`` with the label as its metric (the generic kind: it claims nothing the label does not say). A cell
that opens with a date is the entity's date of what the label names (``eventDate``, the label its scope).

Only two-column tables: a third column may hold the figure's unit ("평균 속도 | mph | 20"). Not read: a label
that writes its figure's unit ("GPU 임대 단가 ($/시간) | 2": a price, not a plain number), a cell whose figure
has a unit the lexicon should have named (money, power, a count of things — other kinds, left to their
entries), a cell of several figures or of prose with a figure inside. One construction, one rule: ``table-reader:label-figure``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from petaflop.extract.cell_text import cell_period
from petaflop.extract.facts import Location, Statement
from petaflop.extract.values import find_quantities

RULE = "table-reader:label-figure"
#: the cell: an optional approximation word, the figure, then nothing or a note in parentheses
_ONE_FIGURE = re.compile(r"^(?P<pre>(?:약|대략)\s?)?(?P<fig>[\d.,~\s%–\-]+?)\s*(?:\((?P<note>[^()]*)\))?\s*$")
#: a label that names the unit of its figure: a parenthesis, a currency or a "per"
_UNIT_NOTE = re.compile(r"[()$/₩€]|원|달러")
_PLAIN_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def label_figure(subject: str, label: str, text: str, loc: Location, sources: tuple[str, ...]) -> Statement | None:
    """The value a key–value row states when no lexicon entry reads it (see the module), else None."""
    text = text.strip()
    m = _ONE_FIGURE.match(text)
    if m is not None:
        fig = m.group("fig").strip()
        found = [q for q in find_quantities(fig) if q.value is not None]
        if len(found) != 1 or found[0].raw.strip() != fig.lstrip("약 ").strip():
            return None
        q = found[0]
        if q.kind == "percent":
            value, high, unit = q.value, (q.high if q.high not in (None, q.value) else None), "%"
        elif q.kind == "number" and _PLAIN_NUMBER.match(fig):
            value, high, unit = Decimal(q.value), None, ""
        else:
            return None
        return Statement(subject, "quantity", loc, RULE, value=value, high=high, unit=unit, metric=label[:60],
                         approximate=bool(m.group("pre")) or "approximate" in q.qualifiers, sources=sources,
                         raw=text[:60])
    return None


def label_date(subject: str, label: str, text: str, loc: Location, sources: tuple[str, ...]) -> Statement | None:
    """A key–value row whose cell names one day or month (and no other figure): the date of what the label names."""
    dates = [q for q in find_quantities(text) if q.kind == "date"]
    others = [q for q in find_quantities(text) if q.kind != "date"]
    if len(dates) != 1 or others:
        return None
    period = cell_period(dates[0].raw)
    if period is None:
        return None
    return Statement(subject, "eventDate", loc, RULE, time=period, scope=label[:60], sources=sources, raw=text[:60])


def read_row_value(reader, table, r: int, cell, subject: str, label, unit_note: str) -> None:
    """A key–value row's value cell, read by the table reader (``reader._cell``, through the lexicon); when
    nothing came of it, the row's figure or date as the module says."""
    ex = reader.ex
    before = len(ex.statements), len(ex.facts)
    reader._cell(table, r, cell, subject, label, None, unit_note)
    if reader.tag or (len(ex.statements), len(ex.facts)) != before or not label.text:
        return
    if len(table.column_labels or table.header) != 2 or _UNIT_NOTE.search(label.text):
        return  # a unit column ("| mph | 20"), a unit in the label ("단가 ($/시간) | 2"): the figure is of that unit
    text = (cell.text or "").strip()
    loc, sources = reader._loc(table, cell, r), reader.sources_of(table)
    st = label_figure(subject, label.text, text, loc, sources) or label_date(subject, label.text, text, loc, sources)
    if st is not None:
        ex.statements.append(st)
