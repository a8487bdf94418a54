"""Members of a model family named by their suffixes: "GPT-4 계열(4.1, 4o)" names GPT-4.1 and GPT-4o.

A family name ending in a version number, the word 계열/시리즈 (family, series), then in parentheses
members written from that number on: each member is the family name with its number replaced by the
member's ("4.1" → "GPT-4.1", "4o" → "GPT-4o"). A member the gazetteer knows by exactly that name is a
mention at the suffix; anything else in the parenthesis (a count, a date, a note) names nothing.
"""

from __future__ import annotations

import re

from petaflop.extract.gazetteer import Gazetteer, Mention

_FAMILY = re.compile(r"\s?(?:계열|시리즈)\s?\(([^()]{1,40})\)")
_NUMBER_END = re.compile(r"\d+(?:\.\d+)?$")
_ITEM = re.compile(r"[^,·/\s][^,·/]*")


def series_members(gaz: Gazetteer, text: str, found: list[Mention]) -> list[Mention]:
    """``found`` with the members a family's parenthesis names by their suffixes, in text order."""
    out: list[Mention] = []
    for m in found:
        fam = _FAMILY.match(text, m.end)
        num = _NUMBER_END.search(text[m.start:m.end])
        if fam is None or num is None:
            continue
        stem = text[m.start:m.start + num.start()]
        for item in _ITEM.finditer(fam.group(1)):
            word = item.group(0).strip()
            start = fam.start(1) + item.start()
            entity = gaz.lookup(stem + word) if word.startswith(num.group(0)) and word != num.group(0) else None
            if entity is None or entity.id == m.entity_id or any(start < f.end and f.start < start + len(word)
                                                                   for f in found):
                continue
            out.append(Mention(entity.id, start, start + len(word), word))
    return sorted(found + out, key=lambda x: x.start) if out else found
