"""A person's genitive before a firm or a compute facility: "조니 아이브의 스타트업 'io'", "일론 머스크의 xAI",
"일론 머스크의 Colossus 클러스터", or in a relative clause "<person>가 이끄는 (세운) <firm>" — the firm (or lab) is the person's own (the person leads it: its founder or
head), the facility the person's project (developed by the person). A noun of firms or a verb of founding between
the names ("<person>의 스타트업 X", "<person>가 세운 X") says the person founded or owns the firm, not that they lead
it now: ``affiliatedWith`` under ``text:person-genitive:founder`` (a lead under ``:leads``), as for a founder's
title. Between the two names stand only the
genitive and at most a noun of firms ("스타트업", "회사"); after a former title ("前 …") the person's
genitive says nothing of now (a comparison after the name keeps it: "일론 머스크의 xAI와 유사" is still his). A country, a policy or a product is
no one's own in this sense (a head of state's "트럼프의 미국" is read by text_heads). Both ends are written,
so the construction is one rule in prose and in table cells (``text:person-genitive``). A facility an
organisation is also said to own, run or develop ("xAI의 Colossus") is the firm's: the person's genitive is then
possessive wording for the firm's cluster and makes no developer of the person — that link stays a claim
(:func:`settle_person_facilities`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.gate import unsure
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

#: "<person>의 [AI] [스타트업|회사|기업] ['‘“]<name>"
_GAP = re.compile(r"\)?['’”\"]?\s?의\s(?:(?:[A-Za-z]{1,4}\s)?(?:스타트업|회사|기업|벤처)\s)?['‘“\"]?")
_FORMER = re.compile(r"(?:前|(?<![가-힣])전|전직|former)\s?$")
#: the same in a relative clause: "<person>가 이끄는 <firm>", "<person>가 2023년 3월에 세운 <firm>" (firms only)
_LED = re.compile(r"(?:이|가)\s(?:[0-9]{4}년\s?(?:[0-9]{1,2}월\s?)?(?:에\s)?)?(?:이끄는|이끌고\s있는|세운|설립한|창업한|창립한)"
                  r"\s(?:(?:스타트업|회사|기업|벤처)\s)?['‘“\"]?")
#: between the names, a noun of firms or a verb of founding: the person founded or owns the firm, which says
#: nothing of whether they lead it now (a founder may have left, the firm been sold): an affiliation, as a founder's
#: title is (title_predicate.py), under a rule of its own
_FOUNDED = re.compile(r"스타트업|회사|기업|벤처|세운|설립한|창업한|창립한")
#: the rule; a firm's link has its property as the way (``:leads``, ``:founder``), a facility's none
RULE = "text:person-genitive"
#: (classes of the named thing, the property, whether the person is the subject)
_OWNED = ((("Firm", "AILab"), "leads", True), (("ComputeCluster",), "developedBy", False))


def person_genitives(ex: Extraction, s: str, mentions: list[Mention_], loc: Location,
                     sources: tuple[str, ...]) -> None:
    """Add ``<person> leads <firm>`` or ``<facility> developedBy <person>`` for "<person>의 <name>"."""
    for a, b in itertools.pairwise(mentions):
        if not is_a(a.type, "Person") or a.entity == b.entity:
            continue
        led = _LED.fullmatch(s, a.end, b.start)
        if not (led or _GAP.fullmatch(s, a.end, b.start)) or (led and not _is_firm(b)):
            continue
        if _FORMER.search(s, 0, a.start):
            continue
        hit = next(((p, first) for classes, p, first in _OWNED if any(is_a(b.type, c) for c in classes)), None)
        if hit is None:
            continue
        prop, person_first = hit
        subj, obj = (a, b) if person_first else (b, a)
        rule = f"{RULE}:leads" if prop == "leads" else RULE  # the property is the way, as for a title's frame
        if prop == "leads" and _FOUNDED.search(s, a.end, b.start):  # "<person>의 스타트업 X", "<person>가 세운 X"
            prop, rule = "affiliatedWith", f"{RULE}:founder"
        ex.add(Fact(subj.entity, prop, obj.entity, True, loc, rule, sources, raw=s[a.start:b.end][:60]))


#: links that make an organisation a facility's own
_ORG_HOLDS = frozenset({"developedBy", "ownedBy", "operatedBy"})


def settle_person_facilities(ex: Extraction, gaz) -> None:
    """A facility's ``developedBy <person>`` read from "<person>의 <facility>" is left in doubt (a claim, its
    rule marked :func:`~petaflop.extract.gate.unsure`) when another reader links the facility to an organisation
    as its developer, owner or operator: "머스크의 Colossus" names the person's firm's cluster."""
    def is_org(entity: str) -> bool:
        rec = gaz.by_id(entity)
        return rec is not None and is_a(rec.type, "Organization")
    held = {f.subject for f in ex.facts if f.predicate in _ORG_HOLDS and f.obj_is_entity
            and not f.rule.startswith(RULE) and is_org(str(f.obj))}
    ex.facts[:] = [replace(f, rule=unsure(f.rule)) if f.rule == RULE
                   and f.predicate == "developedBy" and f.subject in held else f for f in ex.facts]


def _is_firm(m: Mention_) -> bool:
    return any(is_a(m.type, c) for c in ("Firm", "AILab"))
