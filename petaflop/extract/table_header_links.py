"""Row labels that name a link's object for the subject of the row ("OpenAI 때 직책/소속" over "공동창업자"):
when a label names a level of the subject's own make-up, the name is a part of the subject, not a thing
it links to. "온칩 SRAM | 256 MB": memory on the chip's own die is part of the chip — its size and
bandwidth are values of the chip (scope "on-chip SRAM"), not a memory technology the chip uses, as an
off-chip "LPDDR5" row is."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from petaflop.extract.gazetteer import Gazetteer, Mention

#: a memory level on the die itself: "온칩 SRAM", "PE 간 공유 온칩 SRAM", "on-chip SRAM", "on-die cache"
_ON_DIE = re.compile(r"온\s?칩|온\s?다이|[Oo]n[- ]?(?:[Cc]hip|[Dd]ie)")


def part_of_subject(header: str) -> bool:
    """True when the row label names a part of the row's own subject (its on-die memory), so the name in
    the label is no link's object."""
    return bool(_ON_DIE.search(header))


def cell_mentions(gaz: Gazetteer, text: str, subject: str) -> list[Mention]:
    """The names in a cell about the row's ``subject``; a short alias that needs its context ("M2" in
    "애플 Vision Pro | M2 + R1") also finds it in the row's subject name, as a reader does. Mentions the
    cell alone settles are kept as they are; the subject's name only adds names where the cell has none."""
    found = gaz.find_mentions(text)
    entity = gaz.by_id(subject)
    if entity is None:
        return found
    prefix = f"{entity.name_en} | "
    shift = len(prefix)
    added = [replace(m, start=m.start - shift, end=m.end - shift) for m in gaz.find_mentions(prefix + text)
             if m.start >= shift and not any(m.start - shift < f.end and f.start < m.end - shift for f in found)]
    return sorted(found + added, key=lambda m: m.start)
