"""A comparison whose header names chips, one per column: a row counting GPUs is how many of each chip
the caption's owner has (petaflop/extract/table_reader.py, ``_owners_spend``). A table of our own."""

from __future__ import annotations

import re
from decimal import Decimal

from petaflop.extract.facts import Extraction
from petaflop.extract.resolve import Resolver
from tests.test_table_reader import make_table


def test_a_gpu_count_in_a_chip_column_is_the_caption_owners_count_of_that_chip(gaz):
    from petaflop.extract.table_reader import TableReader

    ex = Extraction()
    res = Resolver(gaz, ex)
    table = make_table(["DeepSeek AI TCO 계산"], ["항목(unit)", "A100", "H100", "전체"],
                       [["GPU 숫자(개)", "1,000", "2,000", "3,000"]], chapter="VII")
    TableReader(res, lambda t: ()).read(table)
    got = {(s.subject, s.kind, s.value, s.item, re.sub(r"@\d+", "", s.rule)) for s in ex.statements}
    assert got == {
        ("deepseek", "chipCount", Decimal(1000), "nvidia-a100", "table-reader:chipCount:header-entities:owner"),
        ("deepseek", "chipCount", Decimal(2000), "nvidia-h100", "table-reader:chipCount:header-entities:owner"),
        # the 전체 column: the owner's total (table_totals.py), no chip named
        ("deepseek", "chipCount", Decimal(3000), "", "table-reader:total-owner")}


def test_a_gpu_count_of_a_system_column_is_its_chips_per_system(gaz):
    from petaflop.extract.table_reader import TableReader

    ex = Extraction()
    res = Resolver(gaz, ex)
    table = make_table(["랙 비교"], ["특징", "Oberon 랙", "Kyber 랙"], [["GPU 수", "36 패키지", "48 패키지"]], line=200)
    TableReader(res, lambda t: ()).read(table)
    got = {(s.subject, s.kind, s.value, re.sub(r"@\d+", "", s.rule)) for s in ex.statements}
    assert got == {
        ("nvidia-oberon", "chipsPerSystem", Decimal(36), "table-reader:chipCount:header-entities"),
        ("nvidia-kyber", "chipsPerSystem", Decimal(48), "table-reader:chipCount:header-entities")}
