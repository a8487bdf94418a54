"""Which relation a table reader's lexicon entry states when the subject or the cell narrows it.

- "Kyber 랙 | GPU 수 144": a count of chips in a system's row is the system's chips (``chipsPerSystem``).
- "기업가치 | 3,742억 달러 (상장)", "현재 기업 가치 (9월 3일 종가 기준) | 2.8조 달러": a company's value
  read off its listed shares (a listed company, a closing price) is its market capitalisation
  (``marketCap``), not the valuation of a funding round; "비상장", "비공식 라운드" keep the valuation.

The reading of the row and the column is unchanged, so the statement keeps the entry's rule id.
"""

from __future__ import annotations

import re

from petaflop.extract.facts import EntityRecord
from petaflop.extract.resolve import is_a

#: a count of chips in a chip's column of a comparison: how many of that chip the caption's owner has
CHIP_COUNT_KINDS = {"chipCount", "gpuCount"}
#: a value read off listed shares: "(상장)", "상장사", "종가 기준", "주가 기준"
_LISTED = re.compile(r"\(\s?상장\s?\)|상장\s?(?:사|기업|기준)|종가|주가\s?기준")
#: a private company's value: an unlisted company, a funding round, before an IPO
_UNLISTED = re.compile(r"비\s?상장|상장\s?전|라운드|투자\s?유치|[Ii][Pp][Oo]|비공식")


def table_kind(kind: str, rec: EntityRecord | None, label: str, cell: str) -> str:
    """The relation of the entry's ``kind`` for this subject, row label and cell."""
    if kind in CHIP_COUNT_KINDS and rec is not None and any(is_a(t, "System") for t in rec.types):
        return "chipsPerSystem"
    if kind == "valuation":
        words = f"{label} {cell}"
        if _LISTED.search(words) and not _UNLISTED.search(words):
            return "marketCap"
    return kind
