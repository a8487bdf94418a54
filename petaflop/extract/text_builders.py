"""The organisations behind a facility, read by Korean constructions (rule ``text:facility-builder``):

* the facility as the topic, its builders as the subject of a building verb later in the sentence:
  "<시설>는 A·B·C가 … 구축하(는|고)…", "<시설>는 D가 … 투입하는 … 구축 이니셔티브";
* the builder marked as the subject of a relative "led/built" before the facility:
  "A가 주도한 [place] <시설>", "A가 건설 중인 <시설>";
* the builder as the one who took the construction work: "<시설> 공사 작업을 맡은 A".

Each builder is ``developedBy`` of the facility (the ontology's developer or sponsor behind a facility).
One construction family, one rule id: the precision gate judges it as a whole.
"""

from __future__ import annotations

import itertools
import re

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

RULE = "text:facility-builder"
_BUILDERS = ("Firm", "AILab")
_BUILD_VERB = re.compile(r"(?:구축|건설|조성|건립|개발)(?:하|을|를|에|\s|중|이|한|할|된)")
#: the subject particle after the (last) builder of a list
_SUBJECT = re.compile(r"['’”\")]?\s?(?:이|가)\s")
#: between two builders of a list
_JOIN = re.compile(r"['’”\")]?\s?(?:·|,|/|&|와|과|및)\s?['‘“\"(]?")
#: between the topic facility and its first builder: a few words, no clause break
_NEAR = re.compile(r"['’”\")]?(?:\s?\([^)]{0,30}\))?\s?(?:은|는)\s(?:[^.,;]{0,20}\s)?['‘“\"]?")
#: "A가 주도한 [텍사스] <시설>": the relative verb and up to three words (a place, a kind) before the facility
_LED = re.compile(r"['’”\")]?\s?(?:이|가)\s(?:주도한|주도하는|건설한|건설 중인|건설하는|구축한|구축 중인|구축하는|개발한|개발 중인)"
                  r"\s(?:[^\s.,;]{1,12}\s){0,3}['‘“\"]?")
#: "<시설> 공사 작업을 맡은 A"
_TOOK_WORK = re.compile(r"['’”\")]?\s?(?:의\s)?(?:공사|건설|시공)\s?(?:작업)?(?:을|를)\s(?:맡은|맡고 있는|담당하는|담당한|수행하는)\s")

_STOP = re.compile(r"[.;]|다\s|음\s")


def _firm(m: Mention_) -> bool:
    return any(is_a(m.type, c) for c in _BUILDERS)


def _listed_builders(s: str, mentions: list[Mention_], i: int) -> list[Mention_]:
    """The builders listed from mention ``i`` up to the one marked as the subject; none if the list
    is broken before its subject particle."""
    out: list[Mention_] = []
    for j in range(i, len(mentions)):
        m = mentions[j]
        if not _firm(m):
            return []
        out.append(m)
        if _SUBJECT.match(s, m.end):
            return out
        if j + 1 < len(mentions) and s[m.end:mentions[j + 1].start] == " ":
            out.pop()  # "아마존 AWS": the parent written before its unit names no builder of its own
            continue
        if j + 1 >= len(mentions) or not _JOIN.fullmatch(s[m.end:mentions[j + 1].start]):
            return []
    return []


def builder_links(ex, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
    """The three constructions in one sentence; writes ``developedBy`` facts into ``ex``."""
    found: list[tuple[Mention_, Mention_]] = []
    for i, fac in enumerate(mentions):
        if not is_a(fac.type, "Facility") or i + 1 >= len(mentions):
            continue
        nxt = mentions[i + 1]
        if _NEAR.fullmatch(s[fac.end:nxt.start]):
            builders = _listed_builders(s, mentions, i + 1)
            if builders:
                rest = s[builders[-1].end:]
                stop = _STOP.search(rest)
                if _BUILD_VERB.search(rest[:stop.start() if stop else len(rest)][:80]):
                    found += [(fac, b) for b in builders]
        if _firm(nxt) and _TOOK_WORK.fullmatch(s[fac.end:nxt.start]):
            found.append((fac, nxt))
    for a, b in itertools.pairwise(mentions):
        if not _firm(a):
            continue
        # the facility may follow a place or a kind named in between ("A가 주도한 텍사스 <시설>")
        fac = next((m for m in mentions if m.start >= b.start and is_a(m.type, "Facility")
                    and _LED.fullmatch(s[a.end:m.start])), None)
        if fac is not None:
            found.append((fac, a))
    seen: set[tuple[str, str]] = set()
    for fac, org in found:
        if fac.entity == org.entity or (fac.entity, org.entity) in seen:
            continue
        seen.add((fac.entity, org.entity))
        ex.add(Fact(fac.entity, "developedBy", org.entity, True, loc, RULE, sources, raw=s[fac.start:org.end][:60]
                    if fac.start < org.start else s[org.start:fac.end][:60]))
