"""Periods: a year, a half, a quarter, a month or a day, written one way everywhere.

``2025``, ``2025-H2``, ``2025-Q3``, ``2025-07`` and ``2025-07-15`` name periods at their
precision; a period knows its first and last day. A span written as a range of years or months
("2023~2025년", "올해 3~5월") is ``2023~2025`` or ``2025-03~2025-05``: its ends' precision, no XSD point. The report's "mid-2025" is the year 2025,
never an invented day. Statements carry their time as a :class:`Period`; the gold annotation
writes the same forms.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

PRECISIONS = ("year", "half", "quarter", "month", "day")
_RE = re.compile(r"^(\d{4})(?:-(?:(Q[1-4])|(H[12])|([01]\d)(?:-([0-3]\d))?))?$")


@dataclass(frozen=True, order=True)
class Period:
    start: str  # ISO date of the first day
    end: str  # ISO date of the last day
    precision: str  # year half quarter month day (of a span: of its ends)
    text: str  # the normalised form

    @property
    def is_span(self) -> bool:
        return "~" in self.text

    @property
    def xsd(self) -> tuple[str, str] | None:
        """``(lexical, XSD datatype local name)`` for precisions XSD has a type for, else None (and for spans)."""
        if self.is_span:
            return None
        if self.precision == "year":
            return self.text, "gYear"
        if self.precision == "month":
            return self.text, "gYearMonth"
        if self.precision == "day":
            return self.text, "date"
        return None

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end


def parse_period(text: str) -> Period | None:
    """``2025-Q3`` → Period(2025-07-01, 2025-09-30, quarter); ``2025-03~2025-05`` → a span of two months or
    years (:func:`span_of`); None when not one of the five forms or such a span."""
    if "~" in text:
        head, _, tail = text.partition("~")
        pa, pb = parse_period(head), parse_period(tail)
        return span_of(pa, pb) if pa is not None and pb is not None else None
    m = _RE.match(text.strip())
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(2):
            q = int(m.group(2)[1])
            return Period(date(y, 3 * q - 2, 1).isoformat(), _month_end(y, 3 * q), "quarter", text.strip())
        if m.group(3):
            a, b = (1, 6) if m.group(3) == "H1" else (7, 12)
            return Period(date(y, a, 1).isoformat(), _month_end(y, b), "half", text.strip())
        if m.group(5):
            d = date(y, int(m.group(4)), int(m.group(5))).isoformat()
            return Period(d, d, "day", d)
        if m.group(4):
            mo = int(m.group(4))
            return Period(date(y, mo, 1).isoformat(), _month_end(y, mo), "month", f"{y}-{mo:02d}")
    except ValueError:
        return None
    return Period(f"{y}-01-01", f"{y}-12-31", "year", str(y))


def period_from_bounds(start: str, end: str) -> Period | None:
    """The period whose first and last days are ``start`` and ``end``, if it is one of the five;
    any other span (a season, "중반", several months) → the smallest enclosing year, if both ends
    fall in one year, else None."""
    try:
        a, b = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        return None
    if a > b:
        return None
    if a == b:
        return parse_period(a.isoformat())
    if a.year == b.year and a.day == 1 and b.day == calendar.monthrange(b.year, b.month)[1]:
        first, last = a.month, b.month
        if (first, last) == (1, 12):
            return parse_period(str(a.year))
        if first == last:
            return parse_period(f"{a.year}-{first:02d}")
        if (first, last) in ((1, 6), (7, 12)):
            return parse_period(f"{a.year}-H{1 if first == 1 else 2}")
        if last - first == 2 and first % 3 == 1:
            return parse_period(f"{a.year}-Q{first // 3 + 1}")
    if a.year == b.year:
        return parse_period(str(a.year))
    return None


def span_of(first: Period, last: Period) -> Period | None:
    """The span from ``first`` to ``last``, both years or both months, the first ending before the
    last starts ("2023~2025", "2025-03~2025-05"); None otherwise."""
    if first.precision != last.precision or first.precision not in ("year", "month") or first.end >= last.start:
        return None
    return Period(first.start, last.end, first.precision, f"{first.text}~{last.text}")


def span_from_bounds(start: str, end: str) -> Period | None:
    """A range written from ``start`` to ``end``: the named period it is when it is one (a year, a half, a
    quarter, a month: :func:`period_from_bounds`), else the span of its whole years or months; None when
    its ends are not whole months."""
    try:
        a, b = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        return None
    if a > b or a.day != 1 or b.day != calendar.monthrange(b.year, b.month)[1]:
        return None
    named = period_from_bounds(start, end)
    if named is not None and (named.start, named.end) == (start, end):
        return named
    if a.month == 1 and b.month == 12:
        return span_of(Period(start, f"{a.year}-12-31", "year", str(a.year)), Period(f"{b.year}-01-01", end, "year", str(b.year)))
    return span_of(Period(start, _month_end(a.year, a.month), "month", f"{a.year}-{a.month:02d}"),
                   Period(date(b.year, b.month, 1).isoformat(), end, "month", f"{b.year}-{b.month:02d}"))


def _month_end(y: int, m: int) -> str:
    return date(y, m, calendar.monthrange(y, m)[1]).isoformat()
