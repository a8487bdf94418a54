"""Values for the graph: the parser's quantities, converted to the unit a property carries.

:mod:`ingest.quantities` normalises to canonical units (money in its own currency, power in
MW, bandwidth in TB/s, memory in GB, compute in FLOPS); properties name their unit
(``powerCapacityMW``, ``amountUSD``, ``bf16DenseTFLOPS``), so this module converts between
the two and refuses conversions that would change meaning (KRW into a USD property).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ingest.amounts import NATIVE_NUMBERS
from ingest.date_periods import quantity_period
from ingest.quantities import Quantity, parse_cell
from ingest.quantities import find_quantities as _find_quantities
from petaflop.extract.count_bounds import counted_bounds

#: a multiple written in Korean number words: "두 배로", "세 배나", "열 배" ("세배", a bow, and "두 배터리" are none)
_WORD_MULTIPLE = re.compile(r"(?<![가-힣A-Za-z0-9])(?P<pre>(?:약|거의|최대)\s)?(?P<n>두|세|네|다섯|여섯|일곱|여덟|아홉|열)"
                            r"(?:\s배|(?<!세)배)(?![가-힣A-Za-z])|"
                            r"(?<![가-힣A-Za-z0-9])(?P<pre2>(?:약|거의|최대)\s)?(?P<n2>두|세|네|다섯|여섯|일곱|여덟|아홉|열)"
                            r"(?:\s배|(?<!세)배)(?=로|나|의|가|를|에|씩|까지|만큼|이상|이|인|임|에서|\s?(?:이상|가량|정도|수준))")
_PRE = {"약": "approximate", "거의": "approximate", "최대": "upperBound"}


def word_multiples(text: str, found: tuple[Quantity, ...] = ()) -> list[Quantity]:
    """Multiples in number words ("두 배로 늘어나", "세 배 증가"): the parser reads figures only; each
    becomes a ``multiple`` quantity (unit ``x``) like "2배", unless a parsed quantity covers its span."""
    out = []
    for m in _WORD_MULTIPLE.finditer(text):
        n, pre = m.group("n") or m.group("n2"), m.group("pre") or m.group("pre2")
        if any(q.start < m.end() and m.start() < q.end for q in found):
            continue
        quals = frozenset({_PRE[pre.strip()]}) if pre else frozenset()
        v = Decimal(NATIVE_NUMBERS[n])
        out.append(Quantity(v, "x", "multiple", m.group(0), start=m.start(), end=m.end(), qualifiers=quals,
                            original_value=v, original_unit="배"))
    return out


#: a span of time in number words right before "만에": "'한 분기'만에 주파", "세 달 만에" (unit, months per word)
_WORD_SPAN = re.compile(r"(?<![가-힣A-Za-z0-9])(?P<pre>(?:약|단|불과)\s)?['‘“\"]?(?P<n>한|두|세|네|다섯|여섯)\s?"
                        r"(?P<u>달|분기)['’”\"]?(?=\s?만에)")


def word_spans(text: str, found: tuple[Quantity, ...] = ()) -> list[Quantity]:
    """Spans of time in number words before "만에" ("'한 분기'만에", "두 달 만에"): the parser reads figures only;
    each becomes a ``duration`` quantity in months like "3개월", unless a parsed quantity covers its span."""
    out = []
    for m in _WORD_SPAN.finditer(text):
        if any(q.start < m.end() and m.start() < q.end for q in found):
            continue
        v = Decimal(NATIVE_NUMBERS[m.group("n")]) * (3 if m.group("u") == "분기" else 1)
        quals = frozenset({"approximate"}) if (m.group("pre") or "").strip() == "약" else frozenset()
        out.append(Quantity(v, "month", "duration", m.group(0), start=m.start(), end=m.end(), qualifiers=quals,
                            original_value=Decimal(NATIVE_NUMBERS[m.group("n")]), original_unit=m.group("u")))
    return out


@lru_cache(maxsize=16384)
def _quantities(text: str) -> tuple[Quantity, ...]:
    found = counted_bounds(text, tuple(_find_quantities(text)))  # "350+명" (count_bounds.py)
    words = word_multiples(text, found) if "배" in text else []
    words += word_spans(text, found) if "만에" in text else []
    return tuple(sorted(found + tuple(words), key=lambda q: q.start)) if words else found


def find_quantities(text: str) -> list[Quantity]:
    """The parser's quantities in ``text`` (as of the report's date), cached: a cell or sentence is read
    by several rules (claims, table reader, text reader, frames)."""
    return list(_quantities(text))

# unit -> (dimension, factor to the canonical unit of that dimension)
UNITS: dict[str, tuple[str, Decimal]] = {
    "MW": ("power", Decimal(1)), "GW": ("power", Decimal(1000)), "kW": ("power", Decimal("0.001")),
    "W": ("power", Decimal("0.000001")),
    "MWh": ("energy", Decimal(1)), "GWh": ("energy", Decimal(1000)), "TWh": ("energy", Decimal(1000000)),
    "TB/s": ("bandwidth", Decimal(1)), "GB/s": ("bandwidth", Decimal("0.001")),
    "GB": ("memory", Decimal(1)), "TB": ("memory", Decimal(1000)),
    "FLOPS": ("compute", Decimal(1)), "TFLOPS": ("compute", Decimal(10) ** 12),
    "PFLOPS": ("compute", Decimal(10) ** 15), "EFLOPS": ("compute", Decimal(10) ** 18),
    "USD": ("USD", Decimal(1)), "KRW": ("KRW", Decimal(1)), "CNY": ("CNY", Decimal(1)), "EUR": ("EUR", Decimal(1)),
    "JPY": ("JPY", Decimal(1)),
    "%": ("percent", Decimal(1)), "count": ("count", Decimal(1)), "x": ("multiple", Decimal(1)),
    "year": ("duration", Decimal(1)),
}
CLAIM_KINDS = {"money", "power", "energy", "bandwidth", "memory", "compute", "count", "percent", "multiple", "number"}


@dataclass(frozen=True)
class ValueRead:
    """A value ready for a fact: number in the wanted unit, XSD datatype, qualifiers."""

    value: Decimal
    unit: str
    kind: str
    raw: str
    datatype: str = "decimal"
    qualifiers: tuple[str, ...] = ()
    low: Decimal | None = None
    high: Decimal | None = None
    as_of: str = ""
    start: int = 0
    end: int = 0


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal | None:
    """``value`` in ``from_unit`` expressed in ``to_unit``; None across dimensions."""
    if from_unit == to_unit or not to_unit:
        return value
    a, b = UNITS.get(from_unit), UNITS.get(to_unit)
    if a is None or b is None or a[0] != b[0]:
        return None
    return (value * a[1] / b[1]).normalize()


def from_quantity(q: Quantity, as_of: str = "") -> ValueRead | None:
    value = q.value if q.value is not None else q.low
    if value is None:
        return None
    unit = q.currency if q.kind == "money" and q.currency else q.unit
    return ValueRead(value, unit, q.kind, q.raw, "decimal", tuple(sorted(q.qualifiers)), q.low, q.high, as_of,
                     q.start, q.end)


def read_value(text: str, header: str, kind: str, unit: str) -> ValueRead | None:
    """Read a table cell as ``kind`` (using the header's unit hint) in ``unit``.

    ``kind = "number"`` takes any number as written (the unit is then implied by the
    property, e.g. a header saying ``(USD/MWh)``).
    """
    q = parse_cell(text, header)
    if q is None or (kind not in ("number", q.kind) and not (kind == "count" and q.kind == "number")):
        # the value need not open the cell ("HBM3E 144GB"): take the first one of the wanted kind
        q = next((x for x in find_quantities(text) if x.kind == kind), q)
    if q is None:
        return None
    v = from_quantity(q)
    if v is None:
        return None
    if kind == "number":
        return v
    bare_count = kind == "count" and q.kind == "number"  # "28K", "3,492" in a count column
    if q.kind != kind and not bare_count and not (kind == "money" and q.kind == "number" and unit == "USD"
                                                  and "$" in text):
        return None
    if bare_count:
        unit = ""
    converted = convert(v.value, v.unit or unit, unit) if unit else v.value
    if converted is None:
        return None
    return ValueRead(converted, unit or v.unit, kind, v.raw, "decimal", v.qualifiers,
                     convert(v.low, v.unit, unit) if v.low is not None and unit else v.low,
                     convert(v.high, v.unit, unit) if v.high is not None and unit else v.high)


_ISO_MONTH = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")


def read_date(text: str) -> ValueRead | None:
    """The first date or period in ``text`` as an XSD value: a day -> xsd:date, a whole
    month -> xsd:gYearMonth, a whole year -> xsd:gYear; any other span (a half, a quarter,
    '중반') -> the xsd:date it starts on, qualified ``periodStart``."""
    m = _ISO_MONTH.match(text)
    if m:
        return ValueRead(Decimal(0), "", "date", text.strip(), "gYearMonth", (), as_of=f"{m[1]}-{m[2]}")
    for q in find_quantities(text):
        if q.kind not in ("date", "period") or not q.date_start or not q.date_end:
            continue
        quals = tuple(sorted(q.qualifiers))
        start, end = q.date_start, q.date_end
        if start == end:
            lexical, datatype = start, "date"
        elif start[5:] == "01-01" and end[5:] == "12-31" and start[:4] == end[:4]:
            lexical, datatype = start[:4], "gYear"
        elif start[:7] == end[:7] and start[8:] == "01" and _month_end(end):
            lexical, datatype = start[:7], "gYearMonth"
        else:
            lexical, datatype, quals = start, "date", tuple(sorted({*quals, "periodStart"}))
        return ValueRead(Decimal(0), "", "date", q.raw, datatype, quals, as_of=lexical)
    return None


def _month_end(iso: str) -> bool:
    import calendar

    y, m, d = (int(x) for x in iso.split("-"))
    return d == calendar.monthrange(y, m)[1]


def date_of(q: Quantity, dates: list[Quantity], values: list[Quantity]) -> str:
    """The date a figure holds for: the nearest date within 25 characters with no other figure
    between them (a sentence's first date is not every figure's date). A deadline ("까지") is none."""
    best = ""
    best_gap = 26
    for d in dates:
        lo, hi = (d.end, q.start) if d.end <= q.start else (q.end, d.start)
        gap = hi - lo
        if gap >= best_gap or any(lo <= v.start < hi for v in values if v is not q):
            continue
        if {"upperBound", "lowerBound"} & d.qualifiers:
            continue
        period = quantity_period(d)  # "2025년" is the year, "3분기" the quarter: never their first month
        best, best_gap = (period.text if period is not None else ""), gap
    return best
