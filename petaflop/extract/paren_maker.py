"""A maker with its things in parentheses right after its name: "구글(Gemini)", "Anthropic(Claude)", "TSMC(로직+CoWoS)".

The parenthesis holds nothing but names of things (a model, product, platform, chip or technology) joined by
"+", "·", "/" or ",", or a bare kind word among them ("로직"): each named thing is the organisation's work, the
genitive lexicon deciding the property by the two classes, as for "<A>의 <B>" (a bare technique the lexicon
has no class for, "OpenAI(PPO)", is developed by it). A parenthesis with any other
words ("xAI(Colossus 포함)", "엔비디아(에이전트의 근간)"), with an organisation or a person in it (a list of
partners, customers or staff), or not right after the name says nothing of who made what. Rule
``text:paren-maker``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.lexicon import GenitiveEntry
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

RULE = "text:paren-maker"
_MAKERS = ("Firm", "AILab", "ResearchInstitute")
_THINGS = ("Hardware", "AIModel", "AIProduct", "SoftwarePlatform", "Technology")
_PROPS = ("designedBy", "developedBy", "offeredBy")
_OPEN = re.compile(r"\s?\(")
_JOINT = re.compile(r"\s?[+·/,]\s?")
#: a bare kind word listed with the names ("로직+CoWoS"): one short word, no particle of a clause
_KIND_WORD = re.compile(r"[가-힣]{1,4}|[A-Za-z]{1,5}")
_QUOTES = "'‘’“”\""
_NAME = "\x00"  # a name's place in the parenthesis


def paren_makers(ex: Extraction, genitive_for: Callable[[str, str], GenitiveEntry | None], s: str,
                 mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
    """Add ``<thing> designedBy|developedBy|offeredBy <maker>`` for each thing named in "<maker>(<things>)"."""
    for a in mentions:
        if not any(is_a(a.type, c) for c in _MAKERS):
            continue
        opened = _OPEN.match(s, a.end)
        if opened is None:
            continue
        close = s.find(")", opened.end())
        if close < 0 or "(" in s[opened.end():close]:
            continue
        inner = [m for m in mentions if opened.end() <= m.start and m.end <= close]
        if not inner or not all(any(is_a(m.type, c) for c in _THINGS) for m in inner):
            continue  # nothing named, or an organisation, a person, a place among them
        if not _only_names(s, opened.end(), close, inner):
            continue
        for b in inner:
            prop = _made_by(genitive_for, a, b)
            if b.entity == a.entity or prop not in _PROPS:
                continue
            ex.add(Fact(b.entity, prop, a.entity, True, loc, RULE, sources, raw=s[a.start:close + 1][:60]))


def _made_by(genitive_for: Callable[[str, str], GenitiveEntry | None], a: Mention_, b: Mention_) -> str:
    """The lexicon's property for the two classes; a bare technique (a ``Technology`` of no narrower class
    the lexicon knows: "OpenAI(PPO)") is its maker's development."""
    entry = genitive_for(a.type, b.type)
    if entry is not None:
        return entry.property
    return "developedBy" if b.type == "Technology" else ""


def _only_names(s: str, start: int, end: int, inner: list[Mention_]) -> bool:
    """Whether ``s[start:end]`` is the names of ``inner`` and bare kind words, joined by list marks only."""
    text, at = "", start
    for m in inner:
        text += s[at:m.start] + _NAME
        at = m.end
    text += s[at:end]
    parts = [p.strip(_QUOTES + " ") for p in _JOINT.split(text.strip())]
    return all(p == _NAME or _KIND_WORD.fullmatch(p) for p in parts)
