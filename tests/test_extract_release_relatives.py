"""A date in the relative clause of a making or selling verb dates the product's release, and a
possessive pronoun inside a product that is itself the sentence's topic points back to the firm the
text was about (sentences of our own in the report's style)."""

from __future__ import annotations

from petaflop.extract.facts import Location

LOC = Location(10, 10, "I", "test slide")


def _dates(ex):
    return sorted((s.subject, s.kind, s.time.text, s.status, s.rule) for s in ex.statements if s.kind.endswith("Date"))


def test_a_date_before_a_making_verb_dates_the_release(text_reader):
    r, ex = text_reader
    r.read("코인베이스가 5월에 개발한 x402라는 결제 프로토콜이 주목.", LOC, ())
    assert _dates(ex) == [("x402-protocol", "releaseDate", "2025-05", "actual", "text:event-before")]


def test_a_date_before_a_selling_verb_still_to_come_is_a_planned_release(text_reader):
    r, ex = text_reader
    r.read("엔비디아가 내년에 본격 판매할 실리콘 포토닉스 CPO 네트워크 스위치.", LOC, ())
    assert _dates(ex) == [("nvidia-silicon-photonics-cpo-switch", "releaseDate", "2026", "planned",
                           "text:event-before")]


def test_work_still_to_do_is_no_release(text_reader):
    r, ex = text_reader
    r.read("코인베이스가 내년에 개발할 x402라는 결제 프로토콜.", LOC, ())
    assert _dates(ex) == []


def _own(ex):
    return sorted((f.subject, f.predicate, str(f.obj), f.rule.split("@")[-1]) for f in ex.facts
                  if ":own-make:" in f.rule)


def test_a_pronoun_in_a_product_that_is_the_topic_points_to_the_firm_before(text_reader):
    r, ex = text_reader
    r.read("Anthropic은 B2B 중심의 회사. 이들의 최신 모델인 Claude Opus 4.1은 코딩 1위.", LOC, ())
    assert _own(ex) == [("claude-opus-4-1", "developedBy", "anthropic", "333:product-topic")]


def test_without_a_firm_before_the_pronoun_names_nobody(text_reader):
    r, ex = text_reader
    r.read("이들의 최신 모델인 Claude Opus 4.1은 코딩 1위.", LOC, ())
    assert _own(ex) == []


def _announced(ex):
    return sorted((f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.predicate == "announcedBy")


def test_a_plan_also_put_forward_by_the_topic_is_its_announcement(text_reader):
    """"<A>는 "…"는 <X>도 제시": a name inside the quoted words is not the one who puts X forward."""
    r, ex = text_reader
    r.read('OpenAI는 "미국이 반드시 이겨야 한다"는 경제 청사진도 제시.', LOC, ())
    assert _announced(ex) == [("openai-economic-blueprint", "announcedBy", "openai", "text:made-public")]


def test_a_quoted_agent_alone_announces_nothing(text_reader):
    r, ex = text_reader
    r.read('그는 "OpenAI가 경제 청사진을 제시" 라고 말함.', LOC, ())
    assert _announced(ex) == []
