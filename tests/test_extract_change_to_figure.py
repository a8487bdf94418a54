"""A figure a change leads to, a measure restated in a later clause, and table cells whose figure is not
their first quantity:

- "매출은 전년 대비 50% 증가한 300억 달러": the percentage of change right before the figure does not hide
  the measure word before it (text_value_guards.change_before);
- "A의 전력 수요는 …, 2029년 수요는 70GW": a later clause opening on the bare measure is about the owner an
  earlier clause gave it (subject_ways.earlier_measure_owner, one way of naming the subject);
- "2024년 5월 기준 120+명": a cell opening on the date its count holds at (table_figures.figure_further);
- "시장 규모" in a row naming a market: the market's size (attribute_lexicon.toml, money only).
- "X조차/X마저 N년이 소요": a subject marked by a particle of "even" is the clause's topic, as "X도" is.
- "메타는 Llama 3 학습에": the lab marked as subject of a model's training is its developer (relation_patterns.toml).
"""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from ingest.parser import parse_text
from petaflop.extract.facts import Extraction, Location
from petaflop.extract.pipeline import extract
from petaflop.extract.table_figures import figure_further
from petaflop.extract.values import find_quantities

LOC = Location(10, 10, "X", "test slide")


def _values(ex, kind: str) -> list[tuple]:
    return [(s.subject, s.value, s.unit, s.rule) for s in ex.statements if s.kind == kind]


def test_a_change_right_before_a_figure_leaves_the_measure_word_to_the_figure(text_reader):
    r, ex = text_reader
    r.read("- 엔비디아의 매출은 전년 대비 50% 증가한 300억 달러를 기록.", LOC, ())
    assert _values(ex, "revenue") == [("nvidia", Decimal(30_000_000_000), "USD", "text:value:genitive")]
    assert [(s, v) for s, v, _, _ in _values(ex, "growthRate")] == [("nvidia", Decimal(50))]


def test_a_figure_after_a_change_of_another_wording_is_not_read_without_a_measure(text_reader):
    r, ex = text_reader
    r.read("- 엔비디아는 50% 증가한 뒤 300억 달러를 기록.", LOC, ())  # no measure word at all: nothing to read
    assert _values(ex, "revenue") == []


def test_a_later_clause_on_the_bare_measure_is_about_its_earlier_owner(text_reader):
    r, ex = text_reader
    r.read("- 가나다에 따르면, 미국 데이터 센터의 전력 수요는 2027년까지 50GW에 이를 것으로 예상되며, "
           "2029년 수요는 2023년 대비 80% 증가한 70GW에 이를 것으로 추산.", LOC, ())
    assert sorted((s, v) for s, v, _, _ in _values(ex, "powerDemand")) == [
        ("us-data-centers", Decimal(50_000)), ("us-data-centers", Decimal(70_000))]
    later = next(x for x in _values(ex, "powerDemand") if x[1] == Decimal(70_000))
    assert later[3] == "text:value:clause-topic"


def test_a_later_clause_with_its_own_owner_keeps_it(text_reader):
    r, ex = text_reader
    r.read("- 미국 데이터 센터의 전력 수요는 50GW에 이르며, 일본 데이터센터의 수요는 20GW에 이를 전망.", LOC, ())
    assert ("us-data-centers", Decimal(20_000)) not in [(s, v) for s, v, _, _ in _values(ex, "powerDemand")]


def _table(*rows: str):
    return extract(parse_text("VII. 시험 장: 중국\n\n" + "\n".join(rows) + "\n\n자료: 가나다리서치\n"))


def test_a_count_cell_opening_on_its_as_of_date_is_read():
    ex = _table("Moonshot AI에 대한 기업 개요", "", "항목\t내용", "설립\t2023년 3월, 베이징",
                "인력 규모\t2024년 5월 기준 120+명, 연구 인원 70% 이상")
    staff = [(s.subject, s.value, s.bound, s.rule.split("@")[0]) for s in ex.statements if s.kind == "employeeCount"]
    assert staff == [("moonshot-ai", Decimal(120), "lower", "table-reader:employeeCount")]


def test_figure_further_only_for_a_date_or_a_bare_number_before_a_length():
    date, count = (q for q in find_quantities("2024년 5월 기준 120명"))
    assert (date.kind, count.kind) == ("period", "count")
    assert figure_further(date, "count") and figure_further(date, "percent")
    assert not figure_further(date, "money")  # an amount keeps its own reading among a cell's words
    assert not figure_further(count, "count")
    assert figure_further(SimpleNamespace(kind="number"), "length")
    assert not figure_further(SimpleNamespace(kind="length"), "length")


def test_a_market_size_row_of_a_metrics_table_is_the_markets_size():
    ex = _table("알리바바 클라우드 주요 지표", "", "구분\t수치/현황\t기준 시점\t세부 내용",
                "중국 내 클라우드 시장 점유율\t31%\t2024년 Q3\t중국 1위",
                "중국 클라우드 시장 규모\t\\$9.9B\t2024년 Q3\t12% YoY")
    sizes = [(s.subject, s.value, s.unit) for s in ex.statements if s.kind == "marketSize"]
    assert sizes == [("chinese-cloud-market", Decimal(9_900_000_000), "USD")]
    shares = [(s.subject, s.value) for s in ex.statements if s.kind == "marketShare"]
    assert shares == [("alibaba-cloud", Decimal(31))]


def test_a_subject_marked_by_a_particle_of_even_is_the_clauses_topic(text_reader):
    r, ex = text_reader
    r.read("- 가나다 보고서에 따르면, 가장 빠른 복합화력발전소조차 최소 3년 이상이 소요.", LOC, ())
    r.read("- 가나다 보고서에 따르면, 가장 빠른 복합화력발전소마저 최소 5년 이상이 소요.", LOC, ())
    assert [(s.subject, s.value, s.unit, s.rule) for s in ex.statements if s.kind == "duration"] == [
        ("combined-cycle-gas-turbine", Decimal(3), "year", "text:duration-took:clause-topic"),
        ("combined-cycle-gas-turbine", Decimal(5), "year", "text:duration-took:clause-topic")]


def test_the_lab_marked_as_subject_of_a_models_training_made_it(gaz):
    """relation:model-developer-marked: training a model ("훈련/학습") is what its developer does."""
    from petaflop.extract.relations import RelationMiner, load_relation_patterns
    from petaflop.extract.resolve import Resolver

    ex = Extraction()
    miner = RelationMiner(Resolver(gaz, ex), load_relation_patterns())
    miner.mine("메타는 Llama-3 학습에 자체 클러스터를 활용.", LOC, ())
    miner.mine("xAI는 Grok 2 훈련에 2만 개의 GPU를 투입.", LOC, ())
    assert {(f.subject, f.obj) for f in ex.facts if f.rule == "relation:model-developer-marked"} == {
        ("llama-3", "meta"), ("grok-2", "xai")}
