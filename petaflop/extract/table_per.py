"""The denominator of a per-unit figure in a table, read from its header or row label: a unit with a
slash ("GPU 임대 단가 ($/시간)"), a 당 in parentheses ("입력 가격 (1M 토큰당)"), a period ("비용 (월)"),
a noun with 당 in the label ("질의당 GPU 사용 시간", "PE 당 로컬 메모리") or a period word opening it
("일일 승차 횟수", "연간 매출")."""

from __future__ import annotations

import re

from ingest.quantities import unit_hint

PER_WORDS = {"시간": "hour", "월": "month", "년": "year", "연": "year", "백만 토큰": "1M tokens", "토큰": "token",
             "MWh": "MWh", "MW": "MW", "GW": "GW", "일": "day", "주": "week", "1M 토큰": "1M tokens",
             "100만 토큰": "1M tokens", "마일": "mile", "질의": "query", "칩": "chip", "칩 하나": "chip",
             "프롬프트": "prompt", "샘플": "sample", "차량": "vehicle", "사용자": "user", "명": "person",
             "일일": "day", "하루": "day", "일간": "day", "월간": "month", "연간": "year", "주간": "week",
             "시간별": "hour", "대역폭": "bandwidth"}  # fmt: skip
#: "입력 가격 (1M 토큰당)": the denominator of a per-unit figure written with 당
_PER_DANG = re.compile(r"\(\s*([^()]{1,12}?)\s?당\s*\)")
#: "비용 (월)", "요금 (연)": a figure per period of time
_PER_PERIOD = re.compile(r"\((월|연)\)\s*$")
#: "질의당 GPU 사용 시간", "칩 하나당 …", "PE 당 로컬 메모리": a noun (or two) with 당 — not the 당 of
#: 해당/상당/정당/담당/식당/당사, which are words of their own
_LABEL_DANG = re.compile(r"(?:^|\s)((?:[A-Za-z0-9/]+|[가-힣]+)(?: 하나)?)\s?당(?=\s|$|\()")
_NOT_DANG = re.compile(r"(?:해|상|정|담|식|마|적|배|충|감|부)$")
#: "일일 승차 횟수", "4. 일일 운영 시간", "연간 매출 (USD)": a period word opening the label
_PERIOD_FIRST = re.compile(r"^\s*(?:\d+\.\s*)?(일일|하루|일간|월간|연간|주간|시간별)\s")
#: "USD/hr/GPU", "$/hr/PFLOP", "$/hr/TB/s": money per unit of time per thing — both denominators kept
_COMPOUND = re.compile(r"(?:USD|\\?\$|달러|원)\s?/\s?(hr|h|시간|day|일|월|month|yr|년)\s?/\s?([A-Za-z][A-Za-z0-9/]*)")
_PERIOD_OF = {"hr": "hour", "h": "hour", "시간": "hour", "day": "day", "일": "day", "월": "month", "month": "month",
              "yr": "year", "년": "year"}
#: a period word anywhere in a label that also names a thing with 당 ("칩 하나당 시간별 비용")
_PERIOD_WORD = re.compile(r"(?:^|\s)(일일|하루|일간|월간|연간|주간|시간별)(?=\s|$)")


def per_of_header(header: str) -> str:
    """The denominator a header gives its figures ('' when none)."""
    if compound := _COMPOUND.search(header):  # "(USD/hr/GPU)": per GPU-hour, not per GPU nor per hour
        return f"{compound.group(2)}-{_PERIOD_OF[compound.group(1)]}"
    hint = unit_hint(header)
    if hint is None or "/" not in hint.unit:
        dang = _PER_DANG.search(header)
        every = _PER_PERIOD.search(header)
        if every and not dang:
            return PER_WORDS[every.group(1)]  # "비용 (월)": a cost per month
        if dang:
            return PER_WORDS.get(dang.group(1).strip(), dang.group(1).strip())
        return _label_per(header)
    per = hint.unit.split("/", 1)[1].strip()
    return PER_WORDS.get(per, per)


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
