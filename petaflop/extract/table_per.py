"""The denominator of a per-unit figure in a table, read from its header or row label: a unit with a
slash ("GPU 임대 단가 ($/시간)"), a 당 in parentheses ("입력 가격 (1M 토큰당)"), a period ("비용 (월)"),
a noun with 당 in the label ("질의당 GPU 사용 시간", "PE 당 로컬 메모리") or a period word opening it
("일일 승차 횟수", "연간 매출").

:func:`row_per` reads what a statement of a table row is given per (its row label, its section, the caption);
:func:`per_before` what a cell or a clause names right before its figure ("(샘플당 $0.34)", "연간 80억 달러")."""

from __future__ import annotations

import re

from ingest.model import Table
from ingest.quantities import unit_hint

PER_WORDS = {"시간": "hour", "월": "month", "년": "year", "연": "year", "백만 토큰": "1M tokens", "토큰": "token",
             "MWh": "MWh", "MW": "MW", "GW": "GW", "일": "day", "주": "week", "1M 토큰": "1M tokens",
             "100만 토큰": "1M tokens", "마일": "mile", "질의": "query", "칩": "chip", "칩 하나": "chip",
             "프롬프트": "prompt", "샘플": "sample", "차량": "vehicle", "사용자": "user", "명": "person",
             "일일": "day", "하루": "day", "일간": "day", "월간": "month", "연간": "year", "주간": "week",
             "시간별": "hour", "대역폭": "bandwidth", "개발자": "developer", "랙": "rack"}  # fmt: skip
#: "입력 가격 (1M 토큰당)": the denominator of a per-unit figure written with 당
_PER_DANG = re.compile(r"\(\s*([^()]{1,12}?)\s?당\s*\)")
#: "비용 (월)", "요금 (연)": a figure per period of time
_PER_PERIOD = re.compile(r"\((월|연)\)\s*$")
#: "질의당 GPU 사용 시간", "칩 하나당 …", "PE 당 로컬 메모리": a noun (or two) with 당 — not the 당 of
#: 해당/상당/정당/담당/식당/당사, which are words of their own
_LABEL_DANG = re.compile(r"(?:^|[\s(])((?:[A-Za-z0-9/]+|[가-힣]+)(?: 하나)?)(?:\s?(?:한|1)\s?(?:대|개|명|인))?\s?당(?=\s|$|\()")
_NOT_DANG = re.compile(r"(?:해|상|정|담|식|마|적|배|충|감|부)$")
#: "일일 승차 횟수", "4. 일일 운영 시간", "연간 매출 (USD)": a period word opening the label
_PERIOD_FIRST = re.compile(r"^\s*(?:\d+\.\s*)?(일일|하루|일간|월간|연간|주간|시간별)\s")
#: "USD/hr/GPU", "$/hr/PFLOP", "$/hr/TB/s": money per unit of time per thing — both denominators kept
_COMPOUND = re.compile(r"(?:USD|\\?\$|달러|원)\s?/\s?(hr|h|시간|day|일|월|month|yr|년)\s?/\s?([A-Za-z][A-Za-z0-9/]*)")
_PERIOD_OF = {"hr": "hour", "h": "hour", "시간": "hour", "day": "day", "일": "day", "월": "month", "month": "month",
              "yr": "year", "년": "year"}
#: a period word anywhere in a label that also names a thing with 당 ("칩 하나당 시간별 비용")
_PERIOD_WORD = re.compile(r"(?:^|\s)(일일|하루|일간|월간|연간|주간|시간별)(?=\s|$|\))")


#: "입력 가격 (1M 토큰당)", "출력 비용 (달러/백만 토큰)": a price of the tokens read or of those written
_TOKEN_SIDE = re.compile(r"^\s*(캐시된\s?입력|입력|출력|[Cc]ached [Ii]nput|[Ii]nput|[Oo]utput)")
_SIDES = {"입력": "input", "출력": "output", "input": "input", "output": "output"}


def per_of_header(header: str) -> str:
    """The denominator a header gives its figures ('' when none): "1M input tokens" when it opens with the
    side of the tokens priced."""
    per = _per_of_header(header)
    if per.endswith("tokens") and (side := _TOKEN_SIDE.match(header)):
        word = side.group(1).lower()
        name = "cached input" if "캐시" in word or "cached" in word else _SIDES[word]
        return per.replace("tokens", f"{name} tokens")
    return per


def _per_of_header(header: str) -> str:
    if compound := _COMPOUND.search(header):  # "(USD/hr/GPU)": per GPU-hour, not per GPU nor per hour
        return f"{compound.group(2)}-{_PERIOD_OF[compound.group(1)]}"
    hint = unit_hint(header)
    if hint is None or "/" not in hint.unit:
        dang = _PER_DANG.search(header)
        every = _PER_PERIOD.search(header)
        if every and not dang:
            return PER_WORDS[every.group(1)]  # "비용 (월)": a cost per month
        return _dang_per(header) or _label_per(header)
    per = hint.unit.split("/", 1)[1].strip()
    return PER_WORDS.get(per, per)


def _dang_per(text: str) -> str:
    """The denominator written with 당 in parentheses ("(1M 토큰당)", "(차량당)"), or ""."""
    dang = _PER_DANG.search(text)
    return PER_WORDS.get(dang.group(1).strip(), dang.group(1).strip()) if dang else ""


def _label_per(label: str) -> str:
    """The denominator a row label names in its words ('' when none)."""
    noun = _LABEL_DANG.search(label)
    if noun and not _NOT_DANG.search(noun.group(1)):
        word = noun.group(1).strip()
        period = _PERIOD_WORD.search(label)
        thing = PER_WORDS.get(word, word)
        return f"{thing}-{PER_WORDS[period.group(1)]}" if period else thing  # "칩 하나당 시간별": per chip-hour
    first = _PERIOD_FIRST.match(label)
    return PER_WORDS[first.group(1)] if first else ""


#: Words of a row label, its section or the caption that make a figure a rate per day, month or year.
_PERIOD_IN = (("day", re.compile(r"일일|하루|일간")), ("month", re.compile(r"月|월간|월평균|매월")),
              ("year", re.compile(r"연간|年")))
#: A row label that gives its figure per something else than time: per trip (1회), per item (…당).
_PER_OTHER = re.compile(r"1회|\S당")
#: A sub-header row of a level of things ("칩 레벨(단위 : $, W)"): the figures below it are per one of them.
_LEVEL = re.compile(r"^\s*([가-힣A-Za-z]+)\s?레벨(?=\s|\(|$)")
#: A lettered or Roman-numbered section row of a model table: "B. 승객 운송", "II. 계산".
_LETTERED = re.compile(r"^\s*(?:[A-Z]|[IVX]+)\.\s")
#: Things (not periods) a level can be of.
_THINGS = ("칩", "GPU", "차량", "사용자", "토큰", "칩 하나")


#: "차량 가격 (USD)", "1. 차량 가격 (예: …)", "평균 승차 요금 (USD)": the price or fare of one thing the label names
_PRICED = re.compile(r"^\s*(?:\d+\.\s*)?(?:평균\s?)?(차량|승차|탑승|칩|서버|랙)\s?(?:가격|요금|단가)(?=\s?\(|\s*$)")
_PRICED_THINGS = {"차량": "vehicle", "승차": "ride", "탑승": "ride", "칩": "chip", "서버": "server", "랙": "rack"}


#: "요금", "운임 (USD)": a fare row; "2km 정도 단거리: $3.8", "18km 장거리": a trip of a length the cell names
_FARE = re.compile(r"^\s*(?:\d+\.\s*)?(?:평균\s?)?(?:요금|운임)(?=\s?\(|\s*$)")
_TRIP = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s?(?:km|마일|mile)s?\b|단거리|장거리")


def priced_thing(label: str) -> str:
    """The thing a row label prices, one of it ("차량 가격": per vehicle; "평균 승차 요금": per ride), or ""."""
    m = _PRICED.match(label)
    return _PRICED_THINGS[m.group(1)] if m else ""


def row_per(table: Table, line: int, column: int = 0) -> str:
    """The rate a figure in the row at ``line`` (in the 1-based ``column``) is given per, or "": read from the
    row's label ("질의당 GPU 사용 시간": per query; "개발자 1인당 연간 …": per developer-year; "연간 매출": per
    year), else the label of its section ("칩 레벨(단위 : $, W)": per chip), else the caption. A row whose first
    cell is empty is labelled by its next cell when the figure stands right after it."""
    label, section, above = "", "", ""
    for row in table.rows:
        if row.line > line:
            break
        texts = [c.text for c in row.cells]
        if row.line < line and texts:
            above = texts[0].strip() or above  # the label an unlabelled row below continues
        if texts and (row.section or _LEVEL.match(texts[0]) or (_LETTERED.match(texts[0]) and not any(
                _NUMBER.search(t) for t in texts[1:3]))):  # "C. DCF 가치평가 (차량당)\t\t\t<remark>"
            section = texts[0]
        if row.line == line and texts:
            label = texts[0]
            if not label.strip() and len(texts) > 1 and column == 3:
                label = texts[1]  # "\t연간 OPEX (…)\t300": an item under the group of the row before
    if _PER_OTHER.search(label):
        return _label_per(label)  # "1회 승객 운송 소요 시간": a rate per trip, not per time
    if thing := priced_thing(label):
        return thing  # "차량 가격 (USD) | 35,000": the price of one vehicle
    fare = _FARE.match(label) or (not table.cell_text(line, 1).strip() and _FARE.match(above))
    if fare and _TRIP.search(table.cell_text(line, column)):
        return "ride"  # "요금 | 2km 정도 단거리: $3.8": the fare of one trip of that length
    if (level := _LEVEL.match(section)) and level.group(1) in _THINGS:
        return PER_WORDS[level.group(1)]
    if _PER_OTHER.search(section) and (per := _label_per(section) or _dang_per(section)):
        return per  # "D. 부가 수익 (차량당 연간)": per vehicle-year
    for i, text in enumerate((label, section, table.caption[0] if table.caption else "")):
        periods = [p for p, words in _PERIOD_IN if words.search(text)]
        if len(periods) > 1 and i:
            return ""  # "C. 일일/연간 수익 및 비용 분석": which of its periods a row has is the row's own to say
        if periods:
            return periods[0]
    return basis_per(table, line, label)


#: A row giving a table's basis: a volume of things in a period ("하루 질의량 (개)", "일일 승차 횟수").
_BASIS_ROW = re.compile(r"^\s*(?:\d+\.\s*)?(일일|하루|일간|월간|연간|주간)\s[^()]*?(?:량|횟수|건수|개수)(?=\s|\(|$)")
#: A row reckoned from it: a total ("총 GPU 사용 시간"), a cost ("GPU 임대 비용"), a use ("전력 사용량").
_RECKONED = re.compile(r"^\s*(?:\d+\.\s*)?(?:총\s|[^()]*(?:비용|사용량|매출)(?=\s|\(|$))")
#: A row of a rate or a price of one unit: never a total over the basis period.
_RATE_ROW = re.compile(r"단가|비율|[율률](?=\s|\(|$)|%|\S당|/")


def basis_per(table: Table, line: int, label: str) -> str:
    """The period of a table's basis row ("하루 질의량 (개) | 10억") for a total reckoned from it in a later row
    ("총 GPU 사용 시간 (초)", "GPU 임대 비용 (USD)", "전력 사용량 (kWh)"): the table costs one day. Only where every
    period word opening a row label names the same period ("일일 승차 횟수" then "연간 매출": no one basis), and
    not for a rate or a unit price ("전력 단가 ($/kWh)", "운행비 비율")."""
    if not _RECKONED.match(label) or _RATE_ROW.search(label):
        return ""
    labels = [(row.line, row.cells[0].text) for row in table.rows if row.cells]
    periods = {PER_WORDS[m.group(1)] for _, text in labels if (m := _PERIOD_FIRST.match(text))}
    basis = [n for n, text in labels if n < line and _BASIS_ROW.match(text)]
    return periods.pop() if basis and len(periods) == 1 else ""


#: What a figure is given per, named right before it: "칩당 192GB", "차량 한 대당 가격이 2억 원", "(샘플당 $0.34)",
#: "각 task 당 300개" — not the 당 of 해당/상당/… (:data:`_NOT_DANG`).
_PER_BEFORE = re.compile(r"(?:^|(?<=[\s(“\"]))(?:각\s?)?([가-힣A-Za-z][가-힣A-Za-z0-9-]{0,9}?)(?:\s?(?:한|1)\s?(?:대|개|명|인))?"
                         r"\s?당\s?(?:[가-힣]{1,4}?(?:이|가|은|는)?:?\s)?(?:최대|최소|약|평균)?\s?[\\$]*\d")
#: "연간 80억 달러 현금 소진", "월 20달러": a figure per a period named right before it.
_PERIOD_BEFORE = re.compile(r"(?:^|(?<=[\s(“\"]))(연간|월간|매월|매년|하루|일일|연|월)\s?(?:약\s?)?[\\$]*\d")
_PERIOD_NAMES = {"연간": "year", "매년": "year", "연": "year", "월간": "month", "매월": "month", "월": "month",
                 "하루": "day", "일일": "day"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_PARENS = re.compile(r"\([^()]*\)")


def per_before(text: str, periods: bool = True) -> str:
    """What the one figure of a cell or a clause is given per when it is named right before the figure, or "".
    A text with more than two figures (outside parentheses) is no one figure's. Without ``periods`` (a figure
    dated to its year: "2025년 연간 5천억 달러" is the year's total) only a thing is read ("칩당")."""
    if len(_NUMBER.findall(_PARENS.sub("", text))) > 2:
        return ""
    if (m := _PER_BEFORE.search(text)) and not _NOT_DANG.search(m.group(1)):
        return PER_WORDS.get(m.group(1), m.group(1))
    m = _PERIOD_BEFORE.search(text) if periods else None
    return _PERIOD_NAMES[m.group(1)] if m else ""


def cell_of(lines: list[str] | None, line: int, column: int) -> str:
    """The text of the table cell in the 1-based ``column`` of the report's ``line`` ("" when unknown)."""
    if not lines or not 0 < line <= len(lines) or column < 1:
        return ""
    cells = lines[line - 1].split("\t")
    return cells[column - 1] if column <= len(cells) else ""


#: "테슬라 차량 1대를 구매할 때", "차량 1대의 연간 고정·변동비": one thing counted in a cell — the table
#: reckons the economics of one of them
_ONE_THING = re.compile(r"(차량|자동차|칩|GPU|랙|서버)\s?(?:1|한)\s?(?:대|개)(?:의|를|을|당|에|가|는|\s)")
#: the kinds of a sum a thing earns or costs over a period (not a price of one use: "평균 승차 요금")
ONE_THING_TOTALS = frozenset({"revenue", "profit", "netIncome", "annualOpex", "opex", "cost", "amount", "cashFlow"})
PERIODS = ("year", "month", "day", "hour")
#: kinds of a count one thing makes in a period ("일일 승객 운행 횟수": trips per vehicle-day), never without one
ONE_THING_COUNTS = frozenset({"unitCount"})
_THING_WORDS = {"자동차": "vehicle"}


def one_thing(table: Table) -> str:
    """The thing a table of one thing's economics reckons per ("vehicle"), when its remarks (cells after the
    first column) and its caption name exactly one kind of thing counted as one ("차량 1대", "차량 한 대당"); else ""."""
    texts = [c.text for row in table.rows for c in row.cells[1:]] + list(table.caption)  # "차량 한 대당 가치" heads it
    things = {m.group(1) for text in texts for m in _ONE_THING.finditer(text)}
    if len(things) != 1:
        return ""
    word = things.pop()
    return _THING_WORDS.get(word) or PER_WORDS.get(word, word)


def per_one_thing(per: str, thing: str) -> str:
    """``per`` (none, or a period) given per ``thing`` as well: "year" → "vehicle-year"; a per of another thing
    is kept."""
    if not thing or thing in per:
        return per
    return f"{thing}-{per}" if per in PERIODS else thing if not per else per
