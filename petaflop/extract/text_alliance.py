"""Members of an alliance written beside its name: the pair joined before the alliance's genitive
("미국과 중동의 페타플롭스 동맹": both are its members) — the construction of an alliance written as
its members joined ("화웨이+SMIC 연합전선", read by the text links), with particles for the joints,
so the same rule ``text:named-members:memberOf`` — or the clause's topic described as the alliance's
member ("xAI는 머스크 킹덤의 '제후국'", rule ``text:alliance-members:member-noun``).

A pair is needed before the genitive: one name alone ("중국의 동맹") may be the alliance's rival or
target, not a member. Only agents are members (a region in the pair is not linked).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

PAIR_RULE = "text:named-members:memberOf"
NOUN_RULE = "text:alliance-members:member-noun"
#: "A와 B의 <alliance>": the pair joined by 와/과 (or a comma), a genitive, then the alliance
_PAIR_SEP = re.compile(r"\s?(?:와|과|,)\s?")
_GENITIVE = re.compile(r"\s?의\s?['‘“\"]?")
#: "<X>는 <alliance>의 '제후국'": a noun naming a member of the alliance
_MEMBER_NOUN = re.compile(r"\s?의\s?['‘“\"]?\s?(?:제후국|일원|회원국|회원사|회원|멤버|구성원|가맹국)")
_MEMBER_TYPES = ("Organization", "Country", "Region")


def _member_like(m: Mention_) -> bool:
    return any(is_a(m.type, c) for c in _MEMBER_TYPES) and not is_a(m.type, "Alliance")


def alliance_members(s: str, mentions: list[Mention_]) -> list[tuple[Mention_, Mention_, str, str]]:
    """(member, alliance, raw text, rule) for each member an alliance's genitive names in sentence ``s``."""
    out: list[tuple[Mention_, Mention_, str, str]] = []
    for i, m in enumerate(mentions):
        if not is_a(m.type, "Alliance"):
            continue
        before = mentions[:i]
        if len(before) >= 2:
            a, b = before[-2], before[-1]
            if (_member_like(a) and _member_like(b) and a.entity != b.entity
                    and _PAIR_SEP.fullmatch(s[a.end:b.start]) and _GENITIVE.fullmatch(s[b.end:m.start])):
                out += [(x, m, s[a.start:m.end], PAIR_RULE) for x in (a, b) if is_a(x.type, "Agent")]
                continue
        noun = _MEMBER_NOUN.match(s, m.end)
        if noun is None:
            continue
        marked = [x for x in before if x.role in ("topic", "subject") and _member_like(x)
                  and not re.search(r"[.;]", s[x.end:m.start])]
        if len({x.entity for x in marked}) == 1:
            out.append((marked[0], m, s[marked[0].start:noun.end()], NOUN_RULE))
    return out


def add_alliance_members(s: str, mentions: list[Mention_], link: Callable[..., None], loc, sources) -> None:
    """Link each member found by :func:`alliance_members` (``memberOf``) through the reader's ``link``."""
    for member, alliance, raw, rule in alliance_members(s, mentions):
        link(member, "memberOf", alliance, rule, loc, sources, raw)
