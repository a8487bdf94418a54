"""A rivals cell of a table (petaflop/extract/table_reader.py, lexicon ``competesWith``): a name "와 함께"
(together with) is a companion of the row's firm, not its rival."""

from __future__ import annotations

from tests.test_table_reader import links, make_table


def test_a_name_together_with_the_firm_in_a_rivals_cell_is_no_rival(table_reader):
    r, ex = table_reader
    t = make_table(["회사 개요"], ["항목", "Moonshot AI"],
                   [["주요 경쟁", "Zhipu AI와 함께 3,500만 MAU 달성. 바이두, 텐센트 등과 경쟁"]], transposed=True)
    r.read(t)
    assert {(s, o) for s, o, _ in links(ex, "competesWith")} == {("moonshot-ai", "baidu"), ("moonshot-ai", "tencent")}
