"""A headline naming only whom something challenges (headline_rivals.py): the challenger is the marked name
opening the first sentence under it, when of the kind of the one challenged."""

from __future__ import annotations

from ingest.parser import parse_text
from petaflop.extract.gazetteer import Gazetteer
from petaflop.extract.headline_rivals import add_headline_challengers
from petaflop.extract.pipeline import extract
from petaflop.extract.resolve import Resolver


def _rivals(lines: list[str]) -> list[tuple[str, str, int]]:
    ex = extract(parse_text("\n".join(["III. 시험: 플레이어 분석", "", *lines, ""])))
    return sorted((f.subject, str(f.obj), f.location.line_start) for f in ex.facts
                  if f.predicate == "competesWith" and f.rule == "text:challenger")


def test_the_firm_the_text_below_is_about_challenges_the_one_named():
    assert _rivals(["TPU와 GCP, 엔비디아에 도전하다", "", "- 구글은 제3자에게 TPU를 배치하는 결정."]) == [
        ("google", "nvidia", 3)]


def test_a_described_challenger_is_the_system_opening_the_text():
    lines = ["엔비디아 GB200 NVL72에 대항하는 “중국식 해법”", "", "- CloudMatrix(CM) 시스템은 16개의 랙에 분산."]
    assert _rivals(lines) == [("huawei-cloudmatrix384", "nvidia-gb200-nvl72", 3)]


def test_no_challenger_of_another_kind_or_unmarked_or_named_in_the_headline():
    # the text opens with a country, not a firm: no challenger of the kind of the one challenged
    assert _rivals(["엔비디아에 도전하다", "", "- 중국은 자체 칩 개발을 가속."]) == []
    # the firm is not the opening name marked as topic or subject
    assert _rivals(["엔비디아에 도전하다", "", "- 올해 구글의 TPU 매출이 증가."]) == []
    # a headline naming its challenger after the verb is the sentence reader's (no second reading here)
    doc = parse_text("\n".join(["III. 시험: 분석", "", "NVLink에 대항하는 표준인 UALink", "",
                                "- 구글은 TPU를 배치.", ""]))
    ex = extract(doc)
    before = len(ex.facts)
    assert add_headline_challengers(doc, ex, Resolver(Gazetteer.load(), ex)) == 0 and len(ex.facts) == before

