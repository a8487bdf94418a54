"""A person introduced by a bare title right after the organisation a sentence was about: "미국 소프트웨어
기업 IgniteTech는 …을 보여줌. CEO 에릭 보건은 …", "DeepSeek은 평범한 스타트업은 아님. … / - 창업자 량원평은
…"; a head's title may also follow the name that opens the sentence ("… 발표. 홍길동 CEO는 …", a cell "홍길동 CEO가 …")
or be said of it ("CEO인 홍길동은"). The title names no organisation of its own, so it is the one the previous sentence (or line) was about:
the person heads it (``leads``). A founder's title ("공동창업자 <person>") says the person founded it, not that they
lead it now (a founder may have left): ``affiliatedWith`` under a rule of its own, ``text:bare-title:founder``. Only when that topic is an
organisation read on the same slide within two lines, and the person is the new sentence's topic or subject.
A table cell's prose is about its row's (or column's) organisation: "팔란티어 | 공동창업자 <person>은 …" (see
:func:`note_row_org`). Rule ``text:bare-title:leads``."""

from __future__ import annotations

import re

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

#: a bare title opening a sentence or a line item, right before the person's name ("CEO 홍길동은", "CEO인 홍길동은")
_BARE_TITLE = re.compile(r"^\s?[-–•·]?\s?(?:(?:CEO|최고경영자|대표|회장)(?:인)?|(?P<founder>(?:공동\s?)?(?:창업자|창립자|설립자)))\s$")
#: nothing but a bullet before a name that opens the sentence
_OPENING = re.compile(r"^\s?[-–•·]?\s?$")
#: a head's title right after the name that opens the sentence, then the particle the name would take ("홍길동 CEO는")
_TITLE_AFTER = re.compile(r"\s?(?:CEO|최고경영자|대표이사|회장)(?:은|는|이|가|도|,)")
_ORGS = ("Firm", "AILab", "Organization")
_FIRMS = ("Firm", "AILab")


def bare_title_leads(reader, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                     sources: tuple[str, ...]) -> None:
    """The frame (see the module doc); remembers the organisation each sentence is about for the next one."""
    last = getattr(reader, "_bare_title_org", None)
    if last is not None and last[1] == (reader.prefix, loc.slide_title) and loc.line_start - last[2] <= 2:
        person = next((m for m in mentions if m.role in ("topic", "subject") and is_a(m.type, "Person")), None)
        title = _BARE_TITLE.match(s[:person.start]) if person is not None else None
        if title is None:  # "홍길동 CEO는 …": the title after the name, which opens the sentence
            person = next((m for m in mentions if is_a(m.type, "Person") and _OPENING.match(s[:m.start])
                           and _TITLE_AFTER.match(s, m.end)), None)
            title = _TITLE_AFTER.match(s, person.end) if person is not None else None
        if title is not None and person.entity != last[0]:
            prop, rule = ("affiliatedWith", "text:bare-title:founder") if title.groupdict().get("founder") \
                else ("leads", "text:bare-title:leads")
            reader.ex.add(Fact(person.entity, prop, last[0], True, loc, rule, sources, raw=s[:person.end + 6][:60]))
    if topic is not None and topic.role in ("topic", "previous", "block") and any(is_a(topic.type, c) for c in _ORGS):
        reader._bare_title_org = (topic.entity, (reader.prefix, loc.slide_title), loc.line_end)
    elif topic is None or not is_a(topic.type, "Person"):
        reader._bare_title_org = None


def note_row_org(reader, row: Mention_ | None, loc: Location) -> None:
    """Before a table cell's prose: the organisation of the cell's row (or column) — or, for a timeline's event,
    its one actor (:func:`event_actor`) — is the one a bare title opening the cell names; a cell about anything
    else names none (nor the previous cell's)."""
    row = row if row is not None else getattr(reader, "cell_actor", None)
    reader._bare_title_org = (row.entity, (reader.prefix, loc.slide_title), loc.line_start) \
        if row is not None and any(is_a(row.type, c) for c in _ORGS) else None


def event_actor(reader, ex, actors: list[str]) -> None:
    """Before a timeline row's text (read with no row topic: an event): its one actor, a firm or lab, is the one a bare
    title opening the text names ("엔비디아 | 젠슨 황 CEO가 …"); ``actors=[]`` after it."""
    rec = ex.entities.get(actors[0]) if len(actors) == 1 else None  # a firm's or lab's: no government has a CEO
    firm = rec is not None and any(is_a(t, c) for t in rec.types for c in _FIRMS)
    reader.cell_actor = Mention_(rec.id, rec.types[0], -1, -1, "row") if firm else None
