"""What a caption or a row's note says about each row (table_row_caption.py), and the score and share constructions added with them. Tables and
sentences are our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location
from tests.test_table_reader import links, make_table

LOC = Location(10, 10, "IV", "test slide")


def test_a_caption_dating_the_release_of_the_tabulated_models_dates_each_row(table_reader):
    r, ex = table_reader
    r.read(make_table(["2023년에 출시된 주요 AI 모델 비교"], ["개발사", "모델명", "비고"],
                      [["OpenAI", "GPT-4o", "-"], ["Anthropic", "Claude Opus 4", "-"]]))
    dated = {(s.subject, s.time.text, s.rule) for s in ex.statements if s.kind == "releaseDate"}
    assert dated == {("gpt-4o", "2023", "table-reader:releaseDate@caption"),
                     ("claude-opus-4", "2023", "table-reader:releaseDate@caption")}


def test_no_release_date_from_a_caption_that_only_mentions_a_year(table_reader):
    r, ex = table_reader
    r.read(make_table(["2023년 주요 AI 모델의 점수"], ["개발사", "모델명", "점수"], [["OpenAI", "GPT-4o", "80"]]))
    assert [s for s in ex.statements if s.kind == "releaseDate"] == []


def test_a_note_naming_the_one_before_says_the_row_succeeds_it(table_reader):
    r, ex = table_reader
    r.read(make_table(["AI 모델 정리"], ["개발사", "모델명", "비고"],
                      [["OpenAI", "GPT-4o", "GPT-4 모델의 정식 후속작"], ["Anthropic", "Claude Opus 4", "코딩 특화"]]))
    assert links(ex, "succeeds") == {("gpt-4o", "gpt-4", "table-reader:succeeds@remark")}


def test_a_metric_tables_growth_column_is_the_rows_growth_rate(table_reader):
    r, ex = table_reader
    r.read(make_table(["주요 수치 정리"], ["회사", "지표", "이전 시점", "이전 값", "현재 값", "성장률"],
                      [["xAI", "기업 가치", "2024년 초", "$100억", "$300억", "200%"]]))
    got = {(s.subject, s.kind, s.value) for s in ex.statements}
    assert ("xai", "growthRate", Decimal(200)) in got
    assert ("xai", "valuation", Decimal("3E+10")) in got
    assert ("xai", "valuation", Decimal(200)) not in got
    # the growth names what grew: the row's metric (a growth rate alone cannot be told from the row's others)
    assert {s.metric for s in ex.statements if s.kind == "growthRate"} == {"기업 가치"}


def test_a_score_recorded_as_performance_and_the_base_models_own(text_reader):
    r, ex = text_reader
    r.read("Grok 4는 고난도 벤치마크(HLE)에서 40% 성능 기록. 1년 전 GPT-4o의 10% 대비 큰 향상.", LOC, ())
    got = {(s.subject, s.value, s.scope) for s in ex.statements if s.kind == "benchmarkScore"}
    # the base is compared on the same test: its score is on it too (a score with no test misleads)
    assert got == {("grok-4", Decimal(40), "HLE"), ("gpt-4o", Decimal(10), "HLE")}


def test_a_share_of_the_owners_whole_written_without_a_genitive_before_the_figure(text_reader):
    r, ex = text_reader
    r.read("xAI의 임직원 60%는 원격 근무를 선호.", LOC, ())
    assert [(s.subject, s.value, s.rule) for s in ex.statements if s.kind == "share"] == [
        ("xai", Decimal(60), "text:share-of:whole-owner")]
