"""An investment told by a relative clause: "엔비디아가 투자한 신형 클라우드 업체 X" — the organisation marked as the
subject (or topic) right before "투자한" invested in the one the clause describes, named after at most three
bare words of its kind. The same Investment node and rules as "A는 B에 투자" (``text:investment``, its link
``text:investment:link``): one verb, its two arguments marked by case — the investee by the relative clause.

Not when another agent is marked between the investor and the verb ("A가 B에 투자한 …": B is the investee,
read by the marked frame), nor when a word with a particle stands between the verb and the name
("A가 투자한 데이터센터에 B가 입주": B is no investee), nor without a named investor.
"""

from __future__ import annotations

import re

from petaflop.extract.facts import Location
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_, clause_starts_of

_RELATIVE = re.compile(r"투자한(?=\s)")
#: between the investor and the verb: its particle, then at most two words with no particle of their own
_INVESTOR_GAP = re.compile(r"['’”\")]?\s?(?:이|가|은|는)\s(?:[^\s,.]*[^\s,.은는이가을를에의와과도로]\s){0,2}")
#: between the verb and the investee: at most three bare words naming its kind ("신형 클라우드 업체")
_KIND_WORDS = re.compile(r"\s(?:[가-힣A-Za-z]{0,7}[가-힣A-Za-z](?<![은는이가을를에의와과도로])\s){0,3}['‘“\"]?")


def relative_investments(reader, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
    """Add the investment of each relative clause (see the module) through the reader's ``_investment``."""
    starts = clause_starts_of(s)
    for verb in _RELATIVE.finditer(s):
        c0 = max(x for x in starts if x <= verb.start())
        before = [m for m in mentions if c0 <= m.start and m.end <= verb.start()]
        investor = before[-1] if before else None
        if investor is None or investor.role not in ("subject", "topic") or not is_a(investor.type, "Agent") \
                or not _INVESTOR_GAP.fullmatch(s, investor.end, verb.start()):
            continue
        # (a segment named among the kind words is one of them: "신형 클라우드 업체")
        investee = next((m for m in mentions if m.start >= verb.end() and not is_a(m.type, "MarketSegment")), None)
        if investee is None or not is_a(investee.type, "Agent") or is_a(investee.type, "Place") \
                or investee.entity == investor.entity or not _KIND_WORDS.fullmatch(s, verb.end(), investee.start):
            continue
        reader._investment(s, investor, investee, [], [], c0, verb, loc, sources)
