"""A government body written with its parent body's name as the head of its own: "백악관 과학기술정책실" (an
office of the White House). The written name, not the gazetteer's English one, says it; the head (the words
before a space) must name a government body ("중국 상무부": a country's ministry, no part of a country). A
firm's unit written so ("알리바바 클라우드") is left to the English name and the parent written beside it
(text_rivals' name parents): measured, the written head alone was wrong for a firm's business in 2 of 4.
Read with text_rivals' name parents (rule ``text:name-parent``)."""

from __future__ import annotations

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
