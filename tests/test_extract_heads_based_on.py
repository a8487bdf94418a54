"""A head of state named with the country and the title leads the country (text_heads.py), and a product,
platform, device or model built on a model is basedOnModel it (text_based_on.py) — on sentences of our own,
with look-alikes that state nothing."""

from __future__ import annotations

from petaflop.extract.facts import Location

LOC = Location(10, 10, "I", "test slide")


def links(ex, prop: str) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity and f.predicate == prop)


def test_a_president_or_premier_with_the_country_leads_it(text_reader):
    r, ex = text_reader
    r.read("독일의 트럼프 총리는 예산을 발표.", LOC, ())
    r.read("마크롱 일본 대통령은 회의를 주재.", LOC, ())
    assert links(ex, "leads") == [("donald-trump", "germany", "text:appositive:leads"),
                                  ("emmanuel-macron", "japan", "text:appositive:leads")]


def test_no_head_without_the_title_or_with_a_former_title(text_reader):
    r, ex = text_reader
    r.read("독일의 트럼프 지지자들은 모였다.", LOC, ())
    r.read("트럼프 전 대통령과 미국 기업들이 만났다.", LOC, ())
    r.read("마크롱 일본 대통령실 관계자가 말했다.", LOC, ())
    assert links(ex, "leads") == []


def test_a_product_or_model_built_on_a_model(text_reader):
    r, ex = text_reader
    r.read("회사는 Llama-3를 계승한 경량 추론 모델 Kimi K2를 공개.", LOC, ())
    r.read("GPT-4o 기반의 ChatGPT가 인기를 끌었다.", LOC, ())
    r.read("Gemini Nano를 탑재한 Pixel 10이 출시.", LOC, ())
    r.read("Copilot은 Claude를 기반으로 개발됐다.", LOC, ())
    r.read("플랫폼 \"Isaac GR00T(Cosmos 기반의 범용 모델과 시뮬레이션)\"를 제공.", LOC, ())
    got = [(s, o) for s, o, _ in links(ex, "basedOnModel")]
    assert got == [("chatgpt", "gpt-4o"), ("github-copilot", "claude"), ("google-pixel-10", "gemini-nano"),
                   ("kimi-k2", "llama-3"), ("nvidia-isaac-gr00t", "nvidia-cosmos")]
    assert {r for _, _, r in links(ex, "basedOnModel")} == {"text:based-on:basedOnModel"}


def test_no_base_model_from_mere_neighbours(text_reader):
    r, ex = text_reader
    r.read("GPT-4o와 ChatGPT가 경쟁한다.", LOC, ())
    r.read("Claude 기반 매출이 늘고, Copilot은 다른 회사 제품이다.", LOC, ())
    r.read("Copilot은 빠르게 성장했고, Claude를 기반으로 한 서비스가 늘었다.", LOC, ())
    assert links(ex, "basedOnModel") == []


def test_a_model_put_into_a_product(text_reader):
    r, ex = text_reader
    r.read("회사는 ChatGPT에 경쟁사인 구글의 GPT-4o를 탑재.", LOC, ())
    r.read("ChatGPT에 관한 보고서는 GPT-4o를 평가.", LOC, ())
    assert [(s, o) for s, o, _ in links(ex, "basedOnModel")] == [("chatgpt", "gpt-4o")]


def test_a_states_programme_is_sponsored_but_no_policy_issued(text_reader):
    r, ex = text_reader
    r.read("독일의 ‘골든돔’ 프로젝트가 주목받는다.", LOC, ())
    r.read("백악관의 “AI 액션 플랜”이 나왔다.", LOC, ())
    assert links(ex, "sponsoredBy") == [("golden-dome", "germany", "text:policy-owner:sponsoredBy")]
    assert [t for t in links(ex, "issuedBy") if "policy-owner" in t[2]] == []


def test_no_owner_of_a_policy_across_words(text_reader):
    r, ex = text_reader
    r.read("독일 정부 시절의 디지털 실크로드는 끝났다.", LOC, ())
    r.read("일본은 디지털 실크로드에 참여.", LOC, ())
    assert [t for t in links(ex, "issuedBy") + links(ex, "sponsoredBy") if "policy-owner" in t[2]] == []
