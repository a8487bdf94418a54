"""A person introduced by a bare title on a slide about one organisation: "III. 분석: 가나다AI, …" and in its
text "… 발생. CFO <person>가 떠났고, 공동 창립자이자 유명 엔지니어인 <person>도 퇴사" — the title names no
organisation of its own, nor does anything before it in the sentence or the sentence before (but the
slide's organisation itself), so it is the slide's: the one organisation (firm or lab) its title names. The title opens the clause (after the start, a
bullet, a full stop or "…고,") or follows the name that opens it ("<person> CEO는"); a head's title (CEO) ``leads``, a founder's ``affiliatedWith`` under a rule of its
own (``text:bare-title:slide:founder``: a founding says nothing of now), a staff title (CFO, CTO…) or a
former one (前, 전) ``affiliatedWith``. Rule ``text:bare-title:slide`` (both properties: one frame). A former
title, or a person said in the clause to have left ("…가 … 회사를 떠났고", "퇴사"), has an ended affiliation: the
link is "former" (a link statement, docs/statements.md)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from petaflop.extract.text_frames import Mention_

_HEAD = r"CEO|최고경영자|대표이사|회장"
#: a founder's title: the person founded the firm, which says nothing of now (rule ``text:bare-title:slide:founder``)
_FOUNDER = r"(?:공동\s?)?(?:창업자|창립자|설립자)"
_STAFF = r"CFO|CTO|COO|CSO|최고\s?[가-힣]{2,4}책임자|부사장|수석\s?과학자"
#: After the person, in the same clause, a verb of leaving: "…가 재직 4개월 만에 회사를 떠났고", "… 퇴사".
_LEFT = re.compile(r"[^.,;]{0,40}?(?:떠났|떠나|퇴사|사임)")
#: the title opening the clause right before the person; a descriptor may follow it ("창립자이자 유명 엔지니어인")
_BARE = re.compile(r"(?:^\s?|[-–•·]\s|[.;]\s|고,\s)(?P<former>(?:前|전)\s?)?(?:(?P<head>" + _HEAD + r")|(?P<founder>" + _FOUNDER + r")|(?:"
                   + _STAFF + r"))"
                   r"(?:이자\s(?:[가-힣A-Za-z]{1,6}\s){0,2}[가-힣A-Za-z]{1,6}인)?\s$")
#: the title right after a person's name that opens the clause, then the particle the name would take ("<person> CEO는")
_AFTER = re.compile(r"\s?(?:(?P<head>" + _HEAD + r")|(?:" + _STAFF + r"))(?:은|는|이|가|도|,)")
#: what may open the clause before a name the title follows
_OPENS = re.compile(r"(?:^\s?|[-–•·]\s|[.;]\s|고,\s)$")
_ORGS = ("Firm", "AILab")


def _slide_org(reader, title: str) -> str | None:
    """The one firm or lab the slide's title names (after its chapter's colon), else None."""
    cache = reader.__dict__.setdefault("_slide_org_cache", {})
    if title not in cache:
        found = {m.entity for m in reader._mentions(title.split(":", 1)[-1]) if any(is_a(m.type, c) for c in _ORGS)}
        cache[title] = found.pop() if len(found) == 1 else None
    return cache[title]


def slide_title_people(reader, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
    """The frame (see the module doc)."""
    if not loc.slide_title:
        return
    for p in mentions:
        if not is_a(p.type, "Person"):
            continue
        hit = _BARE.search(s, max(0, p.start - 40), p.start)
        if hit is None or hit.end() != p.start:  # else "<person> CEO는": the title after the name opening the clause
            hit = _AFTER.match(s, p.end) if _OPENS.search(s, 0, p.start) else None
            if hit is None:
                continue
        org = _slide_org(reader, loc.slide_title)
        before = reader._mentions(getattr(reader, "previous_sentence", "")) + [m for m in mentions if m.end <= p.start]
        if org is None or org == p.entity or any(is_a(m.type, "Organization") and m.entity != org for m in before):
            continue
        said = hit.groupdict()
        prop = "leads" if said.get("head") and not said.get("former") else "affiliatedWith"
        former = bool(said.get("former") or _LEFT.match(s, p.end))  # a head who left no longer leads either
        rule = "text:bare-title:slide:founder" if said.get("founder") else "text:bare-title:slide"
        reader.ex.add(Fact(p.entity, prop, org, True, loc, rule, sources, raw=s[min(hit.start(), p.start):max(hit.end(), p.end + 4)][:60],
                           qualifiers=("former",) if former else ()))
