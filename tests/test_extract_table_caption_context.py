"""The benchmark or the item only a table's caption (or the row above) names
(petaflop/extract/table_caption_context.py): a score under "종합 성능" on the caption's “LongBench” is a
LongBench score, a "w/ …" row's score one on the benchmark of the row above, and an ODM's count under
"… NVL72의 ODM 출하량 전망" counts NVL72 racks (tables of our own)."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.table_caption_context import caption_benchmark, names_benchmark
from tests.test_table_reader import make_table


def _scores(ex) -> set[tuple[str, Decimal, str]]:
    return {(s.subject, s.value, s.scope) for s in ex.statements if s.kind == "benchmarkScore"}


def test_the_caption_names_the_benchmark_a_table_scores():
    assert caption_benchmark(["긴 글에서의 LLM 성능을 다루는 ‘기억’ 벤치마크", "“LongBench” 기준 순위"]) == "LongBench"
    assert caption_benchmark(["주요 오픈소스 모델들의 SWE-Bench 점수 비교"]) == "SWE-Bench"
    assert caption_benchmark(["A와 B를 가지고 Vals.ai 벤치마크(금융 분석 능력) 비교"]) == "Vals.ai"
    assert caption_benchmark(["IOI에서 모델과 인간 최고수들의 성적을 비교한 순위표"]) == "IOI"
    assert caption_benchmark(["Qwen3-Coder의 성능을 다른 모델들과 직접 비교"]) == ""
    assert caption_benchmark(["OpenAI의 매출 전망"]) == ""


def test_a_label_that_names_a_benchmark_keeps_its_own_name():
    assert all(names_benchmark(x) for x in ("GPQA (과학)", "SWE-bench Live", "Mind2Web", "AIME 24 (수학)", "WebArena"))
    assert not any(names_benchmark(x) for x in ("종합 성능", "해결률", "Global", "Inter...", "긴 글 성능 (128k ↑)"))


def test_a_score_under_a_plain_label_is_on_the_captions_benchmark(table_reader):
    r, ex = table_reader
    r.read(make_table(["멀티태스크 긴 글에서의 LLM 성능", "“LongBench” 기준 순위를 보면 Gemini가 1등"],
                      ["모델명", "기관명", "종합 성능", "GPQA (과학)"],
                      [["Gemini-2.5-Pro", "구글", "63.3", "84.0"], ["o1-preview", "OpenAI", "57.7", "73.3"]]))
    got = _scores(ex)
    assert ("gemini-2-5-pro", Decimal("63.3"), "LongBench: 종합 성능") in got
    assert ("openai-o1-preview", Decimal("57.7"), "LongBench: 종합 성능") in got
    assert ("gemini-2-5-pro", Decimal("84"), "GPQA (과학)") in got  # a benchmark's own column


def test_a_variant_row_scores_on_the_benchmark_of_the_row_above(table_reader):
    r, ex = table_reader
    r.read(make_table(["Qwen3-Coder의 성능을 다른 주요 AI 모델들과 직접 비교"],
                      ["Benchmarks", "Kimi-K2 Instruct", "Claude Sonnet-4"],
                      [["Agentic Coding", "", ""], ["w/ OpenHands, 100 turns", "65.8", "72.7"],
                       ["SWE-bench Verified", "-", "70.4"], ["w/ OpenHands, 500 turns", "65.4", "68.0"],
                       ["w/ Private Scaffolding", "22.3", "27.7"]], transposed=True))
    got = {(s, v, sc) for s, v, sc in _scores(ex) if s == "claude-sonnet-4"}
    assert got == {("claude-sonnet-4", Decimal("72.7"), "w/ OpenHands, 100 turns"),  # under a section: no parent
                   ("claude-sonnet-4", Decimal("70.4"), "SWE-bench Verified"),
                   ("claude-sonnet-4", Decimal("68.0"), "SWE-bench Verified w/ OpenHands, 500 turns"),
                   ("claude-sonnet-4", Decimal("27.7"), "SWE-bench Verified w/ Private Scaffolding")}


def test_an_odms_count_counts_the_hardware_the_caption_names(table_reader):
    r, ex = table_reader
    r.read(make_table(["GB200/GB300 NVL72의 ODM 출하량 전망"], ["", "Q1'25E", "2025E"],
                      [["폭스콘", "175", "16,675"], ["위스트론", "80", "8,780"], ["인벤텍", "0", "550"],
                       ["총 GB200/300 GPU 갯수", "28,800", "2,667,600"]]))
    got = {(s.subject, s.value, s.item, s.metric) for s in ex.statements if s.kind == "shipments"}
    assert ("foxconn", Decimal(175), "nvidia-gb200-gb300-nvl72", "") in got
    assert ("wistron", Decimal(8780), "nvidia-gb200-gb300-nvl72", "") in got
    # the hardware's own row: no item (it is the subject), its label says what it counts
    assert ("nvidia-gb200-gb300-nvl72", Decimal(2667600), "", "총 GB200/300 GPU 갯수") in got


def test_the_title_line_above_a_table_names_its_benchmark_too(table_reader):
    r, ex = table_reader
    table = make_table(["AI가 코드를 고치는 능력을 테스트"], ["모델", "해결률"], [["Kimi K2 Instruct", "43.8%"]])
    r.titles = {table.id: "주요 오픈소스 모델들의 SWE-Bench 점수 비교"}
    r.read(table)
    assert _scores(ex) == {("kimi-k2", Decimal("43.8"), "SWE-Bench: 해결률")}
