"""A column the table's own rows prove to be a subtotal or total (summed_columns.py): its figures keep their
value, are scoped by what they sum and are no longer unsure for a truncated header shared with another column
(shared_labels.py). A column that adds up in only some rows, or a grid of products, proves nothing. Tables of
our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.shared_labels import shared_truncated_columns, unsure_shared_columns
from petaflop.extract.summed_columns import SummedColumn, scope_summed_columns, summed_columns, summed_scope
from tests.test_table_reader import make_table

HEADER = ["Rank", "Name", "so...", "tri...", "w...", "Inter...", "fe...", "mi...", "ob...", "Inter...", "Global"]
ROWS = [
    ["1", "Kim", "100", "91.5", "80", "271.5", "100", "64.25", "90", "254.25", "525.75"],
    ["2", "Lee", "90", "100", "77", "267", "66", "100", "83", "249", "516"],
    ["-", "Bot", "100", "70.1", "93", "263.1", "100", "65", "71", "236", "499.1"],
]


def test_the_rows_prove_two_subtotals_and_their_total():
    table = make_table(["순위표"], HEADER, ROWS)
    assert summed_columns(table) == {6: SummedColumn(6, (3, 4, 5)), 10: SummedColumn(10, (7, 8, 9)),
                                     11: SummedColumn(11, (6, 10), total=True)}
    assert summed_scope(table, SummedColumn(6, (3, 4, 5))) == "subtotal of so…, tri…, w…"
    assert summed_scope(table, SummedColumn(11, (6, 10), total=True)) == "total of column 6, column 10"
    # proved subtotals are no longer columns the header cannot tell apart
    assert shared_truncated_columns(table) == set()


def test_a_column_adding_up_in_only_some_rows_proves_nothing():
    rows = [r[:] for r in ROWS]
    rows[1][5] = "268"  # 90 + 100 + 77 = 267: one row off
    table = make_table(["순위표"], HEADER, rows)
    assert 6 not in summed_columns(table)
    assert shared_truncated_columns(table) == {6}  # the second still adds up: fe + mi + ob
    # two rows are too few to prove a sum
    assert summed_columns(make_table(["순위표"], HEADER, ROWS[:2])) == {}


def test_a_grid_of_products_adds_up_by_construction_and_proves_nothing():
    # yield per row times a capacity per column: 5 + 10 + 20 = 35 in every row
    header = ["수율", "소형", "중형", "대형", "특대형"]
    rows = [[f"{y}%", *(f"{c * y:,}" for c in (5, 10, 20, 35))] for y in (5, 10, 15, 20)]
    assert summed_columns(make_table(["가정"], header, rows)) == {}
    figures = ["수율", "5,000", "10,000", "20,000", "35,000"]
    assert summed_columns(make_table(["가정"], figures, rows)) == {}


def test_a_proved_subtotals_score_is_scoped_by_what_it_sums_and_stays_asserted():
    table = make_table(["순위표"], HEADER, ROWS)

    def score(column: int, value: str, scope: str) -> Statement:
        return Statement("bot", "benchmarkScore", Location(104, 104, "IV", "t", table.id, 3, column),
                         "table-reader:benchmarkScore@model-default", value=Decimal(value), scope=scope)

    ex = Extraction(statements=[score(6, "263.1", "IOI: Inter..."), score(10, "236", "IOI: Inter..."),
                                score(11, "499.1", "IOI: Global"), score(3, "100", "IOI: so...")])
    assert scope_summed_columns([table], ex) == 2
    assert unsure_shared_columns([table], ex) == 0
    assert [(st.scope, st.rule, st.value) for st in ex.statements] == [
        ("IOI: subtotal of so…, tri…, w…", "table-reader:benchmarkScore@summed-column", Decimal("263.1")),
        ("IOI: subtotal of fe…, mi…, ob…", "table-reader:benchmarkScore@summed-column", Decimal("236")),
        ("IOI: Global", "table-reader:benchmarkScore@model-default", Decimal("499.1")),
        ("IOI: so...", "table-reader:benchmarkScore@model-default", Decimal("100")),
    ]
