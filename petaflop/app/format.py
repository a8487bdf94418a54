"""Numbers, units and qualifiers for display, in plain words and in the UI's language.

Units are symbols where a reader knows them (MW, TB/s, USD, GB) and words otherwise
("years", "H100-equivalent chips"); a unit of ``count`` or ``date`` is not shown. The report's
qualifiers (``lowerBound``, ``approximate`` …) become phrases ("at least", "about"), and the
graph's bookkeeping words (``unitFromHeader``) are spelled out for the provenance popover.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from foundation.namespaces import XSD

NUMERIC_TYPES = frozenset({XSD[t] for t in ("decimal", "integer", "double", "float", "int", "long",
                                             "nonNegativeInteger", "positiveInteger")})

# unit symbol -> (English, Korean); a symbol not listed is shown as it is (MW, TB/s, GB …)
UNIT_WORDS: dict[str, tuple[str, str]] = {
    "count": ("", ""),
    "date": ("", ""),
    "years": ("years", "년"),
    "months": ("months", "개월"),
    "h": ("hours", "시간"),
    "parameters": ("parameters", "파라미터"),
    "tokens": ("tokens", "토큰"),
    "thousand units": ("thousand units", "천 대"),
    "H100-equivalents": ("H100-equivalent chips", "H100 환산 칩"),
    "A100-equivalents": ("A100-equivalent chips", "A100 환산 칩"),
    "acre/100MW": ("acres per 100 MW", "에이커/100MW"),
    "USD/year": ("USD a year", "연간 USD"),
    "see currencyCode": ("in the stated currency", "표시 통화"),
    "ISO 4217": ("", ""),
    "ISO 3166-1 alpha-2": ("", ""),
    "": ("", ""),
    "x": ("times", "배"),
    "%p": ("percentage points", "%p"),
    "CNY": ("CNY", "위안"),
    "KRW": ("KRW", "원"),
}

# a claim's quantity kind -> (English, Korean)
KIND_WORDS: dict[str, tuple[str, str]] = {
    "number": ("number", "수치"),
    "count": ("count", "개수"),
    "percent": ("percentage", "비율"),
    "money": ("amount of money", "금액"),
    "power": ("power", "전력"),
    "multiple": ("multiple", "배수"),
    "bandwidth": ("bandwidth", "대역폭"),
    "memory": ("memory", "메모리"),
    "energy": ("energy", "에너지"),
    "compute": ("compute", "연산 성능"),
}

# qualifier code -> (English, Korean)
QUALIFIER_WORDS: dict[str, tuple[str, str]] = {
    "lowerBound": ("at least", "이상"),
    "upperBound": ("at most", "이하"),
    "approximate": ("about", "약"),
    "range": ("a range", "범위"),
    "vague": ("vague figure", "불명확한 수치"),
    "periodStart": ("from the start of the period", "기간 시작 기준"),
    "yearAssumed": ("year assumed", "연도 추정"),
    "estimate": ("estimate", "추정치"),
    "unitFromHeader": ("unit from the table header", "표 머리글의 단위"),
    "planned": ("planned", "계획"),
    "target": ("target", "목표"),
    "forecast": ("forecast", "전망"),
    "former": ("former", "이전"),
    "actual": ("actual", "실적"),
}


def is_numeric(term) -> bool:
    return isinstance(term, ox.Literal) and term.datatype is not None and term.datatype.value in NUMERIC_TYPES


def to_number(term) -> float | None:
    if not is_numeric(term):
        return None
    try:
        return float(term.value)
    except ValueError:
        return None


def format_number(value: str | float | Decimal) -> str:
    """``550000`` → ``550,000``; ``1.80`` → ``1.8``; large or tiny values keep every digit."""
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if not d.is_finite():
        return str(value)
    if d == d.to_integral_value():
        return f"{int(d):,}"
    text = format(d.normalize(), "f")
    whole, _, frac = text.partition(".")
    return f"{int(whole):,}.{frac}" if whole.lstrip("-").isdigit() else text


def compact_usd(value: float, lang: str = "en") -> str:
    """``1.4e12`` → ``$1.4 tn`` (English) or ``1.4조 달러`` (Korean)."""
    if lang == "ko":
        for size, name in ((1e12, "조"), (1e8, "억"), (1e4, "만")):
            if abs(value) >= size:
                return f"{value / size:,.3g}{name} 달러"
        return f"{value:,.0f} 달러"
    for size, name in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            return f"${value / size:,.3g} {name}"
    return f"${value:,.0f}"


def unit_words(unit: str | None, lang: str = "en") -> str:
    """The unit as shown: a known symbol, or words; empty for counts and dates."""
    if not unit:
        return ""
    pair = UNIT_WORDS.get(unit)
    if pair is None:
        return unit
    return pair[1] if lang == "ko" else pair[0]


def qualifier_words(code: str, lang: str = "en") -> str:
    """A qualifier code in words; an unknown camelCase code is split into words."""
    pair = QUALIFIER_WORDS.get(code)
    if pair is not None:
        return pair[1] if lang == "ko" else pair[0]
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", code).lower()


def kind_words(code: str, lang: str = "en") -> str:
    """A claim's quantity kind in words."""
    pair = KIND_WORDS.get(code)
    if pair is not None:
        return pair[1] if lang == "ko" else pair[0]
    return qualifier_words(code, lang)


def format_literal(term, unit: str | None = None, lang: str = "en") -> str:
    """A literal for display: numbers with separators and the property's unit in words."""
    if term is None:
        return "—"
    if not isinstance(term, ox.Literal):
        return str(getattr(term, "value", term))
    if is_numeric(term):
        text = format_number(term.value)
        if unit == "USD":
            num = float(term.value)
            return f"{text} USD ({compact_usd(num, lang)})" if abs(num) >= 1e6 else f"{text} USD"
        words = unit_words(unit, lang)
        if lang != "ko" and text == "1" and words in ("years", "months", "hours"):
            words = words[:-1]  # "1 year", not "1 years"
        return f"{text} {words}" if words else text
    if term.datatype is not None and term.datatype.value == XSD.boolean:
        return {"true": ("yes", "예"), "false": ("no", "아니오")}.get(term.value, (term.value, term.value))[
            1 if lang == "ko" else 0]
    return term.value


def cell(value, empty: str = "—"):
    """A table cell: ``None``/NaN/empty become ``—`` (never the word "None")."""
    if value is None:
        return empty
    if isinstance(value, float) and value != value:
        return empty
    if isinstance(value, str) and not value.strip():
        return empty
    return value
