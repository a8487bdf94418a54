"""Partners paired without a verb under a partner heading: "설계 파트너 = … 구글·OpenAI는 브로드컴(…), 메타는
미디어텍 등".

After a heading that names partners ("<kind> 파트너 …" in the sentence before, or before the pairs in the
same sentence), each clause "<A>(·<B>…)는 <C>" — the firms marked as the topic, then a bare firm with no
particle of its own (an aside in brackets and a closing "등" allowed) — says each topic firm partners with
C (rule ``text:partner:pairs``). A pair with a verb or a particle on C ("A는 C와 …", "A는 C를 …") is another
construction, read elsewhere; a topic not a firm, or C listed with others ("A는 C, D 등과"), makes no pair.
"""
from __future__ import annotations

import re
from typing import Any

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a

RULE = "text:partner:pairs"
_FIRMS = ("Firm", "AILab")
# the heading: a partner noun (not "파트너십", a partnership, whose parties are read elsewhere)
_HEAD = re.compile(r"파트너(?:사|社)?(?:들)?(?!십)")
_SEP = re.compile(r"\s?[·/,]\s?|\s?(?:와|과)\s")
# after the partner: an aside, then the next pair (", "), "등", or the end of the clause
_PARTNER_END = re.compile(r"\s?(?:\([^)]{0,40}\))?\s?(?:,\s|\s?등(?:\s|으로|이|$)|\s?[.;]|$)")


def _firm(m: Any) -> bool:
    return any(is_a(m.type, c) for c in _FIRMS)


def partner_pairs(ex: Any, s: str, mentions: list[Any], before: str, loc: Location, sources: tuple[str, ...]) -> int:
    made = 0
    for i, m in enumerate(mentions[:-1]):
        if m.role != "topic" or not _firm(m):
            continue
        partner = mentions[i + 1]
        if not re.fullmatch(r"['’”\"]?\s?(?:은|는)\s", s[m.end:partner.start]) or partner.role or not _firm(partner):
            continue
        if not _PARTNER_END.match(s, partner.end) or not (_HEAD.search(before) or _HEAD.search(s[:m.start])):
            continue
        if re.match(r"\s?(?:\([^)]{0,40}\))?\s?,\s", s[partner.end:]) and i + 2 < len(mentions) \
                and mentions[i + 2].role != "topic" and re.fullmatch(
                    r"\s?(?:\([^)]{0,40}\))?\s?,\s", s[partner.end:mentions[i + 2].start]):
            continue  # "A는 C, D 등": C listed with another, not paired alone
        topics = [m]
        for x in reversed(mentions[:i]):  # "구글·OpenAI·xAI는": the firms listed with the topic
            if not _SEP.fullmatch(s[x.end:topics[0].start]) or not _firm(x) or x.role \
                    or re.search(r"(?:은|는)\s$", s[:x.start]):  # (the partner of the pair before)
                break
            topics.insert(0, x)
        for t in topics:
            if t.entity != partner.entity:
                ex.add(Fact(t.entity, "partnerOf", partner.entity, True, loc, RULE, sources,
                            raw=s[topics[0].start:partner.end][:60]))
                made += 1
    return made
