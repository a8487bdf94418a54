"""Audit 25 (B), n=136: a table's relative figures whose base only the caption names ("<X> 대비 … 이점") carry
it in their metric ("… vs <X>"), so a row's cut is not read as against its own predecessor (caption_base.py).
Documents and captions of our own."""

from __future__ import annotations

from ingest.parser import parse_text
from petaflop.extract.caption_base import caption_base
from petaflop.extract.pipeline import extract


def _doc(*caption: str) -> str:
    return "\n".join(["VI. 시험 장: 가속기", "", *caption, "",
                      "세대\t성능 향상 (추론 중심)\t비용 감소 (전력 관점)", "MI355X\t20배\t60%", "",
                      "자료: 가나다리서치", ""])


def _relative(doc: str) -> set[tuple[str, str, float, str]]:
    ex = extract(parse_text(doc))
    return {(s.subject, s.kind, float(s.value), s.metric) for s in ex.statements
            if s.kind in ("multiple", "relativeDifference")}


def test_a_base_only_the_caption_names_joins_the_metric_of_each_relative_figure():
    got = _relative(_doc("A100(구형 세대) 대비 신형 가속기가 갖는 이점"))
    assert got == {("amd-mi355x", "multiple", 20.0, "성능 향상 (추론 중심) vs NVIDIA A100"),
                   ("amd-mi355x", "relativeDifference", -60.0, "비용 감소 (전력 관점) vs NVIDIA A100")}


def test_a_caption_naming_no_base_leaves_the_metric_as_the_label():
    got = _relative(_doc("신형 가속기가 갖는 이점"))
    assert got == {("amd-mi355x", "multiple", 20.0, "성능 향상 (추론 중심)"),
                   ("amd-mi355x", "relativeDifference", -60.0, "비용 감소 (전력 관점)")}


def test_the_base_is_one_named_thing_right_before_daebi(gaz):
    assert caption_base(["A100(구형 세대) 대비 신형 가속기가 갖는 이점"], gaz) == ("nvidia-a100", "NVIDIA A100")
    assert caption_base(["", "MI355X 대비 A100"], gaz) == ("amd-mi355x", "AMD MI355X")  # a later caption line
    assert caption_base(["전년 대비 매출 증가율"], gaz) is None  # a time base: not a thing
    assert caption_base(["A100 대비 성능, MI355X 대비 비용"], gaz) is None  # two bases: which one is not said
    assert caption_base(["A100 가격 비교"], gaz) is None
