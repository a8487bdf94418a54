"""A table listing a firm's rivals: its key column is headed "경쟁사" (rivals) and the caption's first
line names the firm whose rivals they are ("Momenta가 바라보는 자율주행 업체들의 위상" over rows of
Mobileye, Huawei, Tesla). The table reader links each row's organisation to that firm
(``table-reader:competesWith@caption``).

A table of a firm's partner groups: a column headed as partners ("파트너 그룹", "파트너사") or its
organisations' column ("주요 기업") under a caption that names one firm and partners ("엔비디아의 큰
그림에 참여하는 파트너 그룹"): every organisation the table lists is a partner of that firm
(``table:partner-group:caption``)."""

from __future__ import annotations

import re

from petaflop.extract.facts import Extraction, Fact
from petaflop.extract.resolve import is_a

_RIVAL_HEADER = re.compile(r"^\s*(?:경쟁\s?(?:사|자|업체|기업)|라이벌|[Cc]ompetitors?)\s*$")


def caption_rival_owner(header: str, caption: list[str], res) -> str | None:
    """The firm whose rivals a table lists: its key column is headed "경쟁사" (rivals) and the caption's
    first line names one firm ("Momenta가 바라보는 자율주행 업체들의 위상"); else None."""
    if not _RIVAL_HEADER.match(header) or not caption:
        return None
    found = {e.id: e for e in res.entities_in(caption[0]) if any(is_a(e.type, c) for c in ("Firm", "AILab"))}
    return res.record(next(iter(found.values()))) if len(found) == 1 else None


_PARTNER_HEADER = re.compile(r"파트너|[Pp]artners?")
_ORGS_HEADER = re.compile(r"^\s*(?:주요\s?)?(?:기업|업체|회사|파트너사|참여\s?기업|멤버)(?:들)?\s*$")
_FIRMS = ("Firm", "AILab")


def add_partner_groups(table, res, ex: Extraction, loc_of, sources: tuple[str, ...]) -> None:
    """"파트너 그룹 | 주요 기업 | 역할" under "엔비디아의 … 파트너 그룹": the listed organisations partner
    the one firm the caption names (not when the caption names several, or none)."""
    labels = table.column_labels or [c.text for c in table.header]
    caption = " ".join(table.caption)
    if not any(_PARTNER_HEADER.search(h) for h in labels) or not _PARTNER_HEADER.search(caption):
        return
    col = next((j for j, h in enumerate(labels) if _ORGS_HEADER.match(h)), None)
    owners = [e for e in res.entities_in(caption) if any(is_a(e.type, c) for c in _FIRMS)]
    if col is None or len(owners) != 1:
        return
    owner = res.record(owners[0])
    for r, row in enumerate(table.rows, 1):
        if col >= len(row.cells):
            continue
        cell = row.cells[col]
        for e in res.entities_in(cell.text, "Organization"):
            if e.id != owner and not is_a(e.type, "Country"):
                ex.add(Fact(res.record(e), "partnerOf", owner, True, loc_of(table, cell, r),
                            "table:partner-group:caption", sources, raw=cell.text[:60]))
