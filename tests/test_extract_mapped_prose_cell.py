"""A mapped table's figure column whose cell holds a phrase instead of a figure of the column's kind
("“H20의 75% 성능”" under a compute column) is read as the row's prose (petaflop/extract/tables.py)."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from petaflop.extract.facts import Extraction
from petaflop.extract.resolve import Resolver
from petaflop.extract.text_reader import TextReader
from tests.test_table_reader import make_table


def _extract(gaz, rows: list[list[str]]) -> Extraction:
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor

    ex = Extraction()
    res = Resolver(gaz, ex)
    text = TextReader(res, use_kiwi=False)
    text.start_slide("")
    mapping = next(m for m in load_mappings() if m.id == "china-export-gpus")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], res, SimpleNamespace(mine=lambda *a, **k: []),
                        lambda t: (), text=text)
    te._rows(make_table(["가나다의 수출 GPU 비교"], ["GPU", "수출 규제", "연산 성능", "메모리 대역폭"], rows), mapping)
    return ex


def test_a_phrase_in_a_figure_column_is_the_rows_relative_share(gaz):
    ex = _extract(gaz, [["H20", "사실상 허용", "148", "4.0 TB/s"], ["B200", "수출 금지", "“H20의 60% 성능”", "8 TB/s"]])
    got = [(s.subject, s.kind, s.value, s.unit, s.metric, s.rule) for s in ex.statements if s.kind == "share"]
    assert got == [("nvidia-b200", "share", Decimal(60), "%", "performance relative vs NVIDIA H20", "text:ratio:named")]


def test_a_cell_without_a_figure_is_no_prose(gaz):
    ex = _extract(gaz, [["B200", "수출 금지", "공개 안 됨", "8 TB/s"]])
    assert [s for s in ex.statements if s.kind in ("share", "multiple")] == []


def test_a_figure_in_number_words_makes_a_cell_prose():
    # "최대 “백만 대” 정도로 확대": no digit, but a figure written in words inside a clause (cell_text.prose_cell)
    from petaflop.extract.cell_text import prose_cell

    assert prose_cell("웨이모 운영 차량 대수를 최대 “백만 대” 정도로 확대")
    assert not prose_cell("십억 달러")  # a unit cell: the figure is all its words
    assert not prose_cell("약 십억 달러 규모")
