"""The maker of power equipment written before it: "테슬라 Megapack", "테슬라 'Megapack'의 …", "GE Vernova의
LM2500XPRESS", "테슬라 ESS인 Megapack", "GE Vernova의 가스터빈 및 에너지 솔루션이 주요 수출 품목".

A firm named right before a named power product (a turbine, a battery system, a fuel cell: the classes of
``PowerAsset`` that are sold as products) developed it, whether the firm stands bare ("<maker> <product>"),
in the genitive ("<maker>의 <product>") or before a kind word in the copula ("<maker> <kind>인 <product>").
A generic power technology after a firm's genitive is what the firm offers only when the clause calls it
the firm's product or sale ("… 솔루션이 주요 수출 품목", "… 판매"): "<firm>의 가스터빈" may be its own plant.

Guards, against ownership read as making: the maker is a ``Firm`` (an AI lab's "xAI의 BESS", a facility's
turbines are theirs, not their make); a genitive followed by a count ("<firm>의 LM2500XPRESS 29기") names a
fleet the firm installed, not its product — unless the product's own canonical name begins with the firm's
(the gazetteer's "<maker> <product>" brand: "GE Vernova의 LM2500XPRESS 10대"); a comparison after the product ("…와 비슷한", "대비") names
another's. One construction (a maker written before its power equipment), one rule: ``text:power-maker``.
The property comes from the genitive lexicon (developedBy for a named product); a technology is ``offeredBy``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.gazetteer import Gazetteer
from petaflop.extract.relation_guards import LIKE_AFTER
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from petaflop.extract.text_frames import Mention_

RULE = "text:power-maker"
#: named power products: what a firm makes and sells (a solar farm, a nuclear plant or a grid link is owned)
PRODUCTS = ("GasTurbine", "BatteryStorage", "FuelCell")
_QUOTE_OPEN = r"['‘“\"]?"
_QUOTE_CLOSE = r"\)?['’”\"]?"
#: "테슬라 Megapack", "테슬라 'Megapack'"
_BARE = re.compile(r"\s" + _QUOTE_OPEN)
#: "GE Vernova(…)의 LM2500XPRESS", "테슬라의 'Megapack'"
_GENITIVE = re.compile(_QUOTE_CLOSE + r"\s?의\s" + _QUOTE_OPEN)
#: "테슬라 ESS인 Megapack": one kind word (a name or a noun) in the copula
_APPOSITIVE = re.compile(r"\s[가-힣A-Za-z0-9]{1,8}인\s" + _QUOTE_OPEN)
#: after a product in the genitive: a count of units (a fleet the firm installed: ownership)
_FLEET_AFTER = re.compile(r"^['’”\"]?\s?(?:\([^)]{0,30}\)\s?)?(?:총\s?)?\d[\d,.]*\s?(?:기|대|개|units?)")
#: the clause calls a technology after the firm's genitive its product or its sale
_OFFERED_AFTER = re.compile(r"^[^.;]{0,30}?(?:수출\s?품목|주력\s?제품|제품|품목|판매|수출|수주)")


def power_makers(ex: Extraction, gaz: Gazetteer, s: str, mentions: list[Mention_], loc: Location,
                 sources: tuple[str, ...]) -> None:
    """Add ``<equipment> developedBy|offeredBy <firm>`` for each construction found in the sentence ``s``."""
    for i, a in enumerate(mentions):
        if not is_a(a.type, "Firm") or is_a(a.type, "AILab"):
            continue
        for b in mentions[i + 1:i + 3]:
            if b.entity == a.entity or b.start < a.end:
                continue
            prop = _made(s, a, b, _brand_of(gaz, a.entity, b.entity))
            if prop and not LIKE_AFTER.match(s[b.end:b.end + 8]):
                ex.add(Fact(b.entity, prop, a.entity, True, loc, RULE, sources, raw=s[a.start:b.end][:60]))
                break


def _brand_of(gaz: Gazetteer, maker: str, product: str) -> bool:
    """Whether the product's canonical name begins with the maker's ("Tesla Megapack" and Tesla)."""
    a, b = gaz.by_id(maker), gaz.by_id(product)
    return a is not None and b is not None and b.name_en.startswith(a.name_en + " ")


def _made(s: str, a: Mention_, b: Mention_, brand: bool) -> str:
    """The property linking product ``b`` to maker ``a``, or "" when no construction joins them."""
    gap = s[a.end:b.start]
    if any(is_a(b.type, c) for c in PRODUCTS):
        if not a.role and (_BARE.fullmatch(gap) or _APPOSITIVE.fullmatch(gap)):
            return "developedBy"
        if a.role == "genitive" and _GENITIVE.fullmatch(gap) and (brand or not _FLEET_AFTER.match(s[b.end:b.end + 40])):
            return "developedBy"
    elif is_a(b.type, "PowerTechnology") and a.role == "genitive" and _GENITIVE.fullmatch(gap):
        if _OFFERED_AFTER.match(s[b.end:b.end + 40]) and not _FLEET_AFTER.match(s[b.end:b.end + 40]):
            return "offeredBy"
    return ""
