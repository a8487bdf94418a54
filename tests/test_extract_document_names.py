"""A technical paper named by its model's short name ("K2 기술 논문") is the paper, not the model: the lab that
made it public announced it (text:made-public)."""

from __future__ import annotations

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VII", "test slide")


def test_a_paper_named_by_the_models_short_name_is_announced_by_its_lab(text_reader):
    r, ex = text_reader
    r.read("지난달 Moonshot이 공개한 K2 기술 논문은 학습 비용을 다룸.", LOC, ())
    got = sorted((f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts
                 if f.obj_is_entity and f.predicate == "announcedBy")
    assert got == [("kimi-k2-technical-report", "announcedBy", "moonshot-ai", "text:made-public")]
