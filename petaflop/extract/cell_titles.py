"""A person's own title in brackets inside a table cell: "홍길동(洪吉童·CEO) - 前 …" in a row of founding members.

A label that only says founder ("창립 멤버") gives each person it lists an affiliation (a founder may have left);
a person the cell itself marks as head — a title in the brackets right after the name, "(…·CEO)" — leads the
row's organisation now: the bracket's title is read through the lexicon as that person's own label (the entry
that reads a "CEO" column), so the link is the lexicon entry's, marked as this construction (``table-reader:<leads entry>:cell-title``).

Nothing is read when the title is past ("前 CEO", "former CEO"), when the bracket names an organisation (the
title is that organisation's: "(구글 CEO)"), or when the label itself says the cell lists the past ("이전 경력",
"출신", "前 …").
"""

from __future__ import annotations

import re

from petaflop.extract.facts import Fact, Location
from petaflop.extract.lexicon import LinkEntry
from petaflop.extract.resolve import is_a

#: the bracket right after a name: "(杨植麟·CEO)", "（CEO）"
_BRACKET = re.compile(r"\s?[(（]([^()（）]{1,40})[)）]")
#: the parts of a bracket: a name in another script, a title
_PARTS = re.compile(r"\s*[·•,/;|]\s*")
#: a title or label that says the role has ended
_PAST = re.compile(r"前|(?<![가-힣])전\s|이전|출신|당시|었던|였던|[Ff]ormer|[Ee]x-|\(left\)")


def bracket_titles(text: str, end: int) -> list[str]:
    """The parts of the bracket that follows a name ending at ``end`` ("(杨植麟·CEO)": ``["杨植麟", "CEO"]``)."""
    m = _BRACKET.match(text, end)
    return [p.strip() for p in _PARTS.split(m.group(1)) if p.strip()] if m else []


def titled_links(reader, link: LinkEntry, subject: str, types: tuple[str, ...], objects: list[str], mentions,
                 text: str, header: str, loc: Location, sources: tuple[str, ...]) -> None:
    """The links a person's bracketed title gives beside ``link`` (see the module)."""
    if not link.inverse or "Person" not in link.object or _PAST.search(header):
        return
    gaz = reader.res.gaz
    for m in mentions:
        if m.entity_id not in objects or not is_a(gaz.by_id(m.entity_id).type, "Person"):
            continue
        parts = bracket_titles(text, m.end)
        bracket = " ".join(parts)
        if not parts or _PAST.search(bracket) or any(
                is_a(gaz.by_id(n.entity_id).type, "Organization") for n in gaz.find_mentions(bracket)):
            continue
        for part in parts:
            for other in reader.lex.links_for(part):
                if other.property == link.property or not other.inverse or "Person" not in other.object:
                    continue
                if other.subject and types and not any(is_a(t, s) for t in types for s in other.subject):
                    continue
                reader.ex.add(Fact(m.entity_id, other.property, subject, True, loc,
                                   f"table-reader:{other.id}{reader.tag}:cell-title", sources, raw=text[:60]))
