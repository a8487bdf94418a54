"""A person named by a bare title after the sentence about an organisation heads it (text_bare_title.py), and
a caption entity's before/after table is read like a table over periods (table_states.py) — on sentences and
tables of our own, with look-alikes that state nothing."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location
from petaflop.extract.table_states import state_columns
from tests.test_table_reader import make_table

LOC = Location(10, 10, "I", "test slide")


def leads(ex) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity and f.predicate == "leads")


def test_a_bare_title_after_a_sentence_about_a_firm_names_its_head(text_reader):
    r, ex = text_reader
    r.read("프랑스 기업 Mistral AI는 새 모델을 공개. CEO 리사 수는 효율을 강조.", LOC, ())
    assert ("lisa-su", "mistral-ai", "text:bare-title:leads") in leads(ex)


def test_a_founder_on_the_next_line_of_the_same_slide_founded_the_firm_but_may_not_lead_it(text_reader):
    r, ex = text_reader
    r.read("- Mistral AI는 평범한 스타트업은 아님.", LOC, ())
    r.read("- 창업자 리사 수는 일찍이 간파.", Location(11, 11, "I", "test slide"), ())
    r.read("- 공동창업자 샘 알트만은 말함.", Location(12, 12, "I", "test slide"), ())
    assert leads(ex) == []  # a founder may have left: no "leads", an affiliation judged apart
    assert sorted((f.subject, str(f.obj), f.predicate, f.rule) for f in ex.facts if "bare-title" in f.rule) == [
        ("lisa-su", "mistral-ai", "affiliatedWith", "text:bare-title:founder"),
        ("sam-altman", "mistral-ai", "affiliatedWith", "text:bare-title:founder")]
    r.read("- Mistral AI는 평범한 스타트업은 아님.", Location(20, 20, "I", "test slide"), ())
    r.read("- 대표 리사 수는 일찍이 간파.", Location(21, 21, "I", "test slide"), ())
    assert leads(ex) == [("lisa-su", "mistral-ai", "text:bare-title:leads")]  # a head's title leads


def test_no_head_across_slides_far_lines_or_without_a_bare_title(text_reader):
    r, ex = text_reader
    r.read("- Mistral AI는 평범한 스타트업은 아님.", LOC, ())
    r.read("- 창업자 리사 수는 일찍이 간파.", Location(11, 11, "I", "another slide"), ())
    r.read("- Mistral AI는 평범한 스타트업은 아님.", Location(20, 20, "I", "third slide"), ())
    r.read("- 창업자 리사 수는 일찍이 간파.", Location(25, 25, "I", "third slide"), ())
    r.read("Mistral AI는 새 모델을 공개. 연구원 리사 수는 효율을 강조.", Location(30, 30, "I", "x"), ())
    assert [f for f in ex.facts if f.rule.startswith("text:bare-title:")] == []


def test_before_and_after_columns_are_states_of_the_caption_entity(table_reader):
    assert state_columns(["구분", "기존 방식 (Before)", "AI 도입 후 변화 (After)"])
    assert state_columns(["항목", "도입 전", "도입 후"])
    assert not state_columns(["구분", "도입 후", "도입 후"])
    assert not state_columns(["구분", "Mistral AI", "Anthropic"])
    r, ex = table_reader
    r.read(make_table(["Mistral AI의 AI 도입에 따른 조직 변화"], ["구분", "기존 방식 (Before)", "AI 도입 후 변화 (After)"],
                      [["인력 규모", "직원 약 900명", "약 700명으로 감축"], ["도입 전략", "인간 중심", "에이전트 배포"]]))
    got = {(s.subject, s.kind, s.value) for s in ex.statements}
    assert got == {("mistral-ai", "employeeCount", Decimal("900")), ("mistral-ai", "employeeCount", Decimal("700"))}
    assert all(s.rule.endswith(":period-rows") and s.time is None for s in ex.statements)


def test_an_appositive_founders_title_is_an_affiliation_read_apart(text_reader):
    r, ex = text_reader
    r.read("2025년 1월, 구글 딥마인드 창립자 데미스 하사비스는 계획을 밝혔음.", LOC, ())
    r.read("- 이미 오라클 창업자/CTO인 래리 엘리슨은 말한 바 있음.", Location(12, 12, "I", "x"), ())
    r.read("- 데미스 하사비스는 OpenAI의 공동창업자임.", Location(13, 13, "I", "y"), ())
    got = sorted((f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.rule.startswith("text:appositive"))
    assert got == [("demis-hassabis", "affiliatedWith", "google-deepmind", "text:appositive:founder"),
                   ("demis-hassabis", "affiliatedWith", "openai", "text:appositive:founder"),
                   ("larry-ellison", "affiliatedWith", "oracle", "text:appositive:affiliatedWith")]  # and a staff title


def test_a_row_of_founders_in_a_firms_profile_names_affiliations_not_heads(table_reader):
    r, ex = table_reader
    r.read(make_table(["Mistral AI에 대한 기업 개요"], ["항목", "내용"],
                      [["설립", "2023년 3월"], ["창립 멤버", "리사 수 - 前 구글 연구원"], ["CEO", "샘 알트만"]]))
    got = {(f.subject, f.predicate, str(f.obj)) for f in ex.facts if f.rule.startswith("table-reader:")
           and f.predicate in ("leads", "affiliatedWith") and str(f.obj) == "mistral-ai"}
    assert got == {("lisa-su", "affiliatedWith", "mistral-ai"), ("sam-altman", "leads", "mistral-ai")}


def test_a_head_title_after_the_name_or_said_of_it_names_the_head_of_the_previous_sentences_firm(text_reader):
    r, ex = text_reader
    r.read("Mistral AI는 새 모델을 공개. 리사 수 CEO는 효율을 강조.", LOC, ())
    r.read("- Anthropic는 평범한 스타트업은 아님. CEO인 샘 알트만은 말함.", Location(20, 20, "I", "x"), ())
    assert ("lisa-su", "mistral-ai", "text:bare-title:leads") in leads(ex)
    assert ("sam-altman", "anthropic", "text:bare-title:leads") in leads(ex)


def test_a_title_after_a_name_that_does_not_open_the_sentence_or_no_head_title_names_no_head(text_reader):
    r, ex = text_reader
    r.read("Mistral AI는 새 모델을 공개. 이에 대해 리사 수 CEO는 효율을 강조.", LOC, ())
    r.read("Anthropic는 새 모델을 공개. 샘 알트만 CFO는 효율을 강조.", Location(20, 20, "I", "x"), ())
    r.read("Anthropic는 새 모델을 공개. 샘 알트만 CEO 시절의 일.", Location(30, 30, "I", "y"), ())
    assert [f for f in ex.facts if f.rule.startswith("text:bare-title:")] == []


def test_a_head_title_after_the_name_opening_a_timeline_row_names_its_one_actors_head(gaz):
    from types import SimpleNamespace

    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor
    from petaflop.extract.text_reader import TextReader

    ex = Extraction()
    res = Resolver(gaz, ex)
    text = TextReader(res, use_kiwi=False)
    text.start_slide("")
    mapping = next(m for m in load_mappings() if m.id == "export-control-timeline")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], res, SimpleNamespace(mine=lambda *a, **k: []),
                        lambda t: (), text=text)
    te._events(make_table(["미국의 칩 수출 규제 관련 타임라인"], ["날짜", "주체", "내용"], [
        ["1월 6일", "Anthropic", "리사 수 CEO, 기존 규제를 지지하며 추가 규제를 촉구."],
        ["1월 9일", "미국 트럼프 정부", "샘 알트만 CEO가 백악관을 방문."],  # an actor that is no firm: no head
        ["1월 12일", "Anthropic, 엔비디아", "샘 알트만 CEO가 만찬."]]), mapping)  # two actors: whose?
    assert {(f.subject, str(f.obj), f.rule) for f in ex.facts if f.predicate == "leads"} == {
        ("lisa-su", "anthropic", "text:bare-title:leads")}


def test_a_head_title_after_the_name_on_a_slide_about_one_firm(text_reader):
    r, ex = text_reader
    slide = "III. AI 플레이어 분석: Mistral AI의 진짜 승부수"
    r.start_slide(slide)
    r.read("- 주요 고객은 유럽의 은행들.", Location(40, 40, "III", slide), ())
    r.read("- 리사 수 CEO는 효율을 확신. 샘 알트만 CFO가 재직 4개월 만에 회사를 떠났고.", Location(41, 41, "III", slide), ())
    assert sorted((f.subject, f.predicate, str(f.obj), f.rule, f.qualifiers) for f in ex.facts
                  if f.rule.startswith("text:bare-title:")) == [
        ("lisa-su", "leads", "mistral-ai", "text:bare-title:slide", ()),
        ("sam-altman", "affiliatedWith", "mistral-ai", "text:bare-title:slide", ("former",))]
