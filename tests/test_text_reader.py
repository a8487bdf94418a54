"""The text reader on sentences of our own: who a figure is about (parentheses, bare names before a
metric word, a table row), what it measures (a unit, a power source), figures that are not values,
and the frames beside the figures (investments, terms of a trade measure, events, adoptions)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.person_firm import settle_stand_ins

LOC = Location(10, 10, "VI", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def values(ex: Extraction) -> list[tuple]:
    return sorted((s.subject, s.kind, s.value, s.unit, s.rule) for s in ex.statements)


def links(ex: Extraction) -> list[tuple]:
    return sorted((f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity
                  and not f.predicate.startswith("has") and "://" not in f.predicate)


# --------------------------------------------------------------------------- who a figure is about


def test_a_figure_in_the_parentheses_after_a_name_is_about_that_name(reader):
    r, ex = reader
    r.read("Kimi-1.5(2025년 1월) → Kimi-2(2025년 7월, 2백만 컨텍스트 길이)", LOC, ())
    # (the dates in the parentheses are also the models' release dates: tests/test_extract_dates_scores.py)
    assert [(s.subject, s.kind, s.value, s.time.text, s.rule) for s in ex.statements if s.kind != "releaseDate"] == [
        ("kimi-k2", "contextLength", Decimal(2000000), "2025-07", "text:value:parenthetical")]


def test_a_bare_name_before_the_metric_word_is_its_subject(reader):
    r, ex = reader
    r.read("팔란티어 2024년 전체 매출: 약 30억 달러", LOC, ())
    assert [(s.subject, s.kind, s.value, s.time.text, s.rule) for s in ex.statements] == [
        ("palantir", "revenue", Decimal(3000000000), "2024", "text:value:compound")]


def test_a_bare_name_with_its_class_noun_or_quote_before_the_metric_word_is_its_subject(reader):
    r, ex = reader
    r.read("- 현재 “Ray-Ban Meta 스마트 글라스” 누적 판매량은 200만 대 돌파.", LOC, ())
    r.read("- 올해 NVL72 시스템 출하량은 최소 3만 개.", LOC, ())
    assert sorted((s.subject, s.kind, s.value, s.rule) for s in ex.statements) == [
        ("nvidia-gb200-nvl72", "shipments", Decimal(30000), "text:value:compound"),
        ("ray-ban-meta-smart-glasses", "shipments", Decimal(2000000), "text:value:compound")]


def test_a_unit_names_the_measure_for_the_subjects_class(reader):
    r, ex = reader
    r.read("Trainium2 칩 (2.5 PFLOPS FP8, 80GB HBM) 탑재", LOC, ())
    got = {(s.subject, s.kind, s.value, s.unit, s.rule) for s in ex.statements}
    # the parentheses after the name tell whose figures they are, whether a unit or a word told the measure:
    # one construction, one rule for the gate
    assert ("aws-trainium2", "computePerformance", Decimal("2.5E15"), "FLOPS", "text:value:parenthetical") in got
    assert ("aws-trainium2", "memoryCapacity", Decimal(80), "GB", "text:value:parenthetical") in got


def test_a_table_cell_is_read_about_its_row_with_the_rows_date(reader):
    from foundation.periods import parse_period

    r, ex = reader
    r.res.record(r.res.gaz.by_id("xai"))
    r.read_cell("30억 달러 조달, 기업가치는 200억 달러로 평가", LOC, (), "xai", parse_period("2024-05-10"))
    assert [(s.subject, s.kind, s.value, s.time.text, s.rule) for s in ex.statements
            if s.kind == "valuation"] == [("xai", "valuation", Decimal(20000000000), "2024-05-10", "text-cell:value:row")]


def test_a_person_never_carries_a_firms_figure(reader):
    r, ex = reader
    r.read("젠슨 황은 중국 시장 점유율이 40%라고 말했다.", LOC, ())
    settle_stand_ins(ex)  # no link ties him to a firm: the figure is no one's (person_firm.py)
    assert not [s for s in ex.statements if s.subject == "jensen-huang"]


def test_power_figures_carry_the_source_they_measure(reader):
    r, ex = reader
    r.res.record(r.res.gaz.by_id("stargate-abilene-phase-2"))
    r.read_cell("LM2500XPRESS 20기 ≈ 0.7 GW, 300MW 태양광", LOC, (), "stargate-abilene-phase-2")
    got = {(s.kind, s.value, s.item) for s in ex.statements}
    assert ("unitCount", Decimal(20), "ge-vernova-lm2500xpress") in got
    assert ("powerCapacity", Decimal(700), "ge-vernova-lm2500xpress") in got
    assert ("powerCapacity", Decimal(300), "solar-pv") in got


def test_a_power_sources_share(reader):
    r, ex = reader
    r.res.record(r.res.gaz.by_id("industrial-ai-factory"))
    r.read_cell("수력 90%, 신규 변전소", LOC, (), "industrial-ai-factory")
    assert [(s.subject, s.kind, s.value, s.item, s.rule) for s in ex.statements] == [
        ("industrial-ai-factory", "share", Decimal(90), "hydropower", "text-cell:value-source:row")]


# --------------------------------------------------------------------------- figures that are no values


@pytest.mark.parametrize("sentence", [
    "화웨이는 Ascend 910 출하량을 늘렸다.",  # a model number
    "xAI 사용자는 Grok 3 대비 늘었다",  # a bare number glued to a name
    "컨텍스트 구간별 (0-32K: 1달러)",  # a figure labelling what follows
    "엔비디아는 최대 8개 GPU: NVLink 연결",  # a count labelling a line
])
def test_figures_that_are_parts_of_names_or_labels_state_nothing(reader, sentence):
    r, ex = reader
    r.read(sentence, LOC, ())
    assert not [s for s in ex.statements if s.value in (Decimal(910), Decimal(3), Decimal(0), Decimal(8))]


def test_a_quarter_is_not_a_minute(reader):
    r, ex = reader
    r.read("'수출 쿼터'에 따라 1분기에 비용 계상", LOC, ())
    assert not [s for s in ex.statements if s.unit == "minute"]


# --------------------------------------------------------------------------- frames


def test_an_investment_with_amount_and_stake(reader):
    r, ex = reader
    r.read("구글은 Anthropic에 10억 달러를 투자해 지분 약 5% 확보.", LOC, ())
    assert ("google", "investsIn", "anthropic", "text:investment:link") in links(ex)
    got = {(s.kind, s.value) for s in ex.statements if s.subject.startswith("investment--google--anthropic")}
    assert got == {("amount", Decimal(1000000000)), ("equityStake", Decimal(5))}
    assert not [s for s in ex.statements if s.subject in ("google", "anthropic")]  # the figures are the deal's


def test_an_investment_noted_in_parentheses_after_the_investee(reader):
    r, ex = reader
    r.read("주요 고객은 Anthropic (아마존이 20억 달러 투자)", LOC, ())
    assert ("amazon", "investsIn", "anthropic", "text:investment:link") in links(ex)


def test_co_investors_of_a_project(reader):
    r, ex = reader
    r.read("“Mistral AI Cluster” - 프랑스 정부와 MGX 공동투자", LOC, ())
    assert {(s, o) for s, p, o, _ in links(ex) if p == "investsIn"} == {
        ("french-government", "mistral-ai-cluster"), ("mgx", "mistral-ai-cluster")}


def test_money_put_into_a_country_is_no_investment_in_it(reader):
    r, ex = reader
    r.read("텐센트 클라우드는 인도네시아에 데이터센터 건설에 3억 달러 투자", LOC, ())
    assert not [f for f in ex.facts if f.predicate == "investsIn"]


def test_terms_of_a_trade_measure(reader):
    r, ex = reader
    r.read("미국은 UAE가 연간 10만 개의 GPU를 수입할 수 있게 하는 '수출 쿼터'를 검토.", LOC, ())
    r.read("매출의 12%를 미국 정부에 납부해야 하는 ‘수익 공유’", LOC, ())
    r.read("대역폭 상한선 1.5 ~ 1.6 TB/s", LOC, ())
    got = {(s.subject, s.kind, s.value, s.high, s.per) for s in ex.statements if s.rule == "text:measure-term"}
    assert got == {("uae-gpu-export-quota", "unitCount", Decimal(100000), None, "year"),
                   ("15-revenue-share-on-china-ai-chips", "revenueShare", Decimal(12), None, ""),
                   ("china-export-bandwidth-cap", "memoryBandwidthCap", Decimal("1.5"), Decimal("1.6"), "")}


def test_release_announcement_and_founding_dates(reader):
    from foundation.periods import parse_period

    r, ex = reader
    r.res.record(r.res.gaz.by_id("xai"))
    r.read_cell("Grok-4 출시", LOC, (), "xai", parse_period("2025-07-09"))
    r.read_cell("회사 설립", LOC, (), "xai", parse_period("2023-03-09"))
    r.read("2025년 8월 Macrohard 프로젝트 공개", LOC, ())
    got = {(s.subject, s.kind, s.time.text) for s in ex.statements}
    assert got == {("grok-4", "releaseDate", "2025-07-09"), ("xai", "foundedDate", "2023-03-09"),
                   ("macrohard", "announcedDate", "2025-08")}


def test_a_plan_to_release_is_no_release(reader):
    r, ex = reader
    r.read("2026년 Grok-5 출시 예정", LOC, ())
    assert not [s for s in ex.statements if s.kind == "releaseDate"]


def test_what_a_chip_adopts_is_its_memory_node_and_packaging(reader):
    r, ex = reader
    r.read("Ascend 910C는 듀얼 다이 구성.", LOC, ())
    r.read("SMIC N+2를 쓰고 HBM2E를 채택, CoWoS-S 적용", LOC, ())
    assert {(s, p, o) for s, p, o, _ in links(ex)} >= {
        ("huawei-ascend-910c", "fabricatedOn", "smic-n-2"), ("huawei-ascend-910c", "usesMemory", "hbm2e"),
        ("huawei-ascend-910c", "packagedWith", "cowos-s")}


def test_odd_text_never_raises(reader):
    r, _ = reader
    for text in ("", "((((", "1분기 2분기", "HBM3E 8개", ")는 (가 30%", "투자)", "공동투자"):
        r.read(text, LOC, ())
        r.read_cell(text, LOC, (), "")


def test_a_maker_written_before_its_product_names_its_designer(reader):
    r, ex = reader
    r.read("엔비디아 H20 수출이 재개되었고 미국 상무부 A100 통제는 유지", LOC, ())
    made = [(s, p, o) for s, p, o, rule in links(ex) if rule.startswith("text:modifier:")]
    assert made == [("nvidia-h20", "designedBy", "nvidia")]  # a government body makes no chip


def test_a_model_released_in_a_clause_about_a_lab_is_its_work(reader):
    r, ex = reader
    r.read("xAI는 2024년 8월 Grok-2 출시", LOC, ())
    assert [(s, p, o) for s, p, o, rule in links(ex) if rule.startswith("text:release:developedBy")] == [
        ("grok-2", "developedBy", "xai")]


def test_a_release_still_wanted_names_no_maker(reader):
    # "출시가 절실" (a release needed), "공개가 기대": nothing was released, so the clause's firm is not its maker
    r, ex = reader
    r.read("xAI는 그 어느 때보다 Grok-2 출시가 절실", LOC, ())
    r.read("xAI는 올해 Grok-1 공개가 기대", LOC, ())
    assert [(s, p, o) for s, p, o, rule in links(ex) if ":release:" in rule] == []


def test_a_title_between_an_organisation_and_its_person_says_who_heads_it(reader):
    r, ex = reader
    r.read("OpenAI CEO 샘 알트만은 비용 감소를 강조", LOC, ())
    r.read("젠슨 황 엔비디아 CEO는 화웨이를 경계", LOC, ())
    r.read("前 GitHub CEO 넷 프리드먼 영입", LOC, ())  # a former title says nothing of now
    heads = [(s, p, o) for s, p, o, rule in links(ex) if rule.startswith("text:appositive:")]
    assert sorted(heads) == [("jensen-huang", "leads", "nvidia"), ("sam-altman", "leads", "openai")]


def test_a_title_after_a_short_modifier_or_a_slash_names_a_member_or_founder(reader):
    r, ex = reader
    r.read("오라클 창업자/CTO인 래리 엘리슨은 경고", LOC, ())
    r.read("테슬라의 차량 엔지니어링 부사장인 Lars Moravy는 설명", LOC, ())
    r.read("OpenAI의 경쟁사 CEO 리사 수", LOC, ())  # another firm's title
    got = sorted((s, p, o, rule) for s, p, o, rule in links(ex) if rule.startswith("text:appositive:"))
    assert got == [("larry-ellison", "affiliatedWith", "oracle", "text:appositive:affiliatedWith"),
                   ("lars-moravy", "affiliatedWith", "tesla", "text:appositive:affiliatedWith")]


def test_a_researcher_title_between_a_lab_and_a_person_names_a_member(reader):
    r, ex = reader
    r.read("구글 연구원 안드레 카파시는 반박", LOC, ())
    r.read("메타 연구원 출신인 Chenxi Liu", LOC, ())  # a former member: no link
    got = sorted((s, p, o, rule) for s, p, o, rule in links(ex) if rule.startswith("text:appositive:"))
    assert [(p, o, rule) for s, p, o, rule in got] == [("affiliatedWith", "google", "text:appositive:affiliatedWith")]


def test_the_head_of_an_organisation_in_the_genitive_leads_it(reader):
    r, ex = reader
    r.read("엔비디아의 수장인 젠슨 황은 수요를 강조", LOC, ())
    assert [(s, p, o) for s, p, o, rule in links(ex) if rule == "text:appositive:leads"] == [
        ("jensen-huang", "leads", "nvidia")]


def test_a_model_in_a_timeline_row_is_the_work_of_the_lab_the_slide_title_names(reader):
    r, ex = reader
    for eid in ("grok-1", "grok-2"):
        r.res.record(r.res.gaz.by_id(eid))
    r.read_cell("Grok-2 출시", Location(5, 5, "IV", "[참고] xAI는 앵커 모델을 출시 중", "T1", 1, 2), (), "grok-2")
    r.read_cell("Grok-1 출시", Location(6, 6, "IV", "구글과 메타의 경쟁", "T1", 2, 2), (), "grok-1")  # two names: none
    assert [(s, p, o, rule) for s, p, o, rule in links(ex) if "release" in rule] == [
        ("grok-2", "developedBy", "xai", "text-cell:release:developedBy:slide-topic")]


def test_a_product_called_an_organisations_own_is_its_work(reader):
    r, ex = reader
    r.read("애플은 자사의 머신러닝 프레임워크인 “MLX”를 공개", LOC, ())
    r.read("화웨이는 Pangu Ultra를 공개했고 엔비디아는 H20 공급", LOC, ())  # nothing called its own
    own = [(s, p, o, rule.split("@")[0]) for s, p, o, rule in links(ex) if ":own-make:" in rule]
    assert own == [("apple-mlx", "developedBy", "apple", "text:own-make:developedBy")]


def test_a_product_called_the_organisations_own_by_a_possessive_pronoun_is_its_work(reader):
    """"본인들의/이들의/그들의 <kind>인 <X>" says "its own" as 자사의 does; a word ending in 들의 is no pronoun."""
    r, ex = reader
    r.read("엔비디아는 본인들의 차세대 시리즈인 ‘Vera Rubin’을 공급", LOC, ())
    r.read("애플은 개발자들의 프레임워크인 “MLX”를 지원", LOC, ())
    own = [(s, p, o, rule.split("@")[0]) for s, p, o, rule in links(ex) if ":own-make:" in rule]
    assert own == [("nvidia-vera-rubin", "designedBy", "nvidia", "text:own-make:designedBy")]


def test_a_from_to_pair_is_one_construction_whatever_way_its_subject_was_found(reader):
    r, ex = reader
    r.read("팔란티어의 매출이 10억 달러에서 30억 달러로 늘었다.", LOC, ())
    r.read("팔란티어는 생산능력을 3GW/년 → 6GW/년으로 늘린다.", LOC, ())
    assert {(s.kind, s.value, s.rule) for s in ex.statements if s.subject == "palantir"} == {
        ("revenue", Decimal(1_000_000_000), "text:value-from"), ("revenue", Decimal(3_000_000_000), "text:value-from-to"),
        ("manufacturingCapacity", Decimal(3000), "text:value-from"),
        ("manufacturingCapacity", Decimal(6000), "text:value-from-to")}


def test_a_die_area_named_by_its_word_is_a_quantity_of_the_chip(text_reader):
    from petaflop.extract.facts import Location

    reader, ex = text_reader
    reader.read("Ascend 910C의 다이 면적은 666mm^2 수준.", Location(1, 1), ())
    assert [(s.subject, s.kind, s.value, s.unit, s.metric) for s in ex.statements] == [
        ("huawei-ascend-910c", "quantity", Decimal(666), "mm2", "다이 면적")]


@pytest.mark.parametrize(("sentence", "value", "metric"), [
    ("엔비디아의 데이터센터 매출은 56% YoY", Decimal(56), "데이터센터 매출 vs prior year"),
    ("엔비디아의 데이터센터 매출은 12% QoQ", Decimal(12), "데이터센터 매출 vs prior quarter"),
    ("엔비디아의 데이터센터 매출은 ▼8% MoM", Decimal(-8), "데이터센터 매출 vs prior month"),
])
def test_a_period_abbreviation_after_a_percentage_is_growth_against_that_period(reader, sentence, value, metric):
    r, ex = reader
    r.read(sentence, LOC, ())
    assert [(s.subject, s.kind, s.value, s.metric) for s in ex.statements] == [("nvidia", "growthRate", value, metric)]


def test_a_company_doubling_an_object_is_not_the_thing_that_doubled(reader):
    r, ex = reader
    r.read("엔비디아가 H100을 두 배로 늘렸다", LOC, ())
    assert [s for s in ex.statements if s.kind == "multiple" and s.subject == "nvidia"] == []
    r.read("엔비디아의 데이터센터 매출은 두 배로 늘었다", LOC, ())
    assert [(s.subject, s.kind, s.value) for s in ex.statements if s.kind == "multiple"] == [
        ("nvidia", "multiple", Decimal(2))]


def test_a_multiple_before_a_figure_leaves_the_measure_to_the_figure(reader):
    r, ex = reader
    r.read("미국 데이터 센터의 전력 수요는 2028년까지 두 배로 늘어나 95GW에 이를 것으로 예상", LOC, ())
    assert sorted((s.subject, s.kind, s.value, s.unit) for s in ex.statements) == [
        ("us-data-centers", "multiple", Decimal(2), "x"), ("us-data-centers", "powerDemand", Decimal(95000), "MW")]


# --------------------------------------------------------------------------- spans of time


@pytest.mark.parametrize(("sentence", "expected"), [
    ("테슬라는 로보택시를 40일 만에 확장", {("tesla-robotaxi", Decimal(40), "day", "text:duration-took:object")}),
    ("마이크로소프트는 Maia 200 칩을 2026년으로 최소 6개월 연기", {
        ("microsoft-maia-200", Decimal(6), "month", "text:duration-took:object")}),
    # a word of another measure before it ("출시까지") does not hide the span; the name the object is called by
    ("OpenAI는 “Codex”라는 코딩 에이전트를 제품 출시까지 7주 만에 완성", {
        ("openai-codex", Decimal(7), "week", "text:duration-took:object")}),
    # what the span brought about is the object after it: unnamed here, so the topic gets nothing
    ("엔비디아는 불과 8년 만에 72개 GPU를 하나의 시스템으로 묶음", set()),
    # a span a thing usually takes ("걸리는") is a measure of comparison, nobody's duration
    ("xAI는 2년 반이 걸리는 걸 3달 만에 변전소를 완성", set()),
    # a span opening an aside after a figure tells over what period that figure grew
    ("테슬라는 사용자 20억 명(약 3달 만에 5억 명 증가)을 기록", set()),
    ("테슬라는 4년간 10 GW 규모 AI 인프라를 구축", {("tesla", Decimal(4), "year", "text:duration-took:clause-topic")}),
    # a span followed by the figure that grew over it measures the change, not the topic
    ("테슬라는 6달 만에 매출 3억 달러에서 9억 달러로 증가", set()),
    ("테슬라는 2년 만에 12만 명 증가", set()),
    # a milestone reached is still the topic's span; "시간" (hours) carries no span suffix
    ("테슬라는 5개월 만에 사용자 2천만 명 돌파", {("tesla", Decimal(5), "month", "text:duration-took:clause-topic")}),
    ("테슬라는 8시간 배터리 구축에 나섬", set()),
    # "이내" is "within" as "내에" is; "N개월 이내로 좁혀짐" is a gap closing, no span of the topic's
    ("테슬라는 계약 후 90일 이내에 가동", {("tesla", Decimal(90), "day", "text:duration-took:clause-topic")}),
    ("테슬라와의 격차가 6개월 이내로 좁혀짐", set()),
    # "N년에 걸쳐", "'약 N달'이 소요": spans too; a new clause's topic after the span is no object of it
    ("테슬라는 2년 이상에 걸쳐 설계 완료", {("tesla", Decimal(2), "year", "text:duration-took:clause-topic")}),
    ("테슬라는 매출 두 배 성장에 '약 5달'이 소요 xAI는 동일 구간을 더 빨리 주파",
     {("tesla", Decimal(5), "month", "text:duration-took:clause-topic")}),
])
def test_a_span_of_time_belongs_to_what_the_clause_made_not_to_its_topic(reader, sentence, expected):
    r, ex = reader
    r.read(sentence, LOC, ())
    assert {(s.subject, s.value, s.unit, s.rule) for s in ex.statements if s.kind == "duration"} == expected


def test_a_cells_power_figure_is_judged_apart_from_a_chips_rating(reader):
    r, ex = reader
    for subject, cell in (("stargate", "1.2 GW"), ("nvidia-gb200", "최대 5 PFLOPS")):
        r.res.record(r.res.gaz.by_id(subject))
        r.read_cell(cell, LOC, (), subject)
    assert {(s.subject, s.kind, s.rule) for s in ex.statements} >= {
        ("stargate", "powerCapacity", "text-cell:value-unit-power:row"),
        ("nvidia-gb200", "computePerformance", "text-cell:value-unit:row")}


def test_a_topic_carried_from_before_is_judged_apart_when_the_sentence_names_another(reader):
    r, ex = reader
    r.start_slide("테스트")
    r.read("메타는 데이터센터를 늘린다. 구글 클라우드 영업이익률 20.7%", LOC, ())
    # the carried topic (Meta) or the firm the sentence names? Its own rule, for the gate to judge
    assert [(s.subject, s.rule) for s in ex.statements] == [("meta", "text:value:inherited-other-named")]


def test_a_firm_named_side_by_side_after_another_firms_genitive_is_its_part(reader):
    r, ex = reader
    r.read("보잉의 자회사 Bloom Energy가 새 제품을 공개. AIG의 경쟁사인 Accenture는 다른 전략.", LOC, ())
    parts = sorted({(s, p, o) for s, p, o, rule in links(ex) if p == "partOf"})
    assert parts == [("bloom-energy", "partOf", "boeing")]  # a rival described between is no parent


def test_a_thing_finished_on_a_milestone_date_is_completed_then(reader):
    r, ex = reader
    r.read_cell("• 2031년 2분기: Rubin 개발 완료 (목표) • 2032년 말: 인력 충원 완료", LOC, (), "")
    got = {(s.subject, s.kind, s.time.text) for s in ex.statements if s.kind == "completionDate"}
    assert got == {("nvidia-rubin", "completionDate", "2031-Q2")}


def test_a_business_of_a_firm_quoted_after_the_word_of_business_is_its_part(reader):
    r, ex = reader
    r.read("보잉은 에너지 사업 “Bloom Energy”를 매각. 보잉은 AI 사업 확대 중", LOC, ())
    assert sorted({(s, p, o) for s, p, o, _ in links(ex) if p == "partOf"}) == [("bloom-energy", "partOf", "boeing")]


def test_a_system_topic_of_an_earlier_clause_holds_the_chips_and_cpus_counted_later(reader):
    r, ex = reader
    r.read("CloudMatrix384 시스템은 흔한 서버가 아니라, Ascend 910C 칩 12개와 Grace 3개를 묶은 장치.", LOC, ())
    got = {(s.subject, s.kind, s.value, s.item, s.rule) for s in ex.statements}
    assert got == {
        ("huawei-cloudmatrix384", "chipsPerSystem", Decimal(12), "huawei-ascend-910c", "text:count-item:clause-topic"),
        ("huawei-cloudmatrix384", "cpuCount", Decimal(3), "nvidia-grace", "text:count-item:clause-topic")}


def test_the_before_and_after_explaining_a_multiple_are_no_values_of_the_topic(reader):
    r, ex = reader
    r.read("테슬라는 토큰당 비용을 최대 50배(40달러→0.80달러) 절감.", LOC, ())
    assert {s.value for s in ex.statements if s.unit == "USD"} == set()
    r.read("테슬라는 매출이 3배(10억 달러) 증가.", LOC, ())  # a single figure in the bracket is not a change's ends
    assert Decimal(1_000_000_000) in {s.value for s in ex.statements if s.unit == "USD"}


def test_a_genitive_reaches_the_things_coordinated_after_its_own(reader):
    """text:genitive-list: "<A>의 B와 C", "<A>의 B/C": C is A's by the same lexicon entry as B; the list
    stops at a thing with its own genitive ("엔비디아의 H100과 화웨이의 Ascend")."""
    r, ex = reader
    r.read("엔비디아의 H100과 H200 수요가 급증", LOC, ())
    r.read("엔비디아의 H200과 화웨이의 Ascend 칩을 비교", LOC, ())
    listed = {(s, p, o) for s, p, o, rule in links(ex) if rule == "text:genitive-list"}
    assert listed == {("nvidia-h200", "designedBy", "nvidia")}


def test_a_figure_divided_by_another_is_a_term_of_a_formula_not_a_value(reader):
    r, ex = reader
    r.read("- 전제 사용출력 = NVL72 랙 개수(50만 GPU/72) × 랙 출력", LOC, ())
    assert [s for s in ex.statements if s.rule == "text:value:compound"] == []
