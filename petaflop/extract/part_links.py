"""A table cell that lists several values, each tagged with the part of its subject it is for.

"N3E(연산), N5(I/O)" under "공정" is no chip made on two nodes: the compute die is made on N3E, the I/O die on N5.
Read as plain links, "X fabricatedOn N5" says the whole chip is a 5 nm chip. So, after the readers and the link
statuses, a link read from a cell that is only such a list — two or more ``NAME(PART)`` items, nothing else, each part
a short word with no figure and no name of a thing of its own ("연산", "I/O") and no two alike — whose object is one
of the names takes its item's part as its scope (qualifier ``scope:<part>``). A link with a scope is never the
subject's plain triple: with a status it is a link statement naming its scope (graph.py); an actual one stays a
claim (its rule ``…:unsure``): a plain "holds for a part" link has no node of its own in the model.

Not a part: a figure's format ("5 PFLOPs (FP8)": no link), a name's gloss with spaces ("MLA (압축된 KV 캐시)"), a
figure ("알리바바(지분율 36%)"), a place or firm the gazetteer knows ("ERCOT (텍사스)"), one tagged item among others
untagged ("Annapura (아마존), Alchip").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ingest.model import Table
from petaflop.extract.facts import EntityRecord, Extraction
from petaflop.extract.gate import unsure

#: one item: a name (no space, comma or bracket) and its part in brackets ("N3E(연산)", "N4 (I/O)")
_ITEM = r"([^\s,;()]+)\s?\(([^\s()\d]{1,6})\)"
#: a cell that is only such items, side by side or separated by commas or semicolons
_LIST = re.compile(rf"^\s*{_ITEM}(?:\s*[,;]?\s*{_ITEM})+\s*$")
_ONE = re.compile(_ITEM)


def tagged_parts(cell: str, is_name=lambda _text: False) -> dict[str, str]:
    """The items of a cell that only lists values each tagged with a part, name -> part ({} for any other cell);
    ``is_name(part)``: the part names a thing of its own (a place, a firm), so it is no part."""
    if not _LIST.match(cell):
        return {}
    items = {m.group(1): m.group(2) for m in _ONE.finditer(cell)}
    parts = list(items.values())
    if len(items) < 2 or len(set(parts)) != len(parts) or any(is_name(p) for p in parts):
        return {}
    return items


def _part_of(items: dict[str, str], record: EntityRecord | None) -> str:
    """The part of the item ``record`` is named by (one of its names is the item's name), or ""."""
    if record is None:
        return ""
    names = {n.casefold() for n in (record.name_ko, record.name_en, *record.aliases) if n}
    found = {part for name, part in items.items() if name.casefold() in names}
    return found.pop() if len(found) == 1 else ""


def scope_part_links(ex: Extraction, tables: Iterable[Table], is_name=lambda _text: False) -> int:
    """Give each link read from a cell of tagged parts its part as scope (see the module); returns how many."""
    cells = {(t.id, c.line, c.column): c.text for t in tables for r in t.rows for c in r.cells}
    changed = 0
    for i, f in enumerate(ex.facts):
        if not f.obj_is_entity or ":" in f.predicate or not f.location.table_id or f.link_scope:
            continue
        items = tagged_parts(cells.get((f.location.table_id, f.location.line_start, f.location.column), ""), is_name)
        part = _part_of(items, ex.entities.get(str(f.obj))) if items else ""
        if part:
            ex.facts[i] = replace(f, qualifiers=(*f.qualifiers, f"scope:{part}"),
                                  rule=f.rule if f.link_status else unsure(f.rule))
            changed += 1
    return changed
