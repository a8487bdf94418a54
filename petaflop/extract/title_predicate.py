"""A title said of a person as the predicate of the clause: "<person>는 <org>의 CEO.", "<person>는 <org>의
하드웨어 디자인을 총괄." — the appositive "<org>의 CEO <person>" turned into a predicate, so the same titles
and the same rule id, ``text:appositive:<property>``. The person is the clause's topic or subject, the
organisation is in the genitive right after it, at most two short words (the last may take 을/를) stand
before the title, and the title ends the clause: "…의 CEO를 만났다" (the person met someone) says nothing.
A title in the past ("…의 CEO였음") or marked former (前, 전) is an affiliation, not a lead, and an ended one:
the link is "former" (a link statement, docs/statements.md)."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from petaflop.extract.text_frames import Mention_

#: between the person (topic or subject) and the organisation: the particle and a space
_PERSON_GAP = re.compile(r"(?:은|는|이|가)\s")
#: after the organisation: the genitive, up to two short words, the last maybe with its object particle
_BEFORE_TITLE = r"의\s(?P<former>(?:前|전)\s)?(?:['‘“\"]?[가-힣A-Za-z]{1,6}['’”\"]?\s){0,1}(?:[가-힣A-Za-z]{1,6}(?:을|를)?\s)?"
#: after the title: the copula or 맡다, then the end of the clause
_AFTER_TITLE = r"(?:(?P<was>이었|였)[가-힣]{0,2}|이다|임|을\s맡음|를\s맡음|을\s맡고\s있음|를\s맡고\s있음)?(?:[.;]|,\s|\s?$)"
#: words saying a person left an organisation (moved, quit, came from it)
LEFT_ORG = re.compile(r"이직|퇴사|떠나|떠났|떠난|나와|나온|사임|그만두|그만둔|옮겨|옮긴|합류|영입|출신")


def left_after(text: str, end: int) -> bool:
    """True when the sentence of ``text`` from ``end`` on says a person left (:data:`LEFT_ORG`)."""
    stop = re.search(r"[.;!?](?:\s|$)", text[end:])
    return bool(LEFT_ORG.search(text, end, end + stop.start() if stop else len(text)))


def title_link(hit: str) -> tuple[str, str]:
    """The property and rule of a title's link: a founder's title ("구글 딥마인드 창립자 <person>") is a founding,
    which says nothing of now (the founder may have left): an affiliation under its own rule."""
    if hit in ("founder", "past-title"):  # a past title without words of leaving: the role is past, the tie unsure
        return "affiliatedWith", f"text:appositive:{hit}"
    return hit, f"text:appositive:{hit}"


def past_title(hit: str, s: str, end: int) -> str:
    """A title in the past ("메타 AI의 수장이었던 <person>") is an affiliation; an ended one (status "former", set by
    link_status.py) only when the sentence says the person left, else judged apart (``past-title``)."""
    return "affiliatedWith" if hit == "founder" or left_after(s, end) else "past-title"


def _frames(titles: tuple[tuple[str, str], ...]) -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(_BEFORE_TITLE + t + _AFTER_TITLE), p) for t, p in titles]


_CACHE: dict[tuple[tuple[str, str], ...], list[tuple[re.Pattern[str], str]]] = {}


def predicate_titles(ex, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...],
                     titles: tuple[tuple[str, str], ...]) -> None:
    """The frame (see the module doc); ``titles`` are the (title pattern, property) pairs of the
    appositive frame."""
    frames = _CACHE.setdefault(titles, _frames(titles))
    for a, b in itertools.pairwise(mentions):
        if a.role not in ("topic", "subject") or not is_a(a.type, "Person") or b.role != "genitive" \
                or not is_a(b.type, "Organization") or not _PERSON_GAP.fullmatch(s, a.end, b.start):
            continue
        hit = next(((m, p) for rx, p in frames if (m := rx.match(s, b.end))), None)
        if hit is None:
            continue
        was = bool(hit[0].group("was")) and past_title(hit[1], s, a.end) == "past-title"  # a past role, no leaving
        past = bool(hit[0].group("former")) or (bool(hit[0].group("was")) and not was)  # an ended affiliation
        prop, rule = title_link("past-title" if was else "affiliatedWith" if past and hit[1] != "founder" else hit[1])
        ex.add(Fact(a.entity, prop, b.entity, True, loc, rule, sources,
                    raw=s[a.start:hit[0].end()][:60], qualifiers=("former",) if past else ()))
