"""Figures in prose that state no value: a label of what follows, a figure defined in a parenthesis,
a number that is part of a name ("Ascend 910", "Grok 1", "6000D")."""

from __future__ import annotations

import re

from ingest.quantities import Quantity
from petaflop.extract.text_frames import Mention_

#: "Ascend 910", "Grok 1", "Phase 2", "RTX PRO 6000D": a bare number glued to a Latin name is part of it
_NAME_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9.+]*[\s-]?$")
_NAME_AFTER = re.compile(r"^[A-Za-z0-9]")


def not_a_value(s: str, q: Quantity) -> bool:
    """"(0-32K: 1달러; …)": a figure labelling what follows; "(100%는 모든 유희시간 활용)": a figure
    defined in a parenthesis — neither states a value."""
    if re.match(r"(?:\s?[가-힣A-Za-z]{1,8}){0,2}\s?:(?:\s|$)", s[q.end:]):  # "최대 8개 GPU: …" labels a line
        return True
    if q.kind == "duration" and (q.raw.endswith("분기") or s[q.end:q.end + 1] == "기"):  # "1분기": a quarter
        return True
    return s.count("(", 0, q.start) > s.count(")", 0, q.start) and bool(re.match(r"[은는]\s", s[q.end:]))


def part_of_name(s: str, q: Quantity, mentions: list[Mention_]) -> bool:
    """A figure that is (part of) a name: inside an entity's mention, or a unitless number right
    after a Latin word ("Ascend 910", "Grok 1") or running into letters ("6000D", "235B-A22B")."""
    if any(m.start <= q.start < m.end or q.start <= m.start < q.end for m in mentions):
        return True
    if q.kind != "number":
        return False
    return bool(_NAME_BEFORE.search(s[:q.start]) or _NAME_AFTER.match(s[q.end:]) or s[q.end:q.end + 1] == "-")
