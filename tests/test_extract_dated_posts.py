"""A post's footer or a letterhead shown in a figure (petaflop.extract.dated_posts): an Event node of the
publication with its date and views. Figures and lines of our own."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from ingest.model import Figure, Span
from petaflop.extract.dated_posts import add_dated_posts, add_publications
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


def _prose(gaz, texts: list[str]) -> Extraction:
    from ingest.model import Chapter, Paragraph, Slide

    lines = [""] * 9 + texts
    blocks = [Paragraph(t, Span(10 + i, 10 + i)) for i, t in enumerate(texts)]
    slide = Slide("VI. 테스트: 문단", Span(10, 9 + len(texts)), 1, blocks=blocks)
    doc = SimpleNamespace(lines=lines, chapters=[Chapter("VI", "테스트", Span(10, 9 + len(texts)), [slide])])
    ex = Extraction()
    add_publications(doc, ex, Resolver(gaz, ex))
    return ex


def test_a_report_a_post_or_an_interview_named_with_its_date_is_a_dated_publication(gaz):
    ex = _prose(gaz, ["Anthropic이 올해 3월 2일에 내놓은 보고서에서 평가한 부분",
                      "일론 머스크가 지난 6월에 남긴 트윗", "알트만이 머스크와 한 2019년 인터뷰"])
    got = {(s.subject, s.kind, s.time.text) for s in ex.statements}
    assert got == {("publication-2025-03-02-L10", "announcedDate", "2025-03-02"),
                   ("publication-2025-06-L11", "eventDate", "2025-06"),
                   ("publication-2019-L12", "eventDate", "2019")}
    assert {(f.subject, f.predicate, f.obj) for f in ex.facts} == {
        ("publication-2025-03-02-L10", "announcedBy", "anthropic")}  # a report's author; a post's is not read
    assert all(ex.entities[s.subject].types == ("Event",) for s in ex.statements)


def test_a_report_of_no_named_organisation_or_an_undated_one_is_not_read(gaz):
    ex = _prose(gaz, ["연구진이 올해 3월 2일에 내놓은 보고서", "Anthropic이 최근에 내놓은 보고서"])
    assert ex.statements == [] and ex.facts == []
