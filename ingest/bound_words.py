"""Words after a figure that bound it: "4억 명 상회", "10억 달러를 돌파", "10억 달러를 밑돌", "250kW가 넘는";
words of nearing it ("400만 명에 육박").

The quantity parser reads a bound word glued to the figure ("100명 이상", "10년 넘는", amounts.POST).
A verb or noun of exceeding or falling short often comes after a particle ("70%를 초과", "250kW가 넘는")
or is one the parser does not know ("상회", "웃도는", "돌파", "하회", "밑돌", "이내"); the figure it
follows is then a lower bound (exceeds, tops, broke through: a milestone passed is at least the figure)
or an upper bound (falls short of, within: "90일 이내", and after a duration "5분 안에", "2주 내에"). Only the figure right before the word is bounded — with at
most a particle, or a size noun ("250MW 규모 초과") between — so a figure in parentheses a phrase compares
against ("B 출신(37%)을 넘어선") is untouched. A figure the clause goes on past to another figure
("약 60 GW를 넘어 80~100 GW 수준으로") is the level it starts from, not a bound, and is left as it is;
so are dates ("8월을 넘어": time passing), words that only share the stem ("돌파구": a breakthrough;
"넘어가": moving on), and a conditional ("넘어도": even if it exceeds).

A figure a word of nearing follows ("400만 명에 육박", "10억 달러 가까이", "1조 원에 가까운", "5억 달러에 근접") is
approximate, as "거의" before it: nearly the figure, which it may not reach.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, TypeVar

__all__ = ["bounded_after"]

Q = TypeVar("Q", bound=Any)

_LOWER = r"상회|웃[돌도]|돌파(?!구)|초과|넘[는긴었게]|넘기|넘어(?![도가간갔오온와])"
_UPPER = r"하회|밑[돌도]|이내"
#: within a span: only after a duration ("5분 안에", "2주 내에", "30분 내로"; never a place: "72 랙 안에서")
_WITHIN = r"안에(?!서)|내에(?!서)|내로|내(?![가-힣])"
#: a comparison the figure is the measure of ("예비율은 37%보다 더 높음": the thing measured is above it, at least the
#: figure; "…보다 낮음": at most it), unless the clause goes on to the figure it is compared with ("…보다 높은 45%")
_ABOVE = r"보다 ?(?:더 ?|훨씬 ?)?(?:높|많|크|길)"
_BELOW = r"보다 ?(?:더 ?|훨씬 ?)?(?:낮|적(?!극|용|자|합)|작(?![년업성동])|짧)"
_THAN_FIGURE = re.compile(r"[^.,;:·\d]{0,12}\d")
#: right after the figure (a space at most, never a table cell's tab): a size noun, a particle, the bound word
_WORD = re.compile(rf" ?(?:(?:규모|수준) ?)?(?:[을를이가] ?)?"
                   rf"(?:(?P<lower>{_LOWER})|(?P<upper>{_UPPER})|(?P<within>{_WITHIN}))"
                   rf"|(?P<above>{_ABOVE})|(?P<below>{_BELOW})")
#: "… 넘어 80~100 GW 수준으로": the clause carries on to another figure the value grows to
_ONWARD = re.compile(r"[가-힣]{0,4}\s[^.,;:·]{0,12}?\d[^.,;:·]{0,14}?(?:으로|로|까지)(?![가-힣])")
_BOUNDS = frozenset({"lowerBound", "upperBound"})
#: nearing the figure ("400만 명에 육박", "10억 달러 가까이", "1조 원에 가까운", "5억 달러에 근접"): about it, not past it
_NEAR = r"육박|가까[운이워웠울]|근접"
_NEAR_WORD = re.compile(rf" ?(?:(?:규모|수준) ?)?(?:에 ?)?(?:{_NEAR})")


def bounded_after(text: str, found: list[Q]) -> list[Q]:
    """``found`` with each figure followed by a bound word (see the module) bounded by it."""
    if not re.search(f"{_LOWER}|{_UPPER}|{_WITHIN}|{_NEAR}|보다", text):
        return found
    out = []
    for q in found:
        if q.kind not in ("date", "period") and _NEAR_WORD.match(text, q.end):  # "400만 명에 육박": nearly the figure
            q = replace(q, qualifiers=q.qualifiers | {"approximate"})
        m = None if q.kind in ("date", "period") or _BOUNDS & q.qualifiers else _WORD.match(text, q.end)
        if m is not None and m.group("within") and q.kind != "duration":
            m = None
        if m is not None and (m.group("above") or m.group("below")) and _THAN_FIGURE.match(text, m.end()):
            m = None  # "40%보다 높은 45%": the figure compared with, not a bound of what the clause measures
        if m is not None and not (m.group("lower") and _ONWARD.match(text, m.end())):
            lower = m.group("lower") or m.group("above")
            q = replace(q, qualifiers=q.qualifiers | {"lowerBound" if lower else "upperBound"})
        out.append(q)
    return out
