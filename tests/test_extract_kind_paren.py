"""A firm's things named in a kind word's parenthesis (petaflop/extract/text_kind_paren.py), on sentences of
our own: the sentence's topic, the previous sentence's topic and a table row's entity own the names; another
organisation, a rival word, a maker named in the name or a parenthesis of other words keep them apart."""
from __future__ import annotations

import pytest

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "VIII", "test slide")


def paren(ex: Extraction) -> set[tuple[str, str, str, str]]:
    return {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.rule.endswith(":kind-paren")}


def test_the_topic_owns_the_names_in_its_kind_words_parenthesis(text_reader):
    r, ex = text_reader
    r.read("알리바바는 가벼운 범용 모델(Qwen3-235B-A22B)로 시작하고, 새 코딩 모델(Qwen3-Coder)로 점유율을 늘림.", LOC, ())
    assert paren(ex) == {("qwen3-235b-a22b", "developedBy", "alibaba", "text:kind-paren"),
                         ("qwen3-coder-480b-a35b", "developedBy", "alibaba", "text:kind-paren")}


def test_the_previous_sentences_topic_and_an_unknown_name_beside(text_reader):
    r, ex = text_reader
    r.read("마이크로소프트는 일정 조정을 알림. 예정된 세 가지 칩(Zeta9, Braga-R, Clea)의 사양도 낮춤.", LOC, ())
    assert paren(ex) == {("microsoft-braga-r", "designedBy", "microsoft", "text:kind-paren"),
                         ("microsoft-clea", "designedBy", "microsoft", "text:kind-paren")}


def test_a_table_rows_entity_owns_a_cells_parenthesis(text_reader):
    r, ex = text_reader
    r.res.record(r.res.gaz.lookup("xAI"))
    r.read_cell("• 차세대 AI 모델 (Grok, Macrohard)", LOC, (), "xai")
    assert ("grok", "developedBy", "xai", "text-cell:kind-paren") in paren(ex)


@pytest.mark.parametrize("sentence", [
    "구글은 엔비디아 칩(H100)을 대량으로 들여옴.",  # another organisation before the kind word
    "메타는 경쟁 모델(Qwen3-Coder)을 시험함.",  # a rival's
    "메타는 외부 칩(Braga-R)을 검토함.",
    "구글은 새 칩(AWS Trainium)을 시험함.",  # the name says whose it is
    "알리바바는 모델(예: Qwen3-Coder)을 공개함.",  # other words in the parenthesis
    "엔비디아와 달리 (알리바바는 모델(Qwen3-Coder)) 이라고 함.",  # a topic inside a parenthesis
])
def test_what_is_not_the_topics_own(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert not paren(ex)


def releases(ex: Extraction) -> set[tuple[str, str, str, str]]:
    return {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if ":release:" in f.rule}


def test_a_quoted_name_right_before_its_release_verb_is_the_topics_work(text_reader):
    """text_frames._RELEASE_LINK: "“X”를 출시", "“X” 출시" name the maker like the bare name does."""
    r, ex = text_reader
    r.read("xAI는 지난 달 코딩 모델 “Grok Code Fast 1”을 출시.", LOC, ())
    r.read("Anthropic는 B2B 회사. 특히 코딩 제품인 “Claude Code” 출시 직후 매출이 늘었음.", LOC, ())
    assert releases(ex) == {
        ("grok-code-fast-1", "developedBy", "xai", "text:release:developedBy:sentence-topic"),
        ("claude-code", "offeredBy", "anthropic", "text:release:offeredBy:previous-sentence-topic")}


def test_a_quoted_name_before_another_noun_is_not_what_was_released(text_reader):
    r, ex = text_reader
    r.read("xAI는 지난 달 'Grok Code Fast 1' 기반 도구 출시.", LOC, ())
    assert not releases(ex)
