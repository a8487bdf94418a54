"""A release's later milestone: the words of a dated release that name a step after a thing first came
out — its open-source release ("Grok-1 오픈소스 출시"), its general availability ("정식 출시"), its mass
production or volume ramp-up ("양산", "대량 생산", "램프업"), its first samples ("첫 샘플"), its supply
("공급 일정"). Such a date is a release of the thing in that scope only: the statement carries the
milestone as its ``scope`` (so the first release, unscoped, wins the rank: statements.py ranks unscoped
statements only). Read by the prose event frames (text_frames.py) and by a table's date column mapped to a
release (tables.py), on the words between the name and its verb, or on the cell and its header."""

from __future__ import annotations

import re

__all__ = ["milestone_scope"]

#: (words, scope) in order: the first that the words name
_MILESTONES = (
    (re.compile(r"오픈\s?소스|오픈\s?웨이트|[Oo]pen[- ]?(?:[Ss]ource|[Ww]eights?)"), "open-source release"),
    (re.compile(r"정식"), "general availability"),
    (re.compile(r"양산|대량\s?생산|[Mm]ass[- ]production"), "mass production"),
    (re.compile(r"램프\s?업|[Rr]amp[- ]?up"), "volume ramp-up"),
    (re.compile(r"샘플|[Ss]ampl"), "samples"),
    (re.compile(r"공급|[Ss]upply"), "supply"),
)


def milestone_scope(*texts: str) -> str:
    """The later milestone the first of ``texts`` to name one names (a scope), or "" — a plain release."""
    for text in texts:
        for rx, scope in _MILESTONES:
            if rx.search(text or ""):
                return scope
    return ""
