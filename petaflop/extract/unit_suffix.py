"""A figure written with a unit the quantity parser does not know is no unitless number.

The parser reads the figure of "300nits", "120Hz", "24 fps" or "7 minutes" and stops at the letters it does
not know: the figure comes out as a bare number, its unit silently lost. Any reader that then states the
bare number as a value (a label's quantity, a model's score) would show "300" where the report says 300
of something. So, after every reader has run, a value without a unit whose figure, in the text it was read
from (``Statement.raw``), is followed by a unit word the units do not know is kept as a claim only (its rule
marked :data:`petaflop.extract.gate.UNSURE`) and the line gets a warning: the unit is to be added to the
unit tables (``ingest/amounts.py``, ``foundation/units.py``), not guessed.

What follows a figure and is no unit: the lines of a picture's resolution ("720p", "1080i"; the resolution
reader reads them as lines), an ordinal's ending ("1st", "3rd"), and a capitalised word after a space (a
name: "Grok 4 Heavy", "Gemini 2.5 Pro"). Letters followed by a digit are a code ("FP8"), not a unit.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ingest.quantities import find_quantities
from petaflop.extract.facts import Extraction
from petaflop.extract.gate import unsure

#: letters right after a figure: glued ("300nits", "120Hz") or, in lower case, one space on ("24 fps")
_SUFFIX = re.compile(r"(?:([A-Za-zμ°][A-Za-z°/]*)|\s([a-zμ°][A-Za-z°/]*))(?![A-Za-z0-9])")
#: endings that are no unit: a resolution's lines (720p, 1080i) and an ordinal's (1st, 2nd, 3rd, 4th)
_NO_UNIT = {"p", "i", "st", "nd", "rd", "th"}


def unknown_suffix(text: str, value: Decimal) -> str:
    """The unit word the parser did not know after the bare figure ``value`` in ``text`` ("nits" in "300nits"),
    "" when the figure is not there, has a unit the parser read, or is followed by no unit word."""
    for q in find_quantities(text):
        if q.kind != "number" or value not in (q.value, q.low, q.high):
            continue
        m = _SUFFIX.match(text, q.end)
        word = (m.group(1) or m.group(2)) if m else ""
        if word and word not in _NO_UNIT:
            return word
    return ""


#: a rate written after a figure ("2,300 fps", "50 tokens/s", "30 토큰/초"): so many of something per unit of time —
#: the period it is per; a rate word whose period is not known here keeps the value a claim
_RATE = re.compile(r"\s?(?:([Ff][Pp][Ss]|[Tt][Pp][Ss]|[Qq][Pp][Ss]|[Rr][Pp][Ss])|([Rr][Pp][Mm])"
                   r"|(?:[Tt]okens?|토큰|[Ff]rames?|프레임|[Qq]ueries|[Rr]equests?|요청|건|개)\s?/\s?(?:(s|sec|초)|(min|분)|(h|hr|시간))"
                   r"|([A-Za-z]+/s|[A-Za-z]+/sec))(?![A-Za-z0-9가-힣])")
#: the kinds a rate is a count of (a score written "85tps" stays a claim: no score per second)
_COUNTS = frozenset({"quantity", "unitCount"})
_RATE_PER = ("second", "minute", "second", "minute", "hour", "")


def rate_period(text: str, value: Decimal) -> str | None:
    """The period of a rate written right after the figure ``value`` in ``text`` ("second" for "2,300 fps",
    "minute" for "3,000 rpm"), "" for a rate whose period is unknown, None when the figure has no rate word."""
    for q in find_quantities(text):
        if q.kind not in ("number", "count") or value not in (q.value, q.low, q.high):
            continue
        if (m := _RATE.match(text, q.end)) is not None:
            return next(p for g, p in zip(m.groups(), _RATE_PER, strict=True) if g)
    return None


def settle_unknown_units(ex: Extraction) -> None:
    """Keep as claims the values without a unit whose figure was written with a unit no table knows; a count
    written with a rate word ("2,300 fps") is a count per second, or a claim when its period is unknown."""
    for i, st in enumerate(ex.statements):
        if st.value is not None and (st.unit == "count" or (not st.unit and st.kind in _COUNTS)) and not st.per and st.raw \
                and (period := rate_period(st.raw, st.value)) is not None:
            ex.statements[i] = replace(st, unit="count", per=period) if period else replace(st, rule=unsure(st.rule))
            continue
        if st.value is None or st.unit or not st.raw:
            continue
        if word := unknown_suffix(st.raw, st.value):
            ex.statements[i] = replace(st, rule=unsure(st.rule))
            ex.warnings.append((st.location.line_start, f"{st.subject} {st.kind} {st.value}: written '{word}', "
                                                        "a unit the unit tables do not know (kept a claim)"))
