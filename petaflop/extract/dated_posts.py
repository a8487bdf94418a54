"""A dated post or letterhead shown in a figure: a line that is only a publication's date and its trimmings.

A screenshot of a post keeps its footer — "12:28 PM · Jul 28, 2025 · 29.5M Views" — and a reproduced report its
letterhead — "<Publisher> August 18th, 2025". The line names a publication (the post, the report) the report shows
but does not name: an ``Event`` node, labelled by the figure's first caption line ("… 트윗", "<X>의 리포트"),
with the publication's date (``eventDate``; ``announcedDate`` when a publisher the gazetteer knows heads the
line: the date it published) and the views a post counts (``unitCount``, metric views).

Nothing but trimmings may stand on the line beside the one date: a time of day, the separators "·" and "|", the
view count, the publisher's name — a sentence with a date in it is prose, read by the prose readers. One
construction, one rule: ``text:dated-post``.

The prose names such publications too, dated by the clause that names them ("<기관>가 올해 1월 13일에 내놓은
보고서", "<인물>가 지난 8월에 남긴 트윗", "<인물>와 한 2016년 인터뷰"): :func:`add_publications`, its own rule
``text:dated-publication``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from foundation.periods import Period
from petaflop.extract.facts import EntityRecord, Fact, Location, Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.values import find_quantities

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


#: "<author>가 <when>에 내놓은 보고서", "<author>가 <when>에 남긴 트윗": a publication the clause dates and attributes
_PUBLISHED = re.compile(r"(?:가|이)\s(?P<when>[^,.;()]{2,20}?)에\s(?:내놓은|발표한|남긴|공개한|발간한|게시한|올린)\s"
                        r"(?P<noun>보고서|리포트|논문|백서|트윗|게시물|포스트)")
#: "<person>와 한 2016년 인터뷰": an interview dated by its year
_INTERVIEW = re.compile(r"(?:와|과)\s(?:한|가진|진행한)\s(?P<when>(?:19|20)\d{2}년)\s(?P<noun>인터뷰)")
_YEAR_WORDS = ("", "지난", "올해", "작년", "지난해")  # what may stand before the date: the year it is in
_REPORTS = ("보고서", "리포트", "논문", "백서")  # published by their author: announcedDate, announcedBy
PROSE_RULE = "text:dated-publication"


def _publications(res: Resolver, text: str) -> list[tuple[Period, str, str, str]]:
    """(date, author id or "", kind, phrase) of each dated publication the text names (see add_publications)."""
    out = []
    for m in (*_PUBLISHED.finditer(text), *_INTERVIEW.finditer(text)):
        found = [q for q in find_quantities(m.group("when")) if q.kind in ("date", "period") and q.date_start]
        days = [q for q in found if q.kind == "date"]
        when = days if days else found  # "올해 1월 13일": the day, its year named before it
        if len(when) != 1 or m.group("when")[:when[0].start].strip() not in _YEAR_WORDS:
            continue
        q = when[0]
        precision = "day" if q.date_start == q.date_end else "month" if q.date_start[:7] == q.date_end[:7] else (
            "year" if q.date_start[:4] == q.date_end[:4] and q.date_start.endswith("01-01") and q.date_end.endswith("12-31")
            else "")
        if not precision:
            continue
        iso = {"day": q.date_start, "month": q.date_start[:7], "year": q.date_start[:4]}[precision]
        author = ""
        if m.group("noun") in _REPORTS:
            before = [x for x in res.gaz.find_mentions(text) if x.end == m.start()]
            ent = res.gaz.by_id(before[-1].entity_id) if before else None
            if ent is None or not is_a(ent.type, "Organization"):
                continue  # a report of no organisation the line names
            author = res.record(ent)
        start = max(text.rfind(" ", 0, max(0, m.start() - 12)), 0)
        out.append((Period(q.date_start, q.date_end, precision, iso), author,
                    "announcedDate" if author else "eventDate", text[start:m.end()].strip()))
    return out


def add_publications(doc: Document, ex: Extraction, res: Resolver) -> None:
    """A report, a post or an interview named with its date in prose, a caption or a figure's text: "OpenAI가 올해
    1월 13일에 내놓은 보고서", "<person>가 지난 8월에 남긴 트윗", "<person>와 한 2016년 인터뷰". The publication is an
    ``Event`` node the report does not name: a report's date is when its author published it (``announcedDate``,
    ``announcedBy`` the organisation right before "가/이"), a post's or an interview's is when it took place
    (``eventDate``). Rule ``text:dated-publication``."""
    for chapter in doc.chapters:
        for slide in chapter.slides:
            for block in slide.blocks:
                texts = [*getattr(block, "caption", []), *(getattr(block, "text", []) if block.kind == "figure" else
                                                           [getattr(block, "text", "")] if isinstance(getattr(block, "text", None), str) else [])]
                for text in texts:
                    for when, author, kind, phrase in _publications(res, text):
                        line = next((n for n in range(block.lines.first, block.lines.last + 1)
                                     if phrase in doc.lines[n - 1]), block.lines.first)
                        node = f"publication-{when.text}-L{line}"
                        ex.add_entity(EntityRecord(node, ("Event",), "", phrase[:60], (phrase[:60],), "table"))
                        loc = Location(line, line, chapter.key, slide.title)
                        ex.statements.append(Statement(node, kind, loc, PROSE_RULE, time=when, raw=phrase[:60]))
                        if author:
                            ex.add(Fact(node, "announcedBy", author, True, loc, PROSE_RULE, raw=phrase[:60]))
