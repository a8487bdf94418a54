"""A chip count under a sub-heading that names one compute facility is the facility's count.

"보유 자원: Colossus & …" over "- 물리적 GPU 숫자는 23만 개: H100 150,000개 + …": the bullets name no
subject of their own, so the readers fall back to the slide's or the block's topic — the lab that
holds the facility ("가나다랩은 … 클러스터인 “X1”을 보유"). When a heading inside the slide names exactly
one facility (a compute cluster or an AI data center) and the topic organisation holds it (the
facility is ownedBy / operatedBy / developedBy it anywhere in the report), a GPU or chip count read
from the topic in the bullets below that heading (up to the next heading) is the facility's: it moves
to the facility, its rule suffixed ``:section-facility`` so the gate judges the move apart. A count
whose clause names its subject ("가나다랩은 …", marked rules) is never moved.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ingest.model import Bullet, Heading, Paragraph
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from ingest.model import Document
    from petaflop.extract.facts import Extraction
    from petaflop.extract.gazetteer import Gazetteer

_KINDS = ("gpuCount", "chipCount")
_FACILITIES = ("ComputeCluster", "AIDataCenter")
_HOLDS = ("ownedBy", "operatedBy", "developedBy")
#: rule endings of a subject that is the slide's or block's topic, not named in the count's clause
_FALLBACK = (":slide", ":block-topic", ":slide-topic")
SUFFIX = ":section-facility"


def _local(term: object) -> str:
    return str(term).rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def section_facilities(doc: Document, gaz: Gazetteer) -> dict[int, str]:
    """Line -> the facility the sub-heading above that line names (bullets and paragraphs only)."""
    out: dict[int, str] = {}
    for chapter in doc.chapters:
        for slide in chapter.slides:
            facility = ""
            for block in slide.blocks:
                if isinstance(block, Heading):
                    named = {m.entity_id for m in gaz.find_mentions(block.text)
                             if any(is_a(gaz.by_id(m.entity_id).type, c) for c in _FACILITIES)}
                    facility = next(iter(named)) if len(named) == 1 else ""
                elif facility and isinstance(block, (Bullet, Paragraph)):
                    for line in range(block.lines.first, block.lines.last + 1):
                        out[line] = facility
    return out


def move_section_counts(doc: Document, ex: Extraction, gaz: Gazetteer) -> int:
    """Move the topic's counts under a facility's sub-heading to the facility; returns how many moved."""
    sections = section_facilities(doc, gaz)
    if not sections:
        return 0
    holders = {(f.subject, str(f.obj)) for f in ex.facts if _local(f.predicate) in _HOLDS}

    def target(subject: str, line: int, rule: str) -> str:
        facility = sections.get(line, "")
        if not facility or not rule.endswith(_FALLBACK) or (facility, subject) not in holders:
            return ""
        rec = ex.entities.get(subject)
        return facility if rec is not None and any(is_a(t, "Organization") for t in rec.types) else ""

    moved = 0
    for i, f in enumerate(ex.facts):
        to = target(f.subject, f.location.line_start, f.rule) if _local(f.predicate) in _KINDS else ""
        if to:
            ex.facts[i] = replace(f, subject=to, rule=f.rule + SUFFIX)
            moved += 1
    for i, st in enumerate(ex.statements):
        to = target(st.subject, st.location.line_start, st.rule) if st.kind in _KINDS else ""
        if to:
            ex.statements[i] = replace(st, subject=to, rule=st.rule + SUFFIX)
            moved += 1
    return moved
