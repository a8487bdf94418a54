"""The one period a results slide states, for the figures of its sentences that name no time.

A slide reporting one quarter's or half's results states its period once ("올 2분기, 처음으로 분기 매출 …",
"2025년 2분기 실적 데이터", a caption "팔란티어의 2분기 주요실적"); its later bullets give the period's growth
rates, margins and counts without repeating it ("미국 내 상업 고객 수는 전년 대비 64% 증가"). When every date the
slide writes (title, prose, captions, notes and table cells) is that one quarter or half, it frames the
sentences that name no date (:func:`petaflop.extract.figure_time.opening_dates`), clause by clause: a clause with a
word of another time ("2년 만에", "향후", "작년") or a duration ("10년 장기 계약") keeps none.
A slide that writes two periods compares them ("2Q25 매출 | 1Q25 매출", "2024년 대비") and frames nothing; nor does
one whose only date is a year (a year is no results period: a slide naming "2025년" once tells of more than it),
a bound ("'29년 초까지": a deadline) or a period not yet over at the report's date (a plan's).
"""

from __future__ import annotations

from collections.abc import Iterable

from ingest.date_periods import figure_period
from ingest.model import Bullet, Figure, Heading, Paragraph, Table
from ingest.quantities import REFERENCE_DATE, Quantity, find_quantities
from petaflop.extract.figure_time import FRAME, SLIDE

#: the precisions of a results period
_RESULTS = ("quarter", "half")


def slide_texts(title: str, blocks: Iterable[object]) -> list[str]:
    """Every text of a slide that may write a date: its title, prose, captions, notes and table cells."""
    out = [title]
    for b in blocks:
        if isinstance(b, (Paragraph, Bullet, Heading)):
            out.append(b.text)
        elif isinstance(b, Table):
            out += [*b.caption, *b.notes, *(c.text for r in [*b.header_rows, *b.rows] for c in r.cells),
                    *(c.text for c in b.header)]
        elif isinstance(b, Figure):
            out += [*b.caption, *b.text, *b.notes]
    return out


def slide_period(texts: Iterable[str]) -> Quantity | None:
    """The frame of a slide whose every date is one quarter or half (:mod:`slide_time`), else None."""
    periods = set()
    for text in texts:
        for q in find_quantities(text):
            if q.kind not in ("date", "period"):
                continue
            p = figure_period(q) if q.date_start and q.date_end else None
            if p is None or {"lowerBound", "upperBound"} & q.qualifiers:
                return None  # a date it cannot place, or a bound ("'29년 초까지"): no results period
            periods.add(p)
    if len(periods) != 1:
        return None
    (p,) = periods
    if p.precision not in _RESULTS or p.is_span or p.end >= REFERENCE_DATE.isoformat():  # results are past
        return None
    return Quantity(None, "period", "period", p.text, 0, 0, qualifiers=frozenset({FRAME, SLIDE}),
                    date_start=p.start, date_end=p.end)
