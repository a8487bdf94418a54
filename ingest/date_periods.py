"""The period a date quantity of the text names (``ingest.quantities.Quantity`` with ``date_start`` and
``date_end``): the named period of its bounds, the month of a part of a month, the span of a written range."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from foundation.periods import Period, parse_period, period_from_bounds, span_from_bounds

if TYPE_CHECKING:
    from ingest.quantities import Quantity


#: A range of months or years as written ("3~5월", "2023~2025년").
_RANGE = re.compile(r"\d\s?[년월]?\s?[~∼-]\s?\d")


def quantity_period(q: Quantity) -> Period | None:
    """The period of a date quantity; a part of one month ("8월 초") is that month; a range written of
    months or years ("3~5월", "2023~2025년") is their span; else the named period its bounds make (never a
    month for a quarter or a year)."""
    if not (q.date_start and q.date_end):
        return None
    if _RANGE.search(q.raw) and (span := span_from_bounds(q.date_start, q.date_end)) is not None:
        return span
    if q.date_start[:7] == q.date_end[:7]:
        return parse_period(q.date_start[:7]) if q.date_start != q.date_end else parse_period(q.date_start)
    return period_from_bounds(q.date_start, q.date_end)


#: An early, middle or late part of a year ("2026년 말", "작년 초", "2024년 중순"): no quarter or half
_VAGUE_PART = re.compile(r"(?:초|말|중반|중순)$")


def figure_period(q: Quantity) -> Period | None:
    """The period a figure dated by ``q`` holds in: :func:`quantity_period`, except that a vague part of a
    year ("2026년 말": late 2026) is that year, never a quarter or half the text does not name."""
    p = quantity_period(q)
    if p is not None and p.precision in ("quarter", "half") and _VAGUE_PART.search(q.raw.strip()):
        return parse_period(p.start[:4])
    return p
