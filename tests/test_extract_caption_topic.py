"""A figure's caption names its subject on its first line (caption_topic.py): the caption's figures are
about that head, not about the topic carried from the bullets before the figure (rule ``text:caption-topic``)."""

from __future__ import annotations

from ingest.model import Figure
from ingest.parser import parse_text
from petaflop.extract.caption_topic import RULE, caption_head
from petaflop.extract.pipeline import extract


def _doc(*caption: str, bullet: str = "- 메타는 올해 데이터센터 투자를 크게 늘림.", after: str = "") -> str:
    return "\n".join(["III. 시험 장: 클라우드", "", bullet, "", *caption, "", "", "", "자료: 가나다리서치", "",
                      *([after, ""] if after else [])])


def _statements(doc: str) -> set[tuple[str, str, float, str]]:
    ex = extract(parse_text(doc))
    return {(s.subject, s.kind, float(s.value), s.rule) for s in ex.statements if s.value is not None}


def test_the_doc_has_a_figure_caption():
    doc = parse_text(_doc("구글 클라우드(GCP) 가입자 수 (단위: 만 명) YoY 41% 증가"))
    figures = [b for ch in doc.chapters for sl in ch.slides for b in sl.blocks if isinstance(b, Figure)]
    assert [f.caption[0] for f in figures] == ["구글 클라우드(GCP) 가입자 수 (단위: 만 명) YoY 41% 증가"]


def test_a_one_line_caption_states_its_head_s_figure():
    got = _statements(_doc("구글 클라우드(GCP) 가입자 수 (단위: 만 명) YoY 41% 증가"))
    assert ("google-cloud", "growthRate", 41.0, RULE) in got
    assert not any(s == "meta" and v == 41.0 for s, _, v, _ in got)


def test_the_head_on_the_first_line_is_the_subject_of_the_next_lines():
    got = _statements(_doc("사막에 세워질 핵심 “Trainium2 Ultra” 서버 랙",
                           "하나의 랙에 32개의 Trainium2 칩을 집적해 99 TB/s의 메모리 대역폭"))
    assert ("aws-trainium2-ultra", "chipsPerSystem", 32.0, RULE) in got
    assert ("aws-trainium2-ultra", "memoryBandwidth", 99.0, RULE) in got


def test_after_the_figure_the_topic_carried_before_it_comes_back():
    ex = extract(parse_text(_doc("구글 클라우드(GCP) 가입자 수 (단위: 만 명) YoY 41% 증가",
                                 after="- 올해 매출 성장률 17% 기록.")))
    owners = {s.subject for s in ex.statements if s.value is not None and float(s.value) == 17.0}
    assert "google-cloud" not in owners


def test_a_caption_about_a_product_leaves_its_release_to_the_firm_before():
    ex = extract(parse_text(_doc("Grok 월간 방문자 숫자", "지난 7월 Grok 4 공개로 급증",
                                 bullet="- xAI는 올해 새 모델을 잇달아 내놓음.")))
    assert ("grok-4", "developedBy", "xai") in {(f.subject, f.predicate, f.obj) for f in ex.facts}


class _M:
    def __init__(self, entity: str, start: int, role: str = "") -> None:
        self.entity, self.start, self.role = entity, start, role


def test_no_head_for_prose_a_comparison_or_two_names():
    one = lambda line: [_M("a", 0)]  # noqa: E731
    assert caption_head("가나다 칩의 구조", one).entity == "a"
    assert caption_head("가나다 칩은 빠르다.", one) is None  # a full sentence: prose, not a title
    assert caption_head("가나다 칩 대비 성능", one) is None  # a comparison names no single subject
    assert caption_head("A와 B의 매출", lambda line: [_M("a", 0, "with"), _M("b", 3, "genitive")]).entity == "b"
    assert caption_head("A, B의 매출", lambda line: [_M("a", 0), _M("b", 3, "genitive")]) is None
    assert caption_head("(A) B 매출", lambda line: [_M("a", 1), _M("b", 4)]).entity == "b"  # an aside is no head
