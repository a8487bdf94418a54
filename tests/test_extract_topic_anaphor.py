"""A sentence opening on an anaphor of a class noun ("이 랙은", "이 모델은") is about the thing of that class the
block's sentence before named (petaflop/extract/topic_anaphor.py). Sentences of our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VIII", "test slide")


def _starts(ex) -> list[tuple]:
    return [(s.subject, s.time.text, s.status) for s in ex.statements if s.rule == "text:start-date"]


def test_this_rack_is_the_rack_the_sentence_before_named(text_reader):
    r, ex = text_reader
    r.read('메타는 신형 서버랙 "Santa Barbara"를 배치 계획. 이 랙은 4분기에 시험 생산 시작 예정.', LOC, ())
    assert _starts(ex) == [("meta-santa-barbara-rack", "2025-Q4", "planned")]


def test_the_marked_thing_of_the_class_wins_over_one_in_brackets(text_reader):
    from petaflop.extract.topic_anaphor import anaphor_topic

    r, _ = text_reader
    r.read("Isomorphic Labs(구글 딥마인드에서 분사)가 주목할 만.", LOC, ())
    r.previous_sentence = "Isomorphic Labs(구글 딥마인드에서 분사)가 주목할 만."
    r._sentence_mentions = r._mentions(r.previous_sentence)
    assert anaphor_topic(r, "이 회사는 임상 시험 시작 목표.").entity == "isomorphic-labs"


def test_no_anaphor_or_no_thing_of_its_class_keeps_the_carried_topic(text_reader):
    r, ex = text_reader
    r.read("xAI는 데이터센터를 확장. 이 랙은 4분기에 시험 생산 시작 예정.", LOC, ())
    r.read("Moonshot은 B2C 기업. 이 회사는 올해 2월 광고를 중단.", LOC, ())
    assert _starts(ex) == [("moonshot-ai", "2025-02", "actual")]


def _kinds(ex, kind: str) -> list[tuple]:
    return [(s.subject, s.value, s.per, s.status) for s in ex.statements if s.kind == kind]


def test_an_anaphor_after_an_adverb_is_the_thing_named_earlier_on_the_slide(text_reader):
    r, ex = text_reader
    r.read("xAI는 코딩 특화 모델 “Grok Code Fast 1”을 출시.", LOC, ())
    r.read("xAI는 여러 언어에 능숙하다고 홍보. 실제로, 이 모델은 하루 만에 1,380억 개의 토큰이 사용됨.", LOC, ())
    assert _kinds(ex, "tokenCount") == [("grok-code-fast-1", Decimal(138_000_000_000), "day", "actual")]


def test_the_history_of_named_things_ends_with_the_slide(text_reader):
    r, ex = text_reader
    r.read("xAI는 코딩 특화 모델 “Grok Code Fast 1”을 출시.", LOC, ())
    r.start_slide("")
    r.read("xAI는 여러 언어에 능숙하다고 홍보. 실제로, 이 모델은 하루 만에 1,380억 개의 토큰이 사용됨.", LOC, ())
    assert _kinds(ex, "tokenCount") == []


def test_this_project_in_a_condition_is_the_project_of_the_block_before(text_reader):
    from petaflop.extract.prose_status import prose_deadline

    r, ex = text_reader
    r.read("‘Future of Shipyard’ 프로젝트는 조선소의 모든 공정을 연결.", LOC, ())
    line = "2030년까지 완성을 목표로 하는 이 프로젝트가 완료되면 생산성은 30% 향상될 것으로 기대."
    r.read(line, LOC, ())
    gains = [s for s in ex.statements if s.kind == "relativeDifference"]
    # what follows from the condition is a forecast; the condition's deadline and "목표" are not the figure's
    assert [(s.subject, s.value, s.status, s.time, s.metric) for s in gains] == [
        ("future-of-shipyard", Decimal(30), "forecast", None, "higher 생산성 vs without")]
    assert prose_deadline(line, gains[0].raw) is None
    assert prose_deadline("2030년까지 생산성은 30% 향상 목표.", "2030년까지 생산성은 30% 향상 목표.").text == "2030"


def test_a_gain_joined_by_go_shares_the_first_gains_subject(text_reader):
    r, ex = text_reader
    r.read("‘Future of Shipyard’ 프로젝트는 조선소의 모든 공정을 연결.", LOC, ())
    r.read("이 프로젝트가 완료되면 생산성은 30% 향상되고 건조 기간은 20% 단축될 것으로 기대.", LOC, ())
    r.read("Qwen3는 추론 성능이 뛰어남. 속도는 10% 향상되고 메모리는 5% 절감.", LOC, ())
    assert sorted((s.subject, s.value, s.status, s.metric) for s in ex.statements if s.kind == "relativeDifference") == [
        ("future-of-shipyard", Decimal(-20), "forecast", "lower 기간 vs without"),
        ("future-of-shipyard", Decimal(30), "forecast", "higher 생산성 vs without")]
