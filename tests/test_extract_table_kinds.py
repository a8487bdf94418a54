"""table_kinds.py: a listed company's value in a table is its market capitalisation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.table_kinds import table_kind
from tests.test_table_reader import make_table


@pytest.mark.parametrize(("label", "cell", "kind"), [
    ("기업가치", "1,000억 달러 (상장)", "marketCap"),
    ("현재 기업 가치 (5월 1일 종가 기준)", "약 1조 달러", "marketCap"),
    ("기업가치", "900억 달러 (비공식 라운드 진행중)", "valuation"),
    ("기업가치", "50억 달러 (비상장)", "valuation"),
    ("기업가치", "120억 달러", "valuation"),
    ("매출", "10억 달러 (상장)", "revenue"),
])
def test_a_value_read_off_listed_shares_is_a_market_cap(label, cell, kind):
    base = "revenue" if label == "매출" else "valuation"
    assert table_kind(base, None, label, cell) == kind


def test_a_comparison_row_of_company_values(table_reader):
    r, ex = table_reader
    t = make_table(["두 회사 비교"], ["항목", "팔란티어", "OpenAI"],
                   [["기업가치", "1,111억 달러 (상장)", "2,222억 달러 (비공식 라운드 진행중)"]], transposed=True)
    r.read(t)
    got = {(s.subject, s.kind, s.value, s.rule.split("@")[0]) for s in ex.statements}
    assert got == {("palantir", "marketCap", Decimal("1.111E+11"), "table-reader:valuation"),
                   ("openai", "valuation", Decimal("2.222E+11"), "table-reader:valuation")}
