"""The frames of text_rivals on sentences of our own: rival products, alternatives and challengers, and
home countries given to a list of organisations — and look-alikes that state none of them."""

from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VI", "test slide")


def links(ex: Extraction, prop: str) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity and f.predicate == prop)


def test_rival_models_in_parentheses_compete_with_the_topic(text_reader):
    r, ex = text_reader
    r.read("Grok 4는 높은 점수로 경쟁 모델(Claude, Gemini)을 압도.", LOC, ())
    assert links(ex, "competesWith") == [("grok-4", "claude", "text:rival-thing"),
                                         ("grok-4", "gemini", "text:rival-thing")]


def test_rival_models_listed_before_the_word_compete_with_each_owner_in_parentheses(text_reader):
    r, ex = text_reader
    r.read("주력 모델(Opus 4, Sonnet 4)이 OpenAI의 GPT-4.1 등 경쟁 모델을 압도.", LOC, ())
    assert links(ex, "competesWith") == [("claude-opus-4", "gpt-4-1", "text:rival-thing"),
                                         ("claude-sonnet-4", "gpt-4-1", "text:rival-thing")]


def test_a_rival_model_of_another_kind_is_no_rival(text_reader):
    r, ex = text_reader
    r.read("Grok 4는 경쟁 모델(OpenAI, Anthropic)을 압도.", LOC, ())  # firms, not models
    assert links(ex, "competesWith") == []


@pytest.mark.parametrize("sentence, pair, rule", [
    ("화웨이가 CUDA의 대체재인 “CANN”의 툴킷을 공개.", ("cann", "cuda"), "text:alternative"),
    ("NVLink에 대항하는 표준인 UALink가 나옴.", ("ualink", "nvlink"), "text:challenger"),
    ("'Qwen3-8B'(파란색)와 경쟁 모델인 'Gemini'를 시험.", ("gemini", "qwen3-8b"), "text:challenger"),
])
def test_an_alternative_or_challenger_competes_with_what_it_replaces(text_reader, sentence, pair, rule):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert links(ex, "competesWith") == [(*pair, rule)]


def test_a_cell_naming_what_the_rows_chip_replaces(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("huawei-ascend-920"))  # the row's entity, as the table reader records it
    r.read_cell("H20 대체", LOC, (), "huawei-ascend-920")
    assert links(ex, "competesWith") == [("huawei-ascend-920", "nvidia-h20", "text:alternative")]


@pytest.mark.parametrize("cell, expected", [
    # a cell opening with what the row's cluster is set against (its firm a modifier before it)
    ("OpenAI Stargate 대응 100만 GPU 탑재", [("hyperion", "stargate", "text:challenger")]),
    ("Stargate에 대항", [("hyperion", "stargate", "text:challenger")]),
    ("엔비디아 대응 지연", []),  # a firm, not a cluster: no rival of the row's cluster
    ("전력 수요에 대응해 Stargate 확장", []),  # the name does not open the cell
])
def test_a_cell_naming_what_the_rows_cluster_counters(text_reader, cell, expected):
    r, ex = text_reader
    r.res.record(r.res.gaz.by_id("hyperion"))  # the row's entity, as the table reader records it
    r.read_cell(cell, LOC, (), "hyperion")
    assert links(ex, "competesWith") == expected


@pytest.mark.parametrize("sentence, expected", [
    ("팔란티어는 유럽의 거인들(SAP와 엑센추어)과 동맹을 체결.", [("accenture", "europe"), ("sap", "europe")]),
    ("중국 빅테크(알리바바·텐센트 등) 누적 주문이 늘어남.", [("alibaba", "china"), ("tencent", "china")]),
])
def test_a_list_after_a_places_word_of_organisations_is_of_that_place(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert links(ex, "headquarteredIn") == [(*e, "text:home-country:list") for e in expected]


def test_a_note_of_the_place_after_a_list_of_organisations(text_reader):
    r, ex = text_reader
    r.read("Jacobs, Parsons, AECOM 등 (미국 기업)이 참여.", LOC, ())
    assert links(ex, "headquarteredIn") == [(f, "united-states", "text:home-country:note")
                                            for f in ("aecom", "jacobs", "parsons")]


def test_a_place_alone_in_parentheses_after_an_organisation(text_reader):
    r, ex = text_reader
    r.read("MGX / PIF (사우디)는 잠재 LP.", LOC, ())
    assert links(ex, "headquarteredIn") == [("public-investment-fund", "saudi-arabia", "text:home-country:note")]


@pytest.mark.parametrize("sentence", [
    "중국의 데이터센터(알리바바 클라우드 운영)가 늘어남.",  # a place's facility, no list of organisations
    "미국 기업 투자(엔비디아 주도)가 늘어남.",  # no list: one firm with more words
])
def test_no_home_without_a_plain_list(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert [x for x in links(ex, "headquarteredIn") if x[2].endswith((":list", ":note", ":paren"))] == []


def test_a_firm_named_after_another_written_beside_it_is_part_of_it(text_reader):
    r, ex = text_reader
    r.read("구글은 딥마인드라는 연구 조직을 보유.", LOC, ())
    assert links(ex, "partOf") == [("google-deepmind", "google", "text:name-parent")]


def test_a_firm_named_after_another_alone_states_no_parent(text_reader):
    r, ex = text_reader
    r.read("Google DeepMind는 새 모델을 공개.", LOC, ())  # the parent only inside the name itself
    assert links(ex, "partOf") == []


def test_customers_listed_with_country_modifiers_are_the_topics_customers(text_reader):
    r, ex = text_reader
    r.read("팔란티어는 이미 NHS나 美 HCA 헬스케어 등 주요 기관을 고객으로 확보.", LOC, ())
    assert links(ex, "customerOf") == [("hca-healthcare", "palantir", "text:customer"),
                                       ("national-health-service", "palantir", "text:customer")]


def test_recipients_listed_before_their_kind_are_the_providers_customers(text_reader):
    r, ex = text_reader
    r.read("팔란티어는 NSA, CIA 등 정보 기관에 솔루션을 제공.", LOC, ())
    assert links(ex, "customerOf") == [("central-intelligence-agency", "palantir", "text:customer"),
                                       ("national-security-agency", "palantir", "text:customer")]
    r.read("팔란티어는 여러 정부 기관에 솔루션을 제공.", LOC, ())  # no list: no one named
    assert len(links(ex, "customerOf")) == 2


def test_a_chance_given_is_no_provision(text_reader):
    r, ex = text_reader
    r.read("메타의 프로젝트들은 엔비디아에 큰 수익 기회를 제공.", LOC, ())
    assert links(ex, "customerOf") == []


def test_two_firms_set_against_each_other_compete(text_reader):
    r, ex = text_reader
    r.read("엔비디아 VS 테슬라", LOC, ())
    assert links(ex, "competesWith") == [("nvidia", "tesla", "text:versus")]


def test_a_firm_described_as_a_groups_member(text_reader):
    r, ex = text_reader
    r.read("BlueForge Alliance의 핵심 멤버인 팔란티어가 참여.", LOC, ())
    assert links(ex, "memberOf") == [("palantir", "blueforge-alliance", "text:member:described")]


def test_a_member_of_a_technology_is_left_unsaid(text_reader):
    r, ex = text_reader
    r.read("UALink마저 핵심 멤버인 브로드컴의 이탈로 지연될 전망.", LOC, ())  # a standard: no organisation
    assert links(ex, "memberOf") == []


def test_a_persons_former_places_before_the_word_for_coming_from(text_reader):
    r, ex = text_reader
    r.read("창업자 양즈린은 칭화대/카네기멜론, 前 메타/구글브레인 출신.", LOC, ())
    # the firms are former employers, the universities the schools (educatedAt, education.py)
    assert [x for x in links(ex, "affiliatedWith") if x[2] == "text:alumnus"] == [
        ("yang-zhilin", o, "text:alumnus") for o in ("google-brain", "meta")]
    assert [x for x in links(ex, "educatedAt") if x[2] == "text:alumnus"] == [
        ("yang-zhilin", o, "text:alumnus") for o in ("carnegie-mellon-university", "tsinghua-university")]


def test_a_chart_of_a_products_customers_names_its_buyers_in_the_legend(text_reader):
    r, ex = text_reader
    r.legend_customers("NVL72 랙 시스템의 주력 고객사들 비중 추정", ["■ 마이크로소프트 ■ 메타", "■ xAI/테슬라 ■ 기타"], LOC, ())
    assert links(ex, "procures") == [(f, "nvidia-gb200-nvl72", "figure:customer-legend:procures")
                                     for f in ("meta", "microsoft", "tesla", "xai")]


def test_a_chart_of_a_products_specifications_names_no_buyers(text_reader):
    r, ex = text_reader
    r.legend_customers("NVL72 랙 시스템의 전력 비중 추정", ["■ 마이크로소프트 ■ 메타"], LOC, ())
    assert links(ex, "procures") == []


@pytest.mark.parametrize("sentence, prop, expected", [
    ("xAI는 X(실시간 데이터), 테슬라(주행 데이터)로부터 고품질 데이터를 받을 수 있음.", "suppliedBy",
     [("xai", "tesla"), ("xai", "x-corp")]),
    ("메타는 구글로부터 TPU를 구매할 계획.", "customerOf", [("meta", "google")]),
])
def test_what_the_clauses_firm_receives_or_buys_from_the_organisations_marked_from(text_reader, sentence, prop,
                                                                                   expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert links(ex, prop) == [(*e, "text:received-from:clause") for e in expected]


def test_a_receiver_named_after_the_verb_is_left_to_the_supply_frame(text_reader):
    r, ex = text_reader
    r.read("자체 칩 준비 중인 OpenAI와 아마존으로부터 칩을 공급받는 Anthropic이 수요의 30% 차지.", LOC, ())
    assert [x for x in links(ex, "suppliedBy") if "received-from" in x[2]] == []


def test_a_table_headed_rivals_lists_the_rivals_of_the_firm_its_caption_names(text_reader):
    from petaflop.extract.rival_tables import caption_rival_owner

    r, _ = text_reader
    caption = ["Momenta가 바라보는 자율주행 업체들의 위상", "테슬라는 궁극의 업체"]
    assert caption_rival_owner("경쟁사", caption, r.res) == "momenta"
    assert caption_rival_owner("기업", caption, r.res) is None  # not a column of rivals
    assert caption_rival_owner("경쟁사", ["Momenta와 테슬라의 위상"], r.res) is None  # whose rivals: not said


@pytest.mark.parametrize("cell, prose", [
    ("H20 대체", True),                                   # a bare "stands in for" cell is read as prose
    ("화웨이가 CUDA의 대체재인 “CANN”을 공개", True),
    ("대체 생태계", False),                                # the word inside a label is no frame
    ("H100", False),
])
def test_a_cell_naming_an_alternative_is_read_as_prose(cell, prose):
    from petaflop.extract.cell_text import prose_cell

    assert prose_cell(cell) is prose


@pytest.mark.parametrize("sentence, expected", [
    ("물량의 80%를 마이크로소프트와 같은 미국 기업에 제공.", [("microsoft", "united-states")]),
    ("통제가 화웨이와 같은 중국 기업에 기회.", [("huawei", "china")]),
    ("엔비디아와 같은 미국 칩 수출이 줄어듦.", []),        # no word of firms after the place
])
def test_a_firm_given_as_an_example_of_a_places_firms_is_of_that_place(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert sorted((s, o) for s, o, _ in links(ex, "headquarteredIn")) == expected


@pytest.mark.parametrize("sentence, pair", [
    ("야간 비상 전원의 선택 — 배터리(BESS) vs 디젤", ("battery-energy-storage-system", "diesel-generator")),
    ("Megapack cost competitive vs diesel generators at our test site", ("tesla-megapack", "diesel-generator")),
])
def test_two_power_sources_set_against_each_other_compete(text_reader, sentence, pair):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert links(ex, "competesWith") == [(*pair, "text:versus")]


@pytest.mark.parametrize("sentence", [
    "엔비디아 vs 테슬라: 로봇 사업 전략 비교 분석",  # a comparison's title states no rivalry
    "BESS vs 테슬라",  # a power source and a firm are not of one kind
])
def test_a_comparison_or_a_pair_of_two_kinds_is_no_rivalry(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert links(ex, "competesWith") == []
