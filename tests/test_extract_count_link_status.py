"""A link derived from a count takes the count's status once the counts' statuses are settled
(count_links.settle_count_link_statuses): a target or planned count gives a link statement, an actual one the plain
link; a chip coordinated with the count's item ("550k GB200 & GB300") takes the count's status too."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.count_links import USES_RULE, settle_count_link_statuses
from petaflop.extract.facts import Extraction, Fact, Location, Statement


def _loc(line: int) -> Location:
    return Location(line, line, "IV", "t", table_id="T-1", row=1, column=2)


def _count(subject: str, line: int, status: str, item: str = "") -> Statement:
    return Statement(subject, "chipCount", _loc(line), "r", value=Decimal(550000), unit="count", status=status,
                     item=item)


def test_a_derived_link_takes_its_counts_settled_status():
    ex = Extraction(statements=[_count("cluster-2", 5, "target"), _count("cluster-2", 4, "actual", "gb200"),
                                _count("lab", 6, "planned", "gb200"), _count("lab", 7, "estimate", "h100")])
    ex.add(Fact("cluster-2", "usesChip", "gb200", True, _loc(5), USES_RULE))  # "우선 목표 | 550k GB200 & GB300"
    ex.add(Fact("cluster-2", "usesChip", "gb300", True, _loc(5), USES_RULE))
    ex.add(Fact("cluster-2", "usesChip", "gb200", True, _loc(4), USES_RULE, qualifiers=("planned",)))  # now actual
    ex.add(Fact("lab", "procures", "gb200", True, _loc(6), "derived:count-procures"))
    ex.add(Fact("lab", "procures", "h100", True, _loc(7), "derived:count-procures:estimate", qualifiers=("estimate",)))
    ex.add(Fact("lab", "usesChip", "gb200", True, _loc(6), "table:x:usesChip"))  # another rule's link: left alone
    assert settle_count_link_statuses(ex) == 4
    assert [f.link_status for f in ex.facts] == ["target", "target", "", "planned", "estimate", ""]
