"""Wave 32, task R: a cell listing one measure per scenario ("20% 전환 시: 약 3억 달러 40% 전환 시: …") under a
header naming the measure is that measure of the caption's entity, one statement per scenario
(table_scenario_cells.py, rule ``table:scenario-cell:<kind>``). Documents of our own."""

from __future__ import annotations

from decimal import Decimal

from ingest.parser import parse_text
from petaflop.extract.pipeline import extract
from petaflop.extract.table_scenario_cells import RULE, scenario_pairs


def _doc(cell: str, header: str = "예상 매출 (엔비디아 몫)") -> str:
    return "\n".join(["III. 시험 장: 클라우드", "", "- 엔비디아는 올해 데이터센터 사업을 크게 늘림.", "",
                      "엔비디아 잠재 매출 기여도 분석", f"단계\t근거\t{header}",
                      f"1. 가정\t전환율 가정\t{cell}", "", "자료: 가나다리서치", ""])


def _statements(doc: str) -> set[tuple[str, str, Decimal, str, str, str]]:
    ex = extract(parse_text(doc))
    return {(s.subject, s.kind, s.value, s.status, s.scope, s.rule) for s in ex.statements if s.rule.startswith(RULE)}


def test_each_scenario_of_a_cell_is_the_headers_measure_of_the_captions_entity():
    got = _statements(_doc("20% 전환 시: 약 3.0억 달러 40% 전환 시: 약 6.0억 달러"))
    assert got == {
        ("nvidia", "revenue", Decimal("3.0E+8"), "forecast", "20% 전환 시, 엔비디아 몫", f"{RULE}:revenue"),
        ("nvidia", "revenue", Decimal("6.0E+8"), "forecast", "40% 전환 시, 엔비디아 몫", f"{RULE}:revenue"),
    }


def test_one_condition_or_a_figure_of_another_dimension_is_no_scenario_list():
    assert _statements(_doc("20% 전환 시: 약 3.0억 달러")) == set()
    assert scenario_pairs("20% 전환 시: 30% 40% 전환 시: 약 6억 달러", "money") == []
    assert scenario_pairs("출시: 2억 달러 판매 시: 3억 달러", "money") == []  # "출시:" is a label, not a condition
    assert _statements(_doc("20% 전환 시: 약 3.0억 달러 40% 전환 시: 약 6.0억 달러", header="근거 2")) == set()


def test_the_pairs_keep_their_conditions_and_approximation():
    assert scenario_pairs("낙관 시나리오 시: 10억 달러, 비관 시나리오 시: 약 2억 달러", "money") == [
        ("낙관 시나리오 시", Decimal("1E+9"), "USD", False), ("비관 시나리오 시", Decimal("2E+8"), "USD", True)]
    assert [p[0] for p in scenario_pairs("가격 2배 인상 경우: 약 5억 달러 동결 경우: 3억 달러", "money")] == [
        "가격 2배 인상 경우", "동결 경우"]
