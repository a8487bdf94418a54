"""Wave 32, task R: the industries a firm is in, listed before "등 (핵심) 산업에 … 침투/진출"
(text_role_firms.industry_lists, rule ``text:industry-list``): each listed word becomes a segment node the
firm is ``inSegment`` — the firm marked before the list, else the one firm of the sentence before.
Sentences of our own."""

from __future__ import annotations

from ingest.parser import parse_text
from petaflop.extract.pipeline import extract


def _segments(*bullets: str) -> set[tuple[str, str]]:
    ex = extract(parse_text("\n".join(["X. 시험 장: 산업", "", *(f"- {b}" for b in bullets), ""])))
    return {(f.subject, ex.entities[str(f.obj)].name_ko) for f in ex.facts
            if f.predicate == "inSegment" and f.rule == "text:industry-list"}


def test_a_firm_marked_before_the_list_is_in_each_industry():
    assert _segments("팔란티어는 국방, 금융, 에너지 등 주요 산업에 빠르게 진출.") == {
        ("palantir", "국방"), ("palantir", "금융"), ("palantir", "에너지")}
    assert _segments("팔란티어가 국가 안보, 금융 등 주요 산업에 진출.") == {("palantir", "국가 안보"), ("palantir", "금융")}


def test_a_sentence_naming_no_one_takes_the_one_firm_of_the_sentence_before():
    got = _segments("데이터를 엮는 팔란티어의 역할이 커짐. 국가 안보, 제조업 등 핵심 산업에 이미 깊숙이 침투.")
    assert got == {("palantir", "국가 안보"), ("palantir", "제조업")}


def test_no_firm_or_a_named_member_gives_no_segment():
    assert _segments("국가 안보, 제조업 등 핵심 산업에 이미 침투.") == set()
    assert _segments("엔비디아와 팔란티어가 협력. 국가 안보, 제조업 등 핵심 산업에 침투.") == set()  # two firms before
    assert _segments("팔란티어는 엔비디아, 제조업 등 핵심 산업에 진출.") == set()  # a name among the words
