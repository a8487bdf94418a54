"""A genitive over a coordinated list: "엔비디아의 로봇용 방법론인 “Cosmos”와 “GR00T Dreams”",
"구글의 TPU와 Gemini", "화웨이의 Ascend·Kunpeng": "<A>의 <B>" is read by the plain genitive (text_frames);
the things coordinated right after B (와/과/및/·/, with nothing else between) are A's too, by the same
genitive lexicon entry as B — one class of thing, one relation.

The list stops at the first thing that is not of B's kind (another entry of the lexicon), at a thing that
carries its own genitive or is marked as a clause's topic or subject ("A의 B와 C는 …" may make C the
topic of what follows, not A's), and at a thing whose own name begins with another organisation
("엔비디아의 H100과 AMD MI300"). Rule ``text:genitive-list`` (one construction, whatever the relation).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.gazetteer import Gazetteer
from petaflop.extract.lexicon import GenitiveEntry
from petaflop.extract.name_maker import maker_prefix

if TYPE_CHECKING:
    from petaflop.extract.text_frames import Mention_

#: between two coordinated things: a closing quote, a conjunction (와/과/및) or a list mark (·, ",", "/"),
#: an opening quote — nothing else
_AND = re.compile(r"\s?['’”\"]?\s?(?:와|과|및|·|,|/)\s?['‘“\"]?")
#: "… B와 C의 효율성": the list's last thing carrying a genitive of a measure of the things listed, not of a thing
_LAST_OF_MEASURE = re.compile(r"['’”\"]?\s?의\s?(?:효율성?|성능|성과|차이|비교|장점|단점|특징|한계|가격|비용)(?:은|는|이|가|을|를|에|과|와|도|의)?(?![가-힣])")
_RELATIONS = ("designedBy", "developedBy", "offeredBy")  # a maker's things (not a place or a parent)


def genitive_list(ex: Extraction, gaz: Gazetteer, s: str, mentions: list[Mention_], owner: Mention_, thing: Mention_,
                  entry: GenitiveEntry, loc: Location, sources: tuple[str, ...], genitive_for) -> None:
    """The things coordinated after ``thing`` (the genitive's owned thing, owned by ``owner``);
    ``genitive_for(owner_type, thing_type)`` is the lexicon's."""
    if entry.property not in _RELATIONS:
        return
    i = next(k for k, m in enumerate(mentions) if m is thing)
    prev = thing
    for c in mentions[i + 1:]:
        if not _AND.fullmatch(s[prev.end:c.start]) or c.entity in (owner.entity, prev.entity):
            return
        if c.role in ("topic", "subject") or genitive_for(owner.type, c.type) is not entry:
            return
        if c.role == "genitive" and not _LAST_OF_MEASURE.match(s, c.end):
            return  # "A의 B와 C의 D": C's own genitive may make D C's — unless D is a measure of the list
        ent = gaz.by_id(c.entity)
        maker = maker_prefix(ent.name_en, gaz, c.entity) if ent is not None else None
        if maker is not None and maker.id != owner.entity:
            return
        ex.add(Fact(c.entity, entry.property, owner.entity, True, loc, "text:genitive-list", sources,
                    raw=s[owner.start:c.end][:60]))
        prev = c
