"""A money column whose figures have no unit anywhere: "순위 | 기업명 | 2Q25 매출 | …" over "1 | A사 | 30,239".

The generic reader reads a revenue, a cost or any money measure only in a currency: the cell's, its column
header's, a unit column's or the table's note (``table_units.py``). A table that states none of them leaves its
bare figures unread as money — supplying a currency or a scale from world knowledge would be a wrong unit shown
as a fact. The figure is still stated: the row's entity has that number under the column's measure. It is read
as a ``quantity`` (the generic kind, no unit) whose metric names the measure — the header's measure without its
period ("매출"), after the business segment the table is about ("파운드리") — and says "(unit not stated)".

Only a cell that is the bare number alone ("30,239", "1,903.5"): a cell with a word, a note or a sign of a unit
beside it is prose the lexicon reads or leaves. Only when no unit is stated for the column: not in the header
(nor a unit column's cell, nor the table's note, which the reader adds to it), not in the caption ("단위"). One
construction, one rule per lexicon entry: ``table-reader:<entry>:unit-not-stated``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.model import Table
from ingest.quantities import unit_hint
from petaflop.extract.cell_text import caption_for_status
from petaflop.extract.facts import Location, Statement
from petaflop.extract.table_measure_context import measure_segment, period_measure

#: the whole cell is one plain number (thousands separators allowed)
_BARE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
#: a unit stated for the table in words
_UNIT_WORD = re.compile(r"단위|[Uu]nit")
#: a currency or a scale written in a header without brackets ("매출 백만 달러", "Revenue USD")
_UNIT_IN_HEADER = re.compile(r"달러|(?<![가-힣])원|\$|USD|KRW|EUR|€|¥|엔|위안|[조억만]|백만|십억|[Mm]illion|[Bb]illion")
SUFFIX = ":unit-not-stated"


def unstated_unit(reader, q, entry, subject: str, text: str, label, row_time, header: str, table: Table,
                  loc: Location, sources: tuple[str, ...], rule_suffix: str) -> None:
    """Append the ``quantity`` a money column's bare figure states when the table gives it no unit (see the
    module); nothing for any other figure or table."""
    if entry.dimension != "money" or q is None or q.value is None or q.kind != "number" or q.high is not None:
        return
    if not _BARE.match(text.strip()) or unit_hint(header) is not None or _UNIT_WORD.search(header) or _UNIT_IN_HEADER.search(header):
        return
    if any(_UNIT_WORD.search(line) for line in (*table.caption, table.slide_title or "")):
        return
    measure = period_measure(label.text) or label.text.strip()
    if not measure or len(measure) > 30:
        return
    segment = measure_segment(table, reader.res.gaz)
    metric = f"{segment + ' ' if segment and segment not in measure else ''}{measure} (unit not stated)"
    status = (label.status or reader._row_status
              or reader.lex.status_of(label.text, caption_for_status(table.caption, label.text), "") or "actual")
    reader.ex.statements.append(Statement(
        subject, "quantity", loc, f"table-reader:{entry.id}{SUFFIX}{rule_suffix}{reader.tag}",
        value=Decimal(q.value), unit="", status=status, time=label.period or row_time, metric=metric[:60],
        sources=sources, raw=text[:60]))
