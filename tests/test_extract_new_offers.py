"""Wave 20, area C: a new plan or service "신설" in a timeline cell, written "X라는 <kind> 신설", dates the
product's release (petaflop/extract/text_frames.py); a firm's "생산" (what it produces) column names its
products as its work, as it names its models (attribute_lexicon.toml); memories listed before one verb of use
("A과 B를 조합") are each the chip's (text_frames.py). Sentences and tables of our own."""

from __future__ import annotations

from foundation.periods import parse_period
from petaflop.extract.facts import Location
from tests.test_table_reader import links, make_table

LOC = Location(10, 10, "III", "test slide")


def _dated(ex) -> set[tuple]:
    return {(s.subject, s.kind, s.time.text, s.rule) for s in ex.statements if s.kind.endswith("Date")}


def test_a_product_called_by_its_name_and_newly_set_up_is_released(text_reader):
    r, ex = text_reader
    r.read_cell("Claude Code(월 $90)라는 신규 요금제 신설", LOC, (), "", parse_period("2027-03-02"))
    assert _dated(ex) == {("claude-code", "releaseDate", "2027-03-02", "text-cell:event:dated")}


def test_a_name_called_so_before_a_release_verb_is_read_as_the_released_thing(text_reader):
    r, ex = text_reader
    r.read_cell("Claude Code라는 코딩 도구 출시", LOC, (), "", parse_period("2027-04"))
    assert _dated(ex) == {("claude-code", "releaseDate", "2027-04", "text-cell:event:dated")}


def test_an_organisation_set_up_or_a_model_is_no_release_by_that_verb(text_reader):
    r, ex = text_reader
    r.read_cell("Anthropic이라는 연구 조직 신설", LOC, (), "", parse_period("2027-03"))
    r.read_cell("Grok 전담 부서 신설", LOC, (), "", parse_period("2027-03"))
    assert not _dated(ex)


def test_a_produce_column_names_the_firms_products_as_its_developments(table_reader):
    r, ex = table_reader
    t = make_table(["가나다 그룹의 계열사별 역할"], ["핵심 주체", "생산", "순환 기여"],
                   [["xAI", "• 최신 AI 모델 (Grok, Claude Code)", "생태계 전체에 기술을 공급"], ["테슬라", "• 주행 데이터", "데이터를 공급"]])
    r.read(t)
    got = {(s, o) for s, o, _ in links(ex, "developedBy")}
    assert got == {("grok", "xai"), ("claude-code", "xai")}


def test_a_products_column_is_an_offer_not_a_development(table_reader):
    r, ex = table_reader
    t = make_table(["가나다 그룹 개요"], ["주체", "핵심 제품"], [["xAI", "Claude Code: 개발자용 도구"]])
    r.read(t)
    assert not {(s, o) for s, o, _ in links(ex, "developedBy")}


def _uses(ex) -> set[tuple]:
    return {(f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "usesMemory"}


def test_memories_listed_before_one_verb_of_use_are_each_the_chips(text_reader):
    r, ex = text_reader
    r.read("Trainium은 학습 전용 칩. HBM 대신에 SRAM과 LPDDR을 조합하여 원가를 낮춤.", LOC, ())
    assert _uses(ex) == {("aws-trainium", "sram", "text:adopts:hardware-topic"),
                         ("aws-trainium", "lpddr5", "text:adopts:hardware-topic")}


def test_a_listed_memory_before_another_verb_is_not_adopted(text_reader):
    r, ex = text_reader
    r.read("Trainium은 학습 전용 칩. SRAM과 HBM을 비교하면 LPDDR을 채택.", LOC, ())
    assert _uses(ex) == {("aws-trainium", "lpddr5", "text:adopts:hardware-topic")}


def test_an_owner_in_the_genitive_of_another_model_is_that_models_developer(mined):
    got = mined("자체 개발의 Llama 5 모델이 완성될 때까지 구글의 Gemini를 챗봇에 통합하는 방안을 개발.")
    dev = {(s, o) for s, p, o, r in got if p == "developedBy" and r == "relation:model-developer"}
    assert dev == {("gemini", "google")}
