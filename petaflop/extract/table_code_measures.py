"""A status cell that names a measure: "GPU | 수출 규제 | …" over "H100 | 수출 금지 | …".

A code column's cell saying a chip's export is banned ("수출 금지", "금지") states more than the chip's
status: the chip is under an export ban. The table's banned chips are under one ban — a node of the table
(``ExportBan``, labelled by the cell's words), which ``appliesToChip`` each of them. Where the ban bites
is the country the caption names as where the chips go ("엔비디아의 對중국 수출 GPU", "중국향 칩",
"중국 수출용 GPU") — never the caption's other countries (a maker's home, "미국산"). The cell says
nothing of who issued the ban, so the node has no issuer here. Rule ids are the mapping's columns
(``table:<mapping>:appliesToChip``, ``…:restrictsExportTo``): one row reading with the table's other columns.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from foundation.namespaces import PFA, RDF
from petaflop.extract.facts import EntityRecord, Fact, Location
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from ingest.model import Table
    from petaflop.extract.table_map import TableMapping
    from petaflop.extract.tables import TableExtractor

#: a cell that says the export is banned, nothing more ("수출 금지", "금지")
_BAN = re.compile(r"^(?:수출\s?)?금지$")
#: a country named as the destination: "對중국"/"對中" (the mark is part of the name), "대중국 수출",
#: or the name followed by "향" (bound for) or "수출용" (made for export to)
_BOUND_AFTER = re.compile(r"향(?![가-힣])|\s?수출용")
_EXPORT_AFTER = re.compile(r"\s?(?:수출|규제)")


def caption_destinations(tx: TableExtractor, caption: str) -> list[str]:
    """The countries a caption names as where the table's chips are exported to."""
    out: list[str] = []
    for m in tx.res.gaz.find_mentions(caption):
        ent = tx.res.gaz.by_id(m.entity_id)
        if ent is None or not is_a(ent.type, "Country"):
            continue
        marked = m.alias.startswith("對") or (m.alias.startswith("대") and _EXPORT_AFTER.match(caption, m.end))
        if marked or _BOUND_AFTER.match(caption, m.end):
            eid = tx.res.record(ent)
            if eid not in out:
                out.append(eid)
    return out


def add_code_measure(tx: TableExtractor, mapping: TableMapping, table: Table, target: str, text: str,
                     loc: Location, sources: tuple[str, ...]) -> None:
    """The ban a code cell names (``text``) over the row's chip ``target``."""
    rec = tx.ex.entities.get(target)
    if not _BAN.match(text) or rec is None or not any(is_a(t, "Chip") for t in rec.types):
        return
    node = f"{mapping.id}-export-ban"
    rule = f"table:{mapping.id}:appliesToChip"
    if node not in tx.ex.entities:
        caption = " ".join(table.caption)
        to = caption_destinations(tx, caption)
        names = ", ".join(tx.ex.entities[c].name_en or tx.ex.entities[c].name_ko for c in to)
        tx.ex.add_entity(EntityRecord(node, ("ExportBan",), "Export ban" + (f" to {names}" if names else ""), text,
                                      (), "table"))
        tx.ex.add(Fact(node, RDF.type, PFA.ExportBan, True, loc, rule, sources))
        line = table.caption_lines.first if table.caption_lines is not None else loc.line_start
        at = Location(line, line, loc.chapter, loc.slide_title)
        for country in to:
            tx.ex.add(Fact(node, "restrictsExportTo", country, True, at, f"table:{mapping.id}:restrictsExportTo",
                           sources, raw=caption[:60]))
    tx.ex.add(Fact(node, "appliesToChip", target, True, loc, rule, sources, raw=text))
