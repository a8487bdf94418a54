"""Text relations: links between two entities stated in one clause.

A pattern in ``relation_patterns.toml`` names a keyword (a regex) and the types of the two
ends; in every clause where the keyword occurs, the closest pair of mentions of those types
(around the keyword) becomes a link, with the clause's line span as provenance. Patterns
are data, so a reviewer can read exactly what turns a sentence into an edge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from petaflop.extract.facts import Fact, Location
from petaflop.extract.gazetteer import Mention
from petaflop.extract.mapping_data import MappingError, check_tables, compile_regex, entries
from petaflop.extract.relation_guards import (
    across_a_break,
    agent_after_the_verb,
    an_aside,
    an_owner,
    genitive_of_another,
    listed_with,
)
from petaflop.extract.resolve import Resolver, is_a

PATTERNS_PATH = Path(__file__).with_name("relation_patterns.toml")
# A particle may follow a parenthetical or a closing quote: "센터(LRZ: …)에", "'io'를".
_BEFORE_PARTICLE = r"(?:\([^)]*\))?['’”\"]?"


def _marker(particles: str | None) -> re.Pattern[str] | None:
    """A particle marker regex (e.g. '에|에게'): the particle, not glued to a longer word."""
    if not particles:
        return None
    return re.compile(_BEFORE_PARTICLE + f"(?:{particles})(?![\uac00-\ud7a3])")


_SUBJ = re.compile(r"['’”\"]?(?:은|는|이|가)(?![\uac00-\ud7a3])")
_OBJ = re.compile(r"['’”\"]?(?:을|를)(?![\uac00-\ud7a3])")
_OBJ_END = re.compile(r"(?:을|를)(?![\uac00-\ud7a3])")
# between an unmarked modifier and the name it modifies: the chips or models the name is about ("美 상무부 A100·H100 수출 금지")
_MODIFIER_GAP = re.compile(r"\s+(?:[A-Za-z0-9][\w.-]*(?:\s?[·,/]\s?[A-Za-z0-9][\w.-]*)*\s+)?")
_TOWARD = re.compile(r"對|대(?=중|미)")  # "對중국 수출 허가": the destination, not the issuer
_PAREN = re.compile(r"\([^()]*\)")
# between the object and its verb: at most one adverb ("직접 제공", "무료로 제공")
_VERB_GAP = re.compile(r"\s*(?:(?:직접|새로|모두|함께|널리|전격|본격적으로|대규모로|무료로|무상으로)\s*)?")


def _verb_object(between: str) -> bool:
    """The text after a mention up to a verb makes the mention the verb's own object: one object particle
    (outside parentheses), then at most an adverb — not an object of a clause inside ("X를 지원하도록 IP를 제공")."""
    rest = _PAREN.sub("", between)
    marks = list(_OBJ_END.finditer(rest))
    return len(marks) == 1 and bool(_VERB_GAP.fullmatch(rest, marks[0].end()))


_CLAUSE = re.compile(r"[^.;!?。\n]+(?:[.;!?。]|$)")
# between two coordinated names: a list mark or conjunction, nothing else ("A100·H100", "H20 · A800", "B와 C")
_AND = re.compile(r"\s?['’”\"]?\s?(?:·|,|/|및|와|과)\s?['‘“\"]?")


def _coordinated(text: str, mentions: list[Mention], o: Mention, types: dict[str, str], classes: str) -> list[Mention]:
    """The mentions of ``classes`` coordinated with ``o`` on either side, nothing but list marks between."""
    ordered = sorted(mentions, key=lambda m: m.start)
    i = ordered.index(o)
    out = []
    for step in (-1, 1):
        prev, j = o, i + step
        while 0 <= j < len(ordered):
            c = ordered[j]
            lo, hi = (c, prev) if step < 0 else (prev, c)
            if not _of(types[c.entity_id], classes) or not _AND.fullmatch(text[lo.end:hi.start]):
                break
            out.append(c)
            prev, j = c, j + step
    return out


@dataclass(frozen=True)
class RelationPattern:
    id: str
    keyword: re.Pattern[str]
    subject_type: str
    object_type: str
    property: str
    max_gap: int
    all_subjects: bool = False  # every subject in the clause gets the link (coordinated lists)
    object_marker: re.Pattern[str] | None = None  # the object must be followed by this (a particle)
    subject_marker: re.Pattern[str] | None = None
    scope: str = "clause"  # clause | block: how far apart the two mentions may be
    between: bool = False  # the keyword must stand between the two mentions ("Colossus by xAI")
    all_objects: bool = False  # every object in the clause gets the link ("by Amazon+Anthropic")
    object_exclude: re.Pattern[str] | None = None  # an object followed by this is no object ("미국의", "미국산")
    before_keyword: bool = False  # both mentions stand before the keyword (the verb ends the Korean clause)
    last_object: bool = False  # the subject is the verb's object: the last object-marked phrase before the keyword
    object_list: bool = False  # the things coordinated with the object ("A100·H100", "H20 · A800") are objects too
    modifier: bool = False  # with object_marker: an unmarked object right before the subject too ("美 상무부 A100 수출 금지")
    guarded: bool = False  # no object in an aside, in another noun's genitive, or after the verb (relation_guards.py)
    partner_guards: bool = False  # no pair across a dash or a contrast, from one list, or with an owner in the genitive


_RELATION_KEYS = {"id": "str", "keyword": "str", "subject_type": "str", "object_type": "str", "property": "str",
                  "max_gap": "int", "all_subjects": "bool", "object_marker": "str", "subject_marker": "str",
                  "scope": "str", "between": "bool", "all_objects": "bool", "object_exclude": "str",
                  "before_keyword": "bool", "last_object": "bool", "object_list": "bool",
                  "modifier": "bool", "guarded": "bool", "partner_guards": "bool"}


def load_relation_patterns(path: Path = PATTERNS_PATH) -> list[RelationPattern]:
    out = []
    from ontology.model import load_model

    model = load_model()
    check_tables(path, {"relation"})
    for where, raw in entries(path, "relation", ("id", "keyword", "subject_type", "object_type", "property"),
                              _RELATION_KEYS):
        if raw["property"] not in model.object_properties():
            raise MappingError(f"{where}: {raw['property']!r} is not an object property of the ontology")
        for key in ("subject_type", "object_type"):  # "Firm|AILab": any of the classes
            if any(c not in model.classes for c in raw[key].split("|")):
                raise MappingError(f"{where}: {key} {raw[key]!r} is not a class of the ontology")
        out.append(RelationPattern(raw["id"], compile_regex(raw["keyword"], where + ".keyword"), raw["subject_type"],
                                   raw["object_type"], raw["property"], int(raw.get("max_gap", 80)),
                                   bool(raw.get("all_subjects", False)),
                                   _marker(raw.get("object_marker")), _marker(raw.get("subject_marker")),
                                   raw.get("scope", "clause"), bool(raw.get("between", False)),
                                   bool(raw.get("all_objects", False)), _marker(raw.get("object_exclude")),
                                   bool(raw.get("before_keyword", False)), bool(raw.get("last_object", False)),
                                   bool(raw.get("object_list", False)), bool(raw.get("modifier", False)),
                                   bool(raw.get("guarded", False)), bool(raw.get("partner_guards", False))))
    return out


def _modifies(text: str, o: Mention, s: Mention) -> bool:
    """``o`` is written unmarked right before ``s``, at most a list of model names between them, and is no
    destination ("對중국 수출 허가")."""
    return o.end <= s.start and bool(_MODIFIER_GAP.fullmatch(text, o.end, s.start)) and not _TOWARD.match(text, o.start)


#: "구글의 Gemini": an owner in the genitive right before the name it owns (a quote, a short modifier between)
_GENITIVE_OF = re.compile(r"['’”\"]?\s?의\s?(?:[가-힣]{1,4}\s)?['‘“\"]?")


def _owner_of_other(text: str, o: Mention, s: Mention, subs: list[Mention]) -> bool:
    """``o`` is written in the genitive of another candidate subject ("자체 개발의 X 모델이 … 구글의 Gemini나"):
    it is that one's owner, not ``s``'s."""
    return any(x.entity_id != s.entity_id and x.start >= o.end and _GENITIVE_OF.fullmatch(text, o.end, x.start)
               for x in subs)


def _of(t: str, classes: str) -> bool:
    return any(is_a(t, c) for c in classes.split("|"))


class RelationMiner:
    def __init__(self, resolver: Resolver, patterns: list[RelationPattern]) -> None:
        self.res = resolver
        self.patterns = patterns

    def _own_name(self, s: Mention, o: Mention) -> bool:
        """The object is the firm whose name begins the subject's ("Tesla AI6" and Tesla): the chip's
        designer, seldom its foundry — such a link is judged apart (``…:own-name``)."""
        subj, obj = self.res.gaz.by_id(s.entity_id), self.res.gaz.by_id(o.entity_id)
        return bool(subj and obj) and subj.name_en.startswith(obj.name_en + " ")

    def mine(self, text: str, loc: Location, sources: tuple[str, ...]) -> int:
        made = 0
        mentions = self.res.gaz.find_mentions(text)
        if len(mentions) < 2:
            return 0
        types = {m.entity_id: self.res.gaz.by_id(m.entity_id).type for m in mentions}
        spans = [c.span() for c in _CLAUSE.finditer(text)]
        for scope, a, b in [("clause", a, b) for a, b in spans] + [("block", 0, len(text))]:
            inside = [m for m in mentions if a <= m.start < b]
            if len(inside) < 2:
                continue
            for p in self.patterns:
                if p.scope != scope:
                    continue
                kw = p.keyword.search(text, a, b)
                if not kw:
                    continue
                subs = [m for m in inside if _of(types[m.entity_id], p.subject_type)]
                objs = [m for m in inside if _of(types[m.entity_id], p.object_type)]
                # Korean marks roles with particles: prefer a subject/topic-marked subject and an
                # object-marked object when the clause has them.
                if p.subject_marker is not None:
                    subs = [m for m in subs if p.subject_marker.match(text, m.end)]
                else:
                    subs = [m for m in subs if _SUBJ.match(text, m.end)] or subs
                if p.object_exclude is not None:
                    objs = [m for m in objs if not p.object_exclude.match(text, m.end)]
                bare = []  # objects written unmarked right before a subject ("美 상무부 A100·H100 수출 금지")
                if p.object_marker is not None:
                    bare = [m for m in objs if p.modifier and not p.object_marker.match(text, m.end)
                            and any(_modifies(text, m, x) for x in subs)]
                    objs = [m for m in objs if p.object_marker.match(text, m.end) or m in bare]
                else:
                    objs = [m for m in objs if _OBJ.match(text, m.end)] or objs
                pairs = []
                for s in subs:
                    found = []
                    for o in objs:
                        if s.entity_id == o.entity_id or abs(s.start - o.start) > p.max_gap or _owner_of_other(text, o, s, subs):
                            continue
                        lo, hi = sorted((s, o), key=lambda m: m.start)
                        if p.between and not p.keyword.search(text, lo.end, hi.start):
                            continue
                        if o in bare and not _modifies(text, o, s):
                            continue
                        if p.before_keyword and hi.start > kw.start():
                            continue
                        if p.last_object and not _verb_object(text[s.end:kw.start()]):
                            continue
                        if p.guarded and (an_aside(text, s, o) or genitive_of_another(text, s, o) or agent_after_the_verb(
                                text, s, o, kw, _verb_object(text[s.end:kw.start()]))):
                            continue
                        if p.partner_guards and (across_a_break(text, s, o) or listed_with(text, s, o)
                                                 or an_owner(text, s)):
                            continue
                        cost = abs(s.start - o.start) + abs(kw.start() - min(s.start, o.start))
                        found.append((cost, s, o))
                    found.sort(key=lambda x: x[0])
                    pairs.extend(found if p.all_objects else found[:1])
                pairs.sort(key=lambda x: x[0])
                chosen = [(s, o) for _, s, o in (pairs if (p.all_subjects or p.all_objects) else pairs[:1])]
                if p.object_list:
                    chosen += [(s, c) for s, o in chosen for c in _coordinated(text, inside, o, types, p.object_type)
                               if c.entity_id != s.entity_id and (s, c) not in chosen]
                for s, o in chosen:
                    own = p.property == "fabricatedBy" and self._own_name(s, o)
                    rule = f"relation:{p.id}" + (":own-name" if own else "")
                    self.res.ex.add(Fact(s.entity_id, p.property, o.entity_id, True, loc, rule, sources,
                                         raw=text[a:b].strip()[:200]))
                    made += 1
        return made
