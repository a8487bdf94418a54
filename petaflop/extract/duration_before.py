"""A span a task used to take is the baseline a thing replaced, not the thing's own: "4-5시간 소요되던 업무를 30분 내로".

A span once believed ("1년 이상 벌어졌다고 여겨졌던 격차가 6개월 이내로") is the same: the earlier value.

A duration written as what something took before ("N시간 소요되던 …", "N일이 걸리던 …", "기존 N년에서 M년으로
단축") is the time of the old way the sentence compares against: read as the subject's own span it says the product
takes as long as the work it shortens. Such a prose figure keeps its value but gets the scope of an earlier value
(``earlier value``, as the first figure of "X에서 Y로" and a before | after table's "before" column,
:mod:`petaflop.extract.table_states`); the figure it was cut to ("30분 내로 단축") is the subject's own and is left
alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from petaflop.extract.facts import Extraction
from petaflop.extract.table_states import EARLIER
from petaflop.extract.values import find_quantities

__all__ = ["is_before_value", "settle_before_durations"]

#: the span then a past relative form of taking: "4-5시간 소요되던", "3일이 걸리던", "2주가 걸렸던"
_TOOK_BEFORE = re.compile(r"^\s?(?:이|가|나|씩)?\s?(?:소요되던|소요됐던|소요되었던|걸리던|걸렸던|들던|들었던)(?![가-힣])")
#: the span then a belief of before: "1년 이상 벌어졌다고 여겨졌던 격차가 6개월 이내로" (a gap once thought a year)
_THOUGHT_BEFORE = re.compile(r"^\s?(?:이상|가량|정도|이내|안팎|넘게)?\s?[가-힣]{0,8}(?:다고|라고)\s?(?:여겨졌던|여겨지던|"
                             r"생각됐던|생각되던|생각되었던|알려졌던|알려지던|평가됐던|평가되던|평가되었던|인식됐던)(?![가-힣])")
#: "기존 5~10년에서", "종전의 3시간에서": the old figure of a change, then the new one
_OLD_BEFORE = re.compile(r"(?:기존|종전|이전|과거)(?:의|에는|엔)?\s?(?:약\s?)?$")
_FROM_AFTER = re.compile(r"^\s?(?:이상|가량|정도)?\s?에서\s")


def is_before_value(line: str, value: object, unit: str) -> bool:
    """The duration of ``value`` (in ``unit``) in ``line`` is what something took before (see the module doc)."""
    for q in find_quantities(line):  # cached: a line is parsed once for all its figures
        if q.kind != "duration" or q.value != value or q.unit != unit:
            continue
        after, before = line[q.end:q.end + 40], line[max(0, q.start - 40):q.start]  # bounded: a line may be 1 MB
        if _TOOK_BEFORE.match(after) or _THOUGHT_BEFORE.match(after) or (_OLD_BEFORE.search(before) and _FROM_AFTER.match(after)):
            return True
    return False


def settle_before_durations(ex: Extraction, lines: list[str]) -> int:
    """Scope every prose duration that is what something took before ``earlier value``; returns how many it changed."""
    changed, seen = 0, {}
    for i, st in enumerate(ex.statements):
        if st.kind != "duration" or st.value is None or st.location.table_id or st.scope.startswith(EARLIER) \
                or not 0 < st.location.line_start <= len(lines):
            continue
        key = (st.location.line_start, st.location.line_end, st.value, st.unit)
        if key not in seen:  # one look per line and figure: a line may repeat one span many times
            seen[key] = is_before_value(" ".join(lines[st.location.line_start - 1:st.location.line_end]), st.value, st.unit)
        if seen[key]:
            ex.statements[i] = replace(st, scope=f"{EARLIER}, {st.scope}" if st.scope else EARLIER)
            changed += 1
    return changed
