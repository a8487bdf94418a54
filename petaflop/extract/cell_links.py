"""Maker–product links written in any table cell: "<maker>의 AI 기반 <product> 플랫폼", "<maker>의 <product>".

The table readers read a cell's prose only for a row whose entity they know (the row's topic); a row
keyed by a label ("물류·해운 | <maker>의 … <product> 플랫폼 | …") is not read at all, yet a genitive
naming both ends states the link whatever the row is about. So every table cell with a genitive and
two names is read by the prose genitive frames (the plain, the far and the described genitive,
"<maker>의 … 시스템(<product>)": the same constructions, with their rule ids, as in running text); a link
another reader already gave is not added again. A cell naming the bare maker before the noun "개발"
("Avikus 개발 … (HiNAS)") is read the same way. Any cell with two names is also read for a unit written
beside its parent ("前 <parent> <unit> 연구원": text_rivals' name parents, ``text:name-parent``), which needs no genitive. The bare modifier ("<maker> <product>") is not read here: in a cell's aside it names an
example ("(<maker> <product>의 경우 …)"), not what the row states.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from petaflop.extract.facts import Location

if TYPE_CHECKING:
    from collections.abc import Callable

    from ingest.model import Document, Table
    from petaflop.extract.facts import Extraction


def add_cell_links(doc: Document, ex: Extraction, text: object, sources_of: Callable[[Table], tuple[str, ...]]) -> None:
    """``text`` is the TextReader: its mentions and genitive frames read each cell."""
    seen = {(f.subject, f.predicate, str(f.obj)) for f in ex.facts if f.obj_is_entity}
    for table in doc.tables:
        for r, row in enumerate(table.rows):
            for cell in row.cells:
                s = cell.text.strip()
                genitive = "의 " in s or " 개발 " in s  # "<maker> 개발 <product>" too
                if len(s) > 200:
                    continue
                mentions = text._mentions(s)  # type: ignore[attr-defined]
                if len(mentions) < 2:
                    continue
                loc = Location(cell.line, cell.line, table.chapter, table.slide_title, table.id, r + 1, cell.column)
                n = len(ex.facts)
                frames = (text._genitives, text._far_genitives, text._described) if genitive else ()  # type: ignore[attr-defined]
                for frame in (*frames, text._name_parents):  # type: ignore[attr-defined]
                    frame(s, mentions, loc, sources_of(table))
                new = [f for f in ex.facts[n:] if (f.subject, f.predicate, str(f.obj)) not in seen]
                del ex.facts[n:]
                for f in new:
                    seen.add((f.subject, f.predicate, str(f.obj)))
                    ex.add(f)
