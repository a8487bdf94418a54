"""Where an event happened, read in a sentence (rule ``text:event-place``, one rule for the family):

- the event's written name starts with a place's name ("이베리아 반도 정전": a blackout in the
  Iberian Peninsula) — the place is a country, region or city of the gazetteer;
- "<place>에서 … <event>(이|가) 발생": the place marked with 에서 in the clause where the event is said
  to have happened (발생, 일어나다), with no other place in between;
- "<event>를 … <place>에서 개최": the event (a conference, a forum) held at the one place marked
  with 에서 in its clause before the verb of holding (개최, 열다), no other place in between. Held there
  "too" (에서도) or decided or planned to be held there (개최하기로, 개최할 예정): an extra, future edition,
  not where the event is — a claim (``…:event-place:unsure``), never asserted.
"""

from __future__ import annotations

import re
from typing import Protocol

from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.gate import unsure
from petaflop.extract.gazetteer import Entity, Gazetteer
from petaflop.extract.resolve import Resolver, is_a
from petaflop.extract.text_frames import Mention_, clause_starts_of

_PLACES = ("Country", "Region", "City")
#: "<place>에서(도) 개최하기로", "<place>에서 열린다": the verb of holding right after the place
_HELD_AT = re.compile(r"에서(?:도|는)?\s?(?:(?:[가-힣]{1,4}\s){0,2})(?:개최|열린|열리|열렸|열었|연다)")
#: "에서도 개최", "개최하기로 결정", "열 예정": another edition held there too, or one still to be held
_EXTRA_OR_PLANNED = re.compile(r"^에서도|(?:하|열)기로|(?:할|열|될)\s?(?:예정|계획|것)|\s예정|계획")
_HAPPENED = re.compile(r"['’”\"]?\s?(?:이|가)?\s?(?:[가-힣]{1,4}\s)?(?:발생|일어났|일어난|일어나)")


class _Reader(Protocol):
    prefix: str
    ex: Extraction
    res: Resolver


def _place_prefix(written: str, gaz: Gazetteer) -> Entity | None:
    """The place whose name is the first words of ``written`` (the rest being the event's words)."""
    words = written.split()
    for k in range(len(words) - 1, 0, -1):
        ent = gaz.lookup(" ".join(words[:k]))
        if ent is not None and any(is_a(ent.type, p) for p in _PLACES):
            return ent
    return None


def event_places(reader: _Reader, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
    starts = clause_starts_of(s)
    rule = f"{reader.prefix}:event-place"
    for i, ev in enumerate(mentions):
        if not is_a(ev.type, "Event"):
            continue
        place = _place_prefix(s[ev.start:ev.end], reader.res.gaz)
        if place is not None:
            pid = reader.res.record(place)
            reader.ex.add(Fact(ev.entity, "locatedIn", pid, True, loc, rule, sources, raw=s[ev.start:ev.end][:60]))
            continue
        if _held_at(reader, s, ev, mentions[i + 1:], starts, loc, sources):
            continue
        if not _HAPPENED.match(s, ev.end):
            continue
        c0 = max(x for x in starts if x <= ev.start)
        places = [m for m in mentions[:i] if m.start >= c0 and any(is_a(m.type, p) for p in _PLACES)]
        if len(places) == 1 and places[0].role == "place" and re.search(r"에서\s?$", s[places[0].end:places[0].end + 3]):
            reader.ex.add(Fact(ev.entity, "locatedIn", places[0].entity, True, loc, rule, sources,
                               raw=s[places[0].start:ev.end + 4][:60]))


def _held_at(reader: _Reader, s: str, ev: Mention_, after: list[Mention_], starts: list[int], loc: Location,
             sources: tuple[str, ...]) -> bool:
    """"가나전자는 GTC를 다음 달 텍사스에서 개최": the event, its object particle, then within its clause the
    one place marked with 에서 right before the verb of holding (an extra or planned edition: a claim)."""
    if ev.role != "object":
        return False
    c1 = min((x for x in starts if x > ev.end), default=len(s))
    places = [m for m in after if m.end <= c1 and any(is_a(m.type, p) for p in _PLACES)]
    held = _HELD_AT.match(s, places[0].end) if len(places) == 1 else None
    if held is None:
        return False
    rule = f"{reader.prefix}:event-place"
    if _EXTRA_OR_PLANNED.search(s[places[0].end:min(c1, held.end() + 12)]):
        rule = unsure(rule)  # "GTC를 … 워싱턴 DC에서도 개최하기로": an edition to come, not where GTC is
    reader.ex.add(Fact(ev.entity, "locatedIn", places[0].entity, True, loc, rule, sources,
                       raw=s[ev.start:places[0].end + 6][:60]))
    return True
