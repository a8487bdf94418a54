"""Columns a table's header cannot tell apart: a truncated label shared by two or more columns.

A table pasted from a slide may cut its header cells short ("Inter..." over the subtotal of day 1 and over
that of day 2): the columns then bear the same text, and a figure read under one of them has no scope the
report gives — "Inter..." may be either subtotal, and a reader of the graph would take it for the total. The
report gives no header that tells them apart, so every fact read from such a column is :func:`unsure` (kept
as a claim, never asserted). A label written out in full and repeated ("ToR 스위치" over every rack of a
diagram, a period label repeated by a slip that :mod:`petaflop.extract.period_columns` places) is not cut
short and is left alone; so is a column the table's arithmetic proves to be the sum of the columns before it
(:mod:`petaflop.extract.summed_columns`: its figures are scoped by what they sum).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ingest.model import Table
from petaflop.extract.facts import Extraction
from petaflop.extract.gate import unsure
from petaflop.extract.summed_columns import summed_columns

__all__ = ["shared_truncated_columns", "unsure_shared_columns"]

#: A header cut short: it ends in an ellipsis ("Inter...", "tri…").
_TRUNCATED = re.compile(r"(?:\.{2,}|…)\s*$")


def shared_truncated_columns(table: Table) -> set[int]:
    """The 1-based columns of ``table`` whose label is cut short and borne by another column too, unless the
    rows prove the column a subtotal or total (:func:`summed_columns`)."""
    labels = [label.strip() for label in table.column_labels]
    counts = Counter(label for label in labels if _TRUNCATED.search(label))
    shared = {j for j, label in enumerate(labels, 1) if counts.get(label, 0) > 1}
    return shared - set(summed_columns(table)) if shared else shared


def unsure_shared_columns(tables: Iterable[Table], ex: Extraction) -> int:
    """Mark every statement and fact read from a column :func:`shared_truncated_columns` finds as unsure;
    returns how many were marked."""
    shared = {t.id: cols for t in tables if (cols := shared_truncated_columns(t))}
    if not shared:
        return 0
    changed = 0
    for items in (ex.statements, ex.facts):
        for i, item in enumerate(items):
            if item.location.column in shared.get(item.location.table_id, ()):
                items[i] = replace(item, rule=unsure(item.rule))
                changed += 1
    return changed
