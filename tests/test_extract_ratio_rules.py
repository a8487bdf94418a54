"""One gate rule per construction for ratios in prose (petaflop/extract/text_figures.py, text_shares.py):
a multiple whose subject is the later end of a change ("A에서 B로 넘어가며 N배") names its subject in
the figure's clause, as a topic or a measure's owner does, so all three are ``text:multiple:named``;
a rank whose subject owns the ranked measure ("A의 점유율은 세계 N위") is ``text:rank:named`` like a
marked one; and a part "borne" (``N%를 담당``) is a share like one taken (``N%를 차지``)."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VI", "test slide")


def _stated(ex, kind):
    return [(s.subject, s.value, s.rule) for s in ex.statements if s.kind == kind]


def test_a_multiple_over_a_change_to_a_successor_is_a_named_subjects(text_reader):
    r, ex = text_reader
    r.read("xAI는 Grok 2에서 Grok 3로 바꾸며 학습 비용을 40배 늘림.", LOC, ())
    assert _stated(ex, "multiple") == [("grok-3", Decimal(40), "text:multiple:named")]


def test_a_multiple_of_a_marked_topic_and_of_a_measure_owner_share_the_rule(text_reader):
    r, ex = text_reader
    r.read("B200의 추론 성능이 H100 대비 7배 높다. MI300은 A100보다 3배 빠르다.", LOC, ())
    assert _stated(ex, "multiple") == [("nvidia-b200", Decimal(7), "text:multiple:named"),
                                       ("amd-mi300", Decimal(3), "text:multiple:named")]


def test_a_rank_of_the_owner_of_the_ranked_measure_is_named(text_reader):
    r, ex = text_reader
    r.read("올해 테슬라의 배터리 점유율은 전세계 6위", LOC, ())
    assert _stated(ex, "rank") == [("tesla", Decimal(6), "text:rank:named")]


def test_a_part_borne_is_a_share_of_the_whole(text_reader):
    r, ex = text_reader
    r.read("지난해 중국은 전체 수요의 60% 이상을 담당.", LOC, ())
    assert [(s.subject, s.value, s.scope, s.rule) for s in ex.statements if s.kind == "share"] == [
        ("china", Decimal(60), "전체 수요", "text:share-verb:clause-topic")]


def test_the_whole_of_a_share_starts_after_the_marked_part(text_reader):
    """"중국은 세계 수요의 60%": the whole's words never take in the part marked before them."""
    r, ex = text_reader
    r.read("중국은 세계 수요의 60%를 차지.", LOC, ())
    assert [(s.subject, s.value, s.scope) for s in ex.statements if s.kind == "share"] == [
        ("china", Decimal(60), "세계 수요")]
