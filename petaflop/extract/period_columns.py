"""The period of a column whose label repeats another's by a slip of the header.

A table of period columns often gives two measures for the same periods, in the same order
("2Q25 매출 | 1Q25 매출 | … | 2Q25 점유율 | 1Q25 점유율"). When one measure's labels repeat a period
("1Q25 점유율 | 1Q25 점유율"), the two columns cannot both be of it: the other measure's columns, with as
many distinct periods in the same order, say which period each one is of. Read only when

* the other measure has exactly as many period columns, every one a different period;
* every period the repeating measure names is among them, and each of its columns whose label is not
  repeated stands where the other measure has that same period;
* no second measure would say otherwise.

Else a repeated label dates nothing (:meth:`petaflop.extract.table_status.TableStatus.period`).
"""

from __future__ import annotations

import re

from foundation.periods import Period
from petaflop.extract.cell_text import cell_period

__all__ = ["slipped_period", "trailing_period"]


def _groups(labels: list[str], leading: re.Pattern[str]) -> dict[str, list[tuple[int, str, Period]]]:
    """The period columns of each measure: the words after a label's leading period → (1-based column,
    label, period), in column order."""
    out: dict[str, list[tuple[int, str, Period]]] = {}
    for j, label in enumerate(labels, 1):
        m = leading.match(label)
        period = cell_period(m.group(0)) if m else None
        measure = label[m.end():].strip() if m else ""
        if period is not None and measure:
            out.setdefault(measure, []).append((j, label, period))
    return out


def slipped_period(labels: list[str], column: int, leading: re.Pattern[str]) -> Period | None:
    """The period of the 1-based ``column`` whose label (opening with a period, ``leading``) another column
    repeats, read from the columns of another measure in the same order; None when they do not say."""
    groups = _groups(labels, leading)
    own = next((g for g in groups.values() if any(j == column for j, _, _ in g)), None)
    if own is None:
        return None
    texts = [label for _, label, _ in own]
    answers: dict[str, Period] = {}
    for other in groups.values():
        if other is own or len(other) != len(own) or len({p.text for _, _, p in other}) != len(other):
            continue
        periods = [p for _, _, p in other]
        if not {p.text for _, _, p in own} <= {p.text for p in periods}:
            continue
        if all(texts.count(label) > 1 or p.text == periods[k].text for k, (_, label, p) in enumerate(own)):
            found = periods[[j for j, _, _ in own].index(column)]
            answers[found.text] = found
    return next(iter(answers.values())) if len(answers) == 1 else None


#: A column label that names its measure, then its period in parentheses: "점유율(2025)", "매출 (2024년)",
#: "출하량 (2Q25)".
_TRAILING = re.compile(r"^[^()\d]+\(\s*((?:19|20)\d{2}\s?년?|[1-4]Q\s?\d{2}|(?:19|20)\d{2}\s?Q[1-4])\s*\)\s*$")


def trailing_period(label: str) -> Period | None:
    """The period a column label writes in parentheses after its measure ("점유율(2025)"), or None."""
    m = _TRAILING.match(label)
    return cell_period(m.group(1)) if m else None
