"""A figure that opens a parenthetical aside right after another figure qualifies that figure.

"비용을 200배(80달러→0.40달러) 절감", "1/4 수준(12% → 3%)": a from-to pair in parentheses right
after a multiple (or its "수준") gives the multiple's two ends (often of a unit's price), not the
subject's own values: the multiple's reader consumes them (text_figures.py).

"월간 사용자 20억 명(약 3달 만에 5억 명 증가)": the span of time in the parentheses tells over what
period the figure before them grew; it is not a span the sentence's topic took. The readers of spans
of time (text_figures.py) skip such a figure.

"차량 한 대당 가격이 2억 원(15만 달러~20만 달러)": a sum in another currency alone in parentheses right
after a sum restates it; whatever the first sum was read as, the second is too (one figure, two currencies).

A change written in the aside of a figure: "A: 1,200억 달러 (전년 대비 30% 증가)" — the growth in the
parentheses is the growth of the figure right before them, so its metric names what that figure measures
(the kind the readers gave the figure for the same subject at the same place: "capex higher vs prior year").
When no reading of that figure names its measure (none, or several that disagree), the change is of an
unnamed measure and stays a claim (its rule marked unsure), never the subject's growth as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from ingest.quantities import Quantity
from petaflop.extract.facts import Location, Statement
from petaflop.extract.gate import unsure

#: a figure (digits and up to two short unit words) closing right before "(", then at most "약"/"최근"/"불과"
_AFTER_FIGURE_PAREN = re.compile(r"\d[\d.,]*(?:\s?[^\s\d()]{1,4}){0,2}\s?\(\s?(?:약|최근|불과|지난)?\s?$")


def opens_aside_of_figure(s: str, start: int) -> bool:
    """True when the figure at ``start`` opens a parenthesis that follows another figure."""
    return bool(_AFTER_FIGURE_PAREN.search(s[max(0, start - 24):start]))


_TO_PAREN = re.compile(r"\s?(?:수준\s?)?\(\s?")  # "200배(", "1/4 수준("
_PAIR_SEP = re.compile(r"\s?(?:→|->|에서)\s?")


def ends_of_multiple(s: str, q: Quantity, values: list[Quantity]) -> set[int]:
    """The starts of the from-to pair in parentheses right after the multiple ``q``, else nothing."""
    after = [v for v in values if v.start >= q.end]
    if len(after) < 2 or not _TO_PAREN.fullmatch(s[q.end:after[0].start]):
        return set()
    a, b = after[0], after[1]
    if a.kind != b.kind or not _PAIR_SEP.fullmatch(s[a.end:b.start]) or s[b.end:b.end + 2].strip()[:1] != ")":
        return set()
    return {a.start, b.start}


#: "2억 원(15만 달러~20만 달러)", "25억 달러(약 3조 원)": a sum, then a parenthesis holding only a sum
_RESTATED_OPEN = re.compile(r"\s?\(\s?")
_RESTATED_CLOSE = re.compile(r"\s?\)")


def restated_sum(s: str, q: Quantity, values: list[Quantity]) -> Quantity | None:
    """The sum in another currency that the parentheses right after the sum ``q`` hold alone, else None."""
    if q.kind != "money" or not q.unit:
        return None
    v = next((v for v in values if v.start >= q.end), None)
    if v is None or v.kind != "money" or not v.unit or v.unit == q.unit or v.value is None:
        return None
    if not _RESTATED_OPEN.fullmatch(s[q.end:v.start]) or not _RESTATED_CLOSE.match(s, v.end):
        return None
    return v


def restate_in_other_currency(statements: list, first: int, s: str, q: Quantity, values: list[Quantity]) -> int | None:
    """State again, in the currency of the parentheses right after ``q``, each statement read from ``q``
    (those from ``first`` on, in ``q``'s unit): the same subject, measure, period, bound and rule — one
    sum written two ways. Returns the start of the restating sum when it was used (the caller consumes
    it), else None."""
    v = restated_sum(s, q, values)
    if v is None:
        return None
    low = v.low if v.low is not None else v.value
    high = v.high if v.high is not None and v.high != low else None
    made = [replace(st, value=low, high=high, unit=v.unit, approximate=st.approximate or "approximate" in v.qualifiers)
            for st in statements[first:] if st.unit == q.unit]
    statements.extend(made)
    return v.start if made else None


#: between a figure and the parenthesis of its aside: spaces only
_TO_ASIDE = re.compile(r"\s*\(")


def aside_figure(s: str, q_start: int, values: Sequence):
    """The figure whose aside (an open parenthesis right after it) holds the figure at ``q_start``, else None."""
    paren = s.rfind("(", 0, q_start)
    if paren < 0 or ")" in s[paren:q_start]:
        return None
    v = max((v for v in values if v.end <= paren), key=lambda v: v.end, default=None)
    return v if v is not None and _TO_ASIDE.fullmatch(s, v.end, paren + 1) else None


def aside_metric(statements: Sequence[Statement], s: str, q_start: int, values: Sequence, loc: Location,
                 subject: str, metric: str, base_words: str, rule: str) -> tuple[str, str]:
    """(metric, rule) of a change at ``q_start``: unchanged when its ``metric`` names a measure (not only
    ``base_words``) or the change is in no figure's aside; "<kind> <base words>" when the readers measured the
    figure before the aside, for ``subject`` at ``loc``, as one kind; else the rule marked unsure (a claim)."""
    if metric != base_words or (v := aside_figure(s, q_start, values)) is None or v.value is None:
        return metric, rule
    kinds = {st.kind for st in statements if st.location == loc and st.subject == subject
             and st.value == Decimal(v.value) and st.high is None
             and st.unit in (v.currency, v.unit, "count" if v.kind in ("count", "number") else v.unit)}
    return (f"{kinds.pop()} {base_words}"[:60], rule) if len(kinds) == 1 else (metric, unsure(rule))
