"""The base a table's relative figures are measured against when only its caption says it.

A caption (or the short title line above the table) that names one thing right before "대비" ("<X> 대비 차세대
아키텍처가 갖는 이점", "<X>(…) 대비 …") says what every relative figure in its rows compares with: a row
"<Y> | 68배 | 87%" under it is Y's multiple and Y's cut against X, not against Y's predecessor. The row keeps
its label as the metric; the base joins it ("<label> vs <X>"), as a comparison written in a cell or a
header names its base (``table_matrix``, ``period_row_series``). Only a name the gazetteer knows is read as
the base (a time base, "전년 대비", is the figure time's business), only one per table, and a row about the
base itself, or a metric that already names a base, is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ingest.model import Table

#: the kinds of a relative figure, measured against a base
_RELATIVE = ("relativeDifference", "multiple")
#: an aside in parentheses, dropped before the base is looked for: "Hopper(… 세대) 대비"
_ASIDE = re.compile(r"\s?\([^()]{0,40}\)")
#: "대비" after the base's name, as a word of its own
_BASE_MARK = re.compile(r"\s?대비(?=\s|$)")
#: a metric that already names what it is compared with
_HAS_BASE = re.compile(r"\bvs\b|대비|보다|비해")


def caption_base(lines: list[str], gaz) -> tuple[str, str] | None:
    """(the entity id, its English name) of the one thing the caption ``lines`` name right before "대비"; None
    when they name none, or more than one."""
    found: dict[str, str] = {}
    for line in lines:
        text = _ASIDE.sub("", line or "")
        for mark in _BASE_MARK.finditer(text):
            named = [m for m in gaz.find_mentions(text[:mark.start()]) if m.end == mark.start()]
            if not named:
                return None  # "전년 대비", "기존 제품 대비": no thing named; the figures' base is not this one
            ent = gaz.by_id(named[-1].entity_id)
            found[ent.id] = ent.name_en or named[-1].alias
    return next(iter(found.items())) if len(found) == 1 else None


def add_caption_base(reader, table: Table, first: int) -> None:
    """Name the caption's base (:func:`caption_base`) in the metric of each relative figure ``reader`` read from
    ``table`` (from index ``first`` of its statements)."""
    statements = reader.ex.statements
    if not any(s.kind in _RELATIVE for s in statements[first:]):
        return
    base = caption_base([getattr(reader, "titles", {}).get(table.id, ""), *table.caption], reader.res.gaz)
    if base is None:
        return
    for i in range(first, len(statements)):
        s = statements[i]
        if s.kind in _RELATIVE and s.location.table_id == table.id and s.subject != base[0] \
                and not _HAS_BASE.search(s.metric or ""):
            statements[i] = replace(s, metric=f"{s.metric} vs {base[1]}".strip()[:60])
