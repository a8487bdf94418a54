"""A firm's own work named in its column of a comparison: "구분 | <firm A> | <firm B>", a row "AI 기술 | … |
생성 AI를 이끈 <model> 개발", "… | (<platform> 프로그램)", "… | (<event> 개최)".

A table whose header names one firm per column (each header cell, after the first, nothing but one firm's
or lab's name) compares the firms row by row, and each cell speaks of its column's firm. A cell naming a
thing (a model, a platform, a product, an event: no agent, no place) right before a word saying what its
firm does with it states the link without a verb of its own: "<thing> 개발" (developed: ``developedBy``),
"<thing> 출시" (released: ``offeredBy``), "<thing> 프로그램" (a programme the firm runs: ``offeredBy``),
"<thing> 개최" (an event held: ``sponsoredBy``). The word must close the name's phrase (end of cell or of a
parenthesis, a comma, a "+"), so "<thing> 개발 지원" or "<thing> 개최지" says nothing of the kind.
Rule ``table-cell:column-work`` (judged by the gate).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from collections.abc import Callable

    from ingest.model import Document, Table
    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver

RULE = "table-cell:column-work"
_FIRMS = ("Firm", "AILab")
#: the word after the thing and the link it states; then the end of the phrase
_WORK = re.compile(r"\s?(개발|출시|프로그램|개최)\s*(?=$|[),+·/;]|\s\+)")
_PROP = {"개발": "developedBy", "출시": "offeredBy", "프로그램": "offeredBy", "개최": "sponsoredBy"}
#: what the thing may be for each word (an event is held, the rest are made or offered)
_KINDS = {"sponsoredBy": ("Event",), "developedBy": ("AIModel", "AIProduct", "SoftwarePlatform"),
          "offeredBy": ("AIModel", "AIProduct", "SoftwarePlatform")}


def _column_firms(table: Table, res: Resolver) -> dict[int, str]:
    """Column index -> the firm its header names, when every header cell after the first is one firm's name."""
    header = [c.text.strip() for c in table.header]
    out: dict[int, str] = {}
    for j, text in enumerate(header[1:], 1):
        ms = res.gaz.find_mentions(text)
        if len(ms) != 1 or (ms[0].start, ms[0].end) != (0, len(text)):
            return {}
        ent = res.gaz.by_id(ms[0].entity_id)
        if not any(is_a(ent.type, t) for t in _FIRMS):
            return {}
        out[j] = ent.id
    return out if len(out) >= 2 and len(set(out.values())) == len(out) else {}


def add_column_works(doc: Document, ex: Extraction, res: Resolver, sources_of: Callable[[Table], tuple[str, ...]]) -> None:
    for table in doc.tables:
        firms = _column_firms(table, res)
        if not firms:
            continue
        for r, row in enumerate(table.rows):
            for j, cell in enumerate(row.cells):
                if j not in firms:
                    continue
                text = cell.text
                for m in res.gaz.find_mentions(text):
                    w = _WORK.match(text, m.end)
                    if w is None:
                        continue
                    thing = res.gaz.by_id(m.entity_id)
                    prop = _PROP[w.group(1)]
                    if thing.id == firms[j] or not any(is_a(thing.type, t) for t in _KINDS[prop]):
                        continue
                    loc = Location(cell.line, cell.line, table.chapter, table.slide_title, table.id, r + 1, cell.column)
                    ex.add(Fact(res.record(thing), prop, res.record(res.gaz.by_id(firms[j])), True, loc, RULE,
                                sources_of(table), raw=text[max(0, m.start - 20):w.end()][:60]))
