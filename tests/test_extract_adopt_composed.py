"""A thing made of a component ("X로 구성된 클러스터") uses it, as one that adopts it does, and the owner
of the clause's topic noun ("X의 심장은 …") is what the clause is about (sentences of our own in the report's style)."""

from __future__ import annotations

from petaflop.extract.facts import Location

LOC = Location(10, 10, "IV", "test slide")


def _uses(ex):
    return sorted((f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.predicate == "usesChip")


def test_a_cluster_made_of_a_chip_uses_it(text_reader):
    r, ex = text_reader
    r.read("Colossus는 23만 개의 GB200으로 구성된 클러스터.", LOC, ())
    assert _uses(ex) == [("colossus", "usesChip", "nvidia-gb200", "text:adopts:clause-topic")]


def test_the_owner_of_the_topic_noun_is_the_user(text_reader):
    r, ex = text_reader
    r.read("Project Rainier의 심장은 아마존의 자체 AI 가속기인 “Trainium”으로 구성된 거대 클러스터.", LOC, ())
    assert _uses(ex) == [("project-rainier", "usesChip", "aws-trainium", "text:adopts:clause-topic")]


def test_a_firm_owning_the_topic_noun_uses_nothing(text_reader):
    r, ex = text_reader
    r.read("엔비디아의 시스템은 GB200으로 구성된 랙.", LOC, ())
    assert _uses(ex) == []


def test_making_something_into_a_component_is_not_being_made_of_it(text_reader):
    r, ex = text_reader
    r.read("Colossus는 GB200으로 구성할 계획.", LOC, ())
    assert _uses(ex) == []
