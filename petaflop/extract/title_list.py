"""A title after a coordinated list of organisations: "가나다랩스 및 라마바 AI 창립자 홍길동", "A·B CEO X": the
person holds the title at every organisation of the list, not only at the one written next to it. The list
is the organisations joined right before that one by "및" or a middle dot, nothing else between (a comma or
"와/과" may as well join the clause's other nouns); one named as former ("前 A·B 연구원") ends it. The
title frame (text_frames.py) links each one as it links the nearest (same rule)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from petaflop.extract.text_frames import Mention_

_AND = re.compile(r"\s?(?:및|·)\s?")
_FORMER = re.compile(r"(?:前|전|전직|former|Former)\s?$")


def orgs_before(s: str, mentions: list[Mention_], org: Mention_) -> list[Mention_]:
    """The organisations coordinated right before ``org`` (nearest first)."""
    out: list[Mention_] = []
    i = next(k for k, m in enumerate(mentions) if m is org)
    nxt = org
    for m in reversed(mentions[:i]):
        if not _AND.fullmatch(s[m.end:nxt.start]) or not is_a(m.type, "Organization") or m.role not in ("", "with"):
            break
        if _FORMER.search(s[max(0, m.start - 4):m.start]):
            return []  # "前 A·B 연구원": the list is of former employers
        out.append(m)
        nxt = m
    return out
