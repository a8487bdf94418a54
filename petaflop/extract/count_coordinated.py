"""A count of hardware written over a coordination of names counts every name of it: "55만 개의 GB200·GB300",
"H800/H100 약 2천 대", "B200 및 GB 슈퍼칩 1.8만 개". The count's reader keeps one item (the name next to the
figure); the names joined to it by "·", "/", "&", a comma, "및", "과/와" are the same holding's other chips,
so whatever the count says of its item (a facility or system uses it) it says of them too.

A name joined by anything else ("H100 15만 개 + H200 5만 개": a count of its own; "B200 GPU 72개와 …
Grace 36개": another count) is no part of the coordination."""

from __future__ import annotations

import re
from dataclasses import replace

from petaflop.extract.facts import Extraction
from petaflop.extract.gazetteer import Gazetteer
from petaflop.extract.resolve import is_a

#: what joins two names of one coordination: a middle dot, a slash, an ampersand, a comma, "및", "과/와"
_JOIN = re.compile(r"\s?(?:·|/|&|,|및|과|와)\s?")


def coordinated_items(gaz: Gazetteer, line: str, raw: str, item: str, cls: str = "Chip") -> list[str]:
    """The entities of class ``cls`` coordinated with ``item`` where ``raw`` (the count's words) stands in
    ``line``, left and right of the item's name, in the order written; [] when raw is not found."""
    at = line.find(raw) if raw else -1
    if at < 0:
        return []
    end = at + len(raw)
    mentions = gaz.find_mentions(line)
    digits = [at + d.start() for d in re.finditer(r"\d", line[at:end])  # the figure's, not a name's ("GB200")
              if not any(m.start <= at + d.start() < m.end for m in mentions)]
    named = [i for i, m in enumerate(mentions) if m.entity_id == item and m.end > at and m.start < end]
    if not named or not digits:
        return []
    # the item's name next to the figure ("GB200을 시작으로 … 55만 개의 GB200·GB300": the second)
    idx = min(named, key=lambda i: min(min(abs(d - mentions[i].start), abs(d - mentions[i].end))
                                       for d in digits))
    out: list[str] = []
    for step in (-1, 1):
        i = idx
        while 0 <= i + step < len(mentions):
            a, b = (mentions[i + step], mentions[i]) if step < 0 else (mentions[i], mentions[i + step])
            nxt = mentions[i + step]
            if not _JOIN.fullmatch(line[a.end:b.start]) or not is_a(gaz.by_id(nxt.entity_id).type, cls):
                break
            if nxt.entity_id != item and nxt.entity_id not in out:
                out.append(nxt.entity_id)
            i += step
    return out


def drop_listed_items(ex: Extraction, gaz: Gazetteer, lines: list[str]) -> int:
    """A count over a coordination ("B200, RTX Pro 등 1만 개", "H100·H200 등 115,000개") counts the whole list:
    its ``item`` (the one name the count's reader kept, next to the figure) is no one member's, so it is dropped.
    Run after the links the item gave (each listed chip is used, ``add_count_chip_uses``); returns how many."""
    dropped = 0
    for i, st in enumerate(ex.statements):
        if st.unit != "count" or not st.item or not (0 < st.location.line_start <= len(lines)):
            continue
        entity = gaz.by_id(st.item)
        if entity is None:
            continue
        cls = "Hardware" if is_a(entity.type, "Hardware") else entity.type
        if coordinated_items(gaz, lines[st.location.line_start - 1], st.raw, st.item, cls):
            ex.statements[i] = replace(st, item="")
            dropped += 1
    return dropped
