"""The denominator of a per-unit figure in a table, read from its header: a unit with a slash
("GPU 임대 단가 ($/시간)"), a 당 in parentheses ("입력 가격 (1M 토큰당)") or a period ("비용 (월)")."""

from __future__ import annotations

import re

from ingest.quantities import unit_hint

PER_WORDS = {"시간": "hour", "월": "month", "년": "year", "연": "year", "백만 토큰": "1M tokens", "토큰": "token",
             "MWh": "MWh", "MW": "MW", "GW": "GW", "일": "day", "주": "week", "1M 토큰": "1M tokens",
             "100만 토큰": "1M tokens", "마일": "mile"}  # fmt: skip
#: "입력 가격 (1M 토큰당)": the denominator of a per-unit figure written with 당
_PER_DANG = re.compile(r"\(\s*([^()]{1,12}?)\s?당\s*\)")
#: "비용 (월)", "요금 (연)": a figure per period of time
_PER_PERIOD = re.compile(r"\((월|연)\)\s*$")


def per_of_header(header: str) -> str:
    """The denominator a header gives its figures ('' when none)."""
    hint = unit_hint(header)
    if hint is None or "/" not in hint.unit:
        dang = _PER_DANG.search(header)
        every = _PER_PERIOD.search(header)
        if every and not dang:
            return PER_WORDS[every.group(1)]  # "비용 (월)": a cost per month
        return PER_WORDS.get(dang.group(1).strip(), dang.group(1).strip()) if dang else ""
    per = hint.unit.split("/", 1)[1].strip()
    return PER_WORDS.get(per, per)
