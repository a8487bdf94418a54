"""One figure read twice in one place: both readings say what the more specific one says it measures.

Two readers may read the same figure of one cell or one sentence: the table reader, which takes the row's
label as the figure's metric ("GEMM TOPS (최소성) | … 354 TFLOPS/s (FP16/BF16)": the sparsity row), and the
text reader of the cell, which sees the cell alone and keeps no metric. Both would be asserted, and the bare
one reads as the thing's plain figure — here twice the dense one. So when two statements of one subject, kind,
value, unit, status, time and bound are read at the same place (line, column, table) and what one says of the
figure (metric, scope, a count's item, per, number format) is the other's and more, the less specific one takes the
other's context: the two are then one statement read by two rules (merged with both provenances), and no
bare figure is left. Two readings that each say something the other does not are both kept as read; so is a
reading with two more specific ones that disagree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from petaflop.extract.facts import Extraction, Statement

__all__ = ["adopt_more_specific"]

#: What a statement says of its figure beyond its value.
_CONTEXT = ("metric", "scope", "item", "per", "number_format")


def _place_and_value(st: Statement) -> tuple:
    loc = st.location
    return (st.subject, st.kind, st.value, st.high, st.unit, st.status, st.time.text if st.time else "", st.bound,
            loc.line_start, loc.line_end, loc.column, loc.table_id, "" if st.unit == "count" else st.item)


def _context(st: Statement) -> tuple[str, ...]:
    """What ``st`` says of its figure. An item is part of it only for a count (the thing counted): a power or
    money figure's item names whose figure it is ("29기 ≈ 1 GW": the turbines'), another figure than the
    subject's own (the phase's 1 GW) — it is part of the place-and-value key instead, so both are kept."""
    return tuple(getattr(st, f) or "" for f in _CONTEXT)


def _less_specific(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when context ``b`` says all ``a`` says of the figure and more."""
    return a != b and all(x == "" or x == y for x, y in zip(a, b, strict=True))


def adopt_more_specific(ex: Extraction) -> int:
    """Give each statement the context of the more specific reading of its figure at the same place (see the
    module); returns how many changed."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, st in enumerate(ex.statements):
        if st.value is not None:
            groups[_place_and_value(st)].append(i)
    changed = 0
    for idx in (idx for idx in groups.values() if len(idx) > 1):
        contexts = {i: _context(ex.statements[i]) for i in idx}
        for i in idx:
            more = {contexts[j] for j in idx if _less_specific(contexts[i], contexts[j])}
            most = [c for c in more if not any(_less_specific(c, d) for d in more)]
            if len(most) == 1:  # one most specific reading (two that disagree: left as read)
                ex.statements[i] = replace(ex.statements[i], **dict(zip(_CONTEXT, most[0], strict=True)))
                changed += 1
    return changed
