"""A date of an early or late part of a year is that year: "2027년 말", "연말까지", "'29년 초까지" say when in the
year only vaguely, so the date of an event or a plan they give is the year, never the quarter the date parser
makes of them (Q4 for 말, Q1 for 초): time is never more precise than the text, as for a figure's time
(:func:`ingest.date_periods.figure_period`). A quarter or half the text names ("4분기", "2H26") is kept.

Run after every reader and the status passes (whose "after the report's date" tests read the quarter): an
actual date whose quarter lies after the report's date is left as it is (the graph makes it a forecast)."""

from __future__ import annotations

import re
from dataclasses import replace

from foundation.periods import Period, parse_period
from ingest.date_periods import quantity_period
from ingest.quantities import REFERENCE_DATE, find_quantities
from petaflop.extract.facts import Extraction

__all__ = ["settle_vague_dates", "vague_year"]

#: the statuses a fact's qualifiers may give it (none: actual)
_STATUSES = ("planned", "target", "forecast", "estimate")


#: an early, middle or late part of a year, maybe as a bound: "2027년 말", "연말까지", "'29년 초까지"
_VAGUE = re.compile(r"(?:초|말|중반|중순)(?:까지|부터|에는|에)?$")


def vague_year(text: str, period: Period, raw: str = "") -> Period | None:
    """The year of ``period`` when ``text`` writes it only as an early or late part of that year, else None: the
    date that dates ``raw`` (one opening it, else the nearest before it in ``text``, else its first), or, with no ``raw`` found in
    ``text``, every date of ``text`` that makes ``period``."""
    if period.precision not in ("quarter", "half"):
        return None
    dates = [q for q in find_quantities(text) if q.kind in ("date", "period") and q.date_start]
    at = text.find(raw) if raw else -1
    if at >= 0:
        before = [q for q in dates if q.end <= at]
        inside = [q for q in dates if at <= q.start < at + len(raw)]
        opening = [q for q in inside if not text[at:q.start].strip()]
        dates = opening[:1] or before[-1:] or inside[:1]
    same = [q for q in dates if quantity_period(q) == period]
    if not same or (len(same) != len(dates) and at >= 0) or not all(_VAGUE.search(q.raw.strip()) for q in same):
        return None
    return parse_period(period.start[:4])


def _kept(status: str, period: Period) -> bool:
    """An actual date after the report's date keeps its quarter (the graph reads it as a forecast)."""
    return status in ("", "actual") and period.start > REFERENCE_DATE.isoformat()


def settle_vague_dates(ex: Extraction, lines: list[str]) -> int:
    """Give the dates of events and plans written as a vague part of a year the year (see the module doc);
    returns how many it changed."""
    changed = 0
    for i, st in enumerate(ex.statements):
        if st.time is None or not st.kind.endswith("Date") or _kept(st.status, st.time):
            continue
        if (year := vague_year(st.location.text_in(lines) or st.raw, st.time, st.raw)) is not None:
            ex.statements[i] = replace(st, time=year)
            changed += 1
    for i, f in enumerate(ex.facts):
        if f.obj_is_entity or not isinstance(f.obj, Period):
            continue
        status = next((q for q in f.qualifiers if q in _STATUSES), "actual")
        if not _kept(status, f.obj) and (year := vague_year(f.raw, f.obj, f.raw)) is not None:
            ex.facts[i] = replace(f, obj=year)
            changed += 1
    return changed
