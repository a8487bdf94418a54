"""People written with their organisation: a bare descriptor between an organisation without particle and
the person ("<org> 수학 천재 <person>") is an affiliation, but not a rival's or partner's word, a conjunction
or a verb's modifier; a title hedged by the writer ("<org>의 … 설계자라고 볼 수 있는 <person>") is still a
title; and a lab's name written after a university ("MIT SEAL") still names the university — on sentences
of our own."""

from __future__ import annotations

from petaflop.extract.facts import Location

LOC = Location(10, 10, "I", "test slide")
RULE = "text:appositive:affiliatedWith"


def links(ex, prop: str) -> set[tuple[str, str, str]]:
    return {(f.subject, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity and f.predicate == prop}


def test_a_bare_descriptor_between_an_organisation_and_its_person_is_an_affiliation(text_reader):
    r, ex = text_reader
    r.read("올해 초 엔비디아 수학 천재 리사 수 “속도가 빨라질 것”이라고 말했다.", LOC, ())
    r.read("구글 엔지니어 샘 알트만이 돌아왔다.", LOC, ())
    assert links(ex, "affiliatedWith") == {("lisa-su", "nvidia", RULE), ("sam-altman", "google", RULE)}
    assert links(ex, "leads") == set()


def test_a_rivals_word_a_conjunction_a_particle_or_a_verb_names_no_affiliation(text_reader):
    r, ex = text_reader
    r.read("엔비디아 경쟁사 대표 리사 수가 말했다.", LOC, ())
    r.read("엔비디아 vs 리사 수의 대결.", LOC, ())
    r.read("엔비디아와 리사 수가 만났다.", LOC, ())
    r.read("구글을 떠난 샘 알트만이 돌아왔다.", LOC, ())
    r.read("구글 떠난 샘 알트만이 돌아왔다.", LOC, ())
    assert links(ex, "affiliatedWith") == set()
    assert links(ex, "leads") == set()


def test_a_title_hedged_by_the_writer_is_still_the_title(text_reader):
    r, ex = text_reader
    r.read("구글의 칩 정책 설계자라고 볼 수 있는 샘 알트만은 새 계획을 평가.", LOC, ())
    r.read("엔비디아의 서버 설계자인 리사 수가 말했다.", LOC, ())
    titled = {x for x in links(ex, "affiliatedWith") if x[2] == RULE}
    assert titled == {("sam-altman", "google", RULE), ("lisa-su", "nvidia", RULE)}


def test_a_lab_written_after_a_university_still_names_the_university(gaz):
    assert [m.entity_id for m in gaz.find_mentions("MIT SEAL 헤드; NYU 박사")][:1] == ["mit"]


def test_a_title_as_the_predicate_of_its_person_is_the_same_link(text_reader):
    r, ex = text_reader
    r.read("리사 수는 엔비디아의 서버 설계를 총괄. 새 칩이 나왔다.", LOC, ())
    r.read("샘 알트만은 구글의 CEO.", LOC, ())
    r.read("일론 머스크는 테슬라의 CEO였음.", LOC, ())  # a past role, no leaving said: judged apart
    r.read("젠슨 황은 구글의 CEO였음, 지금은 퇴사.", LOC, ())  # a past role the person left: an ended affiliation
    assert links(ex, "affiliatedWith") == {("lisa-su", "nvidia", RULE), ("elon-musk", "tesla", "text:appositive:past-title"),
                                           ("jensen-huang", "google", RULE)}
    assert {(f.subject, f.link_status) for f in ex.facts if f.predicate == "affiliatedWith"} == {
        ("lisa-su", ""), ("elon-musk", ""), ("jensen-huang", "former")}
    assert links(ex, "leads") == {("sam-altman", "google", "text:appositive:leads")}


def test_a_title_that_does_not_end_the_clause_is_someone_elses(text_reader):
    r, ex = text_reader
    r.read("샘 알트만은 구글의 CEO를 만났다.", LOC, ())
    r.read("리사 수가 엔비디아의 서버 설계 총괄과 논의했다.", LOC, ())
    assert links(ex, "affiliatedWith") == set()
    assert links(ex, "leads") == set()


def test_a_models_team_named_after_it_still_names_the_model(gaz):
    assert [m.entity_id for m in gaz.find_mentions("o3를 공동 개발, Gemini 멀티모달 팀 공동 리더")] == ["openai-o3", "gemini"]
