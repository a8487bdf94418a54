"""Table constructions of model and contest tables, on small tables of our own: a model's bare figure under
a performance label is a benchmark score, the institution column names its developer, given and family
name columns key a row by the full name, a contest's standings give people's scores and ranks, and one
entity's figures over period columns (with a parenthesised change) are read row by row."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.cell_text import period_header
from petaflop.extract.name_columns import join_name_columns
from tests.test_table_reader import links, make_table


def test_a_models_performance_column_is_its_benchmark_score_and_the_institution_its_developer(table_reader):
    r, ex = table_reader
    r.read(make_table(["긴 글 벤치마크 순위"], ["모델명", "기관명", "종합 성능", "긴 글 성능 (128k ↑)"],
                      [["GPT-4o", "OpenAI", "41.5", "38"]]))
    got = {(s.subject, s.kind, s.value, s.scope) for s in ex.statements}
    assert ("gpt-4o", "benchmarkScore", Decimal("41.5"), "종합 성능") in got
    assert ("gpt-4o", "benchmarkScore", Decimal("38"), "긴 글 성능 (128k ↑)") in got
    assert not any(s.kind == "computePerformance" for s in ex.statements)
    assert {(s, o) for s, o, _ in links(ex, "developedBy")} == {("gpt-4o", "openai")}


def test_given_and_family_name_columns_are_one_name():
    t = join_name_columns(make_table(["순위표"], ["Rank", "First Name", "Last Name", "Total"],
                                     [["1", "Ada", "Lovelace", "300"], ["-", "OpenAI", "", "290"]]))
    assert t.column_labels == ["Rank", "Name", "Total"]
    assert [[c.text for c in row.cells] for row in t.rows] == [["1", "Ada Lovelace", "300"], ["-", "OpenAI", "290"]]
    untouched = make_table(["표"], ["이름", "소속"], [["Ada Lovelace", "OpenAI"]])
    assert join_name_columns(untouched) is untouched


def test_a_contests_standings_give_peoples_scores_and_ranks(table_reader):
    r, ex = table_reader
    t = join_name_columns(make_table(["대회에서 모델과 인간 참가자의 성적을 비교한 순위표"],
                                     ["Rank", "First Name", "Last Name", "Day 1", "Global"],
                                     [["1", "Minjun", "Seo", "290.5", "580.25"], ["-", "OpenAI", "", "270", "540"]]))
    r.read(t)
    got = {(s.subject, s.kind, s.value, s.rule.rsplit(":", 1)[-1]) for s in ex.statements}
    assert ("minjun-seo", "benchmarkScore", Decimal("580.25"), "person") in got
    assert ("minjun-seo", "rank", Decimal("1"), "contest") in got
    assert ("openai", "benchmarkScore", Decimal("540"), "caption") in got


def test_one_entitys_figures_over_period_columns_with_their_change(table_reader):
    assert period_header("2024 Q2")[0].text == "2024-Q2"
    r, ex = table_reader
    r.read(make_table(["CoreWeave 성장 지표"], ["항목", "2023 Q3", "2024 Q3"],
                      [["수주 잔고", "$10 billion", "$12 billion (+20%)"], ["활성 전력", "100 MW", "150 MW (+50%)"]],
                      transposed=True))
    got = {(s.subject, s.kind, s.value, s.time.text if s.time else "") for s in ex.statements}
    assert got == {
        ("coreweave", "amount", Decimal("1E+10"), "2023-Q3"), ("coreweave", "amount", Decimal("1.2E+10"), "2024-Q3"),
        ("coreweave", "growthRate", Decimal("20"), "2024-Q3"),
        ("coreweave", "powerCapacity", Decimal("100"), "2023-Q3"),
        ("coreweave", "powerCapacity", Decimal("150"), "2024-Q3"),
        ("coreweave", "growthRate", Decimal("50"), "2024-Q3")}
    assert all(s.rule.endswith(":period-rows") for s in ex.statements)


def test_a_models_percentage_under_a_cost_label_is_its_score_with_the_money_in_parentheses(table_reader):
    r, ex = table_reader
    r.read(make_table(["벤치마크 비교"], ["모델", "GPT-4o"], [["코딩 과제 (비용 포함)", "41.2% ($12,500)"]],
                      transposed=True))
    got = {(s.subject, s.kind, s.value, s.unit) for s in ex.statements}
    assert got == {("gpt-4o", "benchmarkScore", Decimal("41.2"), "%"), ("gpt-4o", "amount", Decimal("12500"), "USD")}
