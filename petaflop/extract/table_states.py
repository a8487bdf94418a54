"""A table of one entity before and after a change: "구분 | 기존 방식 (Before) | AI 도입 후 변화 (After)"
with rows "인력 규모 | 직원 약 45,000명 | 약 40,000명으로 감축", the entity named by the caption or the
slide title. The layout is that of a table over periods (period_rows.py): each row's label names the
measure, each column a state in time (before, after) the header names without a date; the cells are read
by the same reading (rule ids end with ``:period-rows``), undated. The figures of the "before" column are the
entity's earlier values (scope "earlier value", as the first figure of "X에서 Y로"): "45,000명 | 40,000명으로
감축" is a history of one measure, not two values of it that conflict (:func:`mark_earlier`)."""

from __future__ import annotations

import re
from dataclasses import replace

from petaflop.extract.facts import Statement

#: a column headed by the state before the change ("기존 방식 (Before)", "도입 전", "As-is")
_BEFORE = re.compile(r"\((?:Before|before|As-[Ii]s)\)|^(?:기존|종전|도입\s?전|변경\s?전|Before|As-[Ii]s)(?:\s|$)")
#: a column headed by the state after it ("AI 도입 후 변화 (After)", "도입 후", "To-be")
_AFTER = re.compile(r"\((?:After|after|To-[Bb]e)\)|^(?:[A-Za-z가-힣]{0,4}\s?도입\s?후|변경\s?후|After|To-[Bb]e)(?:\s|$)")
#: the header of a column of row labels
_LABEL_HEADER = re.compile(r"^(항목|지표|구분|Item|item|Metric|metric)$")


def state_columns(labels: list[str]) -> bool:
    """Whether the first column holds labels and the others are one "before" and one "after" column."""
    heads = [t.strip() for t in labels]
    if len(heads) != 3 or not _LABEL_HEADER.match(heads[0]):
        return False
    return bool(_BEFORE.search(heads[1])) and bool(_AFTER.search(heads[2])) and not _AFTER.search(heads[1])


#: the scope of a value the entity had before (as the first figure of "X에서 Y로": text_reader.EARLIER)
EARLIER = "earlier value"


def mark_earlier(statements: list[Statement], first: int) -> None:
    """Give the statements from index ``first`` on (read from a "before" column) the scope of an earlier value,
    unless they have a scope of their own."""
    for i in range(first, len(statements)):
        if not statements[i].scope:
            statements[i] = replace(statements[i], scope=EARLIER)
