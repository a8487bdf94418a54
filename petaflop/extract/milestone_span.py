"""A mark reached a span of time after an event: "ChatGPT는 출시 2개월 만에 사용자 1억 명 돌파".

The figure after "<사건> N 만에" and before a verb of reaching (돌파, 달성, 기록, 넘어, 도달) is what the thing had
N after the event — a milestone, not what it has now (the same paragraph may give that: "올해 초 … 4억 명"). A
prose figure read so, with no time and no scope of its own, gets the span as its scope ("출시 2개월 만에"); when
the event is a launch and the thing's own release month is known, it also gets the month the mark was reached
(the release month plus the span, for a span of months or years).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from foundation.periods import parse_period
from ingest.quantities import find_quantities
from petaflop.extract.facts import Extraction
from petaflop.extract.sentence_split import sentences

#: the event a span is counted from, right before it: "출시 ", "출시 후 ", "공개 약 "
_EVENT = re.compile(r"(?P<event>출시|공개|런칭|론칭|발표|오픈|개시|서비스\s?시작|설립|창업)\s?(?:후|이후)?\s?(?:약|단|불과)?\s?$")
#: between the span and the figure: "만에", at most three words ("사용자", "OpenRouter에서", "ARR")
_AFTER_SPAN = re.compile(r"^\s?만에\s(?:[^\s\d]{1,16}\s){0,3}$")
#: a verb of reaching right after the figure (a word or two between: "1조개 토큰 사용량 달성")
_REACHED = re.compile(r"^(?:\s?[가-힣A-Za-z]{1,8}){0,2}?\s?(?:을|를|이|가)?\s?(?:돌파|달성|기록|넘어|넘었|넘겼|도달|突破)")
#: a launch: its span can be counted from the thing's release date
_LAUNCH = re.compile(r"출시|공개|런칭|론칭|오픈|서비스")
_MONTHS = {"month": 1, "year": 12}


#: a name's own event right after it, opening a span: "“Claude Code” 출시 ", "X의 공개 후 " (then the span)
_NAMED_EVENT = re.compile(r"[”\"'’)]?\s?(?:의\s)?(?:출시|공개|런칭|론칭|발표|오픈|개시|서비스\s?시작|설립|창업)\s?(?:후|이후)?\s?(?:약|단|불과)?\s?$")


def names_its_event(s: str, span_start: int, name_end: int) -> bool:
    """"특히 제품인 “X” 출시 3개월 만에 …": the name ending at ``name_end`` is followed by an event word right up to
    the span at ``span_start`` — the span is counted from that name's event, so it is the name's, never the
    previous sentence's topic's."""
    return 0 <= name_end <= span_start and bool(_NAMED_EVENT.fullmatch(s, name_end, span_start))


def _milestone(sentence: str, value: object) -> tuple[str, object, object] | None:
    """(the scope, the span, the event's word) of the figure of ``value`` in ``sentence`` when it is a mark reached
    a span after an event, else None."""
    found = find_quantities(sentence)
    for span, q in itertools.pairwise(found):
        if q.value != value or span.kind != "duration" or span.value is None:
            continue
        event = _EVENT.search(sentence[:span.start])
        if event is None or not _AFTER_SPAN.match(sentence[span.end:q.start]) or not _REACHED.match(sentence[q.end:]):
            continue
        scope = f"{sentence[event.start():span.end].strip()} 만에"
        return scope[:40], span, event.group("event")
    return None


def _reached_month(ex: Extraction, subject: str, span: object) -> object | None:
    """The month a mark was reached: the subject's release month plus ``span`` (months or years), else None."""
    months = _MONTHS.get(span.unit)
    release = next((st.time for st in ex.statements if st.subject == subject and st.kind == "releaseDate"
                    and st.status == "actual" and st.time is not None and st.time.precision in ("month", "day")), None)
    if months is None or release is None or span.value != int(span.value):
        return None
    year, month = int(release.start[:4]), int(release.start[5:7]) + int(span.value) * months
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return parse_period(f"{year:04d}-{month:02d}")


def settle_milestones(ex: Extraction, lines: list[str]) -> int:
    """Scope (and date, when it can) the prose figures that are marks reached a span after an event
    (:mod:`milestone_span`); returns how many it changed."""
    changed = 0
    for i, st in enumerate(ex.statements):
        if st.time is not None or st.scope or st.location.table_id or st.value is None or not st.raw \
                or st.kind in ("duration", "multiple") or not 0 < st.location.line_start <= len(lines):
            continue
        line = lines[st.location.line_start - 1]
        if "만에" not in line:
            continue
        for sentence in sentences(line.replace("\\$", "$")):
            if st.raw.strip() not in sentence or (found := _milestone(sentence, st.value)) is None:
                continue
            scope, span, event = found
            when = _reached_month(ex, st.subject, span) if _LAUNCH.search(event) else None
            ex.statements[i] = replace(st, scope=scope, time=when)
            changed += 1
            break
    return changed

