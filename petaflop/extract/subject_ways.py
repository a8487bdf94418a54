"""One rule id per construction, whatever way its subject was found inside the sentence.

A prose rule finds the subject of its figure in one of several ways: the clause marks it (``A는``,
``A가``: "clause-topic"), it owns the measure that carries the particle (``A의 매출은``:
"measure-owner"), or a table cell's row names it ("row"). These ways name the subject in the words
the figure belongs to, so they are one construction for the gate (as ``text:rank:named`` already is);
a subject inherited from an earlier sentence, block, slide or chapter keeps its own id, because
its precision differs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

#: the ways of finding a subject that name it in the figure's own clause or row
NAMED_WAYS = frozenset({"clause-topic", "measure-owner", "row"})


def construction_rule(prefix: str, family: str, how: str, named: frozenset[str] = NAMED_WAYS) -> str:
    """``text:<family>:named`` for a subject named in the clause or row, else ``<prefix>:<family>:<how>``."""
    return f"text:{family}:named" if how in named else f"{prefix}:{family}:{how}"


#: a clause opening with its subject, a bare measure word ("2030년 수요는", "매출은"): no owner of its own
_BARE_MEASURE = re.compile(r"\s*(?:(?:19|20)\d{2}년\s?|올해\s|내년\s|작년\s)?([가-힣A-Za-z]{1,8})(?:은|는|이|가)\s")


def earlier_measure_owner(s: str, c0: int, q_start: int, earlier: Callable[[], list]) -> Any:
    """"A의 전력 수요는 …, 2030년 수요는 2024년 대비 147% 증가": a clause whose subject is the bare measure
    word an earlier clause of the sentence gave an owner (``A의 … 수요는``) is about that owner. Returns the
    owner's mention (a way of the "measure-owner" kind), else None. ``earlier()`` gives the mentions
    before the clause (with their roles); it is called only when the clause opens with a bare measure."""
    m = _BARE_MEASURE.match(s, c0)
    if not m or m.end() > q_start:
        return None
    tail = re.compile(r"(?:의)?\s?(?:[가-힣A-Za-z]{1,8}\s)?" + re.escape(m.group(1)) + r"(?:은|는|이|가)\s")
    owners = [e for e in earlier() if e.role in ("genitive", "") and tail.match(s, e.end)]
    return owners[-1] if owners else None


def marks_another(named: list, topic: Any, q_start: int) -> bool:
    """"A는 B가 … 포기하고, 대신 … 33%를 제안": between the sentence's topic and the figure another subject is
    marked (``B가``, ``B는``) — the figure may be that one's, so the topic is not simply carried on."""
    return any(m.entity != topic.entity and m.role in ("topic", "subject") and topic.end <= m.start
               and m.end <= q_start for m in named)


def clause_way(measure: str, how: str) -> str:
    """The sentence's own topic, marked in an earlier clause ("A는 … 돌파했고 … 사용자는 4억 명"), states a plain
    figure (``value``) as the clause's own marked subject does: one construction for the gate (as for spans
    and counted items)."""
    return "clause-topic" if measure == "value" and how == "sentence-topic" else how
