"""A figure the clause's marked subject does not own (petaflop/extract/text_value_guards.measure_of_another):
quoted speech of the subject's, and a measure a common noun in the genitive owns."""

from __future__ import annotations

from decimal import Decimal

import pytest

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VI", "test slide")


def _values(ex):
    return {(s.subject, s.kind, s.value) for s in ex.statements if s.rule.endswith(":clause-topic")}


@pytest.mark.parametrize("sentence", [
    # the speaker's quoted words measure what they speak of, not the speaker
    '폭스콘은 "일부 AI 프로젝트 투자액은 1,000억 달러가 아니라 이제 3,000억 달러로 상향되고 있다"고 말함.',
    # "제품의 가격": the product's price, not the marked subject's
    "OpenAI는 AGI를 위해 에이전트 제품의 가격을 월 2만 달러 가격대까지 고려 중.",
])
def test_a_figure_of_something_else_is_not_the_marked_subjects(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert _values(ex) == set()


@pytest.mark.parametrize(("sentence", "expected"), [
    # a place in the genitive ("…에서의") and the subject's own genitive name no other owner
    ("OpenAI는 추론 서비스에서의 총마진율은 75% 이상", {("openai", "grossMargin", Decimal(75))}),
    ("Gemini는 월간 활성 사용자 4.5억 명 돌파.", {("gemini", "userCount", Decimal(450000000))}),
])
def test_the_marked_subject_keeps_its_own_figures(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert _values(ex) == expected


@pytest.mark.parametrize(("second", "owned"), [
    # "이 시스템으로": the figure is the system's (described before), not the topic carried over
    ("이 시스템으로 1백만 토큰 당 비용을 80달러에서 0.40달러로 절감.", False),
    ("해당 모델은 1백만 토큰 당 비용을 80달러에서 0.40달러로 낮춤.", False),
    # without a demonstrative the carried topic is the subject
    ("1백만 토큰 당 비용을 80달러에서 0.40달러로 절감.", True),
])
def test_a_demonstrative_noun_phrase_keeps_the_carried_topic_off_a_figure(text_reader, second, owned):
    r, ex = text_reader
    r.read("OpenAI는 새로운 라우터를 도입. " + second, LOC, ())
    got = {s.value for s in ex.statements if s.subject == "openai" and s.kind in ("amount", "unitPrice")}
    assert bool(got) is owned, got


@pytest.mark.parametrize(("sentence", "expected"), [
    # "(N GPU/72)": the dividend of a formula is not the rack count named before it
    ("필요 전력 = GB200 NVL72 랙 개수(40만 GPU/72) × 랙 출력", set()),
    # a rate's denominator carries its unit: the figure before it is still read
    ("GB200 NVL72의 랙 개수는 5,000개", {("nvidia-gb200-nvl72", "rackCount", Decimal(5000))}),
])
def test_the_dividend_of_a_formula_is_no_value(text_reader, sentence, expected):
    from ingest.quantities import find_quantities
    from petaflop.extract.text_value_guards import not_a_value

    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert {(s.subject, s.kind, s.value) for s in ex.statements if s.kind == "rackCount"} == expected
    assert [not_a_value("이용료 10만 원/1년", q) for q in find_quantities("이용료 10만 원/1년")] == [False, False]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a count of hires is scoped as such and counts hires: never the firm's headcount, never in conflict with it
    ("OpenAI는 Google, Meta에서 6명의 고급 엔지니어를 대거 영입.",
     ("quantity", "hires", "6명의 고급 엔지니어를 대거 영입", "text:hire-count")),
    ("OpenAI의 직원 수는 2,500명 수준.", ("employeeCount", "", "", "text:value:genitive")),
])
def test_a_count_of_hires_is_scoped_as_hires(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert [(s.subject, s.kind, s.metric, s.scope, s.rule) for s in ex.statements
            if s.kind in ("employeeCount", "quantity")] == [("openai", *expected)]


def test_hardware_before_a_count_word_is_what_is_counted_not_its_owner(text_reader):
    r, ex = text_reader
    r.read("필요 전력 = GB200 NVL72 랙 개수 ≈ 5,000 개 랙 × 120kW", LOC, ())  # racks of NVL72 at a site
    r.read("GB200 NVL72 시스템 출하량은 2만 대 수준", LOC, ())  # a shipment count is the system's own
    assert {(s.subject, s.kind, s.value) for s in ex.statements if s.subject == "nvidia-gb200-nvl72"} == {
        ("nvidia-gb200-nvl72", "shipments", Decimal(20000))}


@pytest.mark.parametrize(("sentence", "expected"), [
    # the last name of a list owns nothing alone: the figure is the group's
    ("'26년에 아마존, MS, 메타, 구글은 4,650억 달러를 지출할 것으로 예상.", set()),
    ("아마존과 구글은 1,000억 달러를 지출할 것으로 예상.", set()),
    # said of each member ("각각"): the marked name keeps its figure
    ("아마존과 구글은 각각 1,000억 달러를 지출할 것으로 예상.", {("google", "amount", Decimal(10) ** 11)}),
    # a counted set of a kind ("29기 가스 터빈이"): the set's output, not one turbine's (nor the kind's)
    ("29기 가스 터빈이 생성하는 약 1 GW 전력은 충분한 수준", set()),
])
def test_a_group_figure_is_not_its_last_members(text_reader, sentence, expected):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert _values(ex) == expected
