"""Adoption: "NATO는 팔란티어의 최첨단 AI 시스템인 “MSS”를 채택", "A가 B의 플랫폼을 도입": the
organisation marked as the clause's topic or subject that adopts (채택, 도입, 구매) a thing marked as a
product of a firm (the firm in the genitive before it) is that firm's customer. One family with the
customer lists and provisions (rule ``text:customer``): each names who buys from whom.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from petaflop.extract.facts import Location
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_, clause_starts_of

_FIRMS = ("Firm", "AILab")
_BUYERS = ("Organization", "Alliance")  # an agency, a hospital, a firm, a treaty alliance
#: the object marker of the adopted thing, at most two words, then the verb of adoption (not a plan or wish)
_ADOPTED = re.compile(r"['’”\")]?\s?(?:을|를)\s(?:[가-힣]{1,6}\s){0,2}?(?:채택|도입|구매|구입)(?:하|했|한|해|함|\b|\s|,|\.)"
                      r"(?![가-힣]{0,3}\s?(?:예정|계획|검토|목표|고려|추진))")
#: what may stand between the firm's genitive and the thing: a few words of description ("최첨단 AI 시스템인")
_DESCRIPTION = re.compile(r"의\s(?:[가-힣A-Za-z0-9·\-]{1,10}\s){0,4}?(?:[가-힣A-Za-z0-9·\-]{0,10}(?:인|이자)\s?)?[“\"'‘]?")

Link = Callable[[Mention_, str, Mention_, str, Location, tuple[str, ...], str], None]


def adoptions(s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...], link: Link,
              prefix: str) -> None:
    """Link each adopter to the firm whose product it adopts (see the module)."""
    starts = clause_starts_of(s)
    for i, firm in enumerate(mentions):
        if firm.role != "genitive" or not any(is_a(firm.type, c) for c in _FIRMS):
            continue
        desc = _DESCRIPTION.match(s, firm.end)
        if desc is None:
            continue
        # the thing: the next mention when only a description stands before it, else the words up to the marker
        thing = mentions[i + 1] if i + 1 < len(mentions) else None
        at = thing.end if thing is not None and _DESCRIPTION.fullmatch(s, firm.end, thing.start) else desc.end()
        hit = _ADOPTED.search(s, at, min(len(s), at + 30))
        if hit is None or re.search(r"[,.;]|\s[가-힣]+(?:는|은|가|이)\s", s[at:hit.start()]):
            continue
        c0 = max(x for x in starts if x <= firm.start)
        adopters = [m for m in mentions[:i] if m.start >= c0 and m.role in ("topic", "subject")
                    and any(is_a(m.type, c) for c in _BUYERS) and not is_a(m.type, "Country")]
        if len({m.entity for m in adopters}) != 1:
            continue
        link(adopters[0], "customerOf", firm, f"{prefix}:customer", loc, sources, s[adopters[0].start:hit.end()])
