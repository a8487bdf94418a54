"""A table cell written as "<maker> <product>" ("메타 Ray-Ban", "애플 Vision Pro", "구글 Android XR",
a column header "테슬라 Optimus"): a row or column label that names a thing by its maker's name
and its own says who makes it — the bare modifier construction, read only where the cell is
nothing but that label (a parenthetical note may follow: "메타 Hypervnova (추정)"), so a sentence in a
cell that merely puts two names side by side is not read. The genitive lexicon decides designedBy,
developedBy by the two classes; a product (``AIProduct``) so listed is offered by its maker, as a
released product is. Rules ``table-cell:maker-label`` (a row's label) and ``table-cell:maker-header``
(a column header: "구분 | 테슬라 Optimus | 엔비디아 GR00T"), judged by the gate.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from collections.abc import Callable

    from ingest.model import Cell, Document, Table
    from petaflop.extract.facts import Extraction
    from petaflop.extract.lexicon import Lexicon
    from petaflop.extract.resolve import Resolver

RULE = "table-cell:maker-label"
HEADER_RULE = "table-cell:maker-header"
_MAKERS = ("Firm", "AILab", "ResearchInstitute")
_MADE = ("Hardware", "AIModel", "AIProduct", "SoftwarePlatform", "ChipArchitecture", "NetworkTechnology")
_PROPS = ("designedBy", "developedBy", "offeredBy")
#: what may follow the product in a label: nothing, or a parenthetical note ("(추정)", "(2026)")
_NOTE = re.compile(r"\s?(?:\([^)]{0,20}\))?\s?[?*]?")


def _label_maker(text: str, res: Resolver, lex: Lexicon) -> tuple[str, str, str] | None:
    """(product id, property, maker id) when ``text`` is exactly "<maker> <product> [(note)]"."""
    text = text.strip()
    mentions = res.gaz.find_mentions(text)
    if len(mentions) != 2 or mentions[0].start != 0 or text[mentions[0].end:mentions[1].start] != " ":
        return None
    if not _NOTE.fullmatch(text[mentions[1].end:]):
        return None
    maker, made = (res.gaz.by_id(m.entity_id) for m in mentions)
    if maker.id == made.id or not any(is_a(maker.type, c) for c in _MAKERS) \
            or not any(is_a(made.type, c) for c in _MADE):
        return None
    entry = lex.genitive_for(maker.type, made.type)
    if entry is None or entry.property not in _PROPS:
        return None
    # a product or service listed under its maker's name is what the maker offers (as a release is)
    prop = "offeredBy" if is_a(made.type, "AIProduct") else entry.property
    return res.record(made), prop, res.record(maker)


def _label_cells(table: Table) -> list[tuple[Cell, int]]:
    """The header cells (row 0) and each body row's first cell, with their row numbers."""
    header = [r.cells for r in table.header_rows] or [table.header]
    cells = [(c, 0) for row in header for c in row]
    cells += [(row.cells[0], i + 1) for i, row in enumerate(table.rows) if row.cells]
    return cells


def add_label_makers(doc: Document, ex: Extraction, res: Resolver, lex: Lexicon,
                     sources_of: Callable[[Table], tuple[str, ...]]) -> None:
    for table in doc.tables:
        for cell, r in _label_cells(table):
            found = _label_maker(cell.text, res, lex)
            if found is None:
                continue
            made, prop, maker = found
            loc = Location(cell.line, cell.line, table.chapter, table.slide_title, table.id, r, cell.column)
            ex.add(Fact(made, prop, maker, True, loc, RULE if r else HEADER_RULE, sources_of(table),
                        raw=cell.text[:60]))
