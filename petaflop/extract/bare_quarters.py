"""A quarter or half written without its year, told as the consequence of a dated event that came after it.

"1분기", "하반기" written alone are read in the report's year (ingest: ``yearAssumed``). A bullet or a table row that
first dates an event ("2025년 4월, A 정부는 새 수출 규제를 적용", a row dated "4월 15일") and later tells what it
caused ("결국 1분기에만 N 달러의 손실", "규제로 인해 하반기 매출 …") in such a quarter cannot mean that calendar
quarter when it ended before the event: nothing is caused before its cause. The quarter is another one — a firm's
fiscal quarter, or the next year's — the text does not say which, so the figure keeps its value with no time
(time is never more than the text says). A figure the line does not tell as a consequence ("5월 28일 | 1분기 매출
N 달러 발표": a quarter reported after it ended) keeps its quarter.

Run after every reader, on the statements' times.
"""

from __future__ import annotations

import re
from dataclasses import replace

from foundation.periods import Period
from ingest.date_periods import quantity_period
from ingest.quantities import Quantity, find_quantities
from petaflop.extract.facts import Extraction
from petaflop.extract.figure_time import BASE, with_bases

__all__ = ["before_its_cause", "settle_bare_quarters"]

#: a quarter or half written without its year
_BARE = re.compile(r"[1-4]\s?분기|[상하]반기")
#: words telling a consequence of what came before: "결국", "그 결과", "규제로 인해", "때문에", "여파로" …
_CONSEQUENCE = re.compile(r"결국|그\s?결과|결과적으로|(?:으로|로)\s?인(?:해|한)|때문에|여파로|영향으로|탓에|에\s?따라")
#: where the figure's sentence begins: after a full stop, a sentence's ending or a table's cell
_SENTENCE_BREAK = re.compile(r"[.!?。](?=\s)|\t")


def _dates(text: str) -> list[Quantity]:
    return with_bases(text, [q for q in find_quantities(text)
                             if q.kind in ("date", "period") and q.date_start and q.date_end])


def before_its_cause(text: str, period: Period, raw: str) -> bool:
    """True when the figure ``raw`` of ``text`` (a line) is dated by a quarter or half written without its year
    whose ``period`` (in the assumed year) ends before an event ``text`` dates earlier, and the figure's sentence
    tells it as a consequence (:data:`_CONSEQUENCE`)."""
    at = text.find(raw) if raw else -1
    if at < 0 or period.precision not in ("quarter", "half"):
        return False
    dates = _dates(text)
    bare = [q for q in dates if q.start < at + len(raw) and "yearAssumed" in q.qualifiers
            and _BARE.fullmatch(q.raw.strip()) and quantity_period(q) == period]
    if not bare:
        return False
    b = bare[-1]
    s0 = max((m.end() for m in _SENTENCE_BREAK.finditer(text, 0, b.start)), default=0)
    if not _CONSEQUENCE.search(text, s0, max(b.end, at + len(raw))):
        return False
    return any(q.end <= b.start and q.date_start > period.end and not _BARE.fullmatch(q.raw.strip())
               and not {BASE, "lowerBound", "upperBound"} & q.qualifiers for q in dates)


def settle_bare_quarters(ex: Extraction, lines: list[str]) -> int:
    """Take the time off the statements dated by a bare quarter before their cause (see the module doc); returns
    how many it changed."""
    changed = 0
    for i, st in enumerate(ex.statements):
        if st.time is not None and before_its_cause(st.location.text_in(lines), st.time, st.raw):
            ex.statements[i] = replace(st, time=None)
            changed += 1
    return changed
