"""A model comparison's human baseline row ("인간 | 우주 | ? | 53.7"): the people the models are measured
against are no model, so the row creates a person (never an ``AIModel``, nor a developer link from its
joke institution), whose scores stay the baseline's; the models' rows around it are read as before. A
caption that counts a product through one channel ("… ODM 출하량") scopes the product's totals; a count a
claim reads as to be added ("… 추가 투입될 예정") is scoped as an addition."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.table_figures import created_class
from tests.test_table_reader import make_table

HEADER = ["모델명", "기관명", "컨텍스트 길이", "종합 성능", "긴 글 성능 (128k ↑)"]


def _read(table_reader, baseline: str):
    r, ex = table_reader
    r.read(make_table(["긴 글 벤치마크 기준 순위: 구글 모델이 1등"], HEADER,
                      [[baseline, "우주", "?", "53.7", "53.7"], ["Gamma-Nine-Pro", "가나전자", "1M", "63.3", "71"],
                       ["Delta-7B", "다라전자", "128k", "56", "49.1"]], chapter="II"))
    return ex


def test_the_human_row_is_a_person_with_its_scores_not_a_model(table_reader):
    for baseline in ("인간", "Human", "인간 전문가", "Human expert"):
        ex = _read(table_reader, baseline)
        names = {e.name_en or e.name_ko: (eid, e.types) for eid, e in ex.entities.items()}
        human, types = names[baseline]
        assert types == ("Person",)
        models = {n for n, (_, t) in names.items() if "AIModel" in t}
        assert {"Gamma-Nine-Pro", "Delta-7B"} <= models and baseline not in models
        scores = {(s.subject, s.value, s.scope) for s in ex.statements if s.kind == "benchmarkScore"}
        assert (human, Decimal("53.7"), "종합 성능") in scores
        assert (human, Decimal("53.7"), "긴 글 성능 (128k ↑)") in scores
        assert (names["Delta-7B"][0], Decimal("49.1"), "긴 글 성능 (128k ↑)") in scores
        assert not [f for f in ex.facts if f.subject == human and f.predicate in ("developedBy", "affiliatedWith")]


def test_only_a_model_key_makes_the_baseline_a_person():
    assert created_class("인간", "AIModel") == "Person"
    assert created_class("Human expert", "AIModel") == "Person"
    assert created_class("인간", "MarketSegment") == "MarketSegment"  # an occupation table's row stays a segment
    assert created_class("Humane-7B", "AIModel") == "AIModel"  # a model whose name opens like the word


def _shipments(table_reader, caption: str) -> set[tuple]:
    r, ex = table_reader
    r.read(make_table([caption], ["", "Q1'25E", "Q2'25E"],
                      [["폭스콘", "175", "3,000"], ["관타", "140", "1,300"], ["위스트론", "80", "1,900"],
                       ["총 GB200/300 NVL72 유닛", "400", "6,800"]], chapter="IX"))
    return {(s.subject, s.value, s.time.text, s.scope) for s in ex.statements if s.kind == "shipments"}


def test_a_caption_counting_one_channel_scopes_the_products_totals(table_reader):
    got = _shipments(table_reader, "GB200/GB300 NVL72의 ODM(하이퍼스케일러 선호) 출하량 전망")
    assert ("nvidia-gb200-gb300-nvl72", Decimal(400), "2025-Q1", "ODM 기준") in got
    assert ("nvidia-gb200-gb300-nvl72", Decimal(6800), "2025-Q2", "ODM 기준") in got
    assert ("foxconn", Decimal(175), "2025-Q1", "") in got  # a maker's own row is its own shipments


def test_a_caption_naming_no_channel_leaves_the_totals_whole(table_reader):
    got = _shipments(table_reader, "GB200/GB300 NVL72 출하량 전망")
    assert ("nvidia-gb200-gb300-nvl72", Decimal(400), "2025-Q1", "") in got


def test_a_claimed_count_to_be_added_is_an_addition():
    from petaflop.extract.facts import Extraction, Fact, Location
    from petaflop.extract.status_context import _settle_claim_facts

    line = "- 가나사는 2만개의 H100을 가동 중이고, 3분기 내 5만개의 GB200이 추가 투입될 예정."
    ex = Extraction()
    for raw in ("가나사는 2만개의 H100을 ", "3분기 내 5만개의 GB200이 "):
        ex.add(Fact("ganasa", "gpuCount", Decimal(1), False, Location(1, 1, "III", "s"), "claim:org-gpus:marked", (),
                    datatype="decimal", raw=raw))
    _settle_claim_facts(ex, [line], "2025-08-01")
    scoped = {f.raw: [q for q in f.qualifiers if q.startswith("scope:")] for f in ex.facts}
    assert scoped == {"가나사는 2만개의 H100을 ": [], "3분기 내 5만개의 GB200이 ": ["scope:addition"]}


def test_a_claimed_capacity_named_the_new_part_of_a_total_is_an_addition():
    """"3.2 GW 신규 포함 총 4 GW": the 3.2 GW is the new part inside the 4 GW total, not the project's capacity."""
    from petaflop.extract.facts import Extraction, Fact, Location
    from petaflop.extract.status_context import _settle_claim_facts

    line = "연간 임차료\t120\t3.2 GW 신규 포함 총 4 GW 용량에 대한 계약"
    ex = Extraction()
    for raw in ("3.2 GW 신규 포함 총", "3.2 GW 신규 포함 총 4 GW 용량에 대한 "):
        ex.add(Fact("dara-campus", "powerCapacityMW", Decimal(1), False, Location(1, 1, "IV", "s"),
                    "claim:cluster-power:row-context", (), datatype="decimal", raw=raw))
    _settle_claim_facts(ex, [line], "2025-08-01")
    scoped = {f.raw: [q for q in f.qualifiers if q.startswith("scope:")] for f in ex.facts}
    assert scoped == {"3.2 GW 신규 포함 총": ["scope:addition"], "3.2 GW 신규 포함 총 4 GW 용량에 대한 ": []}
