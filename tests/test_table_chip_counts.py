"""A comparison whose header names chips, one per column: a row counting GPUs is how many of each chip
the caption's owner has (petaflop/extract/table_reader.py, ``_owners_spend``). A table of our own."""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Extraction
from petaflop.extract.resolve import Resolver


def test_a_gpu_count_in_a_chip_column_is_the_caption_owners_count_of_that_chip(gaz):
    from petaflop.extract.table_reader import TableReader

    ex = Extraction()
    res = Resolver(gaz, ex)
    line = 100
    header = ["항목(unit)", "A100", "H100", "전체"]
    rows = [["GPU 숫자(개)", "1,000", "2,000", "3,000"]]
    table = Table("T-01-1", Span(line - 1, line + len(rows)), ["DeepSeek AI TCO 계산"],
                  [Cell(h, h, line, j + 1) for j, h in enumerate(header)],
                  [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)])
                   for i, r in enumerate(rows)], chapter="VII", slide_title="VII. 테스트", column_labels=header)
    TableReader(res, lambda t: ()).read(table)
    got = {(s.subject, s.kind, s.value, s.item, re.sub(r"@\d+", "", s.rule)) for s in ex.statements}
    assert got == {
        ("deepseek", "chipCount", Decimal(1000), "nvidia-a100", "table-reader:chipCount:header-entities:owner"),
        ("deepseek", "chipCount", Decimal(2000), "nvidia-h100", "table-reader:chipCount:header-entities:owner")}


def test_a_gpu_count_of_a_system_column_is_its_chips_per_system(gaz):
    from petaflop.extract.table_reader import TableReader

    ex = Extraction()
    res = Resolver(gaz, ex)
    line = 200
    header = ["특징", "Oberon 랙", "Kyber 랙"]
    rows = [["GPU 수", "36 패키지", "48 패키지"]]
    table = Table("T-01-2", Span(line - 1, line + len(rows)), ["랙 비교"],
                  [Cell(h, h, line, j + 1) for j, h in enumerate(header)],
                  [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)])
                   for i, r in enumerate(rows)], chapter="IV", slide_title="IV. 테스트", column_labels=header)
    TableReader(res, lambda t: ()).read(table)
    got = {(s.subject, s.kind, s.value, re.sub(r"@\d+", "", s.rule)) for s in ex.statements}
    assert got == {
        ("nvidia-oberon", "chipsPerSystem", Decimal(36), "table-reader:chipCount:header-entities"),
        ("nvidia-kyber", "chipsPerSystem", Decimal(48), "table-reader:chipCount:header-entities")}
