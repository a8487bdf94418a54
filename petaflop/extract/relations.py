"""Text relations: links between two entities stated in one clause.

A pattern in ``relation_patterns.toml`` names a keyword (a regex) and the types of the two
ends; in every clause where the keyword occurs, the closest pair of mentions of those types
(around the keyword) becomes a link, with the clause's line span as provenance. Patterns
are data, so a reviewer can read exactly what turns a sentence into an edge.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import Resolver, is_a
from petaflop.extract.table_map import MappingError

PATTERNS_PATH = Path(__file__).with_name("relation_patterns.toml")
_CLAUSE = re.compile(r"[^.;!?。\n]+(?:[.;!?。]|$)")


@dataclass(frozen=True)
class RelationPattern:
    id: str
    keyword: re.Pattern[str]
    subject_type: str
    object_type: str
    property: str
    max_gap: int


def load_relation_patterns(path: Path = PATTERNS_PATH) -> list[RelationPattern]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise MappingError(f"{path}: {exc}") from None
    out = []
    for i, raw in enumerate(data.get("relation", []), 1):
        where = f"{path.name} [[relation]] {raw.get('id', i)}"
        for key in ("id", "keyword", "subject_type", "object_type", "property"):
            if key not in raw:
                raise MappingError(f"{where}: missing {key!r}")
        try:
            kw = re.compile(raw["keyword"])
        except re.error as exc:
            raise MappingError(f"{where}: bad keyword regex: {exc}") from None
        out.append(RelationPattern(raw["id"], kw, raw["subject_type"], raw["object_type"], raw["property"],
                                   int(raw.get("max_gap", 80))))
    return out


class RelationMiner:
    def __init__(self, resolver: Resolver, patterns: list[RelationPattern]) -> None:
        self.res = resolver
        self.patterns = patterns

    def mine(self, text: str, loc: Location, sources: tuple[str, ...]) -> int:
        made = 0
        mentions = self.res.gaz.find_mentions(text)
        if len(mentions) < 2:
            return 0
        types = {m.entity_id: self.res.gaz.by_id(m.entity_id).type for m in mentions}
        for clause in _CLAUSE.finditer(text):
            a, b = clause.span()
            inside = [m for m in mentions if a <= m.start < b]
            if len(inside) < 2:
                continue
            for p in self.patterns:
                kw = p.keyword.search(text, a, b)
                if not kw:
                    continue
                subs = [m for m in inside if is_a(types[m.entity_id], p.subject_type)]
                objs = [m for m in inside if is_a(types[m.entity_id], p.object_type)]
                best = None
                for s in subs:
                    for o in objs:
                        if s.entity_id == o.entity_id or abs(s.start - o.start) > p.max_gap:
                            continue
                        cost = abs(s.start - o.start) + abs(kw.start() - min(s.start, o.start))
                        if best is None or cost < best[0]:
                            best = (cost, s, o)
                if best:
                    _, s, o = best
                    self.res.ex.add(Fact(s.entity_id, p.property, o.entity_id, True, loc, f"relation:{p.id}", sources,
                                         raw=text[a:b].strip()[:200]))
                    made += 1
        return made
