"""Links of a table row beyond one subject and its cells (hooks of the table reader):

* a row label naming a level of the subject's own make-up ("온칩 SRAM | 256 MB") names a part of the
  subject, not a thing it links to: memory on the chip's own die is part of the chip (its size and
  bandwidth are values of the chip), not a memory technology the chip uses, as an off-chip "LPDDR5" row is;
* a short alias in a link cell that needs its context ("M2" in "애플 Vision Pro | M2 + R1") also finds
  it in the row subject's name, as a reader does;
* a key cell listing several people ("A / B", "A, B", "A 및 B") in a table of people: the row's links
  (their affiliation, the organisation a column header names) hold for each of them; its figures do not
  (one figure beside two people is neither's alone). Rules carry ``:listed`` so the gate judges these
  rows apart from one-person rows; a row naming no one may still be a caption's total."""


from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ingest.model import Cell, Row, Table
from petaflop.extract.facts import Fact
from petaflop.extract.resolve import is_a
from petaflop.extract.series_members import series_members
from petaflop.extract.table_caption_total import read_caption_total
from petaflop.extract.table_group_rows import read_group_row

if TYPE_CHECKING:
    from petaflop.extract.gazetteer import Gazetteer, Mention

#: a memory level on the die itself: "온칩 SRAM", "PE 간 공유 온칩 SRAM", "on-chip SRAM", "on-die cache"
_ON_DIE = re.compile(r"온\s?칩|온\s?다이|[Oo]n[- ]?(?:[Cc]hip|[Dd]ie)")


def part_of_subject(header: str) -> bool:
    """True when the row label names a part of the row's own subject (its on-die memory), so the name in
    the label is no link's object."""
    return bool(_ON_DIE.search(header))


def cell_mentions(gaz: Gazetteer, text: str, subject: str) -> list[Mention]:
    """The names in a cell about the row's ``subject``; a short alias that needs its context ("M2" in
    "애플 Vision Pro | M2 + R1") also finds it in the row's subject name, as a reader does. Mentions the
    cell alone settles are kept as they are; the subject's name only adds names where the cell has none."""
    found = series_members(gaz, text, gaz.find_mentions(text))  # "GPT-4 계열(4.1, 4o)": GPT-4.1, GPT-4o
    entity = gaz.by_id(subject)
    if entity is None:
        return found
    prefix = f"{entity.name_en} | "
    shift = len(prefix)
    added = [replace(m, start=m.start - shift, end=m.end - shift) for m in gaz.find_mentions(prefix + text)
             if m.start >= shift and not any(m.start - shift < f.end and f.start < m.end - shift for f in found)]
    return sorted(found + added, key=lambda m: m.start)

#: names joined as a list: " / ", " & ", ", ", " 및 "
_LIST = re.compile(r"\S\s?[/&,]\s?\S|\S\s및\s\S")


def several_or_none(reader: Any, table: Table, row: Row, r: int, key: int, kcell: Cell, labels: list[Any],
                    subjects: list[str], org: str | None) -> None:
    """A row whose key names no one subject (``reader`` is the table reader): a caption's total when it
    names none; each person's links when it lists people."""
    if len(subjects) >= 2 and read_group_row(reader, table, r, row, key, labels):  # "A, B, C 등": the rest
        return
    if not subjects:  # a revenue row of the product a firms table's caption counts
        read_caption_total(reader, table, r, row, key, labels, reader._unit_note(table, row))
    if len(subjects) < 2 or not _LIST.search(kcell.text):
        return
    types = {s: reader.ex.entities[s].types if s in reader.ex.entities else () for s in subjects}
    if not all(any(is_a(t, "Person") for t in types[s]) for s in subjects):
        return
    base, reader.tag = reader.tag, reader.tag + ":listed"
    sources = reader.sources_of(table)
    for subject in subjects:
        if org is not None:
            reader.ex.add(Fact(subject, "affiliatedWith", org, True, reader._loc(table, kcell, r),
                               "table-reader:affiliatedWith@caption:listed", sources, raw=kcell.text[:60]))
        for j, cell in enumerate(row.cells):
            text = (cell.text or cell.carried).strip()
            if j == key or j >= len(labels) or not text:
                continue
            for link in reader.lex.links_for(labels[j].text) if reader._links else ():
                reader._link(link, subject, types[subject], text, reader._loc(table, cell, r), sources, labels[j].text)
    reader.tag = base
