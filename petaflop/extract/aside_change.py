"""A change written in the aside of a figure: "A: 1,200억 달러 (전년 대비 30% 증가)" — the growth in the
parentheses is the growth of the figure right before them, so its metric names what that figure measures
(the kind the readers gave the figure for the same subject at the same place: "capex higher vs prior year").
When no reading of that figure names its measure (none, or several that disagree), the change is of an
unnamed measure and stays a claim (its rule marked unsure), never the subject's growth as a whole."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from petaflop.extract.facts import Location, Statement
from petaflop.extract.gate import unsure

__all__ = ["aside_figure", "aside_metric"]

#: between a figure and the parenthesis of its aside: spaces only
_TO_PAREN = re.compile(r"\s*\(")


def aside_figure(s: str, q_start: int, values: Sequence):
    """The figure whose aside (an open parenthesis right after it) holds the figure at ``q_start``, else None."""
    paren = s.rfind("(", 0, q_start)
    if paren < 0 or ")" in s[paren:q_start]:
        return None
    v = max((v for v in values if v.end <= paren), key=lambda v: v.end, default=None)
    return v if v is not None and _TO_PAREN.fullmatch(s, v.end, paren + 1) else None


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
