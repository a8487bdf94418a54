"""A government body written with its parent body's name as the head of its own: "백악관 과학기술정책실" (an
office of the White House). The written name, not the gazetteer's English one, says it; the head (the words
before a space) must name a government body ("중국 상무부": a country's ministry, no part of a country). A
firm's unit written so ("알리바바 클라우드") is left to the English name and the parent written beside it
(text_rivals' name parents): measured, the written head alone was wrong for a firm's business in 2 of 4.
Read with text_rivals' name parents (rule ``text:name-parent``).

A named part of a model or product is written the same way, the whole's name first and then the part: "GPT-4o
이미지 생성 기능", "Operator 추론 엔진" (a feature, an engine, a module of the thing named before it), so the part is
``partOf`` the model or product its written head names (rule ``text:name-parent:part``, judged apart)."""

from __future__ import annotations

import re

from petaflop.extract.gazetteer import Entity, Gazetteer
from petaflop.extract.resolve import is_a

_FAMILIES = (("GovernmentBody",),)


def surface_parent(surface: str, child_type: str, gaz: Gazetteer, own_id: str) -> Entity | None:
    """The organisation named by the longest head of ``surface`` (before a space), of the child's family."""
    family = next((f for f in _FAMILIES if any(is_a(child_type, c) for c in f)), None)
    words = surface.split()
    if family is None or len(words) < 2:
        return None
    for k in range(len(words) - 1, 0, -1):
        org = gaz.lookup(" ".join(words[:k]))
        if org is not None and org.id != own_id and any(is_a(org.type, c) for c in family):
            return org
    return None


#: a part written after the name of its whole, up to two words between: "… 이미지 생성 기능", "… 추론 엔진"
_PART_NAME = re.compile(r"^(?P<head>\S.*?)\s(?:[가-힣]{1,6}\s){0,2}(?:기능|엔진|모듈|컴포넌트)$")
#: what a named part can be a part of
_WHOLES = ("AIModel", "AIProduct", "SoftwarePlatform")


def part_parent(surface: str, gaz: Gazetteer, own_id: str) -> Entity | None:
    """The model or product whose name heads the written name of one of its parts ("GPT-4o 음성 기능" → GPT-4o)."""
    hit = _PART_NAME.match(surface.strip())
    whole = gaz.lookup(hit.group("head")) if hit else None
    if whole is None or whole.id == own_id or not any(is_a(whole.type, c) for c in _WHOLES):
        return None
    return whole
