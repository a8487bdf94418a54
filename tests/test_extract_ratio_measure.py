"""A share of another thing's measure names the noun compared ("B 대비 절반 가격": price relative vs B); a share in
prose naming no measured noun stays a claim (compared_measure.ratio_metric) — on sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.compared_measure import ratio_metric
from petaflop.extract.facts import Location
from petaflop.extract.gate import is_unsure


def test_the_noun_after_the_fraction_is_what_is_compared():
    s = "구글 대비 거의 절반 가격으로 제시되는 칩"
    at = s.index("절반") + 2
    assert ratio_metric(s, at, "relative vs Google", "relative vs Google", "text:ratio:named") == (
        "price relative vs Google", "text:ratio:named")
    s = "“B의 75% 성능”"
    assert ratio_metric(s, s.index("%") + 1, "relative vs B", "relative vs B", "r:x:y")[0] == "performance relative vs B"
    # a metric naming its measure already is kept
    assert ratio_metric(s, s.index("%") + 1, "직원 수 relative vs B", "relative vs B", "r:x:y")[0] == "직원 수 relative vs B"


def test_a_share_naming_no_measured_noun_is_a_claim_in_prose_only():
    s = "B 대비 60% 수준에 불과"
    metric, rule = ratio_metric(s, s.index("%") + 1, "relative vs B", "relative vs B", "text:ratio:named")
    assert (metric, is_unsure(rule)) == ("relative vs B", True)
    # in a table's cell the row's label names the measure later (table_remarks.py)
    assert not is_unsure(ratio_metric(s, s.index("%") + 1, "relative vs B", "relative vs B", "r:x:y", True)[1])


def test_a_price_share_read_in_prose(text_reader):
    r, ex = text_reader
    r.read("구글 대비 거의 절반 가격으로 제시되는 AMD의 AI 칩 “MI300” 출시", Location(1, 1), ())
    r.read("MI300은 구글 대비 60% 수준에 불과", Location(2, 2), ())
    got = [(st.subject, st.value, st.metric, is_unsure(st.rule)) for st in ex.statements if st.kind == "share"]
    assert got == [("amd-mi300", Decimal(50), "price relative vs Google", False),
                   ("amd-mi300", Decimal(60), "relative vs Google", True)]
