"""A list closed by a count before its noun ("A, B 단 두 고객사"), and the firm owning the topic a block
opens on ("Anthropic의 API 매출 비중은 …") as the party of a later sentence that names none."""

from __future__ import annotations

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "III", "test slide")


def links(ex: Extraction, prop: str) -> list[tuple]:
    return sorted((f.subject, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity and f.predicate == prop)


def test_a_counted_list_before_the_customer_noun(text_reader):
    r, ex = text_reader
    r.read("Anthropic은 매출의 절반이 Cursor, GitHub 단 두 고객사에서 발생.", LOC, ())
    r.read("OpenAI는 Cursor, GitHub 등 3개 고객사를 확보.", LOC, ())
    r.read("AMD는 GitHub 두 고객사를 확보.", LOC, ())  # one name, two customers: whose list is it?
    assert links(ex, "customerOf") == [("anysphere", "anthropic", "text:customer"),
                                       ("anysphere", "openai", "text:customer"),
                                       ("github", "anthropic", "text:customer"),
                                       ("github", "openai", "text:customer")]


def test_the_firm_owning_the_blocks_opening_topic_is_the_party(text_reader):
    r, ex = text_reader
    r.read("- Anthropic의 API 매출 비중은 85%. 특히 API 매출의 절반이 Cursor, GitHub 단 두 고객사에서 발생.",
           LOC, ())
    assert links(ex, "customerOf") == [("anysphere", "anthropic", "text:customer"),
                                       ("github", "anthropic", "text:customer")]


def test_no_owner_from_a_counterpart_or_a_later_sentence(text_reader):
    r, ex = text_reader
    r.read("- Anthropic의 경쟁사는 85%. 매출의 절반이 Cursor, GitHub 단 두 고객사에서 발생.", LOC, ())
    r.read("매출은 85%. Anthropic의 API 매출 비중은 커. 절반이 Cursor, GitHub 두 고객사에서 발생.", LOC, ())
    r.read("- Anthropic의 (API) 매출은 85%. 절반이 Cursor, GitHub 두 고객사에서 발생.", LOC, ())
    assert links(ex, "customerOf") == []


def test_the_blocks_owner_partners_under_its_own_rule(text_reader):
    r, ex = text_reader
    r.read("- 엔비디아의 물리 AI 플랫폼은 수익을 창출 중. 물류 시장을 목표로 Kion, Accenture와 협력.", LOC, ())
    assert links(ex, "partnerOf") == [("nvidia", "accenture", "text:partner:with:block-owner"),
                                      ("nvidia", "kion-group", "text:partner:with:block-owner")]
