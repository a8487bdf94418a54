"""Values with their context (issue 15): statements with status, time, scope, rank and unit; truthy
values only from preferred statements; equal values merged; conflicts only between different
values of the same context — on small cases and on the report graph."""

from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox
import pytest

from foundation.periods import parse_period, period_from_bounds
from petaflop.extract.facts import Location, Statement
from petaflop.statements import mark_conflicts, merge, rank, same_figure_same_status

PREFIX = """PREFIX pfa: <https://petaflop-atlas.org/ontology#>
PREFIX pfk: <https://petaflop-atlas.org/kind/>
PREFIX pfid: <https://petaflop-atlas.org/id/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def _st(value, line=1, **kw) -> Statement:
    base = dict(subject="x", kind="powerCapacity", location=Location(line, line), rule="r",
                value=Decimal(value), unit="MW")
    base.update(kw)
    return Statement(**base)


def test_equal_values_from_two_lines_are_one_statement_with_two_places():
    merged = merge([_st(300, 10), _st(300, 20)])
    assert len(merged) == 1 and [loc.line_start for loc in merged[0].locations] == [10, 20]


def test_equal_values_are_not_conflicts_but_different_values_are():
    merged = merge([_st(300, 10), _st(300, 20), _st(500, 30)])
    mark_conflicts(merged)
    by_value = {m.statement.value: m for m in merged}
    assert by_value[Decimal(300)].conflicts_with and by_value[Decimal(500)].conflicts_with
    merged = merge([_st(300, 10), _st(500, 30, status="planned")])  # another status: no conflict
    mark_conflicts(merged)
    assert not any(m.conflicts_with for m in merged)


@pytest.mark.parametrize("rough, fine, conflict", [
    ("1000000000000", "1040000000000", False),  # "1조" and "1.04조" parameters: one figure, rounded
    ("32000000000", "32600000000", False),  # "320억" and "326억": cut to two digits
    ("1200", "1250", False),  # 1.2 GW and 1.25 GW
    ("70", "67.6", False),
    ("1000", "1400", True),  # rounding 1.4 gives 1, but 40 % apart is no rounding
    ("170000000000", "183000000000", True),  # 170 and 183: neither is the other rounded
    ("50000", "49000", False),  # "5만" and "4.9만": 49,000 rounded to one digit, 2 % apart
    ("50000", "39018", True),  # rounding gives 40,000: two figures
    ("3200", "3300", True),  # same number of digits: two figures
])
def test_a_figure_written_rounder_is_no_conflict(rough, fine, conflict):
    merged = merge([_st(rough, 10), _st(fine, 30)])
    mark_conflicts(merged)
    assert all(bool(m.conflicts_with) is conflict for m in merged)


def test_two_values_read_on_one_line_or_in_one_table_are_not_a_conflict():
    # "1단계: 18,000 GPU 2단계: 28,000 GPU" read without its phases: two measures, not a contradiction
    merged = merge([_st(18000, 40), _st(28000, 40)])
    mark_conflicts(merged)
    assert not any(m.conflicts_with for m in merged)
    cell = dict(location=Location(50, 50, table_id="VI-01-1", row=1, column=2))
    other = dict(location=Location(52, 52, table_id="VI-01-1", row=3, column=2))
    merged = merge([_st(23, **cell), _st(33, **other)])
    mark_conflicts(merged)
    assert not any(m.conflicts_with for m in merged)
    merged = merge([_st(23, **cell), _st(33, 90)])  # another line outside the table: a conflict
    mark_conflicts(merged)
    assert all(m.conflicts_with for m in merged)


def test_a_figure_said_to_be_a_target_in_its_row_is_a_target_in_the_rows_label_too():
    row = dict(location=Location(12, 12, table_id="T1", row=1, column=1))
    goal = _st(1200, status="target", location=Location(12, 12, table_id="T1", row=1, column=4))
    label = _st(1200, **row)  # "1단계 (Abilene 1.2 GW)": no word of its own, read as actual
    other_row = _st(1200, location=Location(14, 14, table_id="T1", row=3, column=4))
    dated = _st(1200, time=parse_period("2024"), **row)
    other_value = _st(900, **row)
    out = same_figure_same_status([goal, label, other_row, dated, other_value])
    assert [st.status for st in out] == ["target", "target", "actual", "actual", "actual"]
    assert len(merge([out[0], out[1]])) == 1  # one statement, read in two cells


def test_a_figure_given_two_statuses_in_one_place_keeps_its_own():
    line = _st(5000, line=7)
    out = same_figure_same_status([_st(5000, line=7, status="target"), _st(5000, line=7, status="forecast"), line])
    assert out[2].status == "actual"
    assert same_figure_same_status([_st(5000, line=8, status="target"), line])[1].status == "actual"


def test_the_truthy_value_is_the_latest_actual_never_a_plan_or_a_part():
    merged = merge([
        _st(100, 1, time=parse_period("2024")), _st(300, 2, time=parse_period("2025")),
        _st(35000, 3, status="target"), _st(150, 4, scope="Phase 1"), _st(2000, 5, status="planned"),
    ])  # fmt: skip
    rank(merged)
    truthy = {(p, v) for m in merged for p, v, _ in m.truthy}
    # "current" is the latest actual; plans and targets feed the planned property only; a phase's value neither
    assert {v for p, v in truthy if p == "powerCapacityMW"} == {Decimal(300)}
    assert {v for p, v in truthy if p == "plannedPowerMW"} == {Decimal(2000), Decimal(35000)}
    assert next(m for m in merged if m.statement.scope).rank == "normal"



def test_a_power_figure_of_a_source_the_site_has_is_never_the_sites_power():
    # "총 1.2 GW(가스), 600MW 태양광": both planned; the 600 MW is the solar plant's (its item), not the site's
    merged = merge([_st(1200, 1, status="planned"), _st(600, 1, status="planned", item="solar-pv")])
    rank(merged)
    assert {(p, v) for m in merged for p, v, _ in m.truthy} == {("plannedPowerMW", Decimal(1200))}
    assert [m.rank for m in merged if m.statement.item] == ["normal"]

def test_a_pledged_sum_is_the_planned_amount_never_the_amount_paid():
    merged = merge([_st(8_000_000_000, 1, kind="amount", unit="USD"),
                    _st(500_000_000_000, 2, kind="amount", unit="USD", status="planned"),
                    _st(80_000_000_000, 3, kind="capex", unit="USD", status="planned")])
    rank(merged)
    truthy = {(p, v) for m in merged for p, v, _ in m.truthy}
    assert truthy == {("amountUSD", Decimal(8_000_000_000)), ("plannedAmountUSD", Decimal(500_000_000_000)),
                      ("plannedCapexUSD", Decimal(80_000_000_000))}


def test_a_range_keeps_both_ends_and_is_never_truthy():
    merged = merge([_st(34, 1, high=Decimal(35), kind="unitPowerOutput")])
    rank(merged)
    assert merged[0].statement.high == 35 and merged[0].truthy == []


def test_periods_keep_their_precision_and_never_invent_a_day():
    assert parse_period("2025-Q2").start == "2025-04-01" and parse_period("2025-Q2").precision == "quarter"
    assert period_from_bounds("2025-07-01", "2025-12-31").text == "2025-H2"
    assert period_from_bounds("2025-04-01", "2025-09-30").text == "2025"  # "mid-2025": the year, not a day
    assert period_from_bounds("2025-08-01", "2025-08-31").precision == "month"
    assert parse_period("2025-13") is None


# ----------------------------------------------------------------------------- the report graph


@pytest.fixture(scope="module")
def store(built_graph):
    s = ox.Store()
    s.bulk_load(path=str(built_graph), format=ox.RdfFormat.N_QUADS)
    return s


def _rows(store, q):
    return [{k: (v.value if v is not None else None) for k, v in zip(r.variables if hasattr(r, "variables") else [],
                                                                      r, strict=False)}
            for r in store.query(PREFIX + q, use_default_graph_as_union=True)]


def _values(store, q, var="v"):
    return {r[var].value for r in store.query(PREFIX + q, use_default_graph_as_union=True)}


def test_colossus_current_power_is_not_xais_goal(store):
    truthy = _values(store, "SELECT ?v WHERE { GRAPH ?g { pfid:colossus pfa:powerCapacityMW ?v } }")
    assert truthy == {"300"}
    # the 35 GW goal is never a current value of Colossus: at most a target, never truthy
    goal = _values(store, """SELECT ?status WHERE { ?s pfa:hasClaim|pfa:statement ?st .
        ?st pfa:kind pfk:powerCapacity ; pfa:value 35000.0 ; pfa:statementStatus ?status }""", "status")
    assert goal and not goal & {"https://petaflop-atlas.org/ontology#Actual", "https://petaflop-atlas.org/ontology#Estimate"}
    # Colossus's 2 GW of 2026 is a forecast, not a current value, and only a claim: the row guesses its subject
    # ("아직 모름 (아마도 …)", hedged_rows.py)
    assert not _values(store, """SELECT ?st WHERE { pfid:colossus pfa:statement ?st .
        ?st pfa:kind pfk:powerCapacity ; pfa:value 2000.0 }""", "st")
    status = _values(store, """SELECT ?status WHERE { pfid:colossus pfa:hasClaim ?st .
        ?st pfa:kind pfk:powerCapacity ; pfa:value 2000.0 ; pfa:timeText "2026" ; pfa:statementStatus ?status }""",
                     "status")
    assert status == {"https://petaflop-atlas.org/ontology#Forecast"}


def test_anthropics_valuation_is_a_history_whose_truthy_value_is_the_latest(store):
    # $183B (line 1527) and the growth table's "현재 값" $170B (line 382) are both undated current values,
    # read in different places: a conflict the report holds, both preferred (docs/statements.md)
    assert _values(store, "SELECT ?v WHERE { pfid:anthropic pfa:valuationUSD ?v }") == {"183000000000", "170000000000"}
    history = {(r["v"].value, r["scope"].value if r["scope"] else "", r["rank"].value.rsplit("#", 1)[1])
               for r in store.query(PREFIX + """SELECT ?v ?scope ?rank WHERE { pfid:anthropic pfa:statement ?st .
                  ?st pfa:kind pfk:valuation ; pfa:value ?v ; pfa:statementRank ?rank . OPTIONAL { ?st pfa:scope ?scope } }""",
                  use_default_graph_as_union=True)}  # fmt: skip
    assert ("183000000000", "", "PreferredRank") in history
    assert ("18500000000", "earlier value", "NormalRank") in history
    assert ("61500000000", "", "NormalRank") in history  # early 2025, the growth table's earlier value


def test_one_figure_stated_on_two_lines_is_one_statement_with_two_provenances(store):
    lines = _values(store, """SELECT ?a WHERE { pfid:anthropic pfa:statement ?st . ?st pfa:value 183000000000.0 .
        ?r rdf:subject pfid:anthropic ; rdf:predicate pfa:statement ; rdf:object ?st ; prov:wasDerivedFrom ?l .
        ?l pfa:lineStart ?a }""", "a")
    assert lines == {"1527", "1586"}


def test_a_per_token_price_keeps_its_denominator(store):
    pers = _values(store, """SELECT ?per WHERE { ?s pfa:statement|pfa:hasClaim ?st .
        ?st pfa:kind pfk:unitPrice ; pfa:perUnit ?per }""", "per")
    assert "1M tokens" in pers
    # and no truthy unitPriceUSD comes from a per-token statement
    bare = _values(store, """SELECT ?v WHERE { ?s pfa:statement ?st . ?st pfa:kind pfk:unitPrice ; pfa:perUnit ?p ;
        pfa:value ?v . ?s pfa:unitPriceUSD ?v }""")
    assert bare == set()


def test_no_bare_quantitative_literal_outside_the_truthy_properties(store):
    """Every decimal a datatype property holds on an entity in pfg:facts is the truthy copy of a
    preferred statement of that entity (statement and claim nodes hold their own values)."""
    bare = list(store.query(PREFIX + """SELECT ?s ?p ?v WHERE {
        GRAPH <https://petaflop-atlas.org/graph/facts> { ?s ?p ?v . FILTER(isLiteral(?v) && datatype(?v) = xsd:decimal) }
        FILTER NOT EXISTS { GRAPH <https://petaflop-atlas.org/graph/facts> { ?s a pfa:Statement } }
        FILTER NOT EXISTS { GRAPH <https://petaflop-atlas.org/graph/facts> { ?s a pfa:Claim } }
        FILTER NOT EXISTS { ?s pfa:statement ?st . ?st pfa:statementRank pfa:PreferredRank }
    }""", use_default_graph_as_union=True))  # fmt: skip
    assert [(str(r["s"]), str(r["p"])) for r in bare] == []
    truthy_not_from_a_statement = list(store.query(PREFIX + """SELECT ?s ?p ?v WHERE {
        GRAPH <https://petaflop-atlas.org/graph/facts> { ?s ?p ?v . FILTER(isLiteral(?v) && datatype(?v) = xsd:decimal) }
        ?k pfa:truthyProperty ?p .
        FILTER NOT EXISTS { ?s pfa:statement ?st . ?st pfa:kind ?k ; pfa:statementRank pfa:PreferredRank }
    }""", use_default_graph_as_union=True))  # fmt: skip
    assert truthy_not_from_a_statement == []


def test_a_value_without_a_readable_unit_is_no_statement(store):
    # the foundry table's revenue cells have no unit anywhere (line 5140: "30,239"): no revenue is guessed
    guessed = _values(store, """SELECT ?v WHERE { ?s pfa:statement|pfa:hasClaim ?st . ?st pfa:kind pfk:revenue ;
        pfa:value ?v . ?r rdf:object ?st ; prov:wasDerivedFrom ?l . ?l pfa:lineStart 5140 }""")
    assert guessed == set()


def test_a_figure_under_a_goal_label_is_a_target_statement():
    """A table cell's figure whose row or column label says goal/blueprint (the claim's 'target'
    qualifier) is a target statement, never a current value."""
    from decimal import Decimal as Dec

    from ontology.model import load_model
    from petaflop.extract.facts import Fact
    from petaflop.statements import statement_from_fact

    model = load_model()
    rule = model.truthy_rule("powerCapacityMW")
    loc = Location(7, 7, "IV", "slide", "IV-1-1", 2, 3)
    plain = Fact("x", "powerCapacityMW", Dec(10000), False, loc, "claim:cluster-power:row", raw="10 GW(20개 캠퍼스)")
    goal = Fact("x", "powerCapacityMW", Dec(10000), False, loc, "claim:cluster-power:row",
                qualifiers=("target",), raw="10 GW(20개 캠퍼스)")
    assert statement_from_fact(plain, rule, model).status == "actual"
    assert statement_from_fact(goal, rule, model).status == "target"


def test_stargates_long_term_blueprint_is_a_target_not_its_current_power(store):
    # line 1976: row '장기 청사진 (≈2030)', cell '10 GW(20개 캠퍼스) → …'; line 1918 states the same 10 GW as
    # what the project will build ('…구축하고 … 투입하겠다는'): planned
    status = _values(store, """SELECT ?status WHERE { pfid:stargate pfa:statement ?st .
        ?st pfa:kind pfk:powerCapacity ; pfa:value 10000.0 ; pfa:statementStatus ?status }""", "status")
    assert "https://petaflop-atlas.org/ontology#Target" in status
    assert status <= {"https://petaflop-atlas.org/ontology#Target", "https://petaflop-atlas.org/ontology#Planned"}
    truthy = _values(store, "SELECT ?v WHERE { GRAPH ?g { pfid:stargate pfa:powerCapacityMW ?v } }")
    assert "10000" not in truthy


def test_comparisons_conflict_only_when_they_say_what_they_compare():
    ratio = dict(kind="multiple", unit="x")
    merged = merge([_st(6, 10, **ratio), _st("1.6", 20, **ratio)])  # cost 6x, compute 1.6x: no conflict
    mark_conflicts(merged)
    assert not any(m.conflicts_with for m in merged)
    base = dict(metric="vs Acme X1", **ratio)  # the same base, measures unnamed
    merged = merge([_st(6, 10, **base), _st(11, 20, **base)])
    mark_conflicts(merged)
    assert not any(m.conflicts_with for m in merged)
    merged = merge([_st(6, 10, metric="비용", **ratio), _st(5, 20, metric="비용", **ratio)])
    mark_conflicts(merged)
    assert all(m.conflicts_with for m in merged)
    direction = dict(metric="higher vs Acme X1", **ratio)  # the direction names no measure either
    merged = merge([_st(6, 10, **direction), _st(11, 20, **direction)])
    mark_conflicts(merged)
    assert not any(m.conflicts_with for m in merged)
    named = [_st(6, 10, metric="비용 higher vs Acme X1", **ratio), _st(5, 20, metric="비용 higher vs Acme X1", **ratio)]
    merged = merge(named)
    mark_conflicts(merged)
    assert all(m.conflicts_with for m in merged)


def test_spans_of_time_framed_alike_are_different_things_not_a_conflict():
    took = dict(kind="duration", unit="month", metric="time taken")  # "6개월 만에", "8개월이 소요": two events
    merged = merge([_st(6, 10, **took), _st(8, 20, **took)])
    mark_conflicts(merged)
    assert not any(m.conflicts_with for m in merged)
    tenure = dict(kind="duration", unit="month", metric="재직")  # the same measure read twice: a conflict
    merged = merge([_st(6, 10, **tenure), _st(8, 20, **tenure)])
    mark_conflicts(merged)
    assert all(m.conflicts_with for m in merged)


def test_a_planned_link_is_a_link_statement_not_the_plain_triple(store):
    # "오라클이 3만 개의 MI355X 도입 계획을 발표" (line 4166): a planned purchase, not a purchase (docs/statements.md)
    assert not _values(store, "SELECT ?x WHERE { BIND(1 AS ?x) pfid:oracle pfa:procures pfid:amd-mi355x }", "x")
    rows = {(r["st"].value.rsplit("#", 1)[1], r["a"].value) for r in store.query(PREFIX + """
        SELECT ?st ?a WHERE { pfid:oracle pfa:linkStatement ?l . ?l a pfa:LinkStatement ;
          pfa:linkProperty pfa:procures ; pfa:linkObject pfid:amd-mi355x ; pfa:statementStatus ?st .
          ?r rdf:subject pfid:oracle ; rdf:predicate pfa:linkStatement ; rdf:object ?l ; prov:wasDerivedFrom ?loc .
          ?loc pfa:lineStart ?a }""", use_default_graph_as_union=True)}
    assert rows == {("Planned", "4166")}
