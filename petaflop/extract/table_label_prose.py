"""The prose of a comparison table's label cells: "분석 단계 | 핵심 가정 및 계산 근거 | 예상 매출 (A사 몫)" heads
one entity's column; the middle column is no entity's, yet its cells are sentences that name their own
firm ("가나다전자 FY2023 매출: 약 40.8억 달러"). Such a cell is read like a paragraph of its own, as a
caption is: no row entity, no block or slide topic to fall back on — only what the cell itself names is a
subject, so its readings are the prose constructions' own (rules ``text:…``)."""

from __future__ import annotations

from ingest.model import Table
from petaflop.extract.cell_text import prose_cell

_CONTEXT = ("prefix", "default_time", "slide_topic", "block_topic", "hw_topic")


def read_label_prose(reader, table: Table, r: int, row, subjects: dict[int, str]) -> None:
    """Read the prose of ``row``'s label cells after the first (the row's own label) as paragraphs of no topic."""
    text_reader = reader.text
    if text_reader is None:
        return
    for j, cell in enumerate(row.cells):
        text = cell.text.strip()
        if not j or j in subjects or not text or not prose_cell(text):
            continue
        saved = tuple(getattr(text_reader, a, None) for a in _CONTEXT)
        for a, v in zip(_CONTEXT, ("text", None, None, None, None), strict=True):
            setattr(text_reader, a, v)
        try:
            text_reader.read(text, reader._loc(table, cell, r), reader.sources_of(table))
        finally:
            for a, v in zip(_CONTEXT, saved, strict=True):
                setattr(text_reader, a, v)
