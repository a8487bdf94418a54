"""UI text in English and Korean (the strings are in :mod:`petaflop.app.strings`).

``t(key, lang, **fields)`` formats the string; a missing key shows the key itself (tests check
that every key used has both languages). Object names come from the graph (``rdfs:label``
@en/@ko, the report's Korean spellings).
"""

from __future__ import annotations

from petaflop.app.strings import STRINGS

__all__ = ["STRINGS", "t"]


def t(key: str, lang: str = "en", **fields) -> str:
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "ko" and pair[1] else pair[0]
    return text.format(**fields) if fields else text
