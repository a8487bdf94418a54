"""When a figure of a sentence holds: the date of its clause nearest to it.

* The nearest date of the figure's clause with no other figure between them dates it; a date that is
  only a bound ("2026년까지") is a deadline, not when the value holds.
* An event frame reads no quarter or half written without its year (:func:`stated_years`).
* **A base of comparison** ("2024년 대비", "2023년 초 대비") is not when a figure holds: a change
  (a percentage or a multiple) measured from it to another date of its clause ("2030년 수요는 2024년 대비
  147% 증가") holds over the span from the base to that date ("2024~2030"); any other figure takes the
  clause's other dates only.
* **An aside on a figure**: a change in parentheses right after a figure ("41.46억 달러(YoY +45%)",
  "10억 달러 (전년 대비 40% 증가)") holds when that figure does: the figure does not stand between it
  and their date (:func:`with_asides`); nor does a change describing the figure right after it
  ("2030년 수요는 2024년 대비 147% 증가한 117GW": 117 GW in 2030).
* **A frame**: the one date of a sentence, opening it (or right after its topic, saying when with 에: "A는
  2025년에 …") and set off by a comma ("올 2분기, 처음으로 …") or, when
  not a base, a start or a bound, by a space in a sentence of at most two clauses ("작년 화력 1,444GW의 평균
  가동시간은 3,442시간"), dates the figures of its later clauses that name no date, and those of its own clause
  that another figure keeps from their clause's date (none when a word of another time, 현재, 이후, 작년 …,
  follows it).
* **A year's figure after a part of it**: a figure written as a year's (年, 연간) whose clause dates only a quarter or
  half after which it holds ("2분기 실적 이후 … 年 3,640억 달러") is that year's.
* A vague part of a year ("2026년 말", "작년 초") dates a figure in that year, never in a quarter
  (:func:`ingest.date_periods.figure_period`).
* **As of a date**: the one date opening a sentence as the date its figures hold at ("2분기 기준 전체 매출은 …")
  frames the later sentences of its block that name no date and no word of another time (:func:`opening_dates`).
* **A results slide's period**: the one quarter or half a slide writes frames its sentences that name no date, clause
  by clause (none with a word of another time or a duration): ``reader.slide_frame``
  (:mod:`petaflop.extract.slide_time`), read by :func:`opening_dates` when no as-of date or title frames the sentence.
* **Now**: "현재" opening a sentence ("현재 SF2의 추정 수율은 40~45%", "현재 기준, …") is the report's date: it
  dates the figures of its clause as the report's year (and, as a frame in a sentence with no other date,
  those of the sentence's other clauses too) (:func:`now_date`); "현재까지" (so far) is not read, "현재의" only right
  before a figure it dates ("현재의 약 60 GW", not "현재의 100배": a multiple of now's).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from foundation.periods import Period, parse_period, span_of
from ingest.date_periods import figure_period
from ingest.quantities import REFERENCE_DATE, Quantity, find_quantities
from petaflop.extract.figure_context import report_year
from petaflop.extract.text_frames import clause_starts_of

#: What follows a date that is the base of a comparison: "대비", "기준 대비", "比".
_BASE_AFTER = re.compile(r"\s?(?:기준\s?)?(?:대비|比)")
BASE = "comparisonBase"


#: What follows a date after which (not when) a figure holds: "2분기 실적 이후 … 年 N 달러", or the date of an
#: event whose clause opens a period after it ("'23년 8월 SF에서 서비스를 시작한 이후 시장의 4분의 1": since then)
_SINCE_AFTER = re.compile(r"\s?(?:실적\s?)?(?:발표\s?)?이후"
                          r"|(?:\s?[^\s\d,.;:()]+){0,4}?(?:한|된|던|난)\s(?:이후|이래|후|뒤)(?:에는|에도|에|로)?(?![가-힣])")
SINCE = "sinceDate"


def with_bases(sentence: str, dates: list[Quantity]) -> list[Quantity]:
    """``dates`` with the ones right before "대비" marked as bases of comparison, the ones right before
    "이후" (or an event's clause ending in "…한 이후/이래/후") as the start of a time after which the figure holds
    (never its own time), and the one date
    that opens the sentence set off by a comma marked as its frame (:func:`_frame`)."""
    dates = [replace(d, qualifiers=d.qualifiers | {BASE}) if _BASE_AFTER.match(sentence, d.end)
             else replace(d, qualifiers=d.qualifiers | {SINCE}) if _SINCE_AFTER.match(sentence, d.end) else d
             for d in dates]
    return [replace(d, qualifiers=d.qualifiers | {FRAME}) if _frame(sentence, d, dates) else d for d in dates]


#: What may open a sentence before its framing date: a bullet, "올", "지난".
_FRAME_BEFORE = re.compile(r"\s*(?:[-•·*]\s*)?(?:올해?|금년|지난)?\s*")
#: The sentence's topic before its framing date, which then says when with 에 ("A는 2025년에 …", never "A는 올
#: 3분기 출시를 앞두고": the date of an event).
_TOPIC_BEFORE = re.compile(r"\s*(?:[-•·*]\s*)?[^\s,()]{1,20}(?:은|는)\s(?:올해?|금년|지난)?\s*")
_TOPIC_FRAME_AFTER = re.compile(r"(?:에는|에)\s?,?\s")
#: What sets the framing date off: "올 2분기, …", "2025년에는, …", "2분기 기준, …".
_FRAME_AFTER = re.compile(r"\s?(?:에는|에|기준으로|기준)?\s?,\s")
#: Words of another time than the frame's: what is now, later or then, or some time after it.
OTHER_TIME = re.compile(r"현재|지금|이후|향후|앞으로|당시|이전|과거|최근|작년|내년|지난해|전년(?!\s?(?:동기\s?)?대비)"
                        r"|\d\s?(?:년|개월|달|주|일)\s?만에")  # "2달 만에 5억 달러로": a time later than the frame's
FRAME = "sentenceFrame"
SLIDE = "slideFrame"  # the frame of a results slide (slide_time.py)
#: A date opening the sentence without a comma ("2024년 3월 Series B에서 …, 기업가치 …", "작년 화력 1,444GW의 평균
#: 가동시간은 3,442시간"): it frames the sentence too, for the figures that no date of their own dates.
_OPENS = re.compile(r"(?:에는|에)?\s")


def _frame(sentence: str, d: Quantity, dates: list[Quantity]) -> bool:
    """True when ``d`` is the sentence's one date, opens it and is set off by a comma ("올 2분기, 처음으로 분기
    매출 10억 달러를 돌파 …, 이는 전년 동기 대비 48% 증가") or, not a base, a start or a bound, by a space
    in a sentence of at most one more clause ("2024년 3월 Series B에서 3억 달러 조달, 기업가치 33억 달러": a
    longer one tells of more than the dated event), and no word of another time follows: it dates
    the figures of the sentence that no date of their own dates (those of its later clauses, and those its
    own clause's dates are kept from by a figure between)."""
    if len(dates) == 1 and _TOPIC_BEFORE.fullmatch(sentence, 0, d.start) \
            and (after := _TOPIC_FRAME_AFTER.match(sentence, d.end)) is not None:
        return not OTHER_TIME.search(sentence, after.end()) and not {BASE, SINCE} & d.qualifiers
    if len(dates) != 1 or not _FRAME_BEFORE.fullmatch(sentence, 0, d.start):
        return False
    after = _FRAME_AFTER.match(sentence, d.end) or (
        None if {BASE, SINCE, "lowerBound", "upperBound"} & d.qualifiers
        or sum(s > d.end for s in clause_starts_of(sentence)) > 1 else _OPENS.match(sentence, d.end))
    return after is not None and not OTHER_TIME.search(sentence, after.end())


#: What stands between a figure and a change in parentheses about it: "(", "(YoY ", " (전년 대비 "
_ASIDE_BEFORE = re.compile(r"\s?\(\s?(?:[A-Za-z가-힣]+\s?){0,3}")
ASIDE = "asideOfFigure"


#: A change that describes the figure right after it: "147% 증가한 117GW", "2배 늘어난 40만 대"
_CHANGED_TO = re.compile(r"\s?(?:증가|감소|상승|하락|성장|확대|축소)한\s?|\s?(?:늘어|줄어)난\s?")


def with_asides(sentence: str, values: list[Quantity]) -> list[Quantity]:
    """``values`` with a figure that the figure right before it qualifies marked as an aside: a percentage
    or multiple that opens a parenthesis right after another figure, or a figure that a change describes
    ("147% 증가한 117GW")."""
    ends = {v.end for v in values}
    changes = {v.end for v in values if v.kind in ("percent", "multiple")}
    values = [replace(q, qualifiers=q.qualifiers | {ANNUAL}) if _ANNUAL_BEFORE.search(sentence, 0, q.start) else q
              for q in values]
    return [replace(q, qualifiers=q.qualifiers | {ASIDE})
            if (q.kind in ("percent", "multiple") and any(
                e <= q.start and _ASIDE_BEFORE.fullmatch(sentence, e, q.start) for e in ends))
            or any(e <= q.start and _CHANGED_TO.fullmatch(sentence, e, q.start) for e in changes) else q
            for q in values]


#: A figure written as a year's ("年 3,640억 달러", "연간 5천억 달러"): after a quarter or half (이후) it is that year's
_ANNUAL_BEFORE = re.compile(r"(?:年|연간)\s?(?:약\s?)?$")
ANNUAL = "perYearFigure"


#: A quarter or half written without its year ("3분기", "하반기"): the report's year is assumed.
_BARE_PART = re.compile(r"[1-4]\s?분기|[상하]반기")


def stated_years(dates: list[Quantity]) -> list[Quantity]:
    """``dates`` without a quarter or half written without its year: an event's date (a release, an
    unveiling) is read only where the text states or resolves the year."""
    return [d for d in dates if not ("yearAssumed" in d.qualifiers and _BARE_PART.fullmatch(d.raw))]


def framed(dates: list[Quantity], at: int) -> Period | None:
    """The period of the date framing the sentence (:func:`with_bases`) when it ends before ``at``, else None."""
    return next((figure_period(d) for d in dates if FRAME in d.qualifiers and d.end <= at), None)


#: "현재" opening a sentence, after a bullet: the report's date ("현재 기준, …"; not "현재까지", "현재의").
_NOW_OPENING = re.compile(r"\s*(?:[-•·*]\s*)?(현재)(?=\s)")


def now_date(sentence: str, dates: list[Quantity]) -> list[Quantity]:
    """The report's year as a date at the "현재" opening ``sentence`` (a frame of the sentence when set off by a
    comma, as :func:`with_bases` marks one, in a sentence with no other date), else nothing."""
    m = _NOW_OPENING.match(sentence)
    if m is None:
        return []
    y = REFERENCE_DATE.year
    now = Quantity(None, "period", "period", m.group(1), m.start(1), m.end(1), qualifiers=frozenset({"resolved"}),
                   date_start=f"{y}-01-01", date_end=f"{y}-12-31")
    return [now] if dates else with_bases(sentence, [now])


#: What follows a date as of which a sentence's figures hold: "2분기 기준 전체 매출은 …"
_AS_OF = re.compile(r"\s?기준(?:으로)?\s")


#: "현재의" right before a figure ("현재의 약 60 GW"): the figure is now's (not "현재의 100배": a multiple of it)
_NOW_OF = re.compile(r"현재의\s$")


def opening_dates(reader: object, sentence: str, dates: list[Quantity]) -> list[Quantity]:
    """The dates a text reader adds to ``sentence``'s own for its figures' time: the "현재" opening it
    (:func:`now_date`), else, in a sentence with no date and no word of another time, the date "as of" which
    (기준) an earlier sentence of its block opens and holds ("2분기 기준 전체 매출은 … 기록. 미국 상업 부문 매출이
    전년 대비 +93%", ``reader._as_of``, kept while the block's sentences name no other time)."""
    reader._sentence_text = sentence  # type: ignore[attr-defined]
    carried = getattr(reader, "_as_of", None) if getattr(reader, "previous_sentence", "") else None
    if dates:
        d = dates[0]
        as_of = len(dates) == 1 and _FRAME_BEFORE.fullmatch(sentence, 0, d.start) and _AS_OF.match(sentence, d.end) \
            and not {BASE, SINCE, "lowerBound", "upperBound"} & d.qualifiers
        reader._as_of = replace(d, start=0, end=0, qualifiers=d.qualifiers | {FRAME}) if as_of else None  # type: ignore[attr-defined]
    elif OTHER_TIME.search(sentence):
        reader._as_of = None  # type: ignore[attr-defined]
    else:
        reader._as_of = carried  # type: ignore[attr-defined]
    if carried is None and not dates and not OTHER_TIME.search(sentence):
        carried = getattr(reader, "caption_frame", None)  # a table caption's dated title (:func:`caption_frame`)
    if carried is None and not dates:  # a results slide's one period, for the clauses of no other time
        carried = getattr(reader, "slide_frame", None)
        reader._slide_off = _other_time_clauses(sentence)  # type: ignore[attr-defined]
    return now_date(sentence, dates) or ([carried] if carried is not None and not dates else [])


def _other_time_clauses(sentence: str) -> list[tuple[int, int]]:
    """The spans of the clauses of ``sentence`` that a word of another time or a duration ("2년 만에", "10년 장기
    계약") keeps from a slide's period."""
    starts = [*clause_starts_of(sentence), len(sentence)]
    return [(a, b) for a, b in itertools.pairwise(starts)
            if OTHER_TIME.search(sentence, a, b) or any(q.kind == "duration" for q in find_quantities(sentence[a:b]))]


def caption_frame(titles: list[str]) -> Quantity | None:
    """The date a table's title opens with ("2025년 기업용 LLM API 시장 점유율 변화": a short line of no figure, the
    paragraph right before the table or its caption's first line): it frames the caption's (other) lines that name
    no date and no other time ("A의 점유율이 12%에서 32%로 급증": 32% in 2025) (the text reader's
    ``caption_frame``, read by :func:`opening_dates`)."""
    title = titles[0] if len(titles) == 1 else ""
    if not title or len(title) > 40 or _SENTENCE_END.search(title):
        return None
    found = find_quantities(title)
    dates = with_bases(title, [q for q in found if q.kind in ("date", "period") and q.date_start and q.date_end])
    if len(dates) != 1 or FRAME not in dates[0].qualifiers or any(
            q.kind not in ("date", "period") and q.value is not None for q in found):
        return None
    return replace(dates[0], start=0, end=0)


#: The end of a sentence (a title has none)
_SENTENCE_END = re.compile(r"[.!?。]\s|[.!?。]$|[다음함됨임]\.?$")


def figure_time(q: Quantity, dates: list[Quantity], c0: int, c1: int, values: list[Quantity]) -> Period | None:
    in_clause = [d for d in dates if c0 <= d.start < c1]
    if not in_clause:  # a clause without a date of its own: the date that frames the sentence
        return framed(dates, c0)
    # the date of this figure: none of the clause's other figures stands between them
    others = [v for v in values if v is not q and c0 <= v.start < c1]
    if ASIDE in q.qualifiers and (before := [v for v in others if v.end <= q.start]):
        others.remove(max(before, key=lambda v: v.end))  # the figure it is an aside on
    in_clause = [d for d in in_clause if not any(min(d.end, q.end) <= v.start < max(d.start, q.start)
                                                 for v in others)]
    if not in_clause:  # its clause's dates are of the figures between: the date framing the sentence, if any
        return framed(dates, q.start)
    bases = [d for d in in_clause if BASE in d.qualifiers]
    since = [figure_period(d) for d in in_clause if SINCE in d.qualifiers]
    in_clause = [d for d in in_clause if BASE not in d.qualifiers and SINCE not in d.qualifiers]
    if not in_clause and ANNUAL in q.qualifiers and len(since) == 1 and since[0] is not None \
            and since[0].precision in ("quarter", "half"):  # "2분기 실적 이후 … 年 N 달러": that year's N
        return parse_period(since[0].start[:4])
    if bases and q.kind in ("percent", "multiple"):
        if len(bases) != 1 or len(in_clause) != 1 or {"lowerBound", "upperBound"} & in_clause[0].qualifiers:
            return None
        return _span(figure_period(bases[0]), figure_period(in_clause[0]))
    if not in_clause:
        return None
    d = min(in_clause, key=lambda d: abs(d.start - q.start))
    if {"lowerBound", "upperBound"} & d.qualifiers:  # "2026년까지": a deadline, not when the value holds
        return None
    return figure_period(d)


def _span(base: Period | None, to: Period | None) -> Period | None:
    """From the base's period to the other one's, as years unless both are months."""
    if base is None or to is None:
        return None
    if base.precision == to.precision == "month":
        return span_of(base, to)
    a, b = parse_period(base.start[:4]), parse_period(to.end[:4])
    return span_of(a, b) if a is not None and b is not None else None


def reader_time(reader: object, q: Quantity, dates: list[Quantity], c0: int, c1: int, values: list[Quantity]
                ) -> Period | None:
    """:func:`figure_time` for a text reader (its ``_time``): the "현재" opening its sentence (``reader._now``,
    :func:`now_date`) is a date too, unless the reader reads a table cell (``text-cell``): there "현재" is the
    time of the cell's row or table, which the table's reader gives. A date carried from an earlier sentence or a
    title (:func:`opening_dates`) dates no earlier value of a change ("12%에서 32%로 급증": 32% only)."""
    if q.kind not in ("percent", "multiple") and getattr(reader, "default_time", None) is None \
            and _NOW_OF.search(getattr(reader, "_sentence_text", ""), 0, q.start):  # "현재의 약 60GW": now's
        return report_year()
    now = getattr(reader, "_now", []) if getattr(reader, "prefix", "") != "text-cell" else []
    if id(q) in getattr(reader, "_earlier", ()):  # "12%에서 32%로": a frame carried from before dates the new value only
        now = [d for d in now if d.end > 0]
    if any(a <= q.start < b for a, b in getattr(reader, "_slide_off", ())):  # a clause of another time
        now = [d for d in now if SLIDE not in d.qualifiers]
    return figure_time(q, [*now, *dates], c0, c1, values)


def caption_time(caption: list[str] | tuple[str, ...], text: str, raw: str) -> Period | None:
    """The time a table's caption states for the figure ``raw`` of a cell that restates it ("2025년 6월 말
    기준으로 1.3억 달러인데, …" over "ARR | 1.3억 달러"): the caption line's one figure of the same value and unit,
    dated as prose dates it (:func:`figure_time`); else None."""
    cell = next((q for q in find_quantities(text) if q.raw.strip() == raw.strip() and q.value is not None), None)
    if cell is None or cell.kind in ("date", "period"):
        return None
    for line in caption:
        found = find_quantities(line)
        dates = with_bases(line, [d for d in found if d.kind in ("date", "period") and d.date_start and d.date_end])
        values = [v for v in found if v.kind not in ("date", "period") and v.value is not None]
        same = [v for v in values if (v.kind, v.value, v.high, v.unit, v.currency)
                == (cell.kind, cell.value, cell.high, cell.unit, cell.currency)]
        if len(same) == 1:
            starts = [*clause_starts_of(line), len(line)]
            c0 = max(s for s in starts if s <= same[0].start)
            return figure_time(same[0], dates, c0, min(s for s in starts if s > c0), values)
    return None
