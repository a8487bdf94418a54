"""Dates of a plan: a date, the words of what is planned (a verb noun) and a word of plan (목표, 예정).

* **Before the head of a relative clause**: "올해 4분기 출시 목표인 차세대 X", "2025년 하반기 출시 예정인 X칩",
  "연말까지 대량 생산에 들어간다고 예정된 X" (a deadline of the report's year: "연말까지", "연내"),
  "내년 목표인 MI450" (a goal stated by its date alone: the thing's arrival, a release), "2030년까지 … 완성을
  목표로 하는 이 프로젝트" (the head an anaphor, "이 프로젝트", "해당 시설": the sentence's topic).
* **After the clause's topic**: "X 프로젝트는 '29년 초까지 실전 배치를 목표로": the topic, right before the
  date, is what is planned.

What the verb noun says gives the kind: a release (출시, 양산, 대량 생산, 상용화; no verb; mass production is
a release in that scope only, release_milestone.py), the start of operation (가동, 운영, 배치) or a completion
(완공, 완성, 완료). A deadline ("'29년 초까지") is the plan's date.
The status is ``target`` for a goal (목표), ``planned`` for what is scheduled (예정). Only a thing of a class
the kind allows gets a date; a project ("… 프로젝트", "이 프로젝트") deployed or completed may also be a
programme or a joint project (a project is not released); a software platform is no project.
One construction, whatever the kind: rule ``text:event-plan`` (``text-cell:event-plan`` in a table cell).

A plan the sentence says was superseded — its date marked as the first one ("원래 2025년 하반기 출시 예정인 X",
"당초 …") or its head put off in the same clause ("… 예정인 X를 2026년으로 6개월 연기") — is scoped "earlier plan"
(no truthy date); the date it was put off to ("… 2026년으로 … 연기") is the thing's plan now, rule
``text:event-plan:put-off``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ingest.quantities import Quantity
from petaflop.extract.cell_text import quantity_period
from petaflop.extract.facts import Location, Statement
from petaflop.extract.release_milestone import milestone_scope
from petaflop.extract.resolve import is_a
from petaflop.extract.status_words import plan_status

if TYPE_CHECKING:
    from petaflop.extract.text_frames import Mention_

RULE = "event-plan"  # after the reader's prefix: text:event-plan, text-cell:event-plan
_RELEASE = ("AIModel", "AIProduct", "Hardware", "SoftwarePlatform", "ChipArchitecture", "MemoryTechnology",
            "NetworkTechnology")
_RUN = ("Facility", "Site", "ComputeCluster", "ClusterPhase")
_KINDS = {
    "release": ("releaseDate", _RELEASE),
    "operation": ("operationDate", _RUN),
    "completion": ("completionDate", (*_RUN, "Chip", "ProcessNode")),
}
#: what a "프로젝트" may be beside a facility: a programme of a state, a joint project of firms
_PROJECTS = ("PolicyInstrument", "Deal")
_VERBS = {"출시": "release", "양산": "release", "대량 생산": "release", "대량생산": "release", "상용화": "release",
          "가동": "operation", "운영": "operation", "배치": "operation",
          "완공": "completion", "완성": "completion", "완료": "completion"}
#: right after the date: (까지), at most three words of what is planned, the verb noun and its object particle (or
#: its start: "대량 생산에 들어간다고 예정된", "양산에 들어갈 예정")
_CLAUSE = (r"\s?(?:까지|에|에는)?\s(?:(?P<words>(?:[가-힣A-Za-z0-9]{1,8}\s){0,3}?)"
           r"(?P<verb>출시|양산|대량\s?생산|상용화|가동|운영|배치|완공|완성|완료)\s?(?:을\s|를\s|에\s들어(?:간다고|갈)\s)?)?")
#: … then a word of plan ending in a relative ("목표인", "목표로 하는", "예정인", "예정된") and the head
_BEFORE_HEAD = re.compile(_CLAUSE + r"(?P<plan>목표인|목표로\s하는|예정인|예정된)\s(?:차세대\s|신규\s|최신\s)?")
#: … or a word of plan closing the clause of a topic ("… 배치를 목표로 하며", "… 양산 목표.")
_AFTER_TOPIC = re.compile(_CLAUSE + r"(?P<plan>목표|예정)(?:로|이며|임|이다)?(?=[\s.,]|$)")
#: a name, (its class word), its topic particle, then the date
_TOPIC_GAP = re.compile(r"['’”\"]?\s?(?:\([^)]{0,20}\))?\s?(?:프로젝트|모델|칩|시스템)?\s?(?:은|는)\s")
#: the head an anaphor: "이 프로젝트", "해당 시설"
_ANAPHOR = re.compile(r"(?:이|해당)\s(?P<noun>[가-힣]{1,6}?)(?:은|는|이|가|을|를|의)?(?=[\s.,]|$)")
_PROJECT = re.compile(r"프로젝트")
_QUOTE = re.compile(r"['‘“\"]?")
#: the scope of a plan superseded: "원래 2025년 하반기 출시 예정인", or its head put off right after
EARLIER_PLAN = "earlier plan"
_FIRST = re.compile(r"(?:원래|당초|기존)(?:에는|은)?\s?$")
#: the rest of the head's clause puts it off, maybe to a new date: "…을 2026년으로 최소 6개월 연기"
_PUT_OFF = re.compile(r"[^.;]{0,40}?(?:연기|지연(?!\s?시간)|미뤄|미루|늦춰)")
#: right after the new date: "…년으로", then the words up to the verb of putting off
_TO = re.compile(r"\s?(?:으로|로)\s")


def _kind(verb: str | None, project: bool, ent_type: str) -> str:
    """The date property a plan of ``verb`` gives a thing of ``ent_type`` ('' when its class does not fit)."""
    key = _VERBS.get(re.sub(r"\s", " ", verb), "release") if verb else "release"
    kind, classes = _KINDS[key]
    if any(is_a(ent_type, c) for c in classes):
        return kind
    if project and key != "release" and any(is_a(ent_type, c) for c in _PROJECTS):
        return kind  # a project (a programme, a joint venture's work) is deployed or completed
    return ""


def _time(s: str, d: Quantity):
    """The plan's date: one named period, a deadline ("까지") being its date; no span, no lower bound."""
    deadline = s[d.start:d.end].endswith("까지") or s.startswith("까지", d.end)
    if "lowerBound" in d.qualifiers or ("upperBound" in d.qualifiers and not deadline):
        return None
    period = quantity_period(d)
    return None if period is None or period.is_span else period


def plan_dates(s: str, mentions: list[Mention_], dates: list[Quantity], topic: Mention_ | None, loc: Location,
               sources: tuple[str, ...], done: set[str], prefix: str = "text") -> list[Statement]:
    """The planned dates a sentence states (``done``: the things already dated by the sentence)."""
    out: list[Statement] = []
    for d in dates:
        time = _time(s, d)
        if time is None:
            continue
        if (bm := _BEFORE_HEAD.match(s, d.end)) is not None:
            head = next((m for m in mentions if m.start - bm.end() in (0, 1) and _QUOTE.fullmatch(s, bm.end(), m.start)), None)
            # the head an anaphor: its mention when the reader resolved it (topic_anaphor.py), else the topic
            project = (am := _ANAPHOR.match(s, bm.end())) is not None and bool(_PROJECT.fullmatch(am.group("noun")))
            if head is None and am is not None:
                marked = [m for m in mentions if m.end <= d.start and m.role == "topic"]
                head = marked[-1] if marked else topic
            if head is None:
                continue
            found = bm
        elif (tm := _AFTER_TOPIC.match(s, d.end)) is not None and tm.group("verb"):
            head = next((m for m in reversed(mentions) if m.end <= d.start), None)
            gap = _TOPIC_GAP.fullmatch(s, head.end, d.start) if head is not None else None
            if head is None or gap is None:
                continue
            project, found = bool(_PROJECT.search(gap.group())), tm
        else:
            continue
        kind = _kind(found.group("verb"), project, head.type)
        if not kind or head.entity in done:
            continue
        done.add(head.entity)
        status = plan_status(found.group("plan"), s[found.end():]) or "planned"
        scope = milestone_scope(found.group("verb") or "") if kind == "releaseDate" else ""  # "대량 생산에 들어간다고"
        later = put_off(s, d, head.start, head.end, dates, Statement(head.entity, kind, loc, f"{prefix}:{RULE}",
                                                                      sources=sources))
        out.append(Statement(head.entity, kind, loc, f"{prefix}:{RULE}", time=time, status=status, sources=sources,
                             scope=EARLIER_PLAN if later is not None else scope, raw=s[d.start:found.end()][:60]))
        out.extend(later or ())
    return out


def put_off(s: str, d: Quantity, head_start: int, head_end: int, dates: list[Quantity], like: Statement) \
        -> list[Statement] | None:
    """None when the plan dated ``d`` of the head at ``head_start:head_end`` stands; else it was superseded — its date
    marked as the first ("원래 2025년 하반기 출시 예정인 X", "당초 …") or the head put off in its clause ("X를 …
    연기") — and the list holds the date it was put off to ("…을 2026년으로 최소 6개월 연기"), a statement like
    ``like`` (rule ``…:put-off``)."""
    later = _PUT_OFF.match(s, head_end) if head_start > d.end else None  # only a head after the date
    if later is None:
        return [] if _FIRST.search(s, 0, d.start) else None
    for n in dates:
        if later.start() <= n.start and n.end <= later.end() and _TO.match(s, n.end) \
                and (time := _time(s, n)) is not None:
            return [replace(like, rule=f"{like.rule}:put-off", time=time, status="planned",
                            raw=s[n.start:later.end()][:60])]
    return []
