"""A figure whose next sentence says what it grew from and when: the figure is now's.

"주간 활성 사용자 7억 명 돌파. 올해 3월 5억 명에서 급증", "유료 사용자는 500만 명. 작년 중순 100만 명에서 빠르게
증가": the sentence after the figure opens with an earlier date and a figure of the same kind and unit that it rose
from (에서 … 급증/증가/성장/확대/늘어); the figure, the last of its own sentence and dated by nothing, holds now — in
the report's year."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from ingest.quantities import REFERENCE_DATE, find_quantities
from petaflop.extract.facts import Extraction
from petaflop.extract.figure_context import report_year
from petaflop.extract.sentence_split import sentences

#: after the earlier figure: "에서" and a word of growth within a few words
_GREW = re.compile(r"(?:에서|부터)\s(?:[가-힣]{1,6}\s){0,2}?(?:급증|증가|성장|확대|늘어|늘었|상승|급등)")


def _now_figure(sentence: str, following: str) -> object | None:
    """The last figure of ``sentence`` when ``following`` opens with an earlier date and the figure it grew from."""
    found = [q for q in find_quantities(sentence) if q.value is not None or q.kind in ("date", "period")]
    if not found or found[-1].kind in ("date", "period", "percent", "multiple") \
            or any(q.kind in ("date", "period") for q in found):
        return None
    last = found[-1]
    nxt = find_quantities(following)
    if len(nxt) < 2 or nxt[0].kind not in ("date", "period") or following[:nxt[0].start].strip(" -•") \
            or not nxt[0].date_end or nxt[0].date_end >= REFERENCE_DATE.isoformat() \
            or {"lowerBound", "upperBound"} & nxt[0].qualifiers:
        return None
    was = nxt[1]
    if following[nxt[0].end:was.start].strip() not in ("", "초", "중반", "중순", "말") or (was.kind, was.unit) != (last.kind, last.unit) \
            or was.value == last.value or not _GREW.match(following, was.end):
        return None
    return last


def settle_grown_from(ex: Extraction, lines: list[str]) -> int:
    """Date the report's year the undated prose figures a next sentence says grew from an earlier one
    (:mod:`grown_from`); returns how many it dated."""
    now = report_year()
    dated = 0
    by_line: dict[int, list[tuple[str, object | None]]] = {}  # each line's sentences read once, not per statement
    for i, st in enumerate(ex.statements):
        if st.time is not None or st.location.table_id or st.value is None or not st.raw \
                or not 0 < st.location.line_start <= len(lines):
            continue
        line = st.location.line_start
        if line not in by_line:
            said = list(sentences(lines[line - 1].replace("\\$", "$")))
            by_line[line] = [(sentence, _now_figure(sentence, following))
                             for sentence, following in itertools.pairwise(said)]
        for sentence, last in by_line[line]:
            if last is not None and st.raw.strip() in sentence and last.value == st.value:
                ex.statements[i] = replace(st, time=now)
                dated += 1
                break
    return dated
