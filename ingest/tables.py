"""Tab-separated blocks → header, rows and cells, as the tables in this report really are.

Why a module of its own: the report's tables are slides flattened to text, and their shape
has to be recovered from conventions, not markup:

* a blank cell at the left of a row stands for the value above it (a merged cell);
* a row with only its first cell filled labels the rows below it (a section row);
* a header may take two lines (``Open Models`` spanning the model names below it);
* a caption can sit on the first tab line with empty cells (``Stargate 총 비용 구조(TCO)\\t\\t\\t``);
* cells carry HTML and LaTeX leftovers (cleaned by :mod:`ingest.cleaning`);
* some tables are transposed: the first column names attributes, the other columns are
  entities (the 2026–2027 big-tech ASIC table, chip spec comparisons).

Everything here is a pure function of the lines; the parser gives it the tab lines and
places the result in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.cleaning import clean_cell, clean_text
from ingest.model import Cell, Row
from ingest.quantities import REFERENCE_DATE, UnitHint, parse_cell, unit_hint

__all__ = ["TableShape", "build_table", "is_caption_line", "looks_transposed"]

# first-header words that say "the rows below are attributes"
_ATTRIBUTE_HEADERS = {
    "항목", "구분", "사양", "특징", "지표", "스펙", "비교", "모델", "구분 (Category)", "카테고리", "Benchmarks",
    "", "요구사항", "세대", "분류", "내용", "비교 항목", "주요 스펙", "Spec", "Specs",
}  # fmt: skip
# header cells that name an attribute (a record-style table), not an entity
_ATTRIBUTE_WORDS = re.compile(
    r"단위|값|비고|내용|설명|수치|성장률|비중|점유율|시기|날짜|이름|명칭|역할|상황|형태|목표|전략|의미|이유|사례|"
    r"방식|현황|계획|특징|정의|주체|규모|가격|비용|매출|전망|순위|\(.*\)"
)


@dataclass
class TableShape:
    caption_in_block: str | None
    caption_line: int | None
    header_rows: list[Row]
    rows: list[Row]
    column_labels: list[str]
    column_units: list[str]
    transposed: bool
    n_cols: int
    hints: list[UnitHint | None] = field(default_factory=list)


def _cells(line_no: int, text: str) -> list[Cell]:
    out = []
    for i, raw in enumerate(text.split("\t")):
        clean, items = clean_cell(raw)
        out.append(Cell(text=clean, raw=raw, line=line_no, column=i + 1, items=items))
    return out


def is_caption_line(cells: list[Cell], next_cells: list[Cell] | None) -> bool:
    """A first tab line whose only text is in its first cell, above a line with ≥2 filled cells."""
    if next_cells is None or not cells or not cells[0].text:
        return False
    if any(c.text for c in cells[1:]):
        return False
    return sum(1 for c in next_cells if c.text) >= 2


def _is_two_level_header(first: list[Cell], second: list[Cell]) -> bool:
    if len(first) < 3 or not second or second[0].text:
        return False
    blanks = [i for i, c in enumerate(first) if i > 0 and not c.text]
    if not blanks:
        return False
    filled = [c for c in second[1:] if c.text]
    if len(filled) != len(second) - 1:
        return False
    # a real second header line holds names, not numbers
    return not any(re.fullmatch(r"[\d.,%$\\\s-]+", c.text) for c in filled)


def _labels(header_rows: list[Row], n: int) -> list[str]:
    top = [c.text for c in header_rows[0].cells] + [""] * n
    if len(header_rows) == 1:
        return top[:n]
    carried: list[str] = []
    last = ""
    for i in range(n):
        if top[i]:
            last = top[i]
        carried.append(top[i] or (last if i > 0 else ""))
    bottom = [c.text for c in header_rows[1].cells] + [""] * n
    out = []
    for i in range(n):
        a, b = carried[i], bottom[i]
        out.append(f"{a} / {b}" if a and b and a != b else (a or b))
    return out


def _kind_of(text: str) -> str:
    q = parse_cell(text)
    if q is None:
        return "text" if text.strip() not in ("", "-", "?") else ""
    return q.kind


def _is_quantity(text: str) -> bool:
    """The text is (mostly) one number, date or period — a value, not a name."""
    q = parse_cell(text)
    return q is not None and len(q.raw) >= 0.6 * len(text.strip())


def looks_transposed(column_labels: list[str], rows: list[Row]) -> bool:
    """First column = attributes, other columns = entities.

    Two signals, both needed: the first header cell is a generic attribute word (항목, 구분,
    사양 …) or empty, and the other header cells look like names (models, chips, products —
    Latin letters or digits, no attribute words), or the rows are more uniform in the kind of
    value they hold than the columns are (each row one kind: dates, memory, process …).
    """
    if len(column_labels) < 3 or len(rows) < 2:
        return False
    if column_labels[0].strip() not in _ATTRIBUTE_HEADERS:
        return False
    others = [lab for lab in column_labels[1:] if lab]
    if not others:
        return False
    firsts = [r.cells[0].text for r in rows if r.cells and r.cells[0].text and not r.section]
    if firsts and sum(1 for f in firsts if _is_quantity(f)) >= 0.6 * len(firsts):
        return False  # the first column holds years or numbers: a matrix, not attributes

    namey = sum(
        1
        for lab in others
        if re.search(r"[A-Za-z0-9]", lab) and not _ATTRIBUTE_WORDS.search(lab) and not _is_quantity(lab)
    )
    if namey / len(others) >= 0.6:
        return True
    # value-kind uniformity: rows vs columns
    grid = [[_kind_of(c.text) for c in r.cells[1:]] for r in rows if not r.section]
    if not grid:
        return False

    def uniformity(lines: list[list[str]]) -> float:
        scores = []
        for ln in lines:
            kinds = [k for k in ln if k]
            if len(kinds) >= 2:
                top = max(kinds.count(k) for k in set(kinds))
                scores.append(top / len(kinds))
        return sum(scores) / len(scores) if scores else 0.0

    width = max(len(g) for g in grid)
    cols = [[g[i] if i < len(g) else "" for g in grid] for i in range(width)]
    return uniformity(grid) - uniformity(cols) > 0.25


def build_table(lines: list[tuple[int, str]], reference=REFERENCE_DATE) -> TableShape:
    """Header, rows and cells of the tab lines ``[(line_no, text), …]`` (at least one line)."""
    parsed = [(n, _cells(n, t)) for n, t in lines]
    caption_in_block = None
    caption_line = None
    if len(parsed) >= 2 and is_caption_line(parsed[0][1], parsed[1][1]):
        caption_line, cap_cells = parsed.pop(0)
        caption_in_block = cap_cells[0].text
    n_cols = max(len(c) for _, c in parsed)
    header_rows = [Row(line=parsed[0][0], cells=parsed[0][1])]
    body = parsed[1:]
    if body and _is_two_level_header(parsed[0][1], body[0][1]):
        header_rows.append(Row(line=body[0][0], cells=body[0][1]))
        body = body[1:]
    labels = _labels(header_rows, n_cols)

    rows: list[Row] = []
    above: list[str] = [""] * n_cols  # last non-empty value per column in body rows
    for n, cells in body:
        filled = [c for c in cells if c.text]
        section = n_cols >= 2 and len(filled) == 1 and bool(cells[0].text)
        row = Row(line=n, cells=cells, section=section)
        if not section:
            first_filled = next((i for i, c in enumerate(cells) if c.text), len(cells))
            for i, c in enumerate(cells):
                if i < first_filled and i < n_cols - 1 and above[i] and first_filled < len(cells):
                    c.merged = True
                    c.carried = above[i]
            for i, c in enumerate(cells):
                if c.text and i < n_cols:
                    above[i] = c.text
        else:
            above = [""] * n_cols
        rows.append(row)

    transposed = looks_transposed(labels, rows)
    hints = [unit_hint(lab) for lab in labels]
    for row in rows:
        if row.section or not row.cells:
            continue
        row_hint = unit_hint(row.cells[0].text)
        for i, c in enumerate(row.cells):
            if not c.text:
                continue
            if i == 0:
                if re.match(r"[\d$\\~]", c.text) and _is_quantity(c.text):
                    c.quantity = parse_cell(c.text, None, reference)
                continue
            col_hint = hints[i] if i < len(hints) else None
            hint = (row_hint or col_hint) if transposed else (col_hint or row_hint)
            c.quantity = parse_cell(c.text, hint, reference)
    return TableShape(
        caption_in_block=caption_in_block,
        caption_line=caption_line,
        header_rows=header_rows,
        rows=rows,
        column_labels=labels,
        column_units=[h.text if h else "" for h in hints],
        transposed=transposed,
        n_cols=n_cols,
        hints=hints,
    )


def caption_text(lines: list[str]) -> list[str]:
    return [clean_text(x) for x in lines if x.strip()]
