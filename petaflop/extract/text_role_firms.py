"""A firm named by its role towards another firm — the role-noun appositive, one construction:
"Scale AI의 경쟁사인 Surge나 Mercor", "구글은 경쟁사인 Anthropic에도", "경쟁사(AMD, 화웨이 등)가",
"화웨이의 파운드리 파트너 = SMIC", "OpenAI의 최대 파트너인 Microsoft"; and a segment as the role, "신형
클라우드 업체인 CoreWeave" (the firm is in the segment).

The role noun (경쟁사, 경쟁자, 라이벌 → ``competesWith``; 파트너, 파트너사 → ``partnerOf``) is followed by
the named firms (an appositive "인", a list in parentheses, or "= B"). The owner of the role is the firm
in the genitive right before the noun ("A의 [a word or two] 경쟁사"), else the one firm the clause marks
as its topic or subject, else the sentence's firm topic. One rule id for the construction
(``text:role-appositive``) so the gate judges its phrasings together.
"""

from __future__ import annotations

import itertools
import re

from petaflop.extract.facts import Location
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_
from petaflop.extract.text_links import _the_firm

RULE = "text:role-appositive"
_FIRMS = ("Firm", "AILab")
# the role noun, with a word or two before it ("최대", "핵심 인프라", "파운드리", "직접적인 로보택시")
_ROLE = re.compile(r"(?:경쟁사|경쟁\s?업체|경쟁자|라이벌|파트너사|파트너)(?:들)?")
_PROPS = (("경쟁", "competesWith"), ("라이벌", "competesWith"), ("파트너", "partnerOf"))
# what follows the noun: an appositive copula, a parenthesis or an equals sign
_AFTER = re.compile(r"(인|이자|\s?\(|\s?=)\s?['‘“\"]?\s?")
# the words between (one or two, none marked as a clause's topic, subject or object: "최대", "파운드리")
_GENITIVE_GAP = re.compile(r"['’”\"]?\s?의\s(?:[^\s.,;()]{0,9}[^\s.,;()가이은는을를에도]\s){0,2}$")
# "<segment> [업체|기업]인 <firm>": the segment (a market) named as what the firm is
_SEGMENT_GAP = re.compile(r"\s?(?:업체|기업|회사|스타트업|사업자)?(?:들)?(?:인|이자)\s['‘“\"]?")
_SEP = re.compile(r"\s?(?:,|·|/|및|와|과|나|이나|,\s?그리고)\s?")


def _firm(m: Mention_) -> bool:
    return any(is_a(m.type, c) for c in _FIRMS)


def _named(s: str, mentions: list[Mention_], start: int, paren: bool) -> list[Mention_]:
    """The firms listed from ``start``: inside the parenthesis (all, up to an optional "등"), else the
    first firm and those joined to it by separators."""
    after = [m for m in mentions if m.start >= start]
    if not after or after[0].start != start:
        return []
    stop = s.find(")", start) if paren else len(s)
    if paren and stop < 0:
        return []
    listed = [after[0]]
    for a, b in itertools.pairwise(after):
        if b.end > stop or not _SEP.fullmatch(s[a.end:b.start]):
            break
        listed.append(b)
    if paren and s[listed[-1].end:stop].strip() not in ("", "등"):
        return []
    return listed if all(_firm(m) for m in listed) else []


def _owner(s: str, mentions: list[Mention_], noun_start: int, listed: list[Mention_],
           topic: Mention_ | None) -> Mention_ | None:
    """The genitive firm right before the noun, alone (not the last of a list: "A, B의 파트너들"); else
    the clause's or sentence's firm."""
    gen = _GENITIVE_GAP.search(s[:noun_start])
    if gen is not None:
        own = next((m for m in mentions if m.end == gen.start()), None)
        before = [m for m in mentions if own is not None and m.end <= own.start]
        if own is None or not _firm(own) or (before and _SEP.fullmatch(s[before[-1].end:own.start])):
            return None  # the genitive of no named firm, or the last of a list ("A, B의 파트너들")
        return own
    firm, _how = _the_firm(mentions, listed, topic)
    if firm is not None and firm.start > 0:
        held = _GENITIVE_GAP.search(s[:firm.start])
        if held is not None and any(m.end == held.start() and _firm(m) for m in mentions):
            return None  # "B의 자회사 C가 … 경쟁사인 D": a rival of C's or of B's?
    return firm


def role_appositives(reader, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                     sources: tuple[str, ...]) -> None:
    """Read the role-noun appositives of one sentence (``reader._add_link`` adds the facts)."""
    segment_appositives(reader, s, mentions, loc, sources)
    for w in _ROLE.finditer(s):
        if w.start() > 0 and re.match(r"[가-힣]", s[w.start() - 1]):
            continue  # inside a longer word ("비경쟁사")
        after = _AFTER.match(s, w.end())
        if after is None:
            continue
        listed = _named(s, mentions, after.end(), "(" in after.group(1))
        if not listed:
            continue
        owner = _owner(s, mentions, w.start(), listed, topic)
        if owner is None or owner in listed:
            continue
        prop = next(p for k, p in _PROPS if k in w.group(0))
        for m in listed:
            reader._add_link(owner, prop, m, RULE, loc, sources, s[max(0, w.start() - 20):m.end])


def segment_appositives(reader, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
    """"신형 클라우드 업체인 CoreWeave": the firm right after the segment's appositive is in the segment."""
    for seg, m in itertools.pairwise(mentions):
        if is_a(seg.type, "MarketSegment") and _firm(m) and _SEGMENT_GAP.fullmatch(s[seg.end:m.start]):
            reader._add_link(m, "inSegment", seg, RULE, loc, sources, s[seg.start:m.end])
