"""What a table cell's text says besides its figure: the period it names ('3Q26', '2H26',
'2014년 9월'), and whether it is written as prose (words around its figures, an event, dies in
words) rather than as a bare value or name. Shared by the table reader, the table families and
the prose readers (a date quantity's period)."""

from __future__ import annotations

import re

from foundation.periods import Period, parse_period
from ingest.date_periods import figure_period, quantity_period
from ingest.quantities import REFERENCE_DATE
from petaflop.extract.values import find_quantities

_PERIOD_HEADER = re.compile(
    r"^\s*(?:(?P<y>(?:19|20)\d{2})(?:년)?(?P<e>E|F)?|(?P<q>[1-4])Q\s?'?(?P<qy>\d{2,4})(?P<qe>E)?"
    r"|Q(?P<q2>[1-4])\s?'?(?P<qy2>\d{2,4})(?P<qe2>E)?|(?P<h>[12])H\s?'?(?P<hy>\d{2,4})(?P<he>E)?)\s*$"
)
_EVENT_WORD = re.compile(r"출시|런칭|롤아웃|공개|발표|설립|창업|대량\s?생산|양산|(?:본격|정식|상업|부분|시범)\s?(?:운영|가동)")
_WORD = re.compile(r"[가-힣]{2,}|[A-Za-z]{3,}")
#: a verb of building, installing or making: a cell written as a clause ("자체 발전소 건설", "DeepMind에서 …를 이끈")
_MAKING_WORD = re.compile(r"(?:설치|구축|건설|도입|채택|개발|발명)(?:한|했|된|\s?$)|이끈|만든")
# a cell naming what a thing stands in for: "H20 대체", "CUDA의 대체재인 CANN" (text_rivals reads the frame)
_ALTERNATIVE_WORD = re.compile(r"대체재|대체\s?$|대항마|보다\s[^\s]{1,20}\s(?:더\s)?(?:선택|선호)")  # "A보다 B 선택"
DIES = re.compile(r"(?<![가-힣A-Za-z])(싱글|듀얼|쿼드|[2-8]-)\s?(다이|칩렛|[Cc]hiplet)(?![가-힣A-Za-z])")


def _year(text: str) -> int:
    n = int(text)
    return 2000 + n if n < 100 else n


def period_header(text: str) -> tuple[Period, str] | None:
    """``2025E`` → (2025, 'estimate'); ``2Q25`` → (2025-Q2, ''); None for other headers."""
    m = _PERIOD_HEADER.match(re.sub(r"^\s*((?:19|20)\d{2})\s?Q([1-4])\s*$", r"Q\2 \1", text))  # "2024 Q2"
    if not m:
        return None
    if m.group("y"):
        p, est = parse_period(m.group("y")), m.group("e")
    elif m.group("q") or m.group("q2"):
        q = m.group("q") or m.group("q2")
        p, est = parse_period(f"{_year(m.group('qy') or m.group('qy2'))}-Q{q}"), m.group("qe") or m.group("qe2")
    else:
        p, est = parse_period(f"{_year(m.group('hy'))}-H{m.group('h')}"), m.group("he")
    if p is None:
        return None
    return p, ("estimate" if est else "")


def prose_cell(text: str) -> bool:
    """A cell written as prose (words around its figures or an event: "Grok-4 출시"), not a bare
    value or name."""
    words = len(_WORD.findall(text))
    return (words >= 2 and bool(re.search(r"\d", text) or _MAKING_WORD.search(text))) \
        or (words >= 1 and bool(_EVENT_WORD.search(text))) or bool(DIES.search(text)) or bool(_ALTERNATIVE_WORD.search(text.strip())) \
        or (words >= 3 and _worded_figure(text))


def _worded_figure(text: str) -> bool:
    """A figure written in number words ("최대 “백만 대” 정도로 확대") with at least two words of a clause around
    it — not a unit cell ("십억 달러": the figure is all its words)."""
    qs = [q for q in find_quantities(text) if q.kind not in ("date", "period") and q.value is not None]
    rest = text
    for q in reversed(qs):
        rest = rest[:q.start] + " " + rest[q.end:]
    return bool(qs) and len(_WORD.findall(rest)) >= 2


def cell_period(text: str) -> Period | None:
    """The period a cell names: a period-header form ('3Q26', '2H26', '2027'), else the first date
    or period written in it ('2014년 9월'; '2030년 (2028년에 부분운영)' is 2030)."""
    ph = period_header(text.strip())
    if ph is not None:
        return ph[0]
    for q in find_quantities(text):
        if q.kind in ("date", "period"):
            return quantity_period(q)
    return None


#: a row label closing on a year in parentheses, perhaps approximate: "장기 청사진 (≈2031)", "2단계 (~2029)", "(약 2030)"
_PAREN_YEAR = re.compile(r"\(\s?(?:≈|~|∼|약\s?|c\.\s?)?((?:19|20)\d{2})\s?\)\s*$")


def paren_year(label: str) -> Period | None:
    """The year a row label's closing parenthesis names ("장기 청사진 (≈2031)" → 2031): the row's figures are of
    that year (an approximate year is still the year: time is never more precise than the text); else None."""
    m = _PAREN_YEAR.search(label)
    return parse_period(m.group(1)) if m else None


#: what closes a parenthesis dating the figure before it: "(작년 말)", "(올해 매출 가이던스 기준)"
_DATE_PAREN_CLOSE = re.compile(r"\s?(?:[^()\d]{0,16}기준\s?)?\)")
_AS_OF = re.compile(r"\s?기준(?:으로)?")


def cell_time(text: str, raw: str, in_words: bool, header: str = "") -> Period | None:
    """The period a cell states for the figure written ``raw``: for a prose cell read in words, its first
    period (:func:`cell_period`); else a date in parentheses right after that figure, its cell's first
    ("3,936명 (작년 말), …"), or a date as of which the cell's figures hold ("6월 말 기준으로 1.3억 달러").
    A cell stating none holds at the date its column ``header``'s closing note names (:func:`header_period`)
    (else, for a table reader, at the one the caption states for the same figure: ``figure_time.caption_time``)."""
    return _own_time(text, raw, in_words) or header_period(header)


def _own_time(text: str, raw: str, in_words: bool) -> Period | None:
    if in_words:
        return cell_period(text)
    found = find_quantities(text)
    figures = [q for q in found if q.kind not in ("date", "period")]
    if not figures or figures[0].raw.strip() != raw.strip():
        return None
    first = figures[0]
    own = [d for d in found if d.kind in ("date", "period") and d.date_start and (
        (re.fullmatch(r"\s?\(\s?", text[first.end:d.start]) and _DATE_PAREN_CLOSE.match(text, d.end))
        or (d.end <= first.start and _AS_OF.match(text, d.end)))]
    return figure_period(own[0]) if len(own) == 1 else None


#: a header's closing note naming only the month or year its column holds at: "고용 숫자(24년 5월)", "(2024년 기준)"
_HEADER_DATE_NOTE = re.compile(r"\(\s?((?:19|20)\d{2}년(?:\s?[01]?\d월)?|\d{2}년\s?[01]?\d월)(?:\s?기준)?\s?\)\s*$")


#: a closing note naming a month (and day) of the report's year as of which a figure holds, with a word
#: of what it is between: "ARR (8월 발표치 기준)", "기업 가치 (9월 3일 종가 기준)"
_MONTH_AS_OF_NOTE = re.compile(r"\(\s?([01]?\d월(?:\s?[0-3]?\d일)?)(?:\s?[가-힣]{1,4})?\s?기준\s?\)\s*$")


def header_period(header: str) -> Period | None:
    """The period a column header's (or a row label's) closing note names (its figures hold then), else
    None; a month without a year is of the report's year, and only when it has begun by the report's date."""
    if m := _HEADER_DATE_NOTE.search(header):
        return cell_period(m.group(1))
    if (m := _MONTH_AS_OF_NOTE.search(header)) and (when := cell_period(m.group(1))) is not None \
            and when.start <= REFERENCE_DATE.isoformat():
        return when
    return None


#: A caption of results and of a guess at one measure: "X의 성과 및 ARR 추정", "실적과 매출 전망" (results are
#: reported; the status word is of the last conjunct's measure only).
_LAST_CONJUNCT_STATUS = re.compile(r"(?:성과|실적|현황)\s?(?:및|와|과|,)\s(?P<noun>[^\s,]+)\s(?:추정|전망|예상)(?:치)?\s*$")
#: A status noun a caption only looks at ("중국의 계획을 보면 …"): not what its figures are.
_LOOKED_AT = re.compile(r"(?:계획|전망|추정|예상)(?:을|를)\s?보면")
#: A caption line that is a chain of steps ("영상 → 트랜스포머 → 동작 예측 → 제어"): it names a process, whose
#: step names ("동작 예측", motion prediction) say nothing of what the figures are.
_STEPS = re.compile(r"(?:[^→]+→){3,}")
#: A row label that names a reported figure: "ARR (8월 발표치 기준)", "공식 발표".
_REPORTED_LABEL = re.compile(r"발표치|발표\s?기준|공식\s?발표|실적")


def caption_for_status(caption: list[str], label: str) -> str:
    """The caption's words that may give the figure of the row labelled ``label`` its status: all of it, but
    without a status word closing a last conjunct after results ("…의 성과 및 ARR 추정") unless the row is of
    that measure (and does not say its figure was reported, "ARR (8월 발표치 기준)"), and without a status noun it
    only looks at ("중국의 계획을 보면"), and without a line that is a chain of steps ("… → 동작 예측 → …")."""
    kept = []
    for line in caption:
        if _STEPS.search(line):
            continue
        m = _LAST_CONJUNCT_STATUS.search(line)
        of_row = m is not None and m.group("noun").lower() in label.lower() and not _REPORTED_LABEL.search(label)
        kept.append(_LOOKED_AT.sub(" ", line if m is None or of_row else line[:m.start()].rstrip()))
    return " ".join(kept)
