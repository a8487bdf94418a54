"""Quantities in Korean and mixed notation → value, unit, qualifiers (pure functions).

Why a module of its own: every later stage (table mappings, claims found in bullets) needs to
turn ``660~720억 달러``, ``\\$7B``, ``3.35 TB/s`` or ``2H26`` into a number with a unit and a
qualifier, and they must all agree on what the report means. Nothing here reads files or
keeps state; the report's reference date is a parameter (default :data:`REFERENCE_DATE`).

Normalisation (the units the ontology's property names carry, see docs/architecture.md):

* money stays in its own currency (USD, KRW, CNY, EUR, JPY) — never converted — with Korean
  multipliers and B/M/K suffixes applied: ``190억 달러`` → 19,000,000,000 USD;
* power → MW, energy → MWh, bandwidth → TB/s, memory → GB, compute → FLOPS (or OPS for
  TOPS), counts → ``count`` (the counter word 개/대/기/장/명 kept), percent → ``%``,
  multiples (배) → ``x``, durations → their unit (``year``, ``month`` …);
* dates and periods carry ISO ``start``/``end`` dates instead of a value.

Ranges keep both ends in ``low``/``high``; ``value`` is then the lower end and the qualifier
``range`` is set. Qualifiers: ``approximate`` (약, ≈, ~, 가량; 육박, 가까이 …: bound_words.py), ``lowerBound`` (이상, 최소, +,
초과, 이후; 상회, 돌파 …: bound_words.py), ``upperBound`` (이하, 미만, 최대, 까지; 하회, 이내 …),
``estimate`` (추정, 예상, ``2025E``), ``range``, ``vague`` (수백, 수 GW), ``yearAssumed`` (a month-day date placed in the reference
year) and ``resolved`` (올해/작년/내년 resolved against the reference date).
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from ingest.amounts import (
    EN_MONTH_NUMBER,
    MASTER,
    NATIVE_COUNT,
    NATIVE_WORDS,
    PREFIX_CURRENCY,
    SCALE,
    UNITS,
    amount,
    match_group,
    norm,
    vague_bounds,
)
from ingest.bound_words import bounded_after
from ingest.fractions import word_quantities

__all__ = [
    "REFERENCE_DATE",
    "Quantity",
    "UnitHint",
    "find_quantities",
    "parse_cell",
    "parse_quantity",
    "unit_hint",
]

#: The report's reference date. The latest dated market fact in the text is a closing price
#: "as of 9월 3일" (with events up to late August 2025), so the report is anchored to
#: 2025-09-03: ``올해`` is 2025 and a bare ``7월 15일`` is 2025-07-15.
REFERENCE_DATE = date(2025, 9, 3)

D = Decimal


@dataclass(frozen=True)
class Quantity:
    """One quantity found in text.

    ``value`` is in the normalised ``unit`` (the lower end for ranges; ``None`` for dates,
    periods and vague amounts); ``original_value``/``original_unit`` keep what was written
    (number with Korean multipliers applied, unit token as written). ``start``/``end`` are
    character offsets into the text that was searched, ``raw`` is ``text[start:end]``.
    """

    value: Decimal | None
    unit: str
    kind: (
        str  # money power energy bandwidth memory compute count percent multiple duration number date period
    )
    raw: str
    start: int = 0
    end: int = 0
    low: Decimal | None = None
    high: Decimal | None = None
    qualifiers: frozenset[str] = field(default_factory=frozenset)
    currency: str | None = None
    original_value: Decimal | None = None
    original_unit: str = ""
    counter: str = ""  # 개 대 기 장 명 … for counts
    precision: str = ""  # FP8, INT8 … for compute
    date_start: str | None = None  # ISO date, for kind date/period
    date_end: str | None = None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind, "unit": self.unit, "raw": self.raw}
        for name in ("value", "low", "high", "original_value"):
            v = getattr(self, name)
            if v is not None:
                out[name] = decimal_to_json(v)
        if self.qualifiers:
            out["qualifiers"] = sorted(self.qualifiers)
        for name in ("currency", "original_unit", "counter", "precision", "date_start", "date_end"):
            v = getattr(self, name)
            if v:
                out[name] = v
        out["span"] = [self.start, self.end]
        return out


def decimal_to_json(v: Decimal) -> int | float:
    """An int when the value is whole, else a float (JSON has no decimal type)."""
    if v == v.to_integral_value():
        return int(v)
    return float(v)


# --------------------------------------------------------------------------- dates


def _year(y: str) -> int:
    n = int(y.lstrip("'’‘"))  # "'23년": the apostrophe of a year written short
    return 2000 + n if n < 100 else n


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _month_end(y: int, m: int) -> str:
    return date(y, m, calendar.monthrange(y, m)[1]).isoformat()


_PART_MONTHS = {
    "상반기": (1, 6), "하반기": (7, 12), "초": (1, 3), "연초": (1, 3), "중반": (4, 9), "중순": (4, 9),
    "말": (10, 12), "연말": (10, 12), "1분기": (1, 3), "2분기": (4, 6), "3분기": (7, 9), "4분기": (10, 12),
}  # fmt: skip


#: Years named relative to the report's date.
_REL_YEARS = {"올": 0, "올해": 0, "금년": 0, "작년": -1, "지난해": -1, "내년": 1, "재작년": -2, "내후년": 2}


def _year_period(y: int, part: str | None) -> tuple[str, str, set[str]]:
    quals: set[str] = set()
    if part in _PART_MONTHS:
        a, b = _PART_MONTHS[part]
        return date(y, a, 1).isoformat(), _month_end(y, b), quals
    start, end = date(y, 1, 1).isoformat(), date(y, 12, 31).isoformat()
    if part == "이후":
        quals.add("lowerBound")
    elif part in ("이전", "까지", "내"):
        quals.add("upperBound")
    return start, end, quals


def _date_quantity(kind: str, m: re.Match[str], ref: date) -> Quantity | None:
    raw = m.group(0)
    quals: set[str] = set()
    # the named groups of the alternative that matched: the pattern guarantees the ones read as text
    g: Callable[[str], Any] = lambda name: match_group(m, kind, name)  # noqa: E731
    if kind in ("iso", "ymd", "mdy"):
        month = EN_MONTH_NUMBER[g("mon")[:3].lower()] if kind == "mdy" else int(g("m"))
        iso = _iso(_year(g("y")), month, int(g("d")))
        if iso is None:
            return None
        return Quantity(None, "date", "date", raw, date_start=iso, date_end=iso)
    if kind == "md":
        iso = _iso(ref.year, int(g("m")), int(g("d")))
        if iso is None:
            return None
        return Quantity(
            None, "date", "date", raw, qualifiers=frozenset({"yearAssumed"}), date_start=iso, date_end=iso
        )
    if kind in ("ym", "mpart"):
        y = (_year(g("y")) if g("y") else ref.year + _REL_YEARS[g("rel")]) if kind == "ym" else ref.year
        mo = int(g("m"))
        if not 1 <= mo <= 12:
            return None
        part = g("part")
        start, end = date(y, mo, 1).isoformat(), _month_end(y, mo)
        if part == "초":
            end = date(y, mo, 10).isoformat()
        elif part == "중순":
            start, end = date(y, mo, 11).isoformat(), date(y, mo, 20).isoformat()
        elif part == "말":
            start = date(y, mo, 21).isoformat()
        elif part == "이후":
            quals.add("lowerBound")
        elif part == "까지":
            quals.add("upperBound")
        if kind == "mpart" or g("rel"):  # "작년 9월": a year resolved against the report's date
            quals.add("yearAssumed" if kind == "mpart" else "resolved")
        return Quantity(
            None, "period", "period", raw, qualifiers=frozenset(quals), date_start=start, date_end=end
        )
    if kind == "mrange":
        m1, m2 = int(g("m1")), int(g("m2"))
        if m1 >= m2:
            return None
        if g("y"):
            y = _year(g("y"))
        else:
            y = ref.year + (_REL_YEARS[g("rel")] if g("rel") else 0)
            quals.add("resolved" if g("rel") else "yearAssumed")
        return Quantity(
            None, "period", "period", raw, qualifiers=frozenset(quals),
            date_start=date(y, m1, 1).isoformat(), date_end=_month_end(y, m2),
        )  # fmt: skip
    if kind == "qbare":
        a, b = ((3 * int(g("q")) - 2, 3 * int(g("q"))) if g("q") else (1, 6) if g("h") == "상" else (7, 12))
        return Quantity(None, "period", "period", raw, qualifiers=frozenset({"yearAssumed"}),
                        date_start=date(ref.year, a, 1).isoformat(), date_end=_month_end(ref.year, b))
    if kind == "yrange":
        y1, y2 = int(g("y1")), int(g("y2"))
        y2 += y1 // 100 * 100 if y2 < 100 else 0  # "2026~27년": the end year written short
        if y1 >= y2:
            return None
        return Quantity(None, "period", "period", raw, date_start=f"{y1}-01-01", date_end=f"{y2}-12-31")
    if kind == "y":
        start, end, quals = _year_period(_year(g("y")), g("part"))
        p2 = g("part2")
        if p2 == "이후":
            quals.add("lowerBound")
        elif p2:
            quals.add("upperBound")
        return Quantity(
            None, "period", "period", raw, qualifiers=frozenset(quals), date_start=start, date_end=end
        )
    if kind in ("qy", "yq", "yq2"):
        q = int(g("q") or (g("q2") if kind == "yq2" else None) or 0)
        y = _year(g("y"))
        if g("e"):
            quals.add("estimate")
        a = 3 * (q - 1) + 1
        return Quantity(
            None, "period", "period", raw, qualifiers=frozenset(quals),
            date_start=date(y, a, 1).isoformat(), date_end=_month_end(y, a + 2),
        )  # fmt: skip
    if kind == "hy":
        h, y = int(g("h")), _year(g("y"))
        if g("e"):
            quals.add("estimate")
        a = 1 if h == 1 else 7
        return Quantity(
            None, "period", "period", raw, qualifiers=frozenset(quals),
            date_start=date(y, a, 1).isoformat(), date_end=_month_end(y, a + 5),
        )  # fmt: skip
    if kind in ("ye", "fy"):  # "2025E"; a fiscal year ("FY2023", "FY26E") is the year it is named by
        y = _year(g("y"))
        return Quantity(
            None, "period", "period", raw, qualifiers=frozenset({"estimate"} if kind == "ye" or g("e") else ()),
            date_start=date(y, 1, 1).isoformat(), date_end=date(y, 12, 31).isoformat(),
        )  # fmt: skip
    if kind == "rel":  # "내년 상반기"; "연말", "연내" alone: the report's year's ("연내": in it)
        start, end, quals = _year_period(ref.year + (_REL_YEARS[g("rel")] if g("rel") else 0),
                                         g("part") or (g("own") if g("own") != "연내" else None))
        quals |= {"resolved", *(["upperBound"] if g("by") else [])}  # "연말까지": a deadline
        return Quantity(
            None, "period", "period", raw, qualifiers=frozenset(quals), date_start=start, date_end=end
        )
    return None


# --------------------------------------------------------------------------- generic


_PRE_QUAL = {
    "약": "approximate", "대략": "approximate", "~": "approximate", "≈": "approximate", "거의": "approximate",
    "최대": "upperBound", "최대치": "upperBound", "최고": "upperBound", "<": "upperBound", "≤": "upperBound",
    "최소": "lowerBound", "최저": "lowerBound", ">": "lowerBound", "≥": "lowerBound",
    "무려": "",
}  # fmt: skip
_POST_QUAL = {
    "이상": "lowerBound", "초과": "lowerBound", "넘게": "lowerBound", "넘는": "lowerBound", "+": "lowerBound",
    "이하": "upperBound", "미만": "upperBound", "여": "lowerBound", "남짓": "lowerBound",
    "가량": "approximate", "정도": "approximate", "내외": "approximate", "안팎": "approximate",
    "추정": "estimate", "예상": "estimate", "전망": "estimate",
}  # fmt: skip


def _add_half(
    v1: Decimal | None, v2: Decimal | None, halves: tuple[str | None, str | None]
) -> tuple[Decimal | None, Decimal | None]:
    """'2시간 반' → 2.5: the half belongs to the amount whose duration unit it follows."""
    if halves[0] and v1 is not None:
        v1 += D("0.5")
        if v2 is None:
            return v1, v2
    if halves[1] and v2 is not None:
        v2 += D("0.5")
    return v1, v2


def _generic_quantity(m: re.Match[str]) -> Quantity | None:
    g: Callable[[str], Any] = lambda name: match_group(m, "generic", name)  # noqa: E731  (see _date_quantity)
    raw = m.group(0)
    amt1, amt2 = g("amt1"), g("amt2")
    unit_tok = g("lu1") or g("ku1") or g("lu2") or g("ku2") or ""
    cur_tok = (g("cur1") or g("cur2") or "").strip()
    sep = g("sep")
    vague = amt1.lstrip().startswith("수")
    if vague and not unit_tok and not cur_tok:
        return None
    if sep == "-" and not (unit_tok or cur_tok or g("sc2")):
        return None  # '3-5' without a unit is a label or a code, not a range
    quals: set[str] = set()
    pre = (g("pre") or "").strip()
    if pre and _PRE_QUAL.get(pre):
        quals.add(_PRE_QUAL[pre])
    post = (g("post") or "").strip()
    if post and _POST_QUAL.get(post):
        quals.add(_POST_QUAL[post])

    # amounts
    if vague:
        lo, hi = vague_bounds(amt1)
        quals.add("vague")
        v1: Decimal | None = None
    else:
        v1 = amount(amt1)
    v2 = amount(amt2) if amt2 else None
    sc1 = SCALE.get((g("sc1") or "").strip(), D(1))
    sc2 = SCALE.get((g("sc2") or "").strip(), D(1))
    if v2 is not None:
        # '660~720억': the high end's multiplier applies to a bare low end
        if not re.search(r"[십백천만억조]", amt1) and re.search(r"[십백천만억조]", amt2):
            tail = re.search(r"[십백천만억조][\s십백천만억조]*$", amt2)
            if tail:
                v1 = amount(amt1 + tail.group(0)) if v1 is not None else None
        if not g("sc1") and g("sc2"):
            sc1 = sc2
    v1, v2 = _add_half(v1, v2, (g("half1"), g("half2")))
    if v1 is not None:
        v1 *= sc1
    if v2 is not None:
        v2 *= sc2

    # unit
    counter = ""
    if unit_tok.endswith("/s") and unit_tok not in UNITS:
        unit_tok = unit_tok[:-2]  # 'TFLOPS/s' is a typo for TFLOPS
    if unit_tok in UNITS:
        kind, unit, factor = UNITS[unit_tok]
        if kind == "count":
            counter = unit_tok
    elif cur_tok:
        kind, unit, factor = "money", PREFIX_CURRENCY.get(cur_tok, "USD"), D(1)
    else:
        kind, unit, factor = "number", "", D(1)
    if cur_tok and kind != "money":
        # '$/시간' style: a currency before a number and a unit after → still money per unit
        if kind in ("duration", "count"):
            kind, unit, factor, counter = "money", PREFIX_CURRENCY.get(cur_tok, "USD"), D(1), ""
    if kind == "compute" and unit == "FLOPS" and (g("prec") or g("prec_word") or "").upper().startswith("INT"):
        unit = "OPS"  # "354 TFLOPS (INT8)": integer operations, not floating-point ones
    currency = unit if kind == "money" else None
    original = v1
    value = norm(v1 * factor) if v1 is not None else None
    high = norm(v2 * factor) if v2 is not None else None
    low = value if high is not None else None
    if vague:
        low, high = norm(lo * sc1 * factor), norm(hi * sc1 * factor)
        value = None
    if high is not None and not vague:
        quals.add("range")
    return Quantity(
        value=value,
        unit=unit,
        kind=kind,
        raw=raw,
        low=low,
        high=high,
        qualifiers=frozenset(quals),
        currency=currency,
        original_value=norm(original) if original is not None else None,
        original_unit=(cur_tok + " " if cur_tok else "") + unit_tok if (cur_tok or unit_tok) else "",
        counter=counter,
        precision=g("prec") or (g("prec_word") if kind == "compute" else "") or "",  # a word after a compute figure
    )


# --------------------------------------------------------------------------- API


def _iter_quantities(text: str, reference: date):
    for m in MASTER.finditer(text):
        kind = m.lastgroup[1:] if m.lastgroup else ""
        q = _generic_quantity(m) if kind == "generic" else _date_quantity(kind, m, reference)
        if q is None:
            continue
        word = kind == "generic" and q.kind != "compute" and m.group("generic_prec_word")  # "96GB FP8": no format
        a, b = m.start(), m.start("generic_prec_word") if word else m.end()  # then trim the spaces groups ate
        while b > a and text[b - 1].isspace():
            b -= 1
        while a < b and text[a].isspace():
            a += 1
        yield replace(q, start=a, end=b, raw=text[a:b])


def _native_counts(text: str) -> list[Quantity]:
    return [Quantity(value=D(NATIVE_WORDS[m.group(1)]), unit="count", kind="count", raw=m.group(0), start=m.start(),
                     end=m.end(), original_value=D(NATIVE_WORDS[m.group(1)]), original_unit=m.group(2) or m.group(3),
                     counter=m.group(2) or m.group(3)) for m in NATIVE_COUNT.finditer(text)]


def find_quantities(text: str, reference: date = REFERENCE_DATE) -> list[Quantity]:
    """Every quantity in ``text``, left to right, with character offsets into ``text``.

    Dates and periods win over plain numbers (``2025년`` is a year, not 2025 of something);
    a number glued to letters (``H100``, ``GB200``, ``GPT-4``) is a name, not a quantity; a native
    Korean numeral before a counter ("두 개") is a count. Cached: several rules read one sentence or title.
    """
    return list(_quantities_in(text, reference))


@functools.lru_cache(maxsize=16384)
def _quantities_in(text: str, reference: date) -> tuple[Quantity, ...]:
    found = list(_iter_quantities(text, reference))
    if words := word_quantities(text, Quantity):  # "절반", "3분의 1 수준" (fractions.py)
        found = sorted([q for q in found if not any(q.start < w.end and w.start < q.end for w in words)] + words,
                       key=lambda q: q.start)
    native = [q for q in _native_counts(text) if not any(q.start < f.end and f.start < q.end for f in found)]
    return tuple(bounded_after(text, sorted(found + native, key=lambda q: q.start)))  # "4억 명 상회" (bound_words.py)


def parse_quantity(text: str, reference: date = REFERENCE_DATE) -> Quantity | None:
    """The first quantity in ``text`` (``None`` if there is none)."""
    return next(_iter_quantities(text, reference), None)


@dataclass(frozen=True)
class UnitHint:
    """A unit stated once in a column header (``투자액 (억 달러)``) for the cells below."""

    kind: str
    unit: str
    factor: Decimal  # multiplier to the canonical unit, Korean multipliers included
    multiplier: Decimal  # the Korean/B/M multiplier alone (억 → 1e8)
    currency: str | None
    text: str
    counter: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "unit": self.unit,
            "multiplier": decimal_to_json(self.multiplier),
            "text": self.text,
        }


_HINT_MULT = re.compile(r"^(?P<m>(?:[십백천]?[만억조]?)|[BMK]|billion|million|백만|십억)\s?(?P<u>.*)$")


@functools.lru_cache(maxsize=4096)
def unit_hint(header: str) -> UnitHint | None:
    """The unit a header states for its column, if any.

    ``투자액 (억 달러)`` → ×1e8 USD; ``전체 전력 (GW)`` → GW; ``금액(USD)`` → USD;
    ``DAU (백만명)`` → ×1e6 count; ``GPU 임대 단가 (\\$/시간)`` → USD (per hour).
    """
    m = re.search(r"\(([^()]*)\)\s*$", header.strip()) or re.search(r"\(([^()]*)\)", header)
    if not m:
        return None
    inner = m.group(1).strip().replace("\\$", "$")
    if not inner or len(inner) > 16:
        return None
    per = ""
    if "/" in inner and not re.search(r"[TGM]B/s|Gb/s", inner):
        inner, per = inner.split("/", 1)
        inner = inner.strip()
    mm = _HINT_MULT.match(inner)
    mult_txt, unit_txt = (mm.group("m"), mm.group("u").strip()) if mm else ("", inner)
    if not unit_txt and mult_txt:
        unit_txt, mult_txt = mult_txt, ""  # '(개)' style: the whole thing is the unit
    mult = amount(mult_txt) if re.search(r"[십백천만억조]", mult_txt) else SCALE.get(mult_txt, D(1))
    if unit_txt in ("$", "US$"):
        unit_txt = "USD"
    if unit_txt not in UNITS:
        return None
    kind, unit, factor = UNITS[unit_txt]
    if per:
        unit = f"{unit}/{per.strip()}"
    return UnitHint(
        kind=kind,
        unit=unit,
        factor=factor * mult,
        multiplier=mult,
        currency=unit.split("/")[0] if kind == "money" else None,
        text=m.group(1),
        counter=unit_txt if kind == "count" else "",
    )


def parse_cell(
    text: str, header: str | UnitHint | None = None, reference: date = REFERENCE_DATE
) -> Quantity | None:
    """The quantity a table cell holds, using the column header's unit when the cell has none.

    A cell *holds* a quantity when it starts with one (``5 (1.5GW는 재생에너지)`` → 5);
    a sentence that mentions numbers further in (``대역폭 상한선 1.7 ~ 1.8 TB/s``) holds none —
    use :func:`find_quantities` on such text.

    ``parse_cell("190", "투자액 (억 달러)")`` → 19,000,000,000 USD. A cell with its own unit
    of the header's kind but no multiplier (``\\$30`` under ``(십억 달러)``) takes the header's
    multiplier; a cell with a different kind of unit keeps its own. ``-``, ``?`` and empty
    cells hold nothing.
    """
    hint = unit_hint(header) if isinstance(header, str) else header
    t = text.strip()
    if not t or t in ("-", "?", "—", "–", "N/A", "n/a"):
        return None
    q = parse_quantity(t, reference)
    if q is not None and re.search(r"[A-Za-z0-9가-힣]", t[: q.start]):
        return None  # the cell is text that mentions a number later on: not a value cell
    if q is None or hint is None or q.kind in ("date", "period"):
        return q
    if q.kind == "number":
        return _apply_hint(q, hint, D(1))
    if q.kind == hint.kind and hint.multiplier != 1 and not re.search(r"[십백천만억조]|[BMK]\b|billion|million", q.raw):
        return _apply_hint(q, hint, D(1) / UNITS.get(q.original_unit.split()[-1], ("", "", D(1)))[2]
                           if q.original_unit else D(1))  # fmt: skip
    return q


def _apply_hint(q: Quantity, hint: UnitHint, undo: Decimal) -> Quantity:
    f = hint.factor * undo

    def conv(v: Decimal | None) -> Decimal | None:
        return norm(v * f) if v is not None else None

    return replace(
        q,
        kind=hint.kind,
        unit=hint.unit,
        value=conv(q.value),
        low=conv(q.low),
        high=conv(q.high),
        currency=hint.currency,
        original_unit=hint.text,
        counter=hint.counter or q.counter,
        qualifiers=q.qualifiers | {"unitFromHeader"},
    )


def to_decimal(text: str) -> Decimal | None:
    """A plain number with thousands separators, or ``None``."""
    try:
        return D(text.replace(",", "").strip())
    except (InvalidOperation, ValueError):
        return None

