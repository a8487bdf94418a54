"""A chip written as built on an architecture has that architecture (``hasArchitecture``):
"Blackwell 아키텍처 기반 B40", "블랙웰 기반 B200 GPU" (the architecture before "기반", the chip right
after it) and "H20도 Hopper 세대" (the chip, a particle, the architecture, "세대").

One rule, ``text:architecture-based``, so the precision gate judges the construction alone.
"""

from __future__ import annotations

import re
from itertools import pairwise

from petaflop.extract.facts import Location
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

RULE = "text:architecture-based"
# architecture → chip: "<arch> (아키텍처) 기반(의) <chip>"
_BASED = re.compile(r"['’”\"]?\s?(?:아키텍처|아키텍쳐)?\s?(?:를\s|을\s)?기반(?:의|으로\s한|한)?\s['‘“\"]?")
# chip → architecture: "<chip>도|은|는 <arch> 세대"
_GENERATION_GAP = re.compile(r"['’”\"]?\s?(?:도|은|는|이|가)\s['‘“\"]?")
_GENERATION_AFTER = re.compile(r"['’”\"]?\s?(?:아키텍처\s)?세대(?!\s?교체)")


def add_architectures(reader, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
    for a, b in pairwise(mentions):
        gap = s[a.end:b.start]
        if is_a(a.type, "ChipArchitecture") and is_a(b.type, "Chip") and _BASED.fullmatch(gap):
            reader._add_link(b, "hasArchitecture", a, RULE, loc, sources, s[a.start:b.end])
        elif is_a(a.type, "Chip") and is_a(b.type, "ChipArchitecture") and _GENERATION_GAP.fullmatch(gap) \
                and _GENERATION_AFTER.match(s, b.end):
            reader._add_link(a, "hasArchitecture", b, RULE, loc, sources, s[a.start:b.end + 3])
