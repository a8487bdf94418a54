"""Maker-product links of petaflop/extract/genitive_far.py and caption_maker.py on sentences and
tables of our own: the far genitive, the bare maker before a technology, a slide title, the maker
of a relative clause, products made at an organisation, and products under a caption naming
their maker — and the readings each construction must refuse."""
from __future__ import annotations

import pytest

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Extraction, Location
from petaflop.extract.resolve import Resolver
from petaflop.extract.text_reader import TextReader

LOC = Location(10, 10, "VIII", "test slide")


def made(ex: Extraction) -> set[tuple[str, str, str, str]]:
    return {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts
            if f.obj_is_entity and f.predicate in ("designedBy", "developedBy", "offeredBy")}


@pytest.mark.parametrize(("sentence", "fact"), [
    ("AMD의 AI 칩 “MI355X”는 가격이 낮음.", ("amd-mi355x", "designedBy", "amd", "text:genitive-far")),
    ("AMD의 1,000W 공랭식 MI350X GPU는 유일한 옵션.", ("amd-mi350x", "designedBy", "amd", "text:genitive-far")),
    ("엔비디아 Hopper 시리즈가 먼저 출시됨.", ("nvidia-hopper", "designedBy", "nvidia", "text:modifier:designedBy@329")),
    ("엔비디아 “H20”의 성능이 높음.", ("nvidia-h20", "designedBy", "nvidia", "text:modifier:designedBy@329")),
    ("TSMC의 CoWoS 패키징 기술을 쓰지 않음.", ("cowos", "developedBy", "tsmc", "text:genitive:developedBy@381")),
    ("중국 스타트업 Butterfly Effect Technology가 개발한 AI 서비스 Manus는 본사를 옮김.",
     ("manus", "developedBy", "butterfly-effect-technology", "text:made-by-relative")),
    ("화웨이가 수년 전부터 구상하고 완성해 온 CloudMatrix384는 주목받음.",
     ("huawei-cloudmatrix384", "designedBy", "huawei", "text:made-by-relative")),
])
def test_a_maker_a_few_words_before_its_product(text_reader, sentence, fact):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert fact in made(ex)


@pytest.mark.parametrize(("sentence", "fact"), [
    ("High (자체개발: Meta 2세대 'Artemis' 칩 공식 공개)", ("meta-artemis", "meta")),
    ("High (자체개발: AWS Trainium 훈련용 ASIC 공개)", ("aws-trainium", "amazon-web-services")),  # one name
])
def test_a_thing_of_its_makers_own_development(text_reader, sentence, fact):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    r.read("엔비디아 의존 탈피를 위한 Meta 2세대 'Artemis' 칩 공개", LOC, ())  # no "자체 개발": not this rule
    assert {(s, o) for s, p, o, rule in made(ex) if rule == "text:own-development" and p == "developedBy"} == {fact}


def test_products_listed_between_where_and_a_making_verb_are_that_organisations(text_reader):
    r, ex = text_reader
    r.read("마이크로소프트에서 소형 언어 모델(예: phi-1.5, Phi-3, Phi-4) 개발에 기여", LOC, ())
    assert {(p, "microsoft") for p in ("phi-1-5", "phi-3", "phi-4")} == {
        (s, o) for s, _, o, rule in made(ex) if rule == "text:made-at"}


@pytest.mark.parametrize(("refused", "read"), [
    # a particle ends the noun phrase: the product is not what the organisation's phrase governs
    ("알리바바의 경영진은 Qwen을 높이 평가.", "알리바바의 최신 모델 Qwen은 인기."),
    # rivalry: a rival of the organisation's chip is not its product
    ("엔비디아의 칩 대항마 MI355X는 저렴함.", "엔비디아의 AI 칩 MI355X는 저렴함."),
    # the product comes after another organisation: it was made there, not at the first
    ("마이크로소프트에서 일하다 OpenAI로 옮겨 GPT-4o를 개발", "마이크로소프트에서 GPT-4o를 개발"),
])
def test_no_maker_across_a_phrase_boundary_or_a_rivalry(gaz, refused, read):
    def far_links(sentence: str) -> set:
        ex = Extraction()
        r = TextReader(Resolver(gaz, ex), use_kiwi=False)
        r.start_slide("")
        r.read(sentence, LOC, ())
        return {x for x in made(ex) if x[3] in ("text:genitive-far", "text:made-at")}

    assert far_links(read), read  # the construction itself is read (the refusal is not vacuous)
    assert not far_links(refused), refused


def test_a_slide_title_names_a_maker_and_its_product(text_reader):
    r, ex = text_reader
    r.read_title("[참고] 엔비디아의 차세대 랙 아키텍처 “Kyber”는 고밀도 집적의 정수", LOC)
    r.read_title("VI. 소버린 AI: 미국의 수출규제", LOC)
    assert made(ex) == {("nvidia-kyber", "designedBy", "nvidia", "title:maker")}


def _table(caption: str, header: list[str], rows: list[list[str]]) -> Table:
    line = 100
    head = [Cell(h, h, line, j + 1) for j, h in enumerate(header)]
    body = [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)]) for i, r in enumerate(rows)]
    return Table("T-01-1", Span(line - 1, line + len(rows)), [caption], head, body, chapter="VIII",
                 slide_title="VIII. 테스트: 표", column_labels=header)


def test_products_under_a_caption_naming_their_maker(table_reader):
    reader, ex = table_reader
    reader.read(_table("줄줄이 출시를 앞두고 있는 AMD의 신제품들", ["칩", "출시일자", "TDP (W)"],
                       [["MI350X", "2025년 중반", "1,000"], ["MI355X", "2025년 하반기", "1,400"]]))
    assert {(s, o) for s, _, o, rule in made(ex) if rule == "table-reader:maker@caption"} == {
        ("amd-mi350x", "amd"), ("amd-mi355x", "amd")}


@pytest.mark.parametrize(("caption", "header"), [
    ("AMD의 신제품들", ["칩", "제조사", "TDP (W)"]),  # the table says who makes each row's chip
    ("AMD의 MI355X 세부 사양", ["칩", "출시일자", "TDP (W)"]),  # a caption about one product
    ("AMD의 자체 GPU 칩인 MI300 라인업", ["칩", "출시일자", "TDP (W)"]),  # one product line's versions
    ("AMD 대비 엔비디아의 신제품들", ["칩", "출시일자", "TDP (W)"]),  # a comparison names two makers
    ("AMD의 락인효과를 더해줄 새로운 계층, “모델 최적화”", ["칩", "출시일자", "TDP (W)"]),  # not its products
])
def test_no_caption_maker_when_the_table_or_the_caption_says_otherwise(table_reader, caption, header):
    reader, ex = table_reader
    reader.read(_table(caption, header, [["MI350X", "2025년 중반", "1,000"], ["MI355X", "2025년 하반기", "1,400"]]))
    assert not {x for x in made(ex) if x[3] == "table-reader:maker@caption"}


def test_a_maker_before_a_kind_word_in_the_copula_names_the_products_maker(text_reader):
    r, ex = text_reader
    r.read("특히 테슬라 휴머노이드인 Optimus를 활용한 생산.", LOC, ())
    r.read("특히 테슬라 ESS인 Megapack을 활용한 부하 관리.", LOC, ())  # power equipment: text_power_maker's
    r.read("엔비디아 경쟁 제품인 MI300X는 저렴.", LOC, ())  # a rival's product: refused
    assert {(s, o) for s, _, o, rule in made(ex) if rule == "text:maker-appositive"} == {("tesla-optimus", "tesla")}
    assert ("tesla-megapack", "developedBy", "tesla", "text:power-maker") in made(ex)


def test_a_cell_with_a_verb_of_making_and_no_figure_is_read_as_prose():
    from petaflop.extract.cell_text import prose_cell

    assert prose_cell("DeepMind에서 LLM인 'Gopher'·'Chinchilla'를 이끈 경력")
    assert prose_cell("자체 발전소 건설")
    assert not prose_cell("구글 클라우드 기반 모델 개발 예정")  # a plan to make, not a clause of making
    assert not prose_cell("병렬 처리 능력 강화")


def test_a_contributor_at_an_organisation_names_a_product_made_there(text_reader):
    r, ex = text_reader
    r.read("xAI는 엔비디아에서 NeMO의 주요 공헌자인 연구원을 데려 옴.", LOC, ())
    assert ("nvidia-nemo", "nvidia") in {(s, o) for s, _, o, rule in made(ex) if rule == "text:made-at"}


def test_a_model_line_and_a_voice_project_are_named(gaz):
    assert [m.entity_id for m in gaz.find_mentions('강화학습으로 "o 시리즈"를 개척')] == ["openai-o-series"]
    assert [m.entity_id for m in gaz.find_mentions("'Maya' 프로젝트 총책임")] == ["maya"]


@pytest.mark.parametrize(("sentence", "fact"), [
    ("AMD가 핵심 제품 MI355X에 HBM을 더 얹음.", ("amd-mi355x", "offeredBy", "amd", "text:made-by-relative")),
    ("AMD가 주력으로 밀고 있는 칩 제품인, MI355X의 판매가 늘어남.",
     ("amd-mi355x", "offeredBy", "amd", "text:made-by-relative")),
])
def test_the_subject_naming_its_product_offers_it(text_reader, sentence, fact):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert fact in made(ex)


@pytest.mark.parametrize("sentence", [
    "메타가 구매한 제품 MI355X는 성능이 좋음.",  # a buyer's product is not its own
    "엔비디아가 경쟁 제품 MI355X를 의식함.",  # a rival's product
])
def test_a_bought_or_rival_product_is_not_offered(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert not {x for x in made(ex) if x[3] == "text:made-by-relative"}
