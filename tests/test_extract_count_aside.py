"""A count inside an aside in brackets ("192개(B는 160개 SM)의 SM을 탑재"): its noun ends at the bracket that
closes the aside, even when a particle follows the bracket (text_counts.py)."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VI", "test slide")


def _counts(text_reader, sentence: str) -> list[tuple]:
    r, ex = text_reader
    r.read(sentence, LOC, ())
    return sorted((s.subject, s.value, s.metric) for s in ex.statements if s.kind == "unitCount")


def test_the_count_in_an_aside_ends_its_noun_at_the_bracket(text_reader):
    # was metric "SM)의 SM"
    assert _counts(text_reader, "B200은 192개(Blackwell Ultra는 160개 SM)의 SM을 탑재.") == [
        ("nvidia-blackwell-ultra", Decimal(160), "SM")]


def test_an_aside_right_after_a_count_gives_it_no_noun(text_reader):
    # "29기(GE Vernova) 등": the words after the aside are no counted noun
    assert _counts(text_reader, "메타는 가스터빈 등 29기(GE Vernova) 등 보유.") == []
