"""A row read about the table's context that is about the thing its own label names.

A cost table about a project lists its stages as rows ("1단계 (Alpha I · 부산 1.2 GW)"), the
stage's further rows leaving the label cell empty. Its cells are read about the project (the
table's context) by default, since a total or a rent in them is the project's. A row that repeats
a measure the row's label states ("… 8개 동(1.2 GW)로 완공 목표", "1.2 GW 송전선 …"), or states no
figure of its units at all, is about the stage the label names; one stating another figure of
those units ("총 5 GW 용량") is the project's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.model import Row

# a figure with a Latin unit or a percent sign: "1.2 GW", "600MW", "30 %"
_MEASURE = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)\s*([A-Za-z]{1,4}(?![A-Za-z])|%)")


def measures(text: str) -> set[str]:
    """The measures a text states, normalised ("1,200 MW" -> "1200MW")."""
    return {m.group(1).replace(",", "") + m.group(2) for m in _MEASURE.finditer(text)}


def row_label(rows: Sequence[Row], r: int, ei: int) -> str:
    """The label of body row ``r`` (1-based): its own entity cell, else that of the last row above
    with one (a stage's further rows leave the label cell empty)."""
    for row in reversed(rows[:r]):
        if ei < len(row.cells) and row.cells[ei].text.strip():
            return row.cells[ei].text
    return ""


def about_label(rows: Sequence[Row], r: int, ei: int) -> bool:
    """Whether body row ``r`` (1-based) is about the thing its label names: the label states a measure
    and the row's other cells repeat it or state no figure of its units (a project's total, "총 3 GW",
    is no stage's)."""
    label = measures(row_label(rows, r, ei))
    stated = {m for j, c in enumerate(rows[r - 1].cells) if j != ei for m in measures(c.text)}
    units = {_unit(m) for m in label}
    return bool(label) and (bool(label & stated) or not any(_unit(m) in units for m in stated))


def _unit(measure: str) -> str:
    return measure.lstrip("0123456789.")
