"""Line items: several figures of one kind about one subject, each read under its own label.

A model's or a breakdown's rows ("일일 총 운행 수익", "연간 총수익") are not rival values of one
measure: each keeps its label as its metric, so none is shown as the subject's plain (truthy)
value and none is flagged conflicting (docs/statements.md).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from petaflop.extract.facts import Statement


def name_line_items(statements: list[Statement], read_under: dict[int, str], first: int) -> None:
    """Give ``statements[first:]`` read under distinct labels (``read_under``: index -> label) their
    label as metric when one subject has several values of one kind under the same other qualifiers."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i in range(first, len(statements)):
        st = statements[i]
        if i in read_under and not st.metric and st.value is not None:
            groups[(st.subject, st.kind, st.time, st.status, st.per, st.scope, st.item, st.number_format)].append(i)
    for members in groups.values():
        labels = {read_under[i] for i in members}
        # equal figures under two labels ('사용자 숫자 점유율 | 3%', '사용자 쿼리 점유율 | 3%') are two measures too
        if len(members) > 1 and len(labels) == len(members):
            for i in members:
                statements[i] = replace(statements[i], metric=read_under[i][:60])
