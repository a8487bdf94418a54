"""Names in a table's row label that only say where a figure holds, shared by the key-value readers
(table_reader.py and the mapped one in tables.py): in "중국 AI 인프라 시장 점유율" the place says which
market, and in a share's label the market itself is where the share is held — neither is whose it is."""

from __future__ import annotations

import re

_MARKET = re.compile(r"시장|[Mm]arket")
_SHARE = re.compile(r"점유율|[Ss]hare")


def scope_classes(label: str) -> tuple[str, ...]:
    """The classes whose names in ``label`` scope its figure rather than own it."""
    if not _MARKET.search(label):
        return ()
    return ("Place", "MarketSegment") if _SHARE.search(label) else ("Place",)
