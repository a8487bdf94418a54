"""Wave 27, task U: a table's caption heads its lines as a figure's does (pipeline.py, caption_topic.py): the
caption's figures are about the one thing its first line names (rule ``text:caption-topic``); a firm's own
figure (its sales) under a caption headed by a product stays with the firm carried before the caption.
Documents of our own."""

from __future__ import annotations

from ingest.parser import parse_text
from petaflop.extract.caption_topic import RULE
from petaflop.extract.pipeline import extract


def _doc(*caption: str, bullet: str = "- 메타는 올해 데이터센터 투자를 크게 늘림.") -> str:
    return "\n".join(["III. 시험 장: 클라우드", "", bullet, "", *caption, "항목\t값", "무게\t2톤", "높이\t3미터", "",
                      "자료: 가나다리서치", ""])


def _statements(doc: str) -> set[tuple[str, str, float, str]]:
    ex = extract(parse_text(doc))
    return {(s.subject, s.kind, float(s.value), s.rule) for s in ex.statements if s.value is not None}


def test_a_tables_caption_head_is_the_subject_of_its_next_line():
    got = _statements(_doc("DeepSeek AI TCO 계산", "4년 동안의 총 소유 비용(TCO)은 25억 달러로 추정"))
    assert ("deepseek", "amount", 2.5e9, RULE) in got
    assert not any(s == "meta" and v == 2.5e9 for s, _, v, _ in got)


def test_a_firms_sales_under_a_products_caption_stay_with_the_firm_before_it():
    got = _statements(_doc("GB200 NVL72의 ODM 출하량 전망", "ODM 매출만으로 작년 전체 매출(1,000억 달러)을 덮을 정도",
                           bullet="- 엔비디아는 올해 데이터센터 사업을 크게 늘림."))
    assert [x for x in got if x[2] == 1e11] == [("nvidia", "revenue", 1e11, "text:value:block-topic")]
