"""The document model: what the parser produces and every later stage reads.

It knows nothing about the ontology. It only says *where* text is: every block carries its
exact 1-based, inclusive line span, every table cell its line and column, so any fact
extracted later can point back to the report. Chapters hold slides; slides hold blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


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


@dataclass
class Row:
    line: int
    cells: list[Cell]

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


@dataclass
class Warning_:
    line: int
    message: str


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
