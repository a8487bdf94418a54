"""A firm named by the segment it is in, the segment written as its appositive: "신형 클라우드 업체인
CoreWeave", "AI 신약 개발 전문 기업인 X" — the copular sibling of "<segment>(A·B 등)" (text_owned's
segment members), judged with it under the same rule (``<prefix>:segment-members``).
"""

from __future__ import annotations

import itertools
import re

from petaflop.extract.facts import Location
from petaflop.extract.resolve import is_a
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
