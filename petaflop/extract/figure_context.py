"""What a figure read in prose carries besides its value: status, time, range and flags.

Shared by the prose readers of figures (:mod:`petaflop.extract.text_figures`,
:mod:`petaflop.extract.text_shares`), which are mixed into the text reader.
"""

from __future__ import annotations

from foundation.periods import Period, parse_period
from ingest.quantities import REFERENCE_DATE


def figure_context(reader, s: str, q, dates, c0: int, c1: int, values):
    """(status, time, high end) of a figure in the clause ``s[c0:c1]``: a dated estimate after the
    report's date is a forecast; a range keeps its high end."""
    status = reader._status(s[c0:c1], q)
    time = reader._time(q, dates, c0, c1, values) or reader.default_time
    if status in ("estimate", "actual") and time is not None and time.start > REFERENCE_DATE.isoformat():
        status = "forecast"
    high = q.high if q.high is not None and q.low is not None and q.high != q.low else None
    return status, time, high


def figure_flags(q) -> dict:
    """A figure's approximate/bound qualifiers as Statement keywords."""
    quals = q.qualifiers
    return {"approximate": "approximate" in quals or "vague" in quals,
            "bound": "lower" if "lowerBound" in quals else "upper" if "upperBound" in quals else ""}


def report_year() -> Period:
    """The report's year as a period ("2025"): the time of what the report says holds now."""
    return parse_period(str(REFERENCE_DATE.year))  # type: ignore[return-value]


def after_the_report(time) -> bool:
    """A figure's time lies after the report's date: it starts later, or it is a span ("2024~2030") whose last
    period starts later — a change over a span still to come is a forecast, whatever words estimate it."""
    if time is None:
        return False
    ref = REFERENCE_DATE.isoformat()
    last = parse_period(time.text.rsplit("~", 1)[1]) if "~" in (time.text or "") else None
    return time.start > ref or (last is not None and last.start > ref)
