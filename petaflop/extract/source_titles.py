"""A cited source named by the title it quotes or the full name it spells out in brackets.

A source line often wraps a known work in words of its own: its owner and kind before a quoted title
('하버드 논문 "Generative AI as …"', '엔비디아 논문 “DREAMGEN”') or its full name in brackets after a short
one ('IOI 2025 (International Olympiad in Informatics 2025)'). When the whole line names nothing the
gazetteer knows, the quoted title, or either side of the brackets, may: the source is then that known
work (a ``Source`` of the gazetteer), not a new node named by the whole wrapping. A title naming a known
thing of another kind (a model's name in '구글 논문 “Titans”') is no source: the paper about it stays a
source of its own.
"""

from __future__ import annotations

import re

from petaflop.extract.gazetteer import Entity, Gazetteer
from petaflop.extract.resolve import is_a

#: a quoted title: straight or curly double quotes, at least two characters
_QUOTED = re.compile(r"[\"“]([^\"“”]{2,120})[\"”]")
#: a short name and its full name in brackets: "IOI 2025 (International Olympiad in Informatics 2025)"
_BRACKETED = re.compile(r"^\s*([^()]{2,60}?)\s*\(([^()]{2,120})\)\s*$")


def titled_source(name: str, gaz: Gazetteer) -> Entity | None:
    """The known ``Source`` a source line names by a quoted title or a bracketed full name, else None."""
    parts = [m.group(1) for m in _QUOTED.finditer(name)]
    if not parts and (m := _BRACKETED.match(name)):
        parts = [m.group(1), m.group(2)]
    for part in parts:
        ent = gaz.lookup(part.strip())
        if ent is not None and is_a(ent.type, "Source"):
            return ent
    return None
