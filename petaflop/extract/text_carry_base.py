"""A comparison carried into the next sentence: "A는 … B의 1.6배에 달하는 수준. 3.6배 이상의 메모리 용량과
2.1배 더 넓은 대역폭을 …" — a sentence of the same block that opens with a multiple, naming nothing before
it, goes on comparing the previous sentence's subject with its base (the text reader's ``text:multiple:carried``
construction, which carries them between the figures of one sentence)."""

from __future__ import annotations

import re

from ingest.quantities import Quantity

#: nothing but a bullet or an opening quote before the sentence's first figure
_OPENS = re.compile(r"\s*(?:[-•·]\s*)?[“\"‘']?\s*$")


def carried_base(previous: tuple | None, sentence: str, values: list[Quantity], same_block: bool) -> tuple | None:
    """The base to carry into ``sentence`` from the previous sentence's last multiple (``previous``:
    base name, base entity, end, subject), placed at the sentence's start; else None."""
    if not same_block or previous is None or previous[3] is None or not values:
        return None
    first = min(values, key=lambda v: v.start)
    if first.kind != "multiple" or not _OPENS.fullmatch(sentence[:first.start]):
        return None
    return (previous[0], previous[1], 0, previous[3])
