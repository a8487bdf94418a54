"""A chip built on another chip: "Ascend 910C는 Ascend 910B를 기반으로 듀얼 다이 구성", "H100 기반의 H800",
"A100을 기반으로 만든 A800". A chip said to be based on another chip is a variant of it (``variantOf``);
an architecture as the base is the chip's architecture (text_arch), and a system built on a chip is
no variant of it (both ends must be chips). A comparison ("대비", "보다") after the pair sets the two
apart. One rule, ``<prefix>:variant-base``, in prose and in table cells."""

from __future__ import annotations

import itertools
import re

from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

#: variant first: "<A>는 <B>를 기반으로" (the gap, then what follows B)
_VARIANT_FIRST = re.compile(r"['’”\"]?\s?(?:\([^()]{0,20}\))?\s?(?:은|는|이|가)\s['‘“\"]?")
_ON_BASE = re.compile(r"['’”\"]?\s?(?:\([^()]{0,20}\))?\s?(?:을|를)\s?기반(?:으로|해|하여|한)")
#: base first: "<B> 기반(의) <A>", "<B>를 기반으로 (만든|한|개발된) <A>"
_BASE_FIRST = re.compile(r"['’”\"]?\s?(?:\([^()]{0,20}\))?\s?(?:(?:을|를)\s?기반으로\s?(?:한|만든|개발한|개발된|설계한|설계된|제작한|제작된)"
                         r"|기반(?:의|인)?)\s['‘“\"]?")
_COMPARED = re.compile(r"^[^.,;]{0,20}?(?:대비|보다|와 비교|과 비교)")
_NOT_CHIP = ("System", "ChipArchitecture")


def _chip(m: Mention_) -> bool:
    return is_a(m.type, "Chip") and not any(is_a(m.type, c) for c in _NOT_CHIP)


def variant_of(ex: Extraction, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...],
               prefix: str = "text") -> None:
    """The ``variantOf`` links of one sentence (or cell) by the constructions above."""
    for a, b in itertools.pairwise(mentions):
        if a.entity == b.entity or not (_chip(a) and _chip(b)):
            continue
        gap = s[a.end:b.start]
        if _VARIANT_FIRST.fullmatch(gap) and (m := _ON_BASE.match(s, b.end)):
            variant, base, end = a, b, m.end()
        elif _BASE_FIRST.fullmatch(gap):
            variant, base, end = b, a, b.end
        else:
            continue
        if _COMPARED.match(s[end:]):
            continue
        ex.add(Fact(variant.entity, "variantOf", base.entity, True, loc, f"{prefix}:variant-base", sources,
                    raw=s[a.start:end][:60]))
