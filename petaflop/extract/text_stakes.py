"""Whose equity a stake read in prose is (``equityStake`` with the investee as its item).

A stake is always a stake *in* a company; "가나는 … 1/3 미만의 소수 지분만 보유" says nothing of which one,
and without it the statement reads as a stake in the holder itself. The company is taken, in this order:

- the table row the stake is read in, when its entity is not the holder ("알리바바(지분율 36%)" in the
  row of the firm it invested in);
- the firm named right before "(의) 지분" in the stake's own clause ("가나의 지분 49%");
- the one firm the holder is said to invest in earlier in the same paragraph (the investment read by
  ``text:investment``: "가나의 다라 투자 금액은 …. 그럼에도 가나는 … 소수 지분만 보유").

Failing all three, the stake stays a claim (its rule marked unsure: never asserted).
"""

from __future__ import annotations

import re

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.gate import unsure
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

#: "가나의 지분", "가나 지분율": the firm whose equity the stake is of, right before the stake word
_STAKE_OF = re.compile(r"['’”\"]?\s?(?:의\s?)?(?:소수\s?)?지분")


def held_stake(ex: Extraction, s: str, c0: int, at: int, mentions: list[Mention_], holder: Mention_,
               topic: Mention_ | None, loc: Location) -> tuple[Mention_ | None, str]:
    """The row whose firm the stake is in (as the item mention), else the investee's id ('' when none is said)."""
    if topic is not None and topic.role == "row" and holder.entity != topic.entity:
        return topic, ""  # "알리바바(지분율 36%)" in Moonshot's investor row: a stake in Moonshot
    named = [m for m in mentions if c0 <= m.start and m.end <= at and m.entity != holder.entity
             and is_a(m.type, "Organization") and _STAKE_OF.match(s, m.end)]
    if named:
        return named[-1], ""
    invested = {str(f.obj) for f in ex.facts if f.predicate == "investsIn" and f.subject == holder.entity
                and f.obj_is_entity and f.location.line_start == loc.line_start}
    return None, invested.pop() if len(invested) == 1 else ""


def stake_rule(rule: str, kind: str, item: Mention_ | None, investee: str) -> str:
    """A stake in no named company stays a claim (see the module)."""
    return unsure(rule) if kind == "equityStake" and item is None and not investee else rule
