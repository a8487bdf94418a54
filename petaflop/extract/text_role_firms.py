"""A firm named by the segment it is in, the segment written as its appositive: "신형 클라우드 업체인
CoreWeave", "AI 신약 개발 전문 기업인 X" — the copular sibling of "<segment>(A·B 등)" (text_owned's
segment members), judged with it under the same rule (``<prefix>:segment-members``); and the industries a
firm is in, listed before "등 … 산업에 … 침투" (``<prefix>:industry-list``).
"""

from __future__ import annotations

import itertools
import re

from petaflop.extract.facts import EntityRecord, Fact, Location
from petaflop.extract.resolve import created_id, is_a
from petaflop.extract.text_frames import Mention_

_FIRMS = ("Firm", "AILab")
# "<segment> [전문] [업체|기업]인 <firm>": the segment (a market) named as what the firm is
_SEGMENT_GAP = re.compile(r"\s?(?:전문\s?)?(?:업체|기업|회사|스타트업|사업자)?(?:들)?(?:인|이자)\s['‘“\"]?")


def segment_appositives(reader, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
    """"신형 클라우드 업체인 CoreWeave": the firm right after the segment's appositive is in the segment."""
    for seg, m in itertools.pairwise(mentions):
        if is_a(seg.type, "MarketSegment") and any(is_a(m.type, c) for c in _FIRMS) \
                and _SEGMENT_GAP.fullmatch(s[seg.end:m.start]):
            reader._add_link(m, "inSegment", seg, f"{reader.prefix}:segment-members", loc, sources,
                             s[seg.start:m.end])


#: "국가 안보, 제조업, 헬스케어 등 핵심 산업에 (이미 깊숙이) 침투": the industries listed before "등 … 산업", then
#: a verb of entering them — each a segment the firm is in
_INDUSTRY_LIST = re.compile(r"(?P<list>(?:[가-힣A-Za-z·]+(?:\s[가-힣A-Za-z·]+)?,\s){1,6}[가-힣A-Za-z·]+(?:\s[가-힣A-Za-z·]+)?)"
                            r"\s등\s(?:핵심|주요|다양한|여러)?\s?산업(?:\s?분야)?(?:에|으로|에서)\s"
                            r"(?:[가-힣]{1,4}\s){0,2}(?:침투|진출|진입|확장|확대|자리\s?잡)")
_MARKED_FIRM = re.compile(r"(?:은|는|이|가)\s")
#: a word ending in a particle ("이"/"가" end nouns too: "국가 안보" — a name before them is a mention)
_PARTICLE_WORD = re.compile(r"(?:은|는|을|를|의|에|도)$")


def industry_lists(reader, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                   sources: tuple[str, ...]) -> None:
    """"국가 안보, 제조업, 헬스케어 등 핵심 산업에 이미 깊숙이 침투": each industry listed is a segment (a node of
    its own, named by its words) the firm is in — the firm marked as the sentence's topic or subject before the
    list, else (a sentence naming no one) the one firm the sentence before names. Rule
    ``<prefix>:industry-list``."""
    hit = _INDUSTRY_LIST.search(s)
    if hit is None:
        return
    words = [w.strip() for w in hit.group("list").split(",")]
    first = words[0].split(" ")
    opening = hit.start("list")  # "팔란티어는 국방, …", "팔란티어가 국방, …": the list opens after the topic
    if len(first) == 2 and (_PARTICLE_WORD.search(first[0])
                            or any(opening <= m.start < opening + len(first[0]) for m in mentions)):
        words[0] = first[1]
    start = hit.start("list") + hit.group("list").index(words[0])
    if any(start <= m.start < hit.end() for m in mentions):
        return  # a listed name the gazetteer knows is no industry word
    firm = next((m for m in reversed(mentions) if m.end <= start and any(is_a(m.type, c) for c in _FIRMS)
                 and _MARKED_FIRM.match(s, m.end)), None)
    if firm is None and not mentions:
        named = {m.entity: m for m in reader._mentions(getattr(reader, "previous_sentence", ""))
                 if any(is_a(m.type, c) for c in _FIRMS)}
        firm = next(iter(named.values())) if len(named) == 1 else None
    if firm is None:
        return
    for word in words:
        node = "industry-" + created_id(word)
        reader.ex.add_entity(EntityRecord(node, ("MarketSegment",), "", word, (word,), "table"))  # a created node
        reader.ex.add(Fact(firm.entity, "inSegment", node, True, loc, f"{reader.prefix}:industry-list", sources,
                           raw=hit.group(0)[:60]))
