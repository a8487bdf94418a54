"""A total row of a table about one named thing: "총 GB200/300 NVL72 유닛" under a caption
"GB200/GB300 NVL72의 ODM 출하량 전망" sums the rows above (the thing's parts or makers) and is the thing's
own figure. Other total rows ("합계", "TOP 4", "총 GPU 갯수") stay about no entity."""

from __future__ import annotations

import re

from ingest.model import Table
from petaflop.extract.resolve import Resolver

#: "총 <name> 유닛": a total row of the units of one named thing
_CAPTION_TOTAL = re.compile(r"^(?:총|전체)\s(.+?)\s(?:유닛|대수|수량|출하량)$")


def caption_total(res: Resolver, text: str, table: Table) -> str | None:
    """The entity id a total row labelled ``text`` is about: the one thing it names, when the caption
    names it too; else None."""
    m = _CAPTION_TOTAL.match(text.strip())
    named = {e.id for e in res.entities_in(m.group(1))} if m else set()
    if len(named) != 1:
        return None
    (eid,) = named
    if eid not in {e.id for e in res.entities_in(" ".join(table.caption))}:
        return None
    return res.record(res.gaz.by_id(eid))
