"""A column header that refers back to the column before it: "AI 추천 트래픽 점유율 | 그 중 ChatGPT 비중".

"그 중" (of which) makes the column a part of the previous column's whole: 95 % under it is ChatGPT's share
*of the AI-referral traffic*, not of the site's traffic. Read alone, the header's metric ("그 중 ChatGPT 비중")
says neither, and the share reads as one of everything. After a table is read, each figure of such a column
gets a metric that says the whole, composed from the previous column's header without its word for a share
("AI 추천 트래픽 중 ChatGPT 비중"); a figure whose header refers back to nothing a figure column names (the
column right after the row labels, an empty header) stays a claim (its rule ``…:unsure``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.model import Table
from petaflop.extract.gate import unsure

#: "그 중", "그중", "이 중", "이 가운데", "그 중에서", "of which", "of these": a header opening by pointing back
_BACK = re.compile(r"^\s*(?:(?:그|이)\s?(?:중|가운데)(?:에서)?|(?i:of which|of these|thereof))[\s:,]+(?=\S)")
#: the word for a share closing the previous header ("AI 추천 트래픽 점유율"): the whole is what it is a share of
_SHARE_END = re.compile(r"\s*(?:점유율|비중|비율|구성비|(?i:share))\s*(?:\([^()]*\))?\s*$")


def referred_metric(labels: list[str], column: int) -> str | None:
    """The metric of a figure under the 0-based ``column`` of ``labels`` when its header refers back ("그 중
    ChatGPT 비중" after "AI 추천 트래픽 점유율" → "AI 추천 트래픽 중 ChatGPT 비중"); "" when it refers back to no
    header of figures (the first column after the row labels, an empty one); None when it does not refer back."""
    if not 0 < column < len(labels) or (m := _BACK.match(labels[column])) is None:
        return None
    rest = labels[column][m.end():].strip()
    whole = _SHARE_END.sub("", labels[column - 1]).strip() if column >= 2 else ""
    return f"{whole} 중 {rest}"[:60] if whole else ""


def refer_back(statements: list, table: Table, first: int) -> None:
    """Give the figures read from ``table`` (``statements`` from index ``first``) under a header that refers back
    the metric that says the whole, or make them claims (see the module)."""
    labels = table.column_labels or [c.text for c in table.header]
    for i in range(first, len(statements)):
        st = statements[i]
        if st.location.table_id != table.id or (metric := referred_metric(labels, st.location.column - 1)) is None:
            continue
        statements[i] = replace(st, metric=metric) if metric else replace(st, rule=unsure(st.rule))
