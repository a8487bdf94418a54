"""Pass 3 of the parser (:mod:`ingest.parser`): the blocks inside one slide.

A slide's lines become *units* (text, bullet, tab row, ``자료:`` source, ``주:`` note), and the
units become blocks: bullets (``- ``, `` - ``, ``* ``, ``1. ``), tables (a run of tab lines, its
caption above, its ``주:`` notes and ``자료:`` line below), figures (caption and text closed by a
``자료:`` line with no table), headings and paragraphs. Each block records the lines it owns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ingest.cleaning import clean_text
from ingest.model import Block, Bullet, Figure, Heading, Paragraph, Span, Table, Warning_
from ingest.sources import is_source_line, parse_source_line
from ingest.tables import build_table
from ingest.wraps import join_wrapped

_BULLET_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*•]|\d{1,2}\.|[①-⑳])\s+(?P<text>\S.*)$")
_NOTE_RE = re.compile(r"^\s*주\s*[:：]")
_UNIT_LINE_RE = re.compile(r"^\s*\([^()]{1,40}\)\s*$")


def is_blank(line: str) -> bool:
    return not line.strip()


@dataclass
class _Unit:
    kind: str  # 'text' 'bullet' 'tab' 'source' 'note'
    first: int
    last: int
    blank_after: int = 0  # blank lines right after this unit


@dataclass
class SlideContext:
    chapter: str
    slide_ordinal: int
    slide_title: str
    tag: str = ""
    tables: int = 0
    figures: int = 0
    blocks: list[Block] = field(default_factory=list)


class SlideBuilder:
    def __init__(self, lines: list[str], reference: date) -> None:
        self.lines = lines
        self.reference = reference
        self.tables: list[Table] = []
        self.figures: list[Figure] = []
        self.warnings: list[Warning_] = []
        self.sources: set[str] = set()

    def L(self, n: int) -> str:
        return self.lines[n - 1]

    # -- units
    def plain(self, n: int) -> bool:
        """Line ``n`` is plain text: not blank, no tab, not a bullet, a ``자료:`` or a ``주:`` line."""
        line = self.L(n)
        return (not is_blank(line) and "\t" not in line and not _BULLET_RE.match(line)
                and not is_source_line(line) and not _NOTE_RE.match(line))

    def units(self, first: int, last: int) -> list[_Unit]:
        out: list[_Unit] = []
        n = first
        while n <= last:
            line = self.L(n)
            if is_blank(line):
                if out:
                    out[-1].blank_after += 1
                n += 1
                continue
            if is_source_line(line):
                out.append(_Unit("source", n, n))
            elif _NOTE_RE.match(line):
                out.append(_Unit("note", n, n))
            elif "\t" in line:
                m = n
                while m + 1 <= last and "\t" in self.L(m + 1) and not is_blank(self.L(m + 1)):
                    m += 1
                out.append(_Unit("tab", n, m))
                n = m + 1
                continue
            else:
                # a bullet or a line of text, with the plain lines glued below it (a wrapped bullet:
                # non-blank, non-bullet text lines)
                m = n
                while m + 1 <= last and self.plain(m + 1):
                    m += 1
                out.append(_Unit("bullet" if _BULLET_RE.match(line) else "text", n, m))
                n = m + 1
                continue
            n += 1
        return out

    def headingish(self, ctx: SlideContext, u: _Unit) -> bool:
        """A short run at the top of a slide is its subtitle; prose (and the 서론/결론) is not."""
        if ctx.tag in ("서론", "결론"):
            return False
        return u.last - u.first < 2 and all(len(self.L(n).strip()) <= 100 for n in range(u.first, u.last + 1))

    def _source_line(self, src) -> tuple[list[str], list[str]]:
        """The names and notes of a table's or figure's `자료:` line (none without one), recorded as sources."""
        if not src:
            return [], []
        sl = parse_source_line(self.L(src.first))
        self.sources.update(sl.names)
        return list(sl.names), list(sl.notes)

    def texts(self, u: _Unit) -> list[str]:
        return [clean_text(self.L(n)) for n in range(u.first, u.last + 1)]

    # -- blocks
    def slide_blocks(self, ctx: SlideContext, first: int, last: int) -> list[Block]:
        units = self.units(first, last) if first <= last else []
        blocks: list[Block] = []
        pending: list[_Unit] = []  # text/note units since the last anchor
        at_start = True  # no block emitted yet in this slide (pending text = subtitles)
        i = 0

        def flush(as_figure_candidates: bool = True) -> None:
            nonlocal at_start
            for u in pending:
                if u.kind == "text" and as_figure_candidates and u.blank_after >= 3 and not at_start:
                    blocks.append(self.figure(ctx, [u], None))
                elif u.kind == "text" and at_start and self.headingish(ctx, u):
                    blocks.append(Heading(" ".join(self.texts(u)), Span(u.first, u.last)))
                elif u.kind == "text":
                    blocks.append(Paragraph(" ".join(self.texts(u)), Span(u.first, u.last)))
                else:  # a stray note
                    blocks.append(Paragraph(" ".join(self.texts(u)), Span(u.first, u.last)))
            pending.clear()

        while i < len(units):
            u = units[i]
            if u.kind in ("text", "note"):
                pending.append(u)
                i += 1
                continue
            if u.kind == "bullet":
                flush()
                m = _BULLET_RE.match(self.L(u.first))
                assert m is not None
                indent = m.group("indent").replace("\t", " ")
                text = " ".join([clean_text(m.group("text")), *self.texts(_Unit("text", u.first + 1, u.last))]
                                if u.last > u.first else [clean_text(m.group("text"))])  # fmt: skip
                blocks.append(
                    Bullet(text.strip(), Span(u.first, u.last), level=len(indent), marker=m.group("marker"))
                )
                at_start = False
                i += 1
                continue
            if u.kind == "tab":
                # caption: the last text run above (plus the run before it if that one is a
                # unit line such as '(십억원, %, 배)' … or the caption is the unit line's run)
                caption_units: list[_Unit] = []
                texts_pending = [p for p in pending if p.kind == "text"]
                if texts_pending and pending[-1].kind == "text":
                    caption_units = [pending[-1]]
                    if (
                        len(pending) >= 2
                        and pending[-2].kind == "text"
                        and (
                            _UNIT_LINE_RE.match(self.L(pending[-1].first))
                            and pending[-1].first == pending[-1].last
                        )
                    ):
                        caption_units = [pending[-2], pending[-1]]
                # a caption written on the table's first tab line replaces the text above
                tab_lines = [(n, self.L(n)) for n in range(u.first, u.last + 1)]
                shape = build_table(tab_lines, self.reference)
                if shape.caption_in_block is not None:
                    caption_units = []
                for cu in caption_units:
                    pending.remove(cu)
                flush()
                # notes and source below
                j = i + 1
                notes: list[_Unit] = []
                while j < len(units) and units[j].kind == "note":
                    notes.append(units[j])
                    j += 1
                src = units[j] if j < len(units) and units[j].kind == "source" else None
                blocks.append(self.table(ctx, u, shape, caption_units, notes, src))
                at_start = False
                i = j + 1 if src else j
                continue
            if u.kind == "source":
                fig_units = list(pending)
                pending.clear()
                extra: list[Block] = []
                if not fig_units:
                    # a source right below bullets: if those bullets follow a figure's own text
                    # (a legend, labels), they belong to that figure
                    k = len(blocks)
                    while k > 0 and isinstance(blocks[k - 1], Bullet):
                        k -= 1
                    m0 = k
                    while k > 0 and (
                        isinstance(blocks[k - 1], Paragraph)
                        or (isinstance(prev := blocks[k - 1], Figure) and prev.source_line is None)
                    ):
                        k -= 1
                    if k < m0:
                        extra = blocks[k:]
                        del blocks[k:]
                if (
                    at_start
                    and len([p for p in fig_units if p.kind == "text"]) >= 2
                    and fig_units[0].kind == "text"
                    and self.headingish(ctx, fig_units[0])
                ):
                    sub = fig_units.pop(0)
                    blocks.append(Heading(" ".join(self.texts(sub)), Span(sub.first, sub.last)))
                blocks.append(self.figure(ctx, fig_units, u, extra))
                at_start = False
                i += 1
                continue
            i += 1  # pragma: no cover - every kind is handled above
        flush()
        self.number_figures(ctx, blocks)
        return blocks

    def table(
        self,
        ctx: SlideContext,
        u: _Unit,
        shape,
        caption_units: list[_Unit],
        notes: list[_Unit],
        src: _Unit | None,
    ) -> Table:
        ctx.tables += 1
        tid = f"{ctx.chapter}-{ctx.slide_ordinal:02d}-{ctx.tables}"
        caption: list[str] = []
        for cu in caption_units:
            caption.extend(self.texts(cu))
        if shape.caption_in_block is not None:
            caption = [shape.caption_in_block]
        first = caption_units[0].first if caption_units else u.first
        last = max([u.last] + [n.last for n in notes] + ([src.first] if src else []))
        sources, source_notes = self._source_line(src)
        header = shape.header_rows[0].cells
        t = Table(
            id=tid,
            lines=Span(first, last),
            caption=caption,
            header=header,
            rows=shape.rows,
            notes=[clean_text(self.L(n.first)) for n in notes],
            sources=sources,
            source_line=src.first if src else None,
            transposed=shape.transposed,
            chapter=ctx.chapter,
            slide_title=ctx.slide_title,
            header_rows=shape.header_rows,
            column_labels=shape.column_labels,
            column_units=shape.column_units,
            body_lines=Span(u.first, u.last),
            caption_lines=Span(caption_units[0].first, caption_units[-1].last)
            if caption_units
            else (Span(shape.caption_line, shape.caption_line) if shape.caption_line else None),
            source_notes=source_notes,
        )
        if not src:
            self.warnings.append(Warning_(u.first, f"table {tid} has no 자료: line"))
        if not caption:
            prev = self.tables[-1] if self.tables else None
            if (
                prev
                and prev.chapter == t.chapter
                and [c.text for c in prev.header] == [c.text for c in header]
            ):
                t.continues = prev.id
                t.caption = list(prev.caption)
            else:
                self.warnings.append(Warning_(u.first, f"table {tid} has no caption"))
        self.tables.append(t)
        return t

    def figure(
        self, ctx: SlideContext, units: list[_Unit], src: _Unit | None, extra: Sequence[Block] = ()
    ) -> Figure:
        """A figure from text/note units and its source; ``extra`` are blocks it absorbs
        (a legend or labels that were read as bullets). The id is set at the slide's end."""
        text_units = [x for x in units if x.kind == "text"]
        caption = join_wrapped(self.texts(text_units[0])) if text_units else []
        body = [t for x in text_units[1:] for t in join_wrapped(self.texts(x))]
        notes = [clean_text(self.L(x.first)) for x in units if x.kind == "note"]
        first = units[0].first if units else (src.first if src else 1)
        last = src.first if src else units[-1].last
        if extra:
            texts: list[str] = []
            for blk in extra:
                if isinstance(blk, Figure):
                    texts.extend(blk.caption + blk.text)
                    notes = blk.notes + notes
                else:
                    texts.append(blk.text)  # type: ignore[union-attr]
            first = min(first, extra[0].lines.first)
            if not caption:
                caption, texts = texts[:1], texts[1:]
            else:
                texts = texts + caption
                caption, texts = texts[:1], texts[1:]
            body = texts + body
        sources, source_notes = self._source_line(src)
        f = Figure(
            id="",
            lines=Span(first, last),
            caption=caption,
            sources=sources,
            source_line=src.first if src else None,
            chapter=ctx.chapter,
            slide_title=ctx.slide_title,
            text=body,
            notes=notes,
            source_notes=source_notes,
        )
        return f

    def number_figures(self, ctx: SlideContext, blocks: list[Block]) -> None:
        for blk in blocks:
            if isinstance(blk, Figure):
                ctx.figures += 1
                blk.id = f"{ctx.chapter}-{ctx.slide_ordinal:02d}-f{ctx.figures}"
                self.figures.append(blk)
                if blk.source_line is None:
                    self.warnings.append(Warning_(blk.lines.first, f"figure {blk.id} has no 자료: line"))
                if not blk.caption:
                    self.warnings.append(Warning_(blk.lines.first, f"figure {blk.id} has no caption"))
