"""A cluster table's total-power column that names where part of the power comes from ("3 (0.5GW는
태양광)") links the row's cluster to that power technology (mapping ``meta-clusters``, rule
``table:meta-clusters:poweredBy``); the column's figure stays the cluster's planned power."""

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
    mapping = next(m for m in load_mappings() if m.id == "meta-clusters")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], res, SimpleNamespace(mine=lambda *a, **k: []),
                        lambda t: (), text=text)
    te._rows(make_table(["가나다의 AI 데이터센터"], ["프로젝트명", "지역", "완공 시기", "전체 전력 (GW)"], rows), mapping)
    return ex


def test_a_power_source_named_in_the_total_power_cell_powers_the_row(gaz):
    ex = _extract(gaz, [["Colossus", "텍사스", "2029년", "3 (0.5GW는 태양광)"], ["Project Rainier", "텍사스", "2027년", "2"]])
    links = sorted((f.subject, f.obj, f.rule) for f in ex.facts if f.predicate == "poweredBy")
    assert links == [("colossus", "solar-pv", "table:meta-clusters:poweredBy")]
    powers = sorted(f.obj for f in ex.facts if f.predicate == "plannedPowerMW")
    assert powers == [Decimal(2000), Decimal(3000)]  # the total, not the named source's share
