"""Parts listed under a counted whole: a bullet naming a whole of N tiers, stages or kinds ("3계층 네트워크
아키텍처", "이 3계층 구조는 …"), then exactly N nested bullets, each a labelled part closing on the name of
what fills it ("Scale-Up: 랙 내부를 … 묶는다 (NVLink).").

The whole is an entity whose own name holds the count ("3계층 네트워크 아키텍처"), named in the lead-in
bullet or an earlier block of the slide (the lead-in may refer back to it: "이 3계층 구조"). Each nested
bullet's closing parenthesis names one known entity, other than the whole: it is ``partOf`` the whole.
The list must be complete — as many labelled items as the count, no other nested bullet — else nothing
is linked (a partial list may enumerate something else). One rule, ``text:listed-part``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ingest.model import Bullet, Figure, Table
from petaflop.extract.facts import Fact, Location

if TYPE_CHECKING:
    from collections.abc import Callable

    from ingest.model import Document
    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver

RULE = "text:listed-part"
#: a count of tiers, stages or kinds: "3계층", "4 단계", "3가지"
_COUNTED = re.compile(r"(?<![\d.,~\-])(\d{1,2})\s?(가지|단계|계층)")
#: a labelled item closing on a parenthesised name: "Scale-Up: 랙 내부를 … 묶는다 (NVLink)."
_ITEM = re.compile(r"^([A-Za-z가-힣][A-Za-z가-힣0-9 \-]{0,29}):\s.+\(([^()]{2,40})\)\s?\.?$")


@dataclass
class _List:
    level: int
    count: int
    whole: str
    items: list[tuple[str, str, int]] = field(default_factory=list)  # (part, raw, line)
    broken: bool = False


def _key(m: re.Match[str]) -> str:
    return m.group(1) + m.group(2)


def _wholes_named(res: Resolver, text: str) -> dict[str, str]:
    """{"3계층": entity} for each entity whose name, as written here, holds a count."""
    out: dict[str, str] = {}
    for m in res.gaz.find_mentions(text):
        if c := _COUNTED.search(text, m.start, m.end):
            out[_key(c)] = m.entity_id
    return out


def _part(res: Resolver, text: str) -> str:
    """The one entity a labelled item's closing parenthesis names, wholly ('' otherwise)."""
    m = _ITEM.match(text.strip())
    if not m:
        return ""
    inner = m.group(2).strip()
    found = [x for x in res.gaz.find_mentions(inner)]
    if len({x.entity_id for x in found}) != 1 or found[0].start != 0 or found[0].end != len(inner):
        return ""
    return found[0].entity_id


def _close(ex: Extraction, res: Resolver, open_: _List | None, chapter: str, title: str,
           sources: tuple[str, ...]) -> None:
    if open_ is None or open_.broken or len(open_.items) != open_.count:
        return
    whole = res.record(res.gaz.by_id(open_.whole))
    for part, raw, line in open_.items:
        if part != open_.whole:
            ex.add(Fact(res.record(res.gaz.by_id(part)), "partOf", whole, True,
                        Location(line, line, chapter, title), RULE, sources, raw=raw[:60]))


def add_listed_parts(doc: Document, ex: Extraction, res: Resolver,
                     sources_of: Callable[[Table | Figure], tuple[str, ...]]) -> None:
    for chapter in doc.chapters:
        for slide in chapter.slides:
            sources: tuple[str, ...] = ()
            for block in slide.blocks:
                if isinstance(block, (Table, Figure)):
                    sources = sources_of(block) or sources
            wholes: dict[str, str] = {}
            open_: _List | None = None
            for block in slide.blocks:
                text = getattr(block, "text", "")
                if not isinstance(text, str):
                    text = ""
                level = block.level if isinstance(block, Bullet) else -1
                if open_ is not None and level == open_.level + 1:
                    part = _part(res, text)
                    open_.broken |= not part
                    open_.items.append((part, text, block.lines.first))
                    continue
                _close(ex, res, open_, chapter.key, slide.title, sources)
                open_ = None
                wholes |= _wholes_named(res, text)
                if level >= 0:
                    counted = [c for c in _COUNTED.finditer(text) if _key(c) in wholes]
                    if len({_key(c) for c in counted}) == 1:
                        c = counted[0]
                        open_ = _List(level, int(c.group(1)), wholes[_key(c)])
            _close(ex, res, open_, chapter.key, slide.title, sources)
