"""Dates of releases and announcements the event frame of text_frames.py does not reach.

* **A date before a relative clause of the event**: "2024년 10월에 첫 출시된 Ascend 910C는",
  "지난 4월에 출시한 … Pangu Ultra 모델이", "2024년 9월에 내놓은 모델인 o1", "지난 8월에 나온 FlashAttention v4", "2025년 10월 출시 예정인
  FSD V14", "5월에 개발한 x402라는 프로토콜", "내년에 본격 판매할 … 스위치": the thing named within a few words
  after the clause's verb was released (``출시``, ``내놓``, ``선보``; brought out as developed, ``개발한``; put on
  sale, ``판매``) or announced (``공개``, ``발표``; a model made public is released) at that date; a verb still to
  come ("판매할", "출시할") makes the date planned, and work still to do ("개발할") is no release. A verb
  of plan (``예정``, ``목표``) makes the date planned; an organisation founded (``세운``, ``설립된``) then has
  its ``foundedDate``. Rule ``text:event-before`` (one construction, whatever the kind).
* **A name, its particle, then the date and the verb**: "Hopper 시리즈가 2022년에 출시된 것을 감안하면",
  "Ascend 910C는 2024년 10월 출시됐다". Rule ``text:event-name-date:<kind>``.
* **A date leading the sentence**: "2025년 7월 11일, … 모델 Kimi K2 공개.", "엔비디아는 지난 8월,
  Nemotron Nano 2라는 … 언어모델을 출시": the date, set off by a comma at the head of the sentence (after
  at most its topic), governs the event of a later clause that has no date of its own. Rule
  ``text:event-lead-date`` (one construction, whatever the verb's kind). "올 1월" is "올해 1월"; a dash set
  off by spaces after the verb ("… 지침 발표 - 파트너십: …(2024년 1월)") opens the next item, whose dates
  are not the clause's own; a technology or vision presented ("…라는 비전을 제시") is announced then.

* A phrase of the venue may stand between the date and the verb ("작년 12월 아마존 “AWS re:Invent” 행사에서
  공식 발표된 “Rainier”"); a policy presented ("제시") by a lead-dated clause is announced then.

* **An event's date**: "2025년 4월 발생한 이베리아 반도 정전 사태": a thing of class Event (a blackout, a
  ruling) happened at the last date its clause states before (or within) its name, else at the date
  leading the sentence with a comma. Rule ``text:event-class-date``.
* **A date in parentheses after a name**: "TPU v2(2017)": a model's or chip's release. Rule
  ``text:name-paren-date:releaseDate`` (the same in a table cell: the frame names both ends). A lead
  date may lack its comma when it is a month or a day followed by the topic or a quoted name (the same
  rule ``text:event-lead-date``).

A date that is only a bound ("2027년 이후", "까지") is no event date. Only things of the classes
the event frame allows for the verb get a date.
"""

from __future__ import annotations

import re
from dataclasses import replace

from foundation.periods import parse_period
from ingest.quantities import REFERENCE_DATE, Quantity
from petaflop.extract.cell_text import quantity_period
from petaflop.extract.facts import Location, Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.status_words import plan_status
from petaflop.extract.text_frames import PUT_OFF, Mention_
from petaflop.extract.text_plans import EARLIER_PLAN, plan_dates, put_off
from petaflop.extract.text_plans import RULE as PLAN_RULE
from petaflop.extract.text_starts import start_dates

_KINDS = {
    "release": ("releaseDate", ("AIModel", "AIProduct", "Hardware", "SoftwarePlatform", "ChipArchitecture",
                                "MemoryTechnology", "NetworkTechnology")),
    "found": ("foundedDate", ("Organization",)),  # "2023년 3월에 세운 xAI": when it was founded
    "announce": ("announcedDate", ("AIProduct", "Hardware", "SoftwarePlatform", "Facility", "ChipArchitecture",
                                   "MemoryTechnology", "PolicyInstrument", "Technology")),
}
#: right after the date: (에) (첫) <verb> <relative ending>, then what was released
_BEFORE = re.compile(r"\s?(?:에|에는|경)?\s?(?:(?:[^\s.,]{1,15}\s){0,3}['‘“\"]?[^\s.,]{1,15}['’”\"]?\s?(?:행사|컨퍼런스|회의|이벤트)?에서\s)?"
                     r"(?:첫\s?|처음\s?|정식\s?|공식\s?|대중에게\s?|전격\s?|본격\s?)?"
                     r"(?P<verb>출시|공개|발표|내놓|선보|나온|나왔던|세운|설립|창립|창업|개발|판매)(?P<plan>\s?(?:예정|목표)인|\s?예정된)?"
                     r"(?P<end>된|한|인|했던|은|인|할)?\s")
#: what may stand between the relative clause and the name: a few words, no particle of another role
_TO_NAME = re.compile(r"(?:(?:본인들의|자체|자사의?|차세대|신규|새로운|최신|첫|[가-힣A-Za-z0-9]{1,8}인|"
                      r"[가-힣A-Za-z0-9]{0,5}[가-힣A-Za-z0-9](?<![은는이가을를에의로]))\s){0,3}['‘“\"]?")
#: a name followed by its verb of release or announcement (as text_frames' event frame reads it)
_AFTER = re.compile(r"\s?(?:\([^)]{0,20}\))?['’”\"]?\s?(?:라는\s(?:[가-힣A-Za-z]{1,8}\s){0,3}[가-힣A-Za-z]{1,8}|프로젝트|모델|칩|아키텍처|플랫폼)?\s?(?:을|를|이|가)?\s?"
                    r"(?P<verb>출시|런칭|공개|발표|제시)(?!\s?[가-힣]?\s?(?:예정|계획|목표|했다고 ?보도))(?!" + PUT_OFF + ")")
#: "X(시리즈)가 (지난) DATE에 (첫) 출시된/출시했다": a name with its particle right before the date
_NAME_TO_DATE = re.compile(r"['’”\"]?\s?(?:\([^)]{0,20}\))?\s?(?:시리즈|모델|칩|GPU)?\s?(?:은|는|이|가)\s(?:지난\s|올해\s|작년\s|당초\s)?")
# a planned release ("<X>는 당초 5월 초 출시를 목표로", "… 10월에 출시될 것", "… 출시 예정"): status planned
_VERB_AFTER_DATE = re.compile(r"\s?(?:초|말|중순)?\s?(?:에|부터)?\s?(?:첫\s?|처음\s?|정식\s?|공식\s?)?(?P<verb>출시|공개|발표)\s?"
                              r"(?:된|됐|되었|했|한|함|돼|되어|(?P<plan>될\s?것|할\s?것|(?:를|을)\s목표|예정|계획))"
                              r"(?![^.]{0,8}(?:철회|취소|연기|중단|포기|무산))")
#: a lead date with no comma: a month or a day, then the topic or a (quoted) name
_BARE_LEAD = re.compile(r"(?<=[월일])\s(?:[^\s,]{1,12}(?:은|는)\s|['‘“\"])")
#: "TPU v2(2017)", "Kimi-1.5(2025년 1월) →": a date alone in the parentheses right after a name
_PAREN_DATE = re.compile(r"\((?P<date>[^()]{2,14}?)(?:\)|,\s)")
#: between a maker and its product: the genitive, an optional quote
_MAKER_OF = re.compile(r"['’”\"]?의\s['‘“\"]?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_LEAD = re.compile(r"^\s?(?:-\s)?(?:그리고\s|또한\s|한편\s)?(?:[^\s,]{1,12}(?:은|는)\s)?(?:지난\s|올해\s|올\s|작년\s)?$")
#: a lead date marked as the topic ("3분기에는 …"): the time of what the sentence goes on to plan
_TOPIC_LEAD = re.compile(r"에는\s")
#: a name, then (one noun and) its verb of release and a plan: "“Orion” 글래스 상용화 목표", "X 모델 공개 예정"
_AFTER_PLAN = re.compile(r"\s?(?:\([^)]{0,20}\))?['’”\"]?\s?(?:[가-힣A-Za-z]{1,5}\s)?(?:을\s|를\s)?"
                         r"(?P<verb>출시|공개|상용화|양산)\s?(?P<plan>예정|목표)(?![가-힣])")


#: between a held event and its date: its closing quote and object particle
_OBJECT_GAP = re.compile(r"['’”\"]?\s?(?:를|을)\s(?:올해\s|내년\s|오는\s)?")
#: after the date: (에) (a place with 에서(도)) and the verb of holding, with a decision or schedule
_HELD_AFTER = re.compile(r"\s?(?:초|말|중순)?\s?(?:에|에는)?\s(?:[^\s.,;()]{1,12}\s){0,2}?[^\s.,;()]{1,12}에서(?:도|는)?\s?"
                         r"개최(?P<plan>하기로|할\s?예정|\s?예정|할\s?계획|\s?계획)?(?![^.]{0,10}(?:연기|취소|무산|않|못))")


def _dash_after(s: str, at: int) -> int:
    """Where a dash set off by spaces after ``at`` opens a new item of a bulleted line; else the end."""
    k = s.find(" - ", at)
    return k if k >= 0 else len(s)


def _past_maker(s: str, m: Mention_, mentions: list[Mention_]) -> Mention_:
    """"2025년 2월 출시된 OpenAI의 GPT-4.5": the maker in the genitive, then what was released."""
    gap = _MAKER_OF.match(s, m.end)
    if gap is None or not is_a(m.type, "Organization"):
        return m
    return next((x for x in mentions if x.start == gap.end()), m)


def _kind(verb: str, m: Mention_) -> tuple[str, tuple[str, ...]]:
    if verb in ("세운", "설립", "창립", "창업"):
        return _KINDS["found"]
    if verb in ("공개", "발표") and is_a(m.type, "AIModel"):
        return _KINDS["release"]
    return _KINDS["release" if verb in ("출시", "런칭", "내놓", "선보", "나온", "나왔던", "상용화", "양산", "개발", "판매")
                  else "announce"]


#: the rule suffix of a plan dated by a span ("9~10월에 출시 예정": 2025-09~2025-10)
SPAN = ":span"


def _event_date(q: Quantity, planned: bool = False):
    """The date of an event: one named period ("9월", "2025년 3분기"), never a bound or a span of months
    ("9~10월" is no release month, and its enclosing year would say less than the text) — except of a plan
    ("9~10월에 출시 예정", "2026~27년 … 상용화 목표"): the plan's date is the span it names, both ends kept
    (2025-09~2025-10, never its first month alone); its rule is the construction's with ``:span`` (``SPAN``)."""
    if {"lowerBound", "upperBound"} & q.qualifiers:
        return None
    period = quantity_period(q)
    if period is not None and period.is_span:
        return period if planned else None
    if period is not None and q.date_start and q.date_end and q.date_start[:7] != q.date_end[:7] \
            and (period.start, period.end) != (q.date_start, q.date_end):
        return None
    return period


def _joined(dates: list[Quantity]) -> list[Quantity]:
    """"작년 12월": a year word read as its own date right before a month is that month's year; the pair
    is one date (the month in the year), the year alone no event date."""
    out: list[Quantity] = []
    for d in dates:
        prev = out[-1] if out else None
        pp, dp = (quantity_period(prev) if prev is not None else None), quantity_period(d)
        if prev is not None and pp is not None and dp is not None and pp.precision == "year" \
                and dp.precision == "month" and 0 <= d.start - prev.end <= 1:
            year = pp.start[:4]
            out[-1] = replace(d, start=prev.start, date_start=year + (d.date_start or "")[4:],
                              date_end=year + (d.date_end or "")[4:])
            continue
        out.append(d)
    return out


class DateReader:
    """Mixed into the text reader (``self.ex``, ``self.prefix``, ``self.default_time``)."""

    def _event_dates(self, s: str, mentions: list[Mention_], dates: list[Quantity], starts: list[int],
                     loc: Location, sources: tuple[str, ...], topic: Mention_ | None = None) -> None:
        done: set[str] = set()
        dates = _joined(dates)  # bare quarters ("3분기에") are dates already: ingest reads them
        for d in dates:
            bm = _BEFORE.match(s, d.end)
            if not bm:
                continue
            m = next((x for x in mentions if x.start >= bm.end()), None)
            if m is None or m.start - bm.end() > 30 or not _TO_NAME.fullmatch(s, bm.end(), m.start):
                continue
            m = _past_maker(s, m, mentions)
            if bm.group("end") == "할" and bm.group("verb") not in ("출시", "판매", "공개", "발표"):
                continue  # "… 개발할 X": work still to do, no release
            kind, classes = _kind(bm.group("verb"), m)
            time = _event_date(d, planned=bool(bm.group("plan")))
            if time is None or not any(is_a(m.type, c) for c in classes):
                continue
            status = plan_status(bm.group("plan"), s[bm.end():]) or (
                "planned" if bm.group("end") == "할" or time.start > REFERENCE_DATE.isoformat() else "actual")
            done.add(m.entity)
            rule = f"{self.prefix}:{PLAN_RULE}" if bm.group("plan") else f"{self.prefix}:event-before"  # "출시 예정인 X": a plan's clause
            rule += SPAN if time.is_span else ""  # "9~10월에 출시 예정": a span of months, judged apart
            st = Statement(m.entity, kind, loc, rule, time=time, status=status, sources=sources, raw=s[d.start:m.end][:60])
            later = put_off(s, d, m.start, m.end, dates, st) if bm.group("plan") else None  # "원래 … 예정인 X를 … 연기"
            self.ex.statements.extend([replace(st, scope=EARLIER_PLAN), *later] if later is not None else [st])
        # "엔비디아 Hopper 시리즈가 2022년에 출시된 것": the name, its particle, the date, the verb
        for d in dates:
            vm = _VERB_AFTER_DATE.match(s, d.end)
            if not vm:
                continue
            m = next((x for x in reversed(mentions) if x.end <= d.start), None)
            if m is None or m.entity in done or not _NAME_TO_DATE.fullmatch(s, m.end, d.start):
                continue
            kind, classes = _kind(vm.group("verb"), m)
            time = _event_date(d)
            if time is None or not any(is_a(m.type, c) for c in classes):
                continue
            status = plan_status(vm.group("plan"), s[vm.end():]) or ("planned" if time.start > REFERENCE_DATE.isoformat() else "actual")
            done.add(m.entity)
            earlier = bool(vm.group("plan")) and put_off(s, d, m.start, m.end, [], Statement(m.entity, kind, loc, "")) is not None
            self.ex.statements.append(Statement(m.entity, kind, loc, f"{self.prefix}:event-name-date:{kind}", time=time,
                                                status=status, sources=sources, raw=s[m.start:vm.end()][:60],
                                                scope=EARLIER_PLAN if earlier else ""))  # "X는 당초 5월 출시를 목표로 했던"
        self.ex.statements.extend(plan_dates(s, mentions, dates, topic, loc, sources, done, self.prefix))  # text_plans.py
        self._paren_dates(s, mentions, dates, loc, sources, done)
        self._event_class_dates(s, mentions, dates, starts, loc, sources)
        start_dates(self.ex, s, mentions, dates, starts, loc, sources, self.prefix, done, topic)
        if self.default_time is not None or not dates or not starts:
            return
        # the date leading the sentence: "2025년 7월 11일, …", "엔비디아는 지난 8월, …"; without the comma
        # only a month or a day followed by the topic or the name ("올해 4월 화웨이는 …", "화웨이는 8월 27일 “AI SSD”를")
        lead = next((d for d in dates[:2] if _LEAD.match(s[:d.start]) and (s.startswith(", ", d.end) or _BARE_LEAD.match(s, d.end)
                                                                          or _TOPIC_LEAD.match(s, d.end))), None)
        if lead is None:
            return
        comma = lead.end
        # a plan led by its date: a date marked as the topic, or one still to come ("2026~27년, … 상용화 목표")
        plans = _TOPIC_LEAD.match(s, lead.end) or (lead.date_start or "") > REFERENCE_DATE.isoformat()
        time = _event_date(lead, planned=bool(plans))
        if time is None:
            return
        for m in mentions:
            if m.start <= comma or m.entity in done:
                continue
            am = _AFTER.match(s, m.end) or (_AFTER_PLAN.match(s, m.end) if plans else None)
            if not am:
                continue
            pos = m.start
            c0 = max(x for x in starts if x <= pos)
            c1 = min([x for x in starts if x > pos] + [_dash_after(s, am.end())])  # "… 발표 - 파트너십: …": a new item
            if any(c0 <= d.start < c1 for d in dates if d.start > lead.end):  # the clause has its own date: the event frame's
                continue
            # a thing to be unveiled on a plan ("… 모델 공개 예정") is to be released then
            kind, classes = _kind("출시" if am.re is _AFTER_PLAN else am.group("verb"), m)
            if not any(is_a(m.type, c) for c in classes):
                continue
            status = plan_status(am.groupdict().get("plan"), s[am.end():]) or \
                ("planned" if time.start > REFERENCE_DATE.isoformat() else "actual")
            done.add(m.entity)
            # one construction, with its comma or without, whatever the verb's kind: one rule for the gate
            rule = f"{self.prefix}:event-lead-date" + (SPAN if time.is_span else "")
            self.ex.statements.append(Statement(m.entity, kind, loc, rule, time=time,
                                                status=status, sources=sources, raw=s[m.start:am.end()][:60]))

    def _paren_dates(self, s: str, mentions: list[Mention_], dates: list[Quantity], loc: Location,
                     sources: tuple[str, ...], done: set[str]) -> None:
        """"TPU v2(2017) 대비 최신 Ironwood(2025)": a model's or a chip's release date in the parentheses after its name."""
        for m in mentions:
            pm = _PAREN_DATE.match(s, m.end)
            if pm is None or m.entity in done or not any(is_a(m.type, c) for c in ("AIModel", "Hardware")):
                continue
            d = next((x for x in dates if x.start == pm.start("date") and x.end == pm.end("date")), None)
            time = _event_date(d) if d is not None else parse_period(pm.group("date")) if _YEAR.fullmatch(pm.group("date")) else None
            if time is None:
                continue
            status = "planned" if time.start > REFERENCE_DATE.isoformat() else "actual"
            done.add(m.entity)
            self.ex.statements.append(Statement(m.entity, "releaseDate", loc, "text:name-paren-date:releaseDate",
                                                time=time, status=status, sources=sources, raw=s[m.start:pm.end()][:60]))

    def _held_date(self, s: str, m: Mention_, dates: list[Quantity], starts: list[int], loc: Location,
                   sources: tuple[str, ...]) -> bool:
        """"GTC를 올해 하반기 워싱턴 DC에서도 개최하기로 결정": an event (the object) held at the one date its clause
        states after it, right before the verb of holding (after at most a place): its date, planned when
        decided or scheduled (하기로, 예정, 계획) or still to come."""
        c1 = min([x for x in starts if x > m.end] or [len(s)])
        own = [d for d in dates if m.end <= d.start and d.end <= c1]
        if len(own) != 1 or not _OBJECT_GAP.fullmatch(s, m.end, own[0].start):
            return False
        hm = _HELD_AFTER.match(s, own[0].end)
        time = _event_date(own[0]) if hm else None
        if time is None:
            return False
        status = "planned" if hm.group("plan") or time.start > REFERENCE_DATE.isoformat() else "actual"
        self.ex.statements.append(Statement(m.entity, "eventDate", loc, f"{self.prefix}:event-class-date",
                                            time=time, status=status, sources=sources, raw=s[m.start:hm.end()][:60]))
        return True

    def _event_class_dates(self, s: str, mentions: list[Mention_], dates: list[Quantity], starts: list[int],
                           loc: Location, sources: tuple[str, ...]) -> None:
        """"2025년 4월 발생한 이베리아 반도 정전 사태", "2024년 7월, … 전압 강하 사태가 발생": an event (a blackout, a
        ruling) happened at the date its clause states before it, else at the date leading the sentence."""
        lead = dates[0] if dates and s.startswith(", ", dates[0].end) and _LEAD.match(s[:dates[0].start]) else None
        for m in mentions:
            if not is_a(m.type, "Event"):
                continue
            if self._held_date(s, m, dates, starts, loc, sources):
                continue
            c0 = max([x for x in starts if x <= max(m.start, 0)] or [0])
            own = [d for d in dates if c0 <= d.start and d.end <= m.end and not any(
                x.start < m.start and x.end > d.end and is_a(x.type, "Event") for x in mentions)]
            d = own[-1] if own else lead if lead is not None and lead.end <= c0 else None
            time = _event_date(d) if d is not None else None
            if time is None:
                continue
            status = "forecast" if time.start > REFERENCE_DATE.isoformat() else "actual"
            self.ex.statements.append(Statement(m.entity, "eventDate", loc, f"{self.prefix}:event-class-date",
                                                time=time, status=status, sources=sources, raw=s[d.start:m.end][:60]))
