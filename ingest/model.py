"""The document model: what the parser produces and every later stage reads.

It knows nothing about the ontology. It only says *where* text is: every block carries its
exact 1-based, inclusive line span, every table cell its line and column, so any fact
extracted later can point back to the report. Chapters hold slides; slides hold blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ingest.quantities import Quantity


@dataclass(frozen=True)
class Span:
    """1-based, inclusive line range in the report."""

    first: int
    last: int

    def __post_init__(self) -> None:
        if self.first < 1 or self.last < self.first:
            raise ValueError(f"bad span {self.first}-{self.last}")

    def __contains__(self, line: int) -> bool:
        return self.first <= line <= self.last

    def as_list(self) -> list[int]:
        return [self.first, self.last]


@dataclass
class Cell:
    """One table cell: clean text (HTML/LaTeX removed), list items if the cell held a list,
    the raw text as written, and its position (line, 1-based column index)."""

    text: str
    raw: str
    line: int
    column: int
    items: list[str] = field(default_factory=list)
    merged: bool = False  # blank cell that stands for the value above (a merged cell)
    carried: str = ""  # for a merged cell: the text it stands for (from the cell above)
    quantity: Quantity | None = None  # the value it holds, column/row unit hints applied


@dataclass
class Row:
    line: int
    cells: list[Cell]
    section: bool = False  # a label row (only the first cell filled) that groups the rows below

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass
class Paragraph:
    text: str
    lines: Span
    kind: Literal["paragraph"] = "paragraph"


@dataclass
class Bullet:
    """A bulleted line; ``level`` 0 for ``- ``, 1 for `` - `` (indented), and so on."""

    text: str
    lines: Span
    level: int
    marker: str
    kind: Literal["bullet"] = "bullet"


@dataclass
class Table:
    """A tab-separated block with its caption above and its notes/sources below.

    ``id`` is stable across runs: chapter key + slide ordinal + table ordinal in the slide.
    ``transposed`` marks tables whose first column names attributes and whose other
    columns are entities. ``sources`` are the normalised names from its ``자료:`` line.
    """

    id: str
    lines: Span
    caption: list[str]
    header: list[Cell]
    rows: list[Row]
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    source_line: int | None = None
    transposed: bool = False
    chapter: str = ""
    slide_title: str = ""
    kind: Literal["table"] = "table"
    header_rows: list[Row] = field(default_factory=list)  # every header line (1 or 2)
    column_labels: list[str] = field(default_factory=list)  # header text per column, 2-level joined by ' / '
    column_units: list[str] = field(default_factory=list)  # unit stated in a header ('억 달러') or ''
    body_lines: Span | None = None  # the tab-separated lines (header + rows)
    caption_lines: Span | None = None
    continues: str | None = None  # id of the table this one continues (same header, no caption)
    source_notes: list[str] = field(default_factory=list)  # non-name remarks on the 자료: line

    def column(self, label: str) -> int:
        """0-based index of the first column whose label contains ``label``."""
        for i, lab in enumerate(self.column_labels):
            if label in lab:
                return i
        raise KeyError(label)

    def cell_text(self, line: int, column: int) -> str:
        """The text of the cell in the 1-based ``column`` of the body row at report ``line`` ("" when none)."""
        row = next((r for r in self.rows if r.line == line), None)
        return row.cells[column - 1].text if row is not None and 0 < column <= len(row.cells) else ""

    def row_by_label(self, label: str) -> Row:
        """The first body row whose first cell (or carried merged value) equals ``label``."""
        for r in self.rows:
            if r.cells and (r.cells[0].text == label or r.cells[0].carried == label):
                return r
        raise KeyError(label)


@dataclass
class Figure:
    """An image-only figure: caption lines and the sources of its ``자료:`` line."""

    id: str
    lines: Span
    caption: list[str]
    sources: list[str] = field(default_factory=list)
    source_line: int | None = None
    chapter: str = ""
    slide_title: str = ""
    kind: Literal["figure"] = "figure"
    text: list[str] = field(default_factory=list)  # other text inside the figure (labels, axis notes)
    notes: list[str] = field(default_factory=list)  # 주: lines
    source_notes: list[str] = field(default_factory=list)


@dataclass
class Heading:
    """A heading-like line inside a slide (subtitle, quote, short label)."""

    text: str
    lines: Span
    kind: Literal["heading"] = "heading"


Block = Paragraph | Bullet | Table | Figure | Heading


@dataclass
class Slide:
    """A slide: a heading line such as ``VI. 소버린 AI(신냉전): 미국의 수출규제`` or
    ``[참고] …`` and the blocks below it until the next slide."""

    title: str
    lines: Span
    ordinal: int  # 1-based within the chapter
    tag: str = ""  # '참고', '요약', '들여가기에 앞서' or '' for a numbered slide
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Chapter:
    """``key`` is 'intro', 'I'…'X' or 'conclusion'."""

    key: str
    title: str
    lines: Span
    slides: list[Slide] = field(default_factory=list)
    heading_line: int = 0  # the line that opens the chapter (cover title, or '[서론] …')
    heading_text: str = ""  # that line as written (the cover may differ from the contents)
    cover: list[Heading] = field(default_factory=list)  # cover-page keywords before the first slide


@dataclass
class TocEntry:
    """One line of the table of contents: title, page number, line."""

    title: str
    page: int
    line: int


@dataclass
class Warning_:
    line: int
    message: str
    kind: str = ""  # "input": about the file itself (control characters, implausible structure)


@dataclass
class Document:
    path: str
    sha256: str
    reference_date: str  # ISO date the report is anchored to (for '올해', month-day dates)
    lines: list[str]  # the text, lines[0] is line 1
    chapters: list[Chapter]
    tables: list[Table]
    figures: list[Figure]
    sources: list[str]  # every distinct normalised source name, sorted
    unaccounted_lines: list[tuple[int, str]]  # (line, reason)
    warnings: list[Warning_] = field(default_factory=list)
    front_matter: list[Heading] = field(default_factory=list)  # title page lines before the contents
    contents: list[TocEntry] = field(default_factory=list)

    def line(self, n: int) -> str:
        """Text of 1-based line ``n``."""
        return self.lines[n - 1]

    def text(self, span: Span) -> str:
        return "\n".join(self.lines[span.first - 1 : span.last])

    def table(self, table_id: str) -> Table:
        for t in self.tables:
            if t.id == table_id:
                return t
        raise KeyError(table_id)
