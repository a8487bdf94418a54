"""The extraction's speed caches give exactly what the uncached code gives (the test sentences
are invented for these tests): the gazetteer's mentions per text, the Hangul tail tested once
after the trie, the clause starts of a sentence and the class test ``is_a``."""

from __future__ import annotations

import functools
import re

import pytest

from petaflop.extract import gazetteer as gz
from petaflop.extract.gazetteer import Entity, Gazetteer
from petaflop.extract.resolve import class_ancestors, is_a
from petaflop.extract.text_frames import clause_starts_of

TEXTS = [
    "오라클이 텍사스에 데이터센터를 짓는다. 애플리케이션은 오라클과 무관하다.",
    "오라클社와 오라클클라우드, 마이크로소프트의 MS 지분, ms 단위 지연.",
    "H100 GPU는 H200과 다르고, GB200 NVL72는 하나의 시스템이다 (Nvidia).",
    "삼성전자는 삼성과 함께, 삼성전자들은 삼성전자산 메모리를.",
    "",
]


def _entities() -> list[Entity]:
    return [
        Entity("oracle", "Firm", "Oracle", "오라클", aliases=("Oracle", "오라클")),
        Entity("microsoft", "Firm", "Microsoft", "마이크로소프트", aliases=("Microsoft", "마이크로소프트", "MS")),
        Entity("samsung", "Firm", "Samsung", "삼성", aliases=("삼성",)),
        Entity("samsung-electronics", "Firm", "Samsung Electronics", "삼성전자", aliases=("삼성전자",)),
        Entity("nvidia", "Firm", "Nvidia", aliases=("Nvidia",)),
        Entity("h100", "GPU", "H100", aliases=("H100",)),
        Entity("h200", "GPU", "H200", aliases=("H200",)),
        Entity("gb200-nvl72", "System", "GB200 NVL72", aliases=("GB200 NVL72", "GB200")),
    ]


class _PerAliasTail(Gazetteer):
    """The matcher as it was: the Hangul tail at each alias ending in Hangul, none after the trie."""

    @staticmethod
    def _tail(alias: str) -> str:
        return gz._HANGUL_TAIL if gz._is_hangul(alias[-1]) else Gazetteer._tail(alias)

    @functools.cached_property
    def _regex(self) -> re.Pattern[str] | None:  # type: ignore[override]
        trie = gz._Trie()
        for entity in self.entities:
            for alias in entity.aliases:
                trie.add(alias.casefold(), self._tail(alias))
        return re.compile(self._head_pattern() + trie.pattern(), re.IGNORECASE)


@pytest.mark.parametrize("text", TEXTS)
def test_the_hangul_tail_after_the_trie_matches_as_the_tail_per_alias(text):
    assert Gazetteer(_entities())._scan(text) == _PerAliasTail(_entities())._scan(text)


def test_the_hangul_tail_after_the_trie_on_the_real_gazetteer():
    new, old = Gazetteer.load(), _PerAliasTail(Gazetteer.load().entities)
    for text in TEXTS:
        assert new._scan(text) == old._scan(text)


def test_cached_mentions_equal_a_fresh_scan_and_are_a_copy():
    gaz = Gazetteer(_entities())
    for text in TEXTS:
        first = gaz.find_mentions(text)
        assert first == gaz._scan(text)
        first.clear()  # a caller may change its list: the cache keeps its own
        assert gaz.find_mentions(text) == gaz._scan(text)
    assert [m.entity_id for m in gaz.find_mentions(TEXTS[3])] == [
        "samsung-electronics", "samsung", "samsung-electronics", "samsung-electronics"]


def test_a_changed_gazetteer_does_not_reuse_another_ones_mentions():
    text = TEXTS[0]
    full = Gazetteer(_entities())
    assert [m.entity_id for m in full.find_mentions(text)] == ["oracle", "oracle"]
    without = Gazetteer([e for e in _entities() if e.id != "oracle"])
    assert without.find_mentions(text) == []
    assert [m.entity_id for m in full.find_mentions(text)] == ["oracle", "oracle"]


def test_clause_starts_cached_equal_computed_and_are_a_copy():
    sentence = "A는 B와 경쟁하며, C(2025년 7월, 출시)는 D를 샀고, E는 남았다"
    first = clause_starts_of(sentence)
    assert first[0] == 0 and len(first) == 3  # the comma inside parentheses starts no clause
    first.append(99)
    assert clause_starts_of(sentence) == first[:-1]


def test_is_a_cached_equals_the_ancestor_map():
    ancestors = class_ancestors()
    for entity_type in ("Firm", "GPU", "System", "Country", "NoSuchClass"):
        for wanted in ("", "Organization", "Hardware", "GPU", "NoSuchClass"):
            expected = not wanted or wanted in ancestors.get(entity_type, frozenset({entity_type}))
            assert is_a(entity_type, wanted) is expected
            assert is_a(entity_type, wanted) is expected  # the second call is a cache hit
