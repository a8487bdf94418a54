"""A block's text as sentences: what the text reader reads one at a time."""

from __future__ import annotations

import re
from collections.abc import Iterator

_SENTENCE = re.compile(r"(?:[^.!?。]|[.!?](?=\S))+(?:[.!?。](?=\s|$)|$)")
#: the longest sentence read whole: the report's longest is under 300 characters, while a line of 1 MB written
#: without a full stop (the report's bullets end "…음", "…함") was one sentence, and each figure's look-backs over
#: it made the reading quadratic (169 s of CPU); a longer one is read in pieces cut after such an ending
MAX_SENTENCE = 2000
_ENDING = re.compile(r"(?:[음함임됨다요]|[.!?。])\s")


def sentences(text: str) -> Iterator[str]:
    """The sentences of a block's text, none longer than :data:`MAX_SENTENCE` characters."""
    for sm in _SENTENCE.finditer(text):
        s = sm.group(0)
        while len(s) > MAX_SENTENCE:
            cut = max((m.end() for m in _ENDING.finditer(s, 0, MAX_SENTENCE)), default=0) \
                or s.rfind(" ", 0, MAX_SENTENCE) + 1 or MAX_SENTENCE
            yield s[:cut]
            s = s[cut:]
        if s.strip():
            yield s
