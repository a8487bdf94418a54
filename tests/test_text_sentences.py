"""A block's text as sentences (petaflop/extract/sentence_split.py): split at full stops, and a run-on text
without one (a 1 MB line of bullets ending "…음") read in pieces cut after an ending, so no sentence is long."""

from __future__ import annotations

from petaflop.extract.sentence_split import MAX_SENTENCE, sentences

BULLET = "OpenAI는 10억 달러에서 20억 달러까지 9개월이 걸렸음 "


def test_sentences_split_at_full_stops_and_keep_decimals_and_names():
    text = "GB200은 1.2 GW를 씀. Stargate는 4.5 GW 계획! 끝"
    assert list(sentences(text)) == ["GB200은 1.2 GW를 씀.", " Stargate는 4.5 GW 계획!", " 끝"]


def test_a_run_on_text_is_cut_after_an_ending_into_short_pieces():
    text = BULLET * 2000  # 64,000 characters, no full stop
    pieces = list(sentences(text))
    assert "".join(pieces) == text  # nothing lost, nothing added
    assert max(len(p) for p in pieces) <= MAX_SENTENCE and len(pieces) > len(text) // MAX_SENTENCE
    assert all(p.endswith("걸렸음 ") for p in pieces[:-1])  # cut after the ending, not inside a bullet


def test_a_run_on_text_without_endings_is_cut_at_spaces_then_anywhere():
    words = "가나다라마바 " * 1000
    pieces = list(sentences(words))
    assert "".join(pieces) == words and all(len(p) <= MAX_SENTENCE for p in pieces)
    assert all(p.endswith(" ") for p in pieces[:-1])
    solid = "가" * (2 * MAX_SENTENCE + 5)
    assert [len(p) for p in sentences(solid)] == [MAX_SENTENCE, MAX_SENTENCE, 5]
