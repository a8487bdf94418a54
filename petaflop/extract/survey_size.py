"""The size of a survey: how many people or firms it asked.

Two ways the report states it, one rule (``text:survey-size``), a ``unitCount`` each:

* a caption of a figure or a table naming a survey (설문, 조사) with its sample in parentheses:
  "… 대기기간 조사 (n=149)". The count is the survey's own: an ``Event`` node named by the sources
  of the caption's block but the research centre compiling it (one node for every caption of the same
  sources and size), else by the caption;
* a sentence (or a table cell) naming who ran the survey and whom: "<기관>가 … 150개 기업 … 를 설문",
  "<기관>의 … 설문(150개 기업 … 대상)". The count is the surveyor's (the organisation the gazetteer
  names right before "가"/"의"), its metric the members surveyed; "올해" dates it to the report's year.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from petaflop.extract.facts import EntityRecord, Location, Statement
from petaflop.extract.figure_context import report_year
from petaflop.extract.resolve import created_id, is_a

if TYPE_CHECKING:
    from collections.abc import Callable

    from ingest.model import Document, Figure, Table
    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver

RULE = "text:survey-size"
#: a caption naming a survey and its sample: "… 설문 결과(n=149)", "… 조사 (n=149)"
_CAPTION = re.compile(r"(?:설문|조사|[Ss]urvey)[^()\t]{0,8}\(\s?[nN]\s?=\s?(\d{1,3}(?:,\d{3})*|\d+)\s?\)")
#: a research centre that compiled the chart, not one who ran the survey ("미래에셋증권 리서치센터")
_COMPILER = re.compile(r"리서치센터$")
#: the members asked: "150개 기업 기술의 의사결정권자", "1,000명의 개발자"
_MEMBERS = r"(\d{1,3}(?:,\d{3})*|\d+)\s?(?:개\s?(?:기업|기관|회사|업체|사)|곳|명)((?:\s?의?\s?[가-힣A-Za-z]{1,12}){0,3}?)"
#: "<surveyor>가 [≤4 words] <members>를 설문": the surveyor asked them
_ASKED = re.compile(r"(?:가|이)\s(?:[^\s\t]+\s){0,4}?" + _MEMBERS + r"(?:을|를)\s?설문")
#: "<surveyor>의 [≤2 words] 설문(<members> 대상)": the survey's sample in parentheses
_SAMPLE = re.compile(r"의\s(?:[^\s\t(]+\s){0,2}?설문(?:조사)?\s?\(" + _MEMBERS + r"\s?(?:대상|응답)\)")


def _count(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def add_caption_survey_sizes(doc: Document, ex: Extraction, sources_of: Callable[[Table], tuple[str, ...]]) -> None:
    """The sample of each survey a caption names with "(n=N)"."""
    blocks: list[Table | Figure] = [*doc.tables, *doc.figures]
    for block in sorted(blocks, key=lambda b: b.lines.first):
        for k, cap in enumerate(block.caption):
            m = _CAPTION.search(cap)
            if m is None:
                continue
            authors = [s for s in block.sources if not _COMPILER.search(s)]
            named = ", ".join(authors) if authors else cap[:m.start()].strip()
            label = f"{named} 설문조사" if authors else named
            node = "survey-" + created_id(f"{label} n={m.group(1)}")
            ex.add_entity(EntityRecord(node, ("Event",), "", label, (label,), "table"))
            line = _caption_line(doc.lines, cap, block.lines.first + k, block.lines.last)
            loc = Location(line, line, block.chapter, block.slide_title)
            ex.statements.append(Statement(
                node, "unitCount", loc, RULE, value=_count(m.group(1)), unit="count", metric="survey respondents",
                sources=sources_of(block), raw=cap[:60],
            ))  # fmt: skip


def _caption_line(lines: list[str], cap: str, first: int, last: int) -> int:
    """The line of the block holding the caption ``cap`` (else ``first``)."""
    head = cap.strip()[:20]
    return next((n for n in range(first, min(last, len(lines)) + 1) if head and head in lines[n - 1]), first)


def read_surveyor_size(res: Resolver, ex: Extraction, text: str, loc: Location, sources: tuple[str, ...]) -> None:
    """"<기관>가 … N개 기업 … 를 설문", "<기관>의 … 설문(N개 기업 … 대상)": the surveyor's sample."""
    if "설문" not in text:
        return
    for men in res.gaz.find_mentions(text):
        ent = res.gaz.by_id(men.entity_id)
        if not is_a(ent.type, "Organization"):
            continue
        m = _ASKED.match(text, men.end) or _SAMPLE.match(text, men.end)
        if m is None:
            continue
        members = re.sub(r"\s+", " ", text[m.start(1):m.end(2)]).strip()
        time = report_year() if "올해" in text[men.end:m.end()] else None
        ex.statements.append(Statement(
            res.record(ent), "unitCount", loc, RULE, value=_count(m.group(1)), unit="count", time=time,
            metric=f"surveyed: {members}"[:60], sources=sources, raw=text[men.start:m.end()][:60],
        ))  # fmt: skip


def add_surveyor_sizes(doc: Document, ex: Extraction, res: Resolver,
                       sources_of: Callable[[Table], tuple[str, ...]]) -> None:
    """The surveyor's sample stated in any prose block or table cell of the report."""
    for chapter in doc.chapters:
        for slide in chapter.slides:
            for block in slide.blocks:
                if block.kind == "table":
                    for r, row in enumerate(block.rows, 1):
                        for cell in row.cells:
                            loc = Location(cell.line, cell.line, chapter.key, slide.title, block.id, r, cell.column)
                            read_surveyor_size(res, ex, cell.text or "", loc, sources_of(block))
                elif isinstance(getattr(block, "text", None), str):
                    loc = Location(block.lines.first, block.lines.last, chapter.key, slide.title)
                    read_surveyor_size(res, ex, block.text, loc, ())
