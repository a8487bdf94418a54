"""Audit 18: a figure that lost what it measures. A share says what it is of (its whole, its nouns, its column) or
stays a claim; a metric word keeps the clause and the enumeration that restrict it.
Sentences and tables are our own (in the report's style)."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.resolve import Resolver
from petaflop.extract.share_whole import names_whole, unsure_unknown_wholes
from tests.test_table_reader import make_table

LOC = Location(10, 10, "VI", "test slide")


def shares(ex: Extraction) -> list[tuple]:
    return [(s.subject, s.value, s.metric, s.rule) for s in ex.statements if s.kind == "share"]


def test_a_share_takes_its_whole_from_the_domain_the_sentence_before_names(text_reader):
    r, ex = text_reader
    r.read("일본은 세계 반도체 장비 매출에서 존재감이 큼. 미국은 60%를 차지하며 선두.", LOC, ())
    assert shares(ex) == [("united-states", Decimal(60), "share of 세계 반도체 장비 매출",
                           "text:share-verb:clause-topic")]


def test_a_domain_that_is_only_a_name_is_no_whole(text_reader):
    r, ex = text_reader
    r.read("중국에서 미국은 30%를 차지하며 선두.", LOC, ())
    assert shares(ex) == [("united-states", Decimal(30), "share", "text:share-verb:clause-topic")]


@pytest.mark.parametrize(("sentence", "subject", "metric"), [
    ("엔비디아의 게임 매출 비중은 10%.", "nvidia", "게임 매출 비중"),  # the nouns compounded before the share word
    ("구글의 광고 매출 비중(75%)은 높음.", "google", "광고 매출 비중"),  # in parentheses after them
    ("그중 일본 비중 20%.", "japan", "비중"),  # the subject's name and a word pointing back are no whole
])
def test_a_share_word_keeps_the_nouns_it_ends(text_reader, sentence, subject, metric):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert [(s[0], s[2]) for s in shares(ex)] == [(subject, metric)]


def test_the_second_figure_of_a_pair_measures_what_the_first_ones_word_says(text_reader):
    r, ex = text_reader
    r.read("구글 클라우드의 운영마진은 10%에서 15%로 확대.", LOC, ())
    assert [(s[1], s[2]) for s in shares(ex)] == [(Decimal(10), "운영마진"), (Decimal(15), "운영마진")]


def test_the_predicate_of_a_case_share_names_its_part(text_reader):
    r, ex = text_reader
    r.read("xAI의 경우 20%가 한국계 엔지니어일 정도로 다양.", LOC, ())
    assert shares(ex) == [("xai", Decimal(20), "share: 한국계 엔지니어", "text:share-of:whole-owner")]


def test_a_share_that_does_not_say_of_what_stays_a_claim():
    def share(metric: str) -> Statement:
        return Statement("japan", "share", LOC, "text:value:compound", value=Decimal(20), unit="%", metric=metric)

    kept = unsure_unknown_wholes([share("API 매출 비중"), share("share of 세계 수요"), share("비중"), share("share"),
                                  share(""), Statement("japan", "revenue", LOC, "text:value:compound")])
    assert [st.rule for st in kept] == ["text:value:compound"] * 2 + ["text:value:compound:unsure"] * 3 + [
        "text:value:compound"]  # another kind: untouched
    assert names_whole("GPU 비용 비중") and not names_whole("share of ")


def test_a_mapped_column_of_shares_says_of_what_by_its_label(gaz):
    from ontology.model import load_model
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor
    from petaflop.statements import from_value_facts

    ex = Extraction()
    mapping = next(m for m in load_mappings() if m.id == "dc-design-comparison")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], Resolver(gaz, ex),
                        SimpleNamespace(mine=lambda *a, **k: []), lambda t: ())
    te._columns(make_table(["설계 비교"], ["항목", "전통적 데이터센터", "스타게이트 설계"],
                           [["GPU 비용 비중", "약 25%", "약 55%"]]), mapping)
    from_value_facts(ex, load_model())
    assert {(s.value, s.metric) for s in ex.statements if s.kind == "share"} == {
        (Decimal(25), "GPU 비용 비중"), (Decimal(55), "GPU 비용 비중")}


@pytest.mark.parametrize(("sentence", "metric"), [
    # the clause restricting the noun and the kinds it lists: dispatchable sources, not every one
    ("일본은 필요할 때 바로 돌릴 수 있는 전원(석탄·수력)이 약 300GW.", "필요할 때 바로 돌릴 수 있는 전원(석탄·수력)"),
    ("일본은 전원(석탄·수력)이 약 300GW.", "전원(석탄·수력)"),
    ("일본의 데이터센터를 위한 전원은 10GW.", "데이터센터를 위한 전원"),  # not the owner's name
])
def test_a_metric_word_keeps_what_restricts_it(text_reader, sentence, metric):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert [(s.subject, s.kind, s.metric) for s in ex.statements] == [("japan", "powerCapacity", metric)]


def test_a_clause_framing_the_figure_restricts_nothing(text_reader):
    r, ex = text_reader
    r.read("엔비디아는 30억 달러에 달하는 비용을 지불.", LOC, ())
    assert [(s.kind, s.metric) for s in ex.statements] == [("amount", "비용")]


def scores(ex: Extraction) -> list[tuple]:
    return [(s.subject, s.value, s.scope, s.approximate, s.rule) for s in ex.statements if s.kind == "benchmarkScore"]


def test_a_caption_lines_score_takes_its_test_from_the_chart_title_above(text_reader):
    r, ex = text_reader
    r.caption_title = "MMLU 기준 성능과 비용 분석"  # the caption's first line (pipeline.py sets it)
    r.read("Claude Opus 4는 약 42%의 점수로 경쟁 모델을 앞섬", LOC, ())
    assert scores(ex) == [("claude-opus-4", Decimal(42), "MMLU", True, "text:score-verb")]


def test_a_score_takes_the_test_the_blocks_sentence_before_names(text_reader):
    r, ex = text_reader
    r.read("Gemini 2.5 Pro는 LiveBench(코딩 문제) 벤치마크 결과, 높은 추론 능력 입증. 특히 심층 모드에서 60.2% 달성.",
           LOC, ())
    assert scores(ex) == [("gemini-2-5-pro", Decimal("60.2"), "LiveBench", False, "text:score-verb")]


def test_a_score_on_no_named_test_is_a_claim(text_reader):
    r, ex = text_reader
    r.read("Claude Opus 4는 약 42%의 점수로 경쟁 모델을 앞섬", LOC, ())
    assert scores(ex) == [("claude-opus-4", Decimal(42), "", True, "text:score-verb:unsure")]


@pytest.mark.parametrize(("caption", "scope", "rule_end"), [
    # the title's head names the columns' measure: the words qualifying it scope every part
    ("엔비디아와 AWS의 서버 레벨에서의 메모리 인터페이스 비용 및 필요전력", "메모리 인터페이스", ":header-entities"),
    ("엔비디아와 AWS의 메모리 구성 비교", "", ":header-entities:unsure"),  # a title of no cost: parts of what? claims
])
def test_a_rows_part_of_a_measure_column_carries_what_the_title_says_it_is_part_of(table_reader, caption, scope,
                                                                                     rule_end):
    r, ex = table_reader
    r.read(make_table([caption], ["칩 레벨(단위 : $, W)", "Trainium2 비용", "Trainium2 전력", "H100 비용", "H100 전력"],
                      [["HBM 스택", "$1,200", "40W", "$1,000", "30W"], ["인터포저", "$0", "0", "$300", "5W"]]))
    got = {(s.subject, s.value, s.metric, s.scope) for s in ex.statements if s.kind == "hardwareCost"}
    # each row is a component of that whole: its label joins the scope (audit 21, test_extract_audit21_tables.py);
    # a title of no cost leaves the rows' parts unsaid, their label only in the metric of a claim
    hbm, interposer = (("", f"{scope}: HBM 스택"), ("", f"{scope}: 인터포저")) if scope else (
        ("하드웨어 비용 HBM 스택", ""), ("하드웨어 비용 인터포저", ""))
    assert got == {("aws-trainium2", Decimal(1200), *hbm), ("aws-trainium2", Decimal(0), *interposer),
                   ("nvidia-h100", Decimal(1000), *hbm), ("nvidia-h100", Decimal(300), *interposer)}
    assert {s.rule.removeprefix("table-reader:hardwareCost@108").removeprefix("table-reader:powerDemand@161")
            for s in ex.statements} == {rule_end}


def test_a_place_won_by_a_share_is_ranked_by_the_share_of_the_domain_the_sentence_before_names(text_reader):
    r, ex = text_reader
    r.read("일본은 세계 반도체 장비 매출에서 존재감이 큼. 미국은 60%를 차지하며 지배적이고, 한국이 20%로 2위를 차지.", LOC, ())
    assert [(s.subject, s.value, s.scope) for s in ex.statements if s.kind == "rank"] == [
        ("south-korea", Decimal(2), "by share of 세계 반도체 장비 매출")]
