"""A dated post or letterhead shown in a figure: a line that is only a publication's date and its trimmings.

A screenshot of a post keeps its footer — "12:28 PM · Jul 28, 2025 · 29.5M Views" — and a reproduced report its
letterhead — "<Publisher> August 18th, 2025". The line names a publication (the post, the report) the report shows
but does not name: an ``Event`` node, labelled by the figure's first caption line ("… 트윗", "<X>의 리포트"),
with the publication's date (``eventDate``; ``announcedDate`` when a publisher the gazetteer knows heads the
line: the date it published) and the views a post counts (``unitCount``, metric views).

Nothing but trimmings may stand on the line beside the one date: a time of day, the separators "·" and "|", the
view count, the publisher's name — a sentence with a date in it is prose, read by the prose readers. One
construction, one rule: ``text:dated-post``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from foundation.periods import Period
from ingest.quantities import find_quantities
from petaflop.extract.facts import EntityRecord, Location, Statement
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from ingest.model import Document
    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver

RULE = "text:dated-post"
_TIME = re.compile(r"\b[0-2]?\d:[0-5]\d\s?(?:[AaPp]\.?[Mm]\.?)?")
_VIEWS = re.compile(r"(?P<n>\d[\d,.]*\s?[KkMmBb]?)\s?[Vv]iews\b")
_TRIMMINGS = re.compile(r"[\s·|•∙]*")
_PUBLISHERS = ("Organization", "Source")


def _post(res: Resolver, text: str) -> tuple[Period, Decimal | None, str] | None:
    """(date, views, publisher id or "") of a footer or letterhead line, else None."""
    dates = [q for q in find_quantities(text) if q.kind == "date" and q.date_start and q.date_start == q.date_end]
    if len(dates) != 1:
        return None
    d = dates[0]
    rest = text[:d.start] + " " + text[d.end:]
    views = _VIEWS.search(rest)
    count = None
    if views is not None:
        q = next((x for x in find_quantities(views.group("n")) if x.value is not None), None)
        count = q.value if q is not None else None
        rest = rest[:views.start()] + " " + rest[views.end():]
    rest = _TIME.sub(" ", rest)
    publisher = ""
    head = res.gaz.find_mentions(rest)
    if head and not rest[:head[0].start].strip():
        ent = res.gaz.by_id(head[0].entity_id)
        if any(is_a(ent.type, c) for c in _PUBLISHERS):
            publisher = res.record(ent)
            rest = rest[head[0].end:]
    if not _TRIMMINGS.fullmatch(rest) or (count is None and not publisher):
        return None  # prose with a date in it, or a date alone (a figure's dateline says nothing it dates)
    return Period(d.date_start, d.date_end, "day", d.date_start), count, publisher


def add_dated_posts(doc: Document, ex: Extraction, res: Resolver) -> None:
    """Each figure line that is a post's footer or a report's letterhead (see the module)."""
    lines = doc.lines
    for fig in doc.figures:
        for text in fig.text:
            post = _post(res, text)
            if post is None:
                continue
            when, views, publisher = post
            line = next((n for n in range(fig.lines.first, fig.lines.last + 1) if lines[n - 1].strip() == text.strip()),
                        fig.lines.first)
            label = (fig.caption[0] if fig.caption else text).strip()[:60]
            node = f"post-{when.text}-L{line}"
            ex.add_entity(EntityRecord(node, ("Event",), "", label, (label,), "table"))  # typed like a reader-made node
            loc = Location(line, line, fig.chapter, fig.slide_title)
            raw = text.strip()[:60]
            kind = "announcedDate" if publisher else "eventDate"
            ex.statements.append(Statement(node, kind, loc, RULE, time=when, raw=raw))
            if views is not None:
                ex.statements.append(Statement(node, "unitCount", loc, RULE, value=views, unit="count",
                                               metric="views", raw=raw))
