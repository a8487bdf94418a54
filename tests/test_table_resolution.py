"""A resolution row of a comparison whose header names models: each cell is the vertical lines of the
pictures a model outputs, written as lines ("320p") or by a common name ("4K" = 2,160 lines), a range
kept whole (petaflop/extract/table_figures.py, ``resolution_lines``). A table of our own."""

from __future__ import annotations

import re
from decimal import Decimal

from petaflop.extract import table_figures as tf
from petaflop.extract.facts import Extraction
from petaflop.extract.resolve import Resolver
from tests.test_table_reader import make_table


def test_a_resolution_row_gives_each_models_lines(gaz):
    from petaflop.extract.table_reader import TableReader

    ex = Extraction()
    res = Resolver(gaz, ex)
    table = make_table(["영상 생성 모델 비교"], ["구분", "Veo", "GameNGen", "Genie 3"],
                       [["해상도", "1080p ~ 8K", "240p", "FHD"], ["생성 길이", "8~10초", "수 초", "수 분"]])
    TableReader(res, lambda t: ()).read(table)
    got = {(s.subject, s.value, s.high, s.metric, re.sub(r"@\d+", "", s.rule)) for s in ex.statements
           if s.kind == "quantity"}
    assert got == {("veo", Decimal(1080), Decimal(4320), "해상도", "table-reader:quantity:header-entities"),
                   ("gamengen", Decimal(240), None, "해상도", "table-reader:quantity:header-entities"),
                   ("genie-3", Decimal(1080), None, "해상도", "table-reader:quantity:header-entities")}


def test_only_a_resolution_cell_under_a_resolution_label_holds_lines():
    assert tf.resolution_lines("720p ~ 4K", "출력 해상도").high == Decimal(2160)
    assert tf.resolution_lines("12MP 초광각 1080p", "해상도").value is None  # a camera's pixels: no lines
    assert tf.resolution_lines("720p", "카메라 성능") is None  # not a resolution label: read as before
