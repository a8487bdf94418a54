"""A span of time a piece of work took, when the sentence also gives the amount of work: "AI는 한 달 분량의 X
데이터를 단 7분 만에 분석", "10년 치 기록을 3일 만에 정리".

Such a span is a rate (a month's worth of data in seven minutes), not a span of the data's source or of whoever
the sentence is about: without the amount, "X duration 7 minutes" reads as X's own analysis time. So, after
every reader, a prose duration whose clause gives an amount of work before it ("<N 단위> 분량의 / 치 <work>를")
keeps the amount in its scope ("한 달 분량의 X 데이터"), and stays a fact only when its subject is the doer the
clause marks ("A는 …": rule way ``clause-topic``) and is not named in the work (the data's source); otherwise —
the subject carried from a caption or a row, or the thing worked on — it is kept a claim (rule marked unsure).
A duration that is itself the amount ("1개월 분량의 데이터") is no span at all: a claim too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from petaflop.extract.facts import Extraction, Statement
from petaflop.extract.gate import unsure
from petaflop.extract.values import find_quantities

__all__ = ["settle_work_amounts", "work_before"]

_UNIT = r"(?:개월|년|달|주일|주|일|시간|분|초)"
_HOW_MANY = r"(?:\d[\d.,]*|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|몇|수|수십|수백|수천)"
#: an amount of work in the time it stands for, then the work: "한 달 분량의 X 데이터를", "10년치 기록을"
_WORK = re.compile(rf"(?:(?<![\d.,가-힣]){_HOW_MANY}\s?{_UNIT}|하루|이틀|반나절)\s?(?:분량|치)\s?(?:의\s?)?"
                   r"(?P<what>[^\s,.;]+(?:\s[^\s,.;]+){0,2}?)(?:을|를)(?=\s)")
#: a figure that is itself such an amount: "1개월 분량의", "10년 치"
_IS_AMOUNT = re.compile(r"\s?(?:분량|치)(?=의|\s|$|[,.)])")
#: the end of a clause before the span
_CLAUSE_END = re.compile(r"[.;](?:\s|$)|\t")
#: the way of a subject that is the doer the span's clause marks
_DOER_WAY = ":clause-topic"


def work_before(text: str, value: object, unit: str) -> tuple[str, bool] | None:
    """For the duration ``value`` ``unit`` in ``text``: (the amount of work its clause gives before it, whether the
    figure is itself that amount); None when there is no such amount."""
    for q in find_quantities(text):
        if q.kind != "duration" or q.value != value or q.unit != unit:
            continue
        if _IS_AMOUNT.match(text, q.end):
            return text[q.start:q.end + 8].strip(), True
        start = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, q.start - 80), q.start)), default=max(0, q.start - 80))
        found = list(_WORK.finditer(text, start, q.start))
        if found:
            work = found[-1]
            return text[work.start():work.end("what")], False
    return None


def _named_in(ex: Extraction, entity: str, text: str) -> bool:
    rec = ex.entities.get(entity)
    names = (rec.name_en, rec.name_ko, *rec.aliases) if rec else ()
    return any(len(n) >= 2 and n in text for n in names)


def _settled(ex: Extraction, st: Statement, lines: list[str], seen: dict) -> Statement:
    key = (st.location.line_start, st.location.line_end, st.value, st.unit)
    if key not in seen:  # one look per line and figure: a line may repeat one span many times
        seen[key] = work_before(" ".join(lines[st.location.line_start - 1:st.location.line_end]), st.value, st.unit)
    found = seen[key]
    if found is None:
        return st
    work, is_amount = found
    doer = st.rule.endswith(_DOER_WAY) and not is_amount and not _named_in(ex, st.subject, work)
    scope = st.scope if is_amount else f"{st.scope}, {work}" if st.scope else work
    return replace(st, scope=scope[:80], rule=st.rule if doer else unsure(st.rule))


def settle_work_amounts(ex: Extraction, lines: list[str]) -> None:
    """Scope every prose duration by the amount of work its clause gives, and keep it a claim unless its subject
    is the clause's doer (see the module)."""
    seen: dict = {}
    ex.statements = [_settled(ex, st, lines, seen) if st.kind == "duration" and st.value is not None
                     and not st.location.table_id and 0 < st.location.line_start <= len(lines) else st
                     for st in ex.statements]
