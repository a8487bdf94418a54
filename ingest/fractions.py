"""Shares and multiples written in words: "절반" (half), "3분의 1", "1/4 수준", "¼".

A fraction is a quantity only where its words make the measure clear. It is a multiple when it
sets a level or a target ("1/4 수준", "3분의 1 수준", "절반으로 줄여") and a share (percent)
otherwise ("매출의 약 절반이", "1/3 미만의 지분"). A slash fraction is read only with such a word
right after it (a bare "1/4" may be a date, "1/4분기" is a quarter), with a denominator of 2–10
and a numerator below it (above 1 only for thirds and quarters: "9/10" may be a date). "두 배" and
other number words for multiples are read in values.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

__all__ = ["word_quantities"]

Q = TypeVar("Q")

_BEFORE = r"(?P<pre>(?:약|거의|대략)\s?)?"
_HALF = re.compile(_BEFORE + r"(?<![가-힣])(?P<half>절반)(?=\s?(?:이상|이하|미만|가량|수준|으로|로|이|을|의|에|가격|\s|$))"
                   r"(?P<post>\s?(?:이상|이하|미만|가량|수준|으로|로))?")
_POST = r"(?P<post>\s?(?:이상|이하|미만|가량|수준|으로|로))"
_SLASH = re.compile(_BEFORE + r"(?<![\d./])(?P<num>\d)/(?P<den>\d{1,2})(?![\d/.,]|\s?분기)" + _POST)
_WORDS = re.compile(_BEFORE + r"(?<![\d.])(?P<den>\d{1,2})\s?분의\s?(?P<num>\d)(?![\d.,])" + _POST + "?")
#: a vulgar-fraction sign: (numerator, denominator)
_GLYPHS = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅖": (2, 5), "⅗": (3, 5),
           "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8)}
_GLYPH = re.compile(_BEFORE + r"(?<![\d.])(?P<glyph>[" + "".join(_GLYPHS) + r"])" + _POST + "?")
_BOUNDS = {"이상": "lowerBound", "이하": "upperBound", "미만": "upperBound", "가량": "approximate"}


def _tidy(v: Decimal, places: str) -> Decimal:
    """``v`` rounded to ``places``, without trailing zeros (0.500 → 0.5, 50.0 → 50)."""
    q = v.quantize(Decimal(places))
    return Decimal(int(q)) if q == q.to_integral_value() else Decimal(str(q).rstrip("0"))


def _fraction(num: int, den: int) -> Decimal | None:
    return Decimal(num) / Decimal(den) if 0 < num < den <= 10 else None


def word_quantities(text: str, make: Callable[..., Q]) -> list[Q]:
    """The quantities written in words in ``text``; ``make(**fields)`` builds each one."""
    if "절반" not in text and "/" not in text and "분의" not in text and not any(g in text for g in _GLYPHS):
        return []
    out: list[Q] = []
    spans: list[tuple[re.Match[str], Decimal]] = []
    for m in _HALF.finditer(text):
        spans.append((m, Decimal("0.5")))
    for rx in (_SLASH, _WORDS):
        for m in rx.finditer(text):
            num, den = int(m.group("num")), int(m.group("den"))
            if rx is _SLASH and num > 1 and den > 4:
                continue  # "9/10": more likely a date than nine tenths
            frac = _fraction(num, den)
            if frac is not None and not any(m.start() < s.end() and s.start() < m.end() for s, _ in spans):
                spans.append((m, frac))
    for m in _GLYPH.finditer(text):
        num, den = _GLYPHS[m.group("glyph")]
        spans.append((m, Decimal(num) / Decimal(den)))
    for m, frac in spans:
        post = (m.group("post") or "").strip()
        quals = {"approximate"} if m.group("pre") else set()
        if post in _BOUNDS:
            quals.add(_BOUNDS[post])
        end = m.end() if post in _BOUNDS else m.end() - len(m.group("post") or "")
        raw = text[m.start():end]
        if post in ("수준", "으로", "로"):
            value = _tidy(frac, "0.001")
            out.append(make(value=value, unit="x", kind="multiple", raw=raw, start=m.start(), end=end,
                            qualifiers=frozenset(quals), original_value=value, original_unit="배"))
        else:
            value = _tidy(frac * 100, "0.1")
            out.append(make(value=value, unit="%", kind="percent", raw=raw, start=m.start(), end=end,
                            qualifiers=frozenset(quals), original_value=value, original_unit="%"))
    return out
