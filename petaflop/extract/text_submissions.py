"""A document actors submit or send at a date, as an event: "<A>·<B>·<C>는 2025년 5월 초 공동 의견서를 제출",
"<A>는 3월 서한을 발송".

"<actors>(은|는|이|가) <date> [공동] <의견서|서한|성명서|청원서|건의서|제안서>(을|를) <제출|발송|전달>": the
actors are the organisations (no person: the letter of a person is not an organisation's act) named in the
clause before the date, with nothing but a list joiner, parentheses and the clause's particle between them
and the date ("주요 클라우드 세 곳(MS·오라클·구글)은 2025년 5월 초"). The submission is one ``pfa:Event`` node
(id ``submission--<actors>--L<line>``) with its ``eventDate`` and one ``announcedBy`` per actor. One
construction, rule ``text-event:submission``. Called from the deal frames (text_deals.py), as a deal it is
an act of named parties made a node.
"""

from __future__ import annotations

import re

from foundation.namespaces import PFA, RDF
from petaflop.extract.cell_text import quantity_period
from petaflop.extract.facts import EntityRecord, Fact, Location, Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_, clause_starts_of, listed_up_to
from petaflop.extract.values import find_quantities

RULE = "text-event:submission"
#: the date, then the document and a verb of handing it in
_DOC = re.compile(r"\s?(?:초|중순|말|경)?\s?(?:에\s?)?(?:공동\s?)?(?:의견서|서한|성명서|청원서|건의서|제안서)(?:을|를)\s?"
                  r"(?:제출|발송|전달)")
#: between two actors of the list, and between the last one and the date
_JOIN = re.compile(r"\s?(?:[·,/]|와|과|및)\s?")
_TO_DATE = re.compile(r"\)?\s?(?:은|는|이|가)\s(?:지난\s?|올해\s?)?")


def _actor(m: Mention_) -> bool:
    return is_a(m.type, "Agent") and not is_a(m.type, "Person")


def submissions(ex, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
    """Record each submission the sentence states (see the module doc)."""
    starts = clause_starts_of(s)
    for q in find_quantities(s):
        if q.kind not in ("date", "period") or not _DOC.match(s, q.end):
            continue
        period = quantity_period(q)
        c0 = max(x for x in starts if x <= q.start)
        before = [m for m in mentions if c0 <= m.start and m.end <= q.start]
        if period is None or not before or not _actor(before[-1]) or not _TO_DATE.fullmatch(s, before[-1].end, q.start):
            continue
        actors = listed_up_to(s, before, len(before) - 1, _JOIN, _actor)
        ids = list(dict.fromkeys(a.entity for a in actors))
        node = f"submission--{'--'.join(ids)}--L{loc.line_start}"
        names = " – ".join((rec.name_en or rec.name_ko) if (rec := ex.entities.get(i)) else i for i in ids)
        raw = s[actors[0].start:_DOC.match(s, q.end).end()][:60]
        ex.add_entity(EntityRecord(node, ("Event",), f"Submission: {names}", "", (), "table"))
        ex.add(Fact(node, RDF.type, PFA.Event, True, loc, RULE, sources))
        ex.statements.append(Statement(node, "eventDate", loc, RULE, time=period, status="actual", sources=sources,
                                       raw=raw))
        for i in ids:
            ex.add(Fact(node, "announcedBy", i, True, loc, RULE, sources, raw=raw))
