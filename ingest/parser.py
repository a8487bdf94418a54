"""Report text → :class:`ingest.model.Document`, every line accounted for.

Why this shape: the report is a slide deck flattened to text. The only structure left is
line conventions, so the parser reads them in three passes:

1. **chapters** — ``[서론]``, a cover line ``VI. 소버린 AI(신냉전)`` (no colon), ``[결론]``; the
   table of contents at the top (``title<TAB>page``) is recognised as contents, not a table;
2. **slides** — a heading ``VI. 소버린 AI(신냉전): 미국의 수출규제`` (the chapter's numeral and a
   colon) or ``[참고] …``, ``[요약] …``, ``[들여가기에 앞서] …``; a line with a tab is never a
   heading (table rows such as ``I. 입력<TAB>…`` look like one);
3. **blocks** inside a slide (:mod:`ingest.slides`) — bullets (``- ``, `` - ``, ``* ``, ``1. ``), tables (a run of tab
   lines, its caption above, its ``주:`` notes and ``자료:`` line below), figures (caption and
   text closed by a ``자료:`` line with no table), headings and paragraphs.

Line accounting (the invariant the tests check): every non-blank line belongs to exactly one
owner — front matter, contents, a chapter heading or cover, a slide heading, or one block —
or is listed in ``unaccounted_lines`` with a reason. Blank (empty or whitespace-only) lines
are separators: a blank line inside a table's or figure's span belongs to it, any other blank
line belongs to nothing, and that is not a gap. A ``자료:`` line belongs to the table just
above it only if nothing but blank and ``주:`` lines lies between; otherwise it closes a
figure — so a table without a source never takes the next figure's.
"""

from __future__ import annotations

import gc
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from foundation.errors import UserError
from ingest.checks import clean_controls, structure_warnings
from ingest.cleaning import clean_text
from ingest.model import (
    Chapter,
    Document,
    Figure,
    Heading,
    Slide,
    Span,
    Table,
    TocEntry,
    Warning_,
)
from ingest.quantities import REFERENCE_DATE
from ingest.slides import SlideBuilder, SlideContext, is_blank

__all__ = [
    "EmptyReport",
    "InvalidEncoding",
    "NotAReport",
    "ReportFormatError",
    "line_owners",
    "parse_bytes",
    "parse_report",
    "parse_text",
]


class ReportFormatError(UserError):
    """The file cannot be read as this kind of report."""


class InvalidEncoding(ReportFormatError):
    """The file is not UTF-8; the message gives the byte offset of the first bad byte."""

    def __init__(self, path: str, offset: int, reason: str) -> None:
        super().__init__(f"{path}: not valid UTF-8 at byte offset {offset} ({reason})")
        self.offset = offset


class EmptyReport(ReportFormatError):
    """The file has no text."""


class NotAReport(ReportFormatError):
    """The text has no chapter or slide headings of this report's kind."""


ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
CHAPTER_ORDER = ["intro", *ROMANS, "conclusion"]
_ROMAN_RE = re.compile(r"^(X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s+(\S.*)$")
_TAG_RE = re.compile(r"^\[(참고|요약|들여가기에 앞서)\]\s*(.*)$")
_INTRO_RE = re.compile(r"^\[서론\]\s*(.*)$")
_CONCL_RE = re.compile(r"^\[결론\]\s*(.*)$")
_TOC_RE = re.compile(r"^(\S.*?)\t+\s*(\d{1,4})\s*$")


# ----------------------------------------------------------------------------- pass 1+2


@dataclass
class _Heading:
    line: int  # 1-based
    kind: str  # 'chapter', 'slide'
    chapter: str  # key
    title: str
    tag: str = ""
    cover: bool = False  # a chapter cover line (no slide starts here)


def _scan_headings(lines: list[str]) -> list[_Heading]:
    out: list[_Heading] = []
    current = -1  # index into CHAPTER_ORDER
    for i, raw in enumerate(lines, start=1):
        if "\t" in raw or is_blank(raw):
            continue
        line = raw.strip()
        if raw[:1].isspace():
            continue  # headings start at the margin
        m = _INTRO_RE.match(line)
        if m and current < 0:
            current = 0
            out.append(_Heading(i, "chapter", "intro", m.group(1).strip() or line, tag="서론"))
            continue
        m = _CONCL_RE.match(line)
        if m and current < CHAPTER_ORDER.index("conclusion"):
            current = CHAPTER_ORDER.index("conclusion")
            out.append(_Heading(i, "chapter", "conclusion", m.group(1).strip() or line, tag="결론"))
            continue
        m = _ROMAN_RE.match(line)
        if m:
            key, rest = m.group(1), m.group(2).strip()
            idx = CHAPTER_ORDER.index(key)
            if idx > current and idx < CHAPTER_ORDER.index("conclusion"):
                current = idx
                has_colon = ":" in rest
                out.append(_Heading(i, "chapter", key, rest.split(":")[0].strip(), cover=not has_colon))
                if has_colon:
                    out.append(_Heading(i, "slide", key, line))
                continue
            if idx == current and ":" in rest:
                out.append(_Heading(i, "slide", key, line))
                continue
            continue
        m = _TAG_RE.match(line)
        if m and current >= 0:
            out.append(_Heading(i, "slide", CHAPTER_ORDER[current], line, tag=m.group(1)))
    return out


# ----------------------------------------------------------------------------- document


def _last_nonblank(lines: list[str], first: int, last: int) -> int:
    while last > first and is_blank(lines[last - 1]):
        last -= 1
    return last


def parse_text(text: str, path: str = "<text>", reference: date = REFERENCE_DATE) -> Document:
    """Parse the report's text. Raises :class:`EmptyReport` or :class:`NotAReport`.

    The cyclic garbage collector is paused meanwhile: the parse only builds objects it keeps, and
    the collector's full passes over them made the time grow faster than the input (0.54 s of CPU
    per MB at 5 MB, 0.62 s at 24 MB; with the pause it stays at 0.52).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse_text(text, path, reference)
    finally:
        if was_enabled:
            gc.enable()


def _parse_text(text: str, path: str, reference: date) -> Document:
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = [ln[:-1] if ln.endswith("\r") else ln for ln in text.split("\n")]
    if len(lines) > 1 and lines[-1] == "" and text.endswith("\n"):
        lines.pop()  # a final newline ends the last line; it does not start another
    if not any(ln.strip() for ln in lines):
        raise EmptyReport(f"{path}: the file is empty")
    lines, input_warnings = clean_controls(lines)
    heads = _scan_headings(lines)
    chapter_heads = [h for h in heads if h.kind == "chapter"]
    if not chapter_heads or not any(h.kind == "slide" or h.tag for h in heads):
        raise NotAReport(
            f"{path}: not a report of the expected kind (no chapter headings such as "
            "'[서론] …' or 'I. …: …' were found)"
        )
    b = SlideBuilder(lines, reference)
    n_lines = len(lines)
    doc_warnings: list[Warning_] = list(input_warnings)

    # front matter and contents
    front: list[Heading] = []
    contents: list[TocEntry] = []
    for n in range(1, chapter_heads[0].line):
        line = lines[n - 1]
        if is_blank(line):
            continue
        m = _TOC_RE.match(line)
        if m:
            contents.append(TocEntry(clean_text(m.group(1)), int(m.group(2)), n))
        else:
            front.append(Heading(clean_text(line), Span(n, n)))
    toc_titles: dict[str, str] = {}
    for e in contents:
        m = _ROMAN_RE.match(e.title)
        if m:
            toc_titles[m.group(1)] = m.group(2).strip()
        elif _INTRO_RE.match(e.title):
            toc_titles["intro"] = _INTRO_RE.match(e.title).group(1).strip()  # type: ignore[union-attr]
        elif _CONCL_RE.match(e.title):
            toc_titles["conclusion"] = _CONCL_RE.match(e.title).group(1).strip()  # type: ignore[union-attr]

    chapters: list[Chapter] = []
    for ci, ch in enumerate(chapter_heads):
        end = chapter_heads[ci + 1].line - 1 if ci + 1 < len(chapter_heads) else n_lines
        slide_heads = [h for h in heads if h.kind == "slide" and ch.line <= h.line <= end]
        title = toc_titles.get(ch.chapter) or ch.title
        chapter = Chapter(
            key=ch.chapter,
            title=title,
            lines=Span(ch.line, max(ch.line, _last_nonblank(lines, ch.line, end))),
            heading_line=ch.line,
            heading_text=lines[ch.line - 1].strip(),
        )
        if ch.tag in ("서론", "결론"):
            # the chapter heading opens its first slide
            slide_heads = [
                _Heading(ch.line, "slide", ch.chapter, lines[ch.line - 1].strip(), tag=ch.tag),
                *slide_heads,
            ]
        else:
            cover_end = slide_heads[0].line - 1 if slide_heads else end
            for n in range(ch.line + 1, cover_end + 1):
                if not is_blank(lines[n - 1]):
                    chapter.cover.append(Heading(clean_text(lines[n - 1]), Span(n, n)))
        for si, sh in enumerate(slide_heads):
            s_end = slide_heads[si + 1].line - 1 if si + 1 < len(slide_heads) else end
            ctx = SlideContext(ch.chapter, si + 1, clean_text(sh.title), tag=sh.tag)
            slide = Slide(
                title=clean_text(sh.title),
                lines=Span(sh.line, max(sh.line, _last_nonblank(lines, sh.line, s_end))),
                ordinal=si + 1,
                tag=sh.tag,
            )
            slide.blocks = b.slide_blocks(ctx, sh.line + 1, s_end)
            chapter.slides.append(slide)
        chapters.append(chapter)

    keys = [c.key for c in chapters]
    expected = [k for k in CHAPTER_ORDER if k in toc_titles] if toc_titles else []
    for k in expected:
        if k not in keys:
            doc_warnings.append(Warning_(1, f"chapter {k} is in the contents but was not found"))

    doc = Document(
        path=path,
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        reference_date=reference.isoformat(),
        lines=lines,
        chapters=chapters,
        tables=b.tables,
        figures=b.figures,
        sources=sorted(b.sources),
        unaccounted_lines=[],
        warnings=doc_warnings + b.warnings,
        front_matter=front,
        contents=contents,
    )
    owners = line_owners(doc)
    doc.unaccounted_lines = [
        (n, "not assigned to any block")
        for n, o in enumerate(owners, start=1)
        if o is None and not is_blank(lines[n - 1])
    ]
    for n, reason in doc.unaccounted_lines:
        doc.warnings.append(Warning_(n, reason))
    doc.warnings += structure_warnings(doc)
    doc.warnings.sort(key=lambda w: w.line)
    return doc


def iter_blocks(doc: Document):
    """Every block of every slide, in order, with its chapter and slide."""
    for ch in doc.chapters:
        for s in ch.slides:
            for blk in s.blocks:
                yield ch, s, blk


def line_owners(doc: Document) -> list[str | None]:
    """Who owns each line (index 0 = line 1): a label, or ``None`` for a separator/gap.

    Raises ``AssertionError`` if two owners claim one line — that would be a parser bug.
    """
    owners: list[str | None] = [None] * len(doc.lines)

    def claim(first: int, last: int, label: str, blanks_too: bool) -> None:
        for n in range(first, last + 1):
            if not blanks_too and is_blank(doc.lines[n - 1]):
                continue
            if owners[n - 1] is not None:
                raise AssertionError(f"line {n} claimed by {owners[n - 1]} and {label}")
            owners[n - 1] = label

    for h in doc.front_matter:
        claim(h.lines.first, h.lines.last, "front", False)
    for e in doc.contents:
        claim(e.line, e.line, "contents", False)
    for ch in doc.chapters:
        if not ch.slides or ch.slides[0].lines.first != ch.heading_line:
            claim(ch.heading_line, ch.heading_line, f"chapter {ch.key}", False)
        for h in ch.cover:
            claim(h.lines.first, h.lines.last, f"cover {ch.key}", False)
        for s in ch.slides:
            claim(s.lines.first, s.lines.first, f"slide {ch.key}-{s.ordinal}", False)
            for blk in s.blocks:
                label = blk.id if isinstance(blk, Table | Figure) else f"{blk.kind}@{blk.lines.first}"
                claim(blk.lines.first, blk.lines.last, label, isinstance(blk, Table | Figure))
    return owners


def parse_bytes(data: bytes, path: str = "<bytes>", reference: date = REFERENCE_DATE) -> Document:
    """Decode strictly as UTF-8 (a bad byte is an :class:`InvalidEncoding` naming its offset)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidEncoding(path, exc.start, exc.reason) from None
    return parse_text(text, path, reference)


def parse_report(path: str | Path, reference: date = REFERENCE_DATE) -> Document:
    """Read and parse the report at ``path``."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReportFormatError(f"{p}: cannot read ({exc.strerror or exc})") from None
    return parse_bytes(data, str(p), reference)
