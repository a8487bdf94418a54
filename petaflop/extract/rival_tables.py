"""A table listing a firm's rivals: its key column is headed "경쟁사" (rivals) and the caption's first
line names the firm whose rivals they are ("Momenta가 바라보는 자율주행 업체들의 위상" over rows of
Mobileye, Huawei, Tesla). The table reader links each row's organisation to that firm
(``table-reader:competesWith@caption``)."""

from __future__ import annotations

import re

from petaflop.extract.resolve import is_a

_RIVAL_HEADER = re.compile(r"^\s*(?:경쟁\s?(?:사|자|업체|기업)|라이벌|[Cc]ompetitors?)\s*$")


def caption_rival_owner(header: str, caption: list[str], res) -> str | None:
    """The firm whose rivals a table lists: its key column is headed "경쟁사" (rivals) and the caption's
    first line names one firm ("Momenta가 바라보는 자율주행 업체들의 위상"); else None."""
    if not _RIVAL_HEADER.match(header) or not caption:
        return None
    found = {e.id: e for e in res.entities_in(caption[0]) if any(is_a(e.type, c) for c in ("Firm", "AILab"))}
    return res.record(next(iter(found.values()))) if len(found) == 1 else None
