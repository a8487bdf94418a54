"""A post's footer or a letterhead shown in a figure (petaflop.extract.dated_posts): an Event node of the
publication with its date and views. Figures and lines of our own."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from ingest.model import Figure, Span
from petaflop.extract.dated_posts import add_dated_posts
from petaflop.extract.facts import Extraction
from petaflop.extract.resolve import Resolver


def _run(gaz, caption: list[str], text: list[str]) -> Extraction:
    lines = [""] * 9 + [*caption, *text]
    fig = Figure("F-01-1", Span(10, len(lines)), caption, chapter="IX", slide_title="IX. 테스트: 그림", text=text)
    doc = SimpleNamespace(lines=lines, figures=[fig])  # the document parts the reader reads
    ex = Extraction()
    add_dated_posts(doc, ex, Resolver(gaz, ex))
    return ex


def test_a_posts_footer_gives_the_post_its_date_and_views(gaz):
    ex = _run(gaz, ["신규 공장 계획을 밝힌 트윗"],
              ["We will build it in Ohio.", "9:15 AM · Mar 4, 2024 · 1.2M Views", "3월 4일 발표된 내용"])
    got = {(s.subject, s.kind, s.value, s.time.text if s.time else "", s.metric, s.location.line_start)
           for s in ex.statements}
    assert got == {("post-2024-03-04-L12", "eventDate", None, "2024-03-04", "", 12),
                   ("post-2024-03-04-L12", "unitCount", Decimal(1_200_000), "", "views", 12)}
    assert ex.entities["post-2024-03-04-L12"].types == ("Event",)


def test_a_letterhead_of_a_known_publisher_dates_the_report(gaz):
    ex = _run(gaz, ["Bloomberg의 리포트"], ["Bloomberg October 2nd, 2023", "Acme at $10 Is Cheap"])
    assert {(s.kind, s.time.text) for s in ex.statements} == {("announcedDate", "2023-10-02")}


def test_a_sentence_with_a_date_or_a_bare_dateline_is_no_post(gaz):
    ex = _run(gaz, ["트윗"], ["The plant opened on Mar 4, 2024 in Ohio.", "Mar 4, 2024"])
    assert ex.statements == []
