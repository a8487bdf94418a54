"""The start of a facility's operation: a date right before a word of beginning to run it, with a manner
("본격", "정식", "상업", "부분", "시범") — "2025년 4분기 본격 운영", "2028년에 부분운영", "2월 중순 설치 및 시범
가동 중" — is the facility's **operationDate** (a partial or trial run is the start of operation too).

Whose: a facility, site or cluster named as the clause's topic or subject before the date, else the
sentence's (in a table, the row's) topic. A bare "운영" or "가동" is not read (the state of running, "운영
중", names no start). One construction in prose and cells: rule ``text:operation-start``.

A timeline row whose cell states no date of its own says when its start happened by the row's date: "… 택시
서비스 "<city>"에서 운영 시작" in the row of "2025년 6월" is the start of operation of the row's facility or
service (a product run as a service, ``AIProduct``, only there: its row names it) at the row's date; a start
still to come in words ("시작 예정", "시작할") or negated is none.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from foundation.periods import Period
from ingest.quantities import REFERENCE_DATE, Quantity
from petaflop.extract.cell_text import quantity_period
from petaflop.extract.facts import Location, Statement
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from petaflop.extract.text_frames import Mention_

RULE = "text:operation-start"
#: after the date: a particle or a part of the month, at most three short words ("설치 및"), the manner and the verb
_START = re.compile(r"\s?(?:에|부터|중순|초|말|하순|상순)?\s?(?:[가-힣]{1,4}\s){0,3}(?:본격|정식|상업|부분|시범)\s?(?:적\s?)?(?:운영|가동)")
_RUN = ("Facility", "Site", "ComputeCluster", "ClusterPhase")
#: in a row's cell with no date of its own: the verb of beginning to run, said outright ("운영 시작", "서비스 개시")
_ROW_START = re.compile(r"(?:운영|가동|서비스)\s?(?:을|를)?\s?(?:시작|개시)(?![가-힣]{0,2}\s?(?:예정|계획|목표|못|않))"
                        r"(?!할|될|하지|되지)")


def operation_starts(s: str, mentions: list[Mention_], dates: list[Quantity], topic: Mention_ | None,
                     loc: Location, sources: tuple[str, ...], row_time: Period | None = None) -> list[Statement]:
    """The operationDate statements a sentence (or a cell) states; ``row_time``: the date of a table's row
    whose cell this is."""
    out = []
    if row_time is not None and not dates and topic is not None and topic.role == "row" \
            and any(is_a(topic.type, t) for t in (*_RUN, "AIProduct")) and (m := _ROW_START.search(s)):
        status = "planned" if row_time.start > REFERENCE_DATE.isoformat() else "actual"
        return [Statement(topic.entity, "operationDate", loc, RULE, time=row_time, status=status, sources=sources,
                          raw=s[max(m.start() - 30, 0):m.end()][:60])]
    for d in dates:
        if not _START.match(s, d.end):
            continue
        time = quantity_period(d)
        if time is None:
            continue
        marked = [m for m in mentions if m.end <= d.start and m.role in ("topic", "subject")
                  and any(is_a(m.type, t) for t in _RUN)]
        holder = marked[-1] if marked else topic
        if holder is None or not any(is_a(holder.type, t) for t in _RUN):
            continue
        status = "planned" if time.start > REFERENCE_DATE.isoformat() else "actual"
        out.append(Statement(holder.entity, "operationDate", loc, RULE, time=time, status=status, sources=sources,
                             raw=s[d.start:d.end + 20][:60]))
    return out
