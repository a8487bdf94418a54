"""The values of a sentence worth a claim, each with the date it holds at: its own, else the date that frames its
sentence ("2024년 3월 Series B에서 3억 달러 조달, 기업가치 33억 달러": both hold in 2024-03). Above both
``values`` (reading one figure) and ``figure_time`` (the frames of a sentence), so neither imports the other."""

from __future__ import annotations

import re

from petaflop.extract.figure_time import framed, with_bases
from petaflop.extract.values import CLAIM_KINDS, ValueRead, date_of, find_quantities, from_quantity

__all__ = ["find_values"]


#: The end of a sentence: a frame dates the figures of its own sentence only
_SENTENCE_END = re.compile(r"[.!?。]\s")


def find_values(text: str, header: str = "") -> list[ValueRead]:
    """Every quantity in a sentence worth a claim, with the first date in it as 'as of'.

    Bare numbers count only when they are large (a Korean multiplier or >= 100), so list
    numbering and small counts without a unit do not become claims.
    """
    found = find_quantities(text)
    dates = [q for q in found if q.kind in ("date", "period") and q.date_start]
    values = [q for q in found if q.kind in CLAIM_KINDS]
    # the one date framing the sentence ("2024년 3월 Series B에서 3억 달러 조달, 기업가치 33억 달러"): a figure
    # that no date of its own dates holds then (figure_time.py)
    frames = with_bases(text, [d for d in dates if d.date_end])
    out = []
    for q in found:
        if q.kind not in CLAIM_KINDS:
            continue
        if q.kind == "number" and (q.value is None or q.value < 100):
            continue
        frame = framed(frames, q.start) if not _SENTENCE_END.search(text, 0, q.start) else None  # its first sentence only
        v = from_quantity(q, date_of(q, dates, values) or (frame.text if frame is not None else ""))
        if v is not None:
            out.append(v)
    return out
