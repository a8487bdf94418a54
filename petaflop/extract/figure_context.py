"""What a figure read in prose carries besides its value: status, time, range and flags.

Shared by the prose readers of figures (:mod:`petaflop.extract.text_figures`,
:mod:`petaflop.extract.text_shares`), which are mixed into the text reader.
"""

from __future__ import annotations

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
