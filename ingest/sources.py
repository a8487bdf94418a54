"""Cited sources: a ``자료:`` line → the names of the publishers it cites, normalised.

Why: every table and figure closes with a line such as ``자료: OpenAI, SemiAnalysis,
미래에셋증권 리서치센터``; later stages attach those names to facts as original sources
(``pfa:citedSource``). Names are split on top-level commas only — commas inside
parentheses or quotes belong to the name (``류 샤오산(刘少山, …)``, ``논문 "A, B"``) — and a
few spellings are unified (``미래셋증권`` is a typo of ``미래에셋증권``; ``Tesla``/``테슬라``).
Fragments that are explanations rather than names (``SS: 40k-79.9k``) are returned as notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "SOURCE_LINE",
    "SourceLine",
    "is_source_line",
    "normalise_source",
    "parse_source_line",
    "split_sources",
]

SOURCE_LINE = re.compile(r"^\s*자료\s*[:：]\s*")

# spelling variants → one name (keys compared case-insensitively, spaces collapsed)
_ALIASES = {
    "미래셋증권 리서치센터": "미래에셋증권 리서치센터",
    "미래에셋 리서치센터": "미래에셋증권 리서치센터",
    "tesla": "테슬라",
    "huawei": "화웨이",
    "nvidia": "엔비디아",
    "google": "구글",
    "amazon": "아마존",
    "meta": "메타",
    "similarweb": "Similarweb",
    "lmarena": "LMArena",
    "engine no1.": "ENGINE NO.1",
    "engine no.1": "ENGINE NO.1",
    "github": "GitHub",
    "국제에너지기구": "IEA",
    "x": "X",
}


@dataclass
class SourceLine:
    """A parsed ``자료:`` line: the normalised names, the raw parts, and non-name notes."""

    names: list[str]
    raw_parts: list[str]
    notes: list[str] = field(default_factory=list)


def is_source_line(line: str) -> bool:
    return bool(SOURCE_LINE.match(line))


def split_sources(text: str) -> list[str]:
    """Split on commas that are outside parentheses, brackets and quotes."""
    parts: list[str] = []
    depth = 0
    quote: str | None = None
    cur: list[str] = []
    closing = {"“": "”", '"': '"', "‘": "’", "「": "」"}
    for ch in text:
        if quote:
            if ch == closing.get(quote, quote):
                quote = None
        elif ch in closing:
            quote = ch
        elif ch in "([（［{":
            depth += 1
        elif ch in ")]）］}":
            depth = max(0, depth - 1)
        elif ch in ",，" and depth == 0:
            parts.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def normalise_source(name: str) -> str:
    """One spelling per publisher: collapse spaces, strip trailing dots, apply aliases."""
    s = re.sub(r"\s+", " ", name).strip().strip("·").strip()
    key = s.lower()
    if key in _ALIASES:
        return _ALIASES[key]
    return _ALIASES.get(s, s)


def _is_note(part: str) -> bool:
    """A remark, not a name: a criterion ("A: ≥ 80k"); a colon inside a quoted title ('논문 "X: Y"') is the title's."""
    return bool(re.search(r"[≥≤<>]|:\s|기준은", re.sub(r"[\"“][^\"“”]*[\"”]", "", part)))


def parse_source_line(line: str) -> SourceLine:
    """``자료: OpenAI, 외신 종합, 미래에셋증권 리서치센터`` → three names (order kept, deduplicated)."""
    body = SOURCE_LINE.sub("", line, count=1).strip()
    parts = split_sources(body)
    names: list[str] = []
    notes: list[str] = []
    for p in parts:
        if _is_note(p):
            notes.append(p)
            continue
        n = normalise_source(p)
        if n and n not in names:
            names.append(n)
    return SourceLine(names=names, raw_parts=parts, notes=notes)
