"""The firm a money figure belongs to by juxtaposition: "<firm> (<year>) (전체) 매출 : 약 N 달러",
"<firm>(AFS) FY2023 매출: …" — the firm is written right before the noun that names the measure, with at
most its abbreviation in parentheses and the year (or fiscal year) the figure is of between them: the noun
is the firm's own (as "<firm>의 매출"). Used by text_money's cue reader under its own rule (``…:named``)."""

from __future__ import annotations

import re

from foundation.periods import Period, parse_period
from ingest.quantities import Quantity
from petaflop.extract.cell_text import quantity_period
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

#: between the firm and the measure noun: its abbreviation, the year or the fiscal year, nothing else
_GAP = re.compile(r"\s?(?:\([A-Za-z가-힣&.\s]{1,12}\))?\s(?:(?:FY\s?(?P<fy>\d{4})|(?:20)?\d{2}년|'\d{2}년)\s)?")


def named_owner(s: str, before: list[Mention_], cue_start: int, dates: list[Quantity]) -> tuple[Mention_, Period | None] | None:
    """The firm written right before the measure noun at ``cue_start`` and the year between them (if any)."""
    if not before:
        return None
    m = before[-1]
    gap = _GAP.fullmatch(s, m.end, cue_start)
    if gap is None or not is_a(m.type, "Organization") or m.role in ("topic", "subject", "genitive"):
        return None  # a marked firm is the clause reader's
    if gap.group("fy"):
        return m, parse_period(gap.group("fy"))
    when = [d for d in dates if m.end <= d.start and d.end <= cue_start]
    return m, quantity_period(when[-1]) if when else None
