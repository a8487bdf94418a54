"""Columns a table's own arithmetic proves to be sums of the columns before them.

A results table may give a subtotal after each group of task columns and a total after the subtotals
("so... | tri... | w... | Inter... | fe... | mi... | ob... | Inter... | Global": each "Inter..." the sum
of the three tasks before it, "Global" the sum of the two). When a header is cut short the label cannot
tell the two subtotals apart (:mod:`petaflop.extract.shared_labels`), but the figures can: a column whose
value in every data row equals the sum of the numeric columns since the previous sum (or since the first
numeric column), within 0.01, is that group's subtotal; a column equal in every row to the sum of two or
more subtotals found before it is their total. A column equal to such a sum in only some rows proves
nothing. A proved column's figures keep their value and are scoped by what they sum
(:func:`summed_scope`), so :func:`petaflop.extract.shared_labels.unsure_shared_columns` leaves them alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from ingest.model import Table
from ingest.quantities import to_decimal
from petaflop.extract.facts import Extraction

__all__ = ["SUMMED", "SummedColumn", "scope_summed_columns", "summed_columns", "summed_scope"]

#: A plain figure (thousands separators allowed): no unit, no range, no note.
_FIGURE = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?")
_TOLERANCE = Decimal("0.01")  # the report rounds each cell to two decimals at most
_MIN_ROWS = 3  # fewer rows than this may add up by chance


@dataclass(frozen=True)
class SummedColumn:
    """A 1-based column proved to be the sum of ``parts`` (1-based columns); ``total`` when they are subtotals."""

    column: int
    parts: tuple[int, ...]
    total: bool = False


def _figure(text: str) -> Decimal | None:
    text = text.strip()
    return to_decimal(text) if _FIGURE.fullmatch(text) else None


def _numeric_columns(table: Table) -> dict[int, list[Decimal]]:
    """The 1-based columns holding a plain figure in every data row, with their figures row by row."""
    rows = [r for r in table.rows if not getattr(r, "section", False)]
    width = len(table.column_labels) or (max(len(r.cells) for r in rows) if rows else 0)
    out: dict[int, list[Decimal]] = {}
    for j in range(1, width + 1):
        values = [_figure(r.cells[j - 1].text) if j <= len(r.cells) else None for r in rows]
        if rows and all(v is not None for v in values):
            out[j] = values  # type: ignore[assignment]
    return out


def _proportional(a: list[Decimal], b: list[Decimal]) -> bool:
    """``a`` is a fixed multiple of ``b`` row by row (a grid of products: its columns add up whatever they are)."""
    if any(not x for x in b):
        return False
    ratios = [x / y for x, y in zip(a, b, strict=True)]
    return max(ratios) - min(ratios) <= abs(ratios[0]) * Decimal("0.001")


def _sums(values: dict[int, list[Decimal]], column: int, parts: list[int]) -> bool:
    """Every row of ``column`` equals the sum of ``parts``, in at least two rows two parts are not zero
    (a column of zeros beside one figure adds up to nothing), and no part is a fixed multiple of the column
    (a table of products, "WPM 5,000 | 10,000 | … | 35,000" times a yield per row, adds up by construction)."""
    if len(parts) < 2 or any(_proportional(values[p], values[column]) for p in parts):
        return False
    nontrivial = 0
    for i, v in enumerate(values[column]):
        terms = [values[p][i] for p in parts]
        if abs(sum(terms, Decimal(0)) - v) > _TOLERANCE:
            return False
        nontrivial += sum(1 for t in terms if t) >= 2
    return nontrivial >= 2


def summed_columns(table: Table) -> dict[int, SummedColumn]:
    """The columns of ``table`` its rows prove to be subtotals or totals, by 1-based column."""
    values = _numeric_columns(table)
    if not values or len(next(iter(values.values()))) < _MIN_ROWS:
        return {}
    found: dict[int, SummedColumn] = {}
    # a column headed by a figure is one point of a parameter's grid ("5,000 | 10,000 | 20,000 | 35,000"), no sum
    order = [j for j in sorted(values) if j > len(table.column_labels) or _figure(table.column_labels[j - 1]) is None]
    start = 0  # index in ``order`` of the first column of the current group
    for k, column in enumerate(order):
        subtotals = [c for c in found if not found[c].total]
        if len(subtotals) >= 2 and _sums(values, column, subtotals):
            found[column] = SummedColumn(column, tuple(subtotals), total=True)
            start = k + 1
            continue
        # the longest group ending just before this column (a leading figure column, a rank, may not belong)
        for s in range(start, k - 1):
            if _sums(values, column, order[s:k]):
                found[column] = SummedColumn(column, tuple(order[s:k]))
                start = k + 1
                break
    return found


def _short(label: str) -> str:
    return re.sub(r"(?:\.{2,}|…)\s*$", "…", label.strip())


def summed_scope(table: Table, summed: SummedColumn) -> str:
    """What a proved column sums, in the header's words: "subtotal of so…, tri…, w…", "total of
    columns 9, 13" when the parts' labels do not tell them apart."""
    labels = [_short(table.column_labels[p - 1]) if p <= len(table.column_labels) else "" for p in summed.parts]
    if not all(labels) or len(set(labels)) < len(labels):
        labels = [f"column {p}" for p in summed.parts]
    return f"{'total' if summed.total else 'subtotal'} of {', '.join(labels)}"[:60]


#: The rule of a figure read under a proved sum column, after its reader's "table-reader:<kind>": whoever the
#: row names (a person, a model under the caption), the proof is the column's arithmetic.
SUMMED = "@summed-column"

#: A header cut short: it ends in an ellipsis ("Inter...", "tri…").
_TRUNCATED = re.compile(r"(?:\.{2,}|…)\s*$")


def scope_summed_columns(tables: Iterable[Table], ex: Extraction) -> int:
    """Scope every figure read under a proved sum column whose header is cut short by what it sums ("IOI:
    Inter..." → "IOI: subtotal of so…, tri…, w…"), its rule "<reader>@summed-column" (:data:`SUMMED`); returns
    how many."""
    scopes: dict[tuple[str, int], tuple[str, str]] = {}
    for t in tables:
        for column, summed in summed_columns(t).items():
            label = t.column_labels[column - 1].strip() if column <= len(t.column_labels) else ""
            if _TRUNCATED.search(label):
                scopes[t.id, column] = (label, summed_scope(t, summed))
    changed = 0
    for i, st in enumerate(ex.statements):
        found = scopes.get((st.location.table_id, st.location.column))
        if found is None or st.rule.endswith(SUMMED):
            continue
        label, scope = found
        new = st.scope.replace(label, scope) if label in (st.scope or "") else scope
        ex.statements[i] = replace(st, scope=new[:60], rule=st.rule.split("@")[0] + SUMMED)
        changed += 1
    return changed
