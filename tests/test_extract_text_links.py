"""The link frames of text_links on sentences of our own: a described product, an organisation's home
country, its rivals, its parent and its partners — and the look-alikes that state none of them."""

from __future__ import annotations

import pytest

from petaflop.extract.count_links import add_count_chip_uses, add_count_procurements
from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.node_foundry import add_node_foundries

LOC = Location(10, 10, "VI", "test slide")


@pytest.fixture()
def reader(text_reader):
    return text_reader  # (TextReader, Extraction), tests/conftest.py


def links(ex: Extraction, prop: str) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity and f.predicate == prop)


def test_a_thing_described_as_an_organisations_product_is_its_work(reader):
    r, ex = reader
    r.read("AMD의 오픈소스 소프트웨어 플랫폼인 ROCm은 널리 쓰임.", LOC, ())
    # the genitive frame reads the same appositive under its lexicon entry's rule (tests below)
    assert links(ex, "developedBy") == [("rocm", "amd", "text:genitive-described:developedBy"),
                                        ("rocm", "amd", "text:genitive:developedBy@333")]


def test_a_product_named_in_parentheses_after_its_description_is_the_organisations_work(reader):
    r, ex = reader
    r.read("AMD의 오픈소스 소프트웨어 플랫폼(ROCm)을 결합.", LOC, ())
    r.read("AMD의 주가(ROCm 공개 이후)는 상승.", LOC, ())  # no product noun before the parenthesis
    assert links(ex, "developedBy") == [("rocm", "amd", "text:genitive-described:developedBy")]


def test_a_rival_described_as_an_organisations_product_is_not_its_work(reader):
    r, ex = reader
    r.read("AMD의 경쟁사 제품인 CUDA 대비 열세.", LOC, ())
    assert links(ex, "developedBy") == []


@pytest.mark.parametrize("sentence, how", [
    ("중국의 DeepSeek이 새 모델을 냄.", "genitive"),
    ("중국 AI 기업 DeepSeek은 새 모델을 냄.", "modifier"),
    ("중국의 선도적인 AI 스타트업인 DeepSeek은 새 모델을 냄.", "described"),
])
def test_a_country_before_an_organisation_is_its_home(reader, sentence, how):
    r, ex = reader
    r.read(sentence, LOC, ())
    assert links(ex, "headquarteredIn") == [("deepseek", "china", f"text:home-country:{how}")]


def test_a_country_abbreviation_before_an_agency_in_a_list_is_its_home(reader):
    r, ex = reader
    r.read("이미 英 NHS나 美 HCA 헬스케어 등 주요 기관을 고객으로 확보.", LOC, ())
    assert links(ex, "headquarteredIn") == [("hca-healthcare", "united-states", "text:home-country:modifier"),
                                            ("national-health-service", "united-kingdom", "text:home-country:modifier")]


@pytest.mark.parametrize("sentence", [
    "화웨이는 이제 ‘중국의 엔비디아’로 불림.",  # a metaphor
    "미국의 엔비디아 칩 수출이 늘어남.",  # a compound: the country's exports of the firm's chips
])
def test_a_metaphor_or_a_compound_is_no_home(reader, sentence):
    r, ex = reader
    r.read(sentence, LOC, ())
    assert links(ex, "headquarteredIn") == []


def test_rivals_after_the_word_compete_with_the_clauses_topic(reader):
    r, ex = reader
    r.read("인텔은 경쟁사인 AMD, 엔비디아와 달리 부진.", LOC, ())
    assert links(ex, "competesWith") == [("intel", "amd", "text:rival:clause"),
                                         ("intel", "nvidia", "text:rival:clause")]


def test_rivals_of_a_genitive_and_a_list_before_the_verb(reader):
    r, ex = reader
    r.read("엔비디아의 경쟁사인 AMD가 성장.", LOC, ())
    r.read("딥시크는 바이두, 텐센트 등과 경쟁.", LOC, ())
    assert links(ex, "competesWith") == [("deepseek", "baidu", "text:rival:clause"),
                                         ("deepseek", "tencent", "text:rival:clause"),
                                         ("nvidia", "amd", "text:counterpart:genitive")]


def test_a_subsidiary_is_part_of_its_parent(reader):
    r, ex = reader
    r.read("Microsoft의 자회사 GitHub가 성장.", LOC, ())
    assert links(ex, "partOf") == [("github", "microsoft", "text:subsidiary")]


def test_partners_named_with_and_a_partnership_word(reader):
    r, ex = reader
    r.read("AMD는 AWS, OpenAI 등과 협력을 강화.", LOC, ())
    assert links(ex, "partnerOf") == [("amd", "amazon-web-services", "text:partner:with:clause"),
                                      ("amd", "openai", "text:partner:with:clause")]


def test_partners_of_a_project_carried_out_with_them(reader):
    r, ex = reader
    r.read("AMD는 AWS/OpenAI와 50MW 규모 프로젝트를 진행 중.", LOC, ())
    r.read("AMD는 AWS와 프로젝트 비용을 논의.", LOC, ())
    assert links(ex, "partnerOf") == [("amd", "amazon-web-services", "text:partner:with:clause"),
                                      ("amd", "openai", "text:partner:with:clause")]


def test_a_partnership_of_a_listed_pair(reader):
    r, ex = reader
    r.read("OpenAI와 Oracle의 협력으로 진행.", LOC, ())
    assert links(ex, "partnerOf") == [("openai", "oracle", "text:partner:pair")]


def test_chips_made_on_a_firms_process_are_made_by_it(reader):
    r, ex = reader
    r.read("H100과 H200은 TSMC의 4nm 공정으로 생산.", LOC, ())
    assert links(ex, "fabricatedBy") == [("nvidia-h100", "tsmc", "text:foundry:process"),
                                         ("nvidia-h200", "tsmc", "text:foundry:process")]


def test_a_foundry_written_in_a_nodes_name_makes_the_chips_on_it(reader):
    r, ex = reader
    r.read("910B와 910C는 TSMC의 7nm 공정으로 제작.", LOC, ())
    assert links(ex, "fabricatedOn") == [("huawei-ascend-910b", "tsmc-7nm", "text:foundry:process-node"),
                                         ("huawei-ascend-910c", "tsmc-7nm", "text:foundry:process-node")]
    add_node_foundries(ex, r.res.gaz, lambda e: e.id)
    assert links(ex, "fabricatedBy") == [("huawei-ascend-910b", "tsmc", "derived:node-foundry"),
                                         ("huawei-ascend-910c", "tsmc", "derived:node-foundry")]


def test_a_chip_on_a_named_node_is_made_by_the_foundry_written_there(gaz):
    ex = Extraction()
    loc = Location(5, 5, "VI")
    ex.add(Fact("nvidia-h100", "fabricatedOn", "tsmc-n4p", True, loc, "table:x:fabricatedOn", raw="TSMC N4P"))
    ex.add(Fact("nvidia-h200", "fabricatedOn", "tsmc-n4p", True, loc, "table:x:fabricatedOn", raw="N4P"))
    add_node_foundries(ex, gaz, lambda e: e.id)
    assert [(f.subject, f.obj, f.rule) for f in ex.facts if f.predicate == "fabricatedBy"] == [
        ("nvidia-h100", "tsmc", "derived:node-foundry")]  # "N4P" alone does not write the foundry


def test_partners_named_by_the_noun_and_a_list_of_owners_names_none(reader):
    r, ex = reader
    r.read("OpenAI의 최대 파트너인 Microsoft가 투자.", LOC, ())
    r.read("구글, 아마존의 파트너들(Anthropic, xAI)이 성장.", LOC, ())
    assert links(ex, "partnerOf") == [("openai", "microsoft", "text:counterpart:genitive")]


def test_a_product_of_a_firm_in_the_genitive_is_its_work(reader):
    r, ex = reader
    r.read("구글의 Gemini 앱이 인기.", LOC, ())
    r.read("DeepSeek의 DeepSeek R1이 인기.", LOC, ())
    assert links(ex, "developedBy") == [("deepseek-r1", "deepseek", "text:genitive:developedBy@333"),
                                        ("gemini-app", "google", "text:genitive:developedBy@333")]


def test_a_minister_leads_the_ministry_and_a_former_one_nothing(reader):
    r, ex = reader
    r.read("하워드 루트닉 상무부 장관이 발표.", LOC, ())
    r.read("前 하워드 루트닉 상무부 장관이 발표.", LOC, ())
    assert links(ex, "leads") == [("howard-lutnick", "us-department-of-commerce", "text:appositive:leads")]


def test_an_organisations_count_of_a_chip_is_a_purchase_but_not_a_handful_or_its_own(reader):
    r, ex = reader
    r.read("xAI는 20만 개의 H100을 가동 중.", LOC, ())
    r.read("xAI는 2개의 H100을 비교.", LOC, ())
    add_count_procurements(ex)
    assert links(ex, "procures") == [("xai", "nvidia-h100", "derived:count-procures")]


def test_an_estimated_holding_is_a_purchase_judged_apart(reader):
    r, ex = reader
    r.read("OpenAI는 20만 개의 H200을 보유한 것으로 추정.", LOC, ())
    add_count_procurements(ex)
    assert links(ex, "procures") == [("openai", "nvidia-h200", "derived:count-procures:estimate")]
    # the link is an estimate with its count (a link statement, never the plain triple); a bought count's is actual
    r.read("xAI는 20만 개의 H100을 구매.", LOC, ())
    add_count_procurements(ex)
    assert sorted({(str(f.obj), f.link_status) for f in ex.facts if f.predicate == "procures"}) == [
        ("nvidia-h100", ""), ("nvidia-h200", "estimate")]


def test_a_clusters_count_of_a_chip_is_a_use_and_an_equivalent_is_none(reader):
    r, ex = reader
    r.read("Cortex 1.0은 H100 GPU 6.7만개, Cortex 2.0은 최대 15만 개의 H100과 동등 용량으로 추산", LOC, ())
    add_count_chip_uses(ex)
    assert links(ex, "usesChip") == [("tesla-cortex", "nvidia-h100", "derived:count-uses-chip")]
    assert [(s.subject, s.kind) for s in ex.statements if s.subject == "tesla-cortex-2-0"] == [
        ("tesla-cortex-2-0", "h100EquivalentCount")]


def test_a_model_released_by_the_clauses_subject_is_its_work(reader):
    r, ex = reader
    r.read("지난 8월 OpenAI가 오픈소스 모델 gpt-oss를 출시.", LOC, ())
    r.read("OpenAI가 gpt-oss를 출시할 예정.", LOC, ())
    assert links(ex, "developedBy") == [("gpt-oss", "openai", "text:release-by:developedBy")]


def test_a_thing_made_by_the_clauses_subject_is_its_work_a_person_too(reader):
    r, ex = reader
    r.read("얀 르쿤은 연구자 다수가 쓰는 프레임워크 'PyTorch'를 만든 인물.", LOC, ())
    r.read("OpenAI가 gpt-oss를 만든 이유는 단순.", LOC, ())
    r.read("얀 르쿤은 PyTorch를 출시.", LOC, ())  # a release by a person is not read: only a making verb
    assert links(ex, "developedBy") == [("gpt-oss", "openai", "text:release-by:developedBy"),
                                        ("pytorch", "yann-lecun", "text:release-by:developedBy")]


def test_an_alliance_written_as_its_members_has_them(reader):
    r, ex = reader
    r.read("화웨이+SMIC 연합전선이 부상.", LOC, ())
    assert links(ex, "memberOf") == [("huawei", "huaweismic-united-front", "text:named-members:memberOf"),
                                     ("smic", "huaweismic-united-front", "text:named-members:memberOf")]


def test_a_partnership_written_as_its_parties_makes_them_partners_found_by_name(reader):
    from petaflop.extract.gate import _margins

    r, ex = reader
    r.read("팔란티어+TeleTracking 협업이 병원 운영을 바꿈.", LOC, ())
    assert links(ex, "partnerOf") == [("palantir", "teletracking", "text:named-members:partnerOf")]
    # the pattern finds both parties: the gate's back-off pools it by its construction and by its relation
    assert _margins("text:named-members:partnerOf") == ("text:named-members", "property:partnerOf")


def test_a_chip_made_public_by_a_firm_is_announced_by_it_not_designed(reader):
    r, ex = reader
    r.read("화웨이는 지난달 Ascend 910C를 공개.", LOC, ())
    assert links(ex, "announcedBy") == [("huawei-ascend-910c", "huawei", "text:release-by:announcedBy")]
    assert [f for f in links(ex, "designedBy") if "release-by" in f[2]] == []


@pytest.mark.parametrize("sentence, expected", [
    ("HD현대 자회사 Avikus 개발 시스템", ("avikus", "hd-hyundai")),
    ("GUC (TSMC 자회사)", ("global-unichip-corporation", "tsmc")),
    ("라이프니츠 슈퍼컴퓨팅 센터(LRZ: 바이에른 과학 아카데미 산하의 연구 센터)에 공급",
     ("leibniz-supercomputing-centre", "bavarian-academy-of-sciences")),
    ("美 육군 예비군 산하 특수부대인 Detachment 201에 임관.", ("detachment-201", "us-army-reserve")),
])
def test_a_word_of_parenthood_between_two_names_makes_one_part_of_the_other(reader, sentence, expected):
    r, ex = reader
    r.read(sentence, LOC, ())
    assert links(ex, "partOf") == [(*expected, "text:subsidiary")]


def test_a_gloss_without_a_word_of_parenthood_is_no_parent(reader):
    r, ex = reader
    r.read("엔비디아(NVDA: 나스닥 상장사)와 TSMC(대만: 최대 파운드리)", LOC, ())
    assert links(ex, "partOf") == []


def test_a_cell_of_names_with_a_note_gives_their_home_and_parent(reader):
    r, ex = reader
    r.read_name_cell("Jacobs, AECOM 등 (미국 기업)", LOC, ())
    r.read_name_cell("MGX / PIF (사우디)", LOC, ())
    r.read_name_cell("GUC (TSMC 자회사)", LOC, ())
    r.read_name_cell("AECOM", LOC, ())  # a name alone states nothing
    assert links(ex, "headquarteredIn") == [("aecom", "united-states", "text:home-country:note"),
                                           ("jacobs", "united-states", "text:home-country:note"),
                                           ("public-investment-fund", "saudi-arabia", "text:home-country:note")]
    assert links(ex, "partOf") == [("global-unichip-corporation", "tsmc", "text:subsidiary")]


def test_a_product_in_an_appositive_after_the_genitive_is_its_work_but_not_a_rivals(reader):
    r, ex = reader
    r.read("엔비디아의 자체 네트워크 제품인 NVLink는 빠름.", LOC, ())
    r.read("AMD의 경쟁사 제품인 CUDA 대비 열세.", LOC, ())
    r.read("AMD의 최대 파트너인 NVLink가 성장.", LOC, ())
    assert [x for x in links(ex, "developedBy") if x[2].startswith("text:genitive:")] == [
        ("nvlink", "nvidia", "text:genitive:developedBy@381")]


def test_a_leased_or_run_count_is_judged_apart_from_a_purchase(reader):
    r, ex = reader
    lines = ["메타는 H100 GPU 5만 개를 6개월간 임대해 모델을 훈련.", "메타는 H200 약 3천 대 운영 중.",
             "메타는 B200 4만 개 구매 후 가동."]
    for n, line in enumerate(lines, start=1):
        r.read(line, Location(n, n, "VI", "test slide"), ())
    add_count_procurements(ex, lines)
    assert [x for x in links(ex, "procures") if x[2].startswith("derived:")] == [
        ("meta", "nvidia-b200", "derived:count-procures"), ("meta", "nvidia-h100", "derived:count-procures:leased"),
        ("meta", "nvidia-h200", "derived:count-procures:operates")]
