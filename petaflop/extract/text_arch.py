"""A chip's architecture named with the chip: "Blackwell 아키텍처 기반 B40", "블랙웰 기반 B200 GPU",
"Blackwell 칩(B200)", "Blackwell (B200)의 진화", and the chip first: "H20도 Hopper 세대", "B200(Blackwell
기반)". An architecture written right before a chip in parentheses or as the chip's base ("기반"), or
a chip said to be of an architecture's generation or base, is the chip's architecture
(``hasArchitecture``). A comparison ("대비", "보다") after the pair says the two are set apart, not
that one is the other's. One rule, ``<prefix>:architecture-of``, in prose and in table cells."""

from __future__ import annotations

import itertools
import re

from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_
from petaflop.extract.text_variant import variant_of

_CHIPS = ("Chip", "System")
#: architecture then chip: "<arch> [아키텍처|칩|GPU] 기반[의] <chip>" or "<arch> [칩|GPU] (<chip>"
_ARCH_FIRST = re.compile(r"['’”\"]?\s?(?:아키텍처|칩|GPU)?\s?(?:(?P<base>기반(?:의|인)?\s)|(?P<paren>\(\s?))['‘“\"]?")
#: after the chip in parentheses: it closes the parenthesis or says "also" ("(H20도 Hopper 세대)")
_PAREN_END = re.compile(r"['’”\"]?\s?(?:GPU|칩)?\s?(?:\)|도\s)")
#: chip then architecture: "<chip>(<arch>", "<chip>도 <arch>", "<chip>은 <arch>"
_CHIP_FIRST = re.compile(r"['’”\"]?\s?(?:\(|(?:도|은|는)\s)['‘“\"]?")
_OF_ARCH = re.compile(r"['’”\"]?\s?(?:아키텍처\s?)?(?:기반|세대)(?:\)|의|인|이며|으로|\s|$)")
_COMPARED = re.compile(r"^[^.,;]{0,20}?(?:대비|보다|와 비교|과 비교)")


def architecture_of(ex: Extraction, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...],
                    prefix: str = "text") -> None:
    """The ``hasArchitecture`` links of one sentence (or cell) by the constructions above (and a chip's base
    chip, text_variant)."""
    variant_of(ex, s, mentions, loc, sources, prefix)
    for a, b in itertools.pairwise(mentions):
        if a.entity == b.entity:
            continue
        gap = s[a.end:b.start]
        if is_a(a.type, "ChipArchitecture") and any(is_a(b.type, c) for c in _CHIPS):
            m = _ARCH_FIRST.fullmatch(gap)
            if m is None or (m.group("paren") and not _PAREN_END.match(s, b.end)):
                continue
            arch, chip, end = a, b, b.end
        elif any(is_a(a.type, c) for c in _CHIPS) and is_a(b.type, "ChipArchitecture"):
            if not _CHIP_FIRST.fullmatch(gap) or not _OF_ARCH.match(s, b.end):
                continue
            arch, chip, end = b, a, b.end + 6
        else:
            continue
        if _COMPARED.match(s[end:]):
            continue
        ex.add(Fact(chip.entity, "hasArchitecture", arch.entity, True, loc, f"{prefix}:architecture-of", sources,
                    raw=s[a.start:end][:60]))
