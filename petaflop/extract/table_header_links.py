"""Row labels that name a link's object for the subject of the row ("OpenAI 때 직책/소속" over "공동창업자"):
when a label names a level of the subject's own make-up, the name is a part of the subject, not a thing
it links to. "온칩 SRAM | 256 MB": memory on the chip's own die is part of the chip — its size and
bandwidth are values of the chip (scope "on-chip SRAM"), not a memory technology the chip uses, as an
off-chip "LPDDR5" row is."""

from __future__ import annotations

import re

#: a memory level on the die itself: "온칩 SRAM", "PE 간 공유 온칩 SRAM", "on-chip SRAM", "on-die cache"
_ON_DIE = re.compile(r"온\s?칩|온\s?다이|[Oo]n[- ]?(?:[Cc]hip|[Dd]ie)")


def part_of_subject(header: str) -> bool:
    """True when the row label names a part of the row's own subject (its on-die memory), so the name in
    the label is no link's object."""
    return bool(_ON_DIE.search(header))
