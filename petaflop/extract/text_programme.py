"""Named participants of a programme: a coordinated list of firms as the subject of "거론/참여/선정"
("이 체계를 구축하기 위해 A와 B, 그리고 C가 거론") in a sentence about a policy programme — the
programme is the clause's topic, carried from the sentence before ("<프로젝트>는 …. … A와 B가 참여"),
or named right before the list with "에" ("<프로젝트>에 A와 B가 참여"). Each listed firm is the
programme's ``memberOf`` (the ontology's memberOf takes an Agent or a Policy), rule
``text:programme-members:memberOf``.

A list is needed (two firms or more): one firm "거론" alone may be one of many bidders; a topic that is
no Policy (a firm, an alliance) links nothing here.
"""

from __future__ import annotations

import re

from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_, listed_up_to

RULE = "text:programme-members:memberOf"
#: the joint between listed firms: "A와 B", "A, B", "B, 그리고 C", "A 및 B"
_JOINT = re.compile(r"\s?(?:와|과|,|및)\s?(?:그리고\s)?|\s그리고\s")
#: the list's subject particle, then the verb of being named or taking part (a word or two between)
_NAMED = re.compile(r"(?:이|가)\s?(?:[가-힣]{1,6}\s){0,2}?(?:거론|참여|참가|선정|낙점)")
#: "<programme>에 A와 B가 참여": the programme right before the list
_IN_PROGRAMME = re.compile(r"\s?에(?:는)?\s?")
_FIRMS = ("Firm", "AILab")


def _firm(m: Mention_) -> bool:
    return any(is_a(m.type, c) for c in _FIRMS)


def programme_members(s: str, mentions: list[Mention_], topic: Mention_ | None) -> list[tuple[Mention_, Mention_]]:
    """(firm, programme) for each firm of a listed subject named as taking part in a Policy programme."""
    out: list[tuple[Mention_, Mention_]] = []
    for i, m in enumerate(mentions):
        if not _firm(m) or not _NAMED.match(s, m.end):
            continue
        listed = listed_up_to(s, mentions, i, _JOINT, _firm)
        if len({x.entity for x in listed}) < 2:
            continue
        k = mentions.index(listed[0]) - 1
        before = mentions[k] if k >= 0 else None
        if before is not None and is_a(before.type, "Policy") and _IN_PROGRAMME.fullmatch(s[before.end:listed[0].start]):
            programme = before
        elif topic is not None and is_a(topic.type, "Policy") and topic.start < listed[0].start:
            programme = topic
        else:
            continue
        out += [(x, programme) for x in listed]
    return out


def add_programme_members(ex: Extraction, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                          sources: tuple[str, ...]) -> None:
    """Writes ``<firm> memberOf <programme>`` for each pair :func:`programme_members` finds."""
    for firm, programme in programme_members(s, mentions, topic):
        if firm.entity != programme.entity:
            ex.add(Fact(firm.entity, "memberOf", programme.entity, True, loc, RULE, sources,
                        raw=s[max(0, firm.start - 20):firm.end + 10][:60]))
