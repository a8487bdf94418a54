"""Status fidelity of wave 27: no target, plan, forecast or estimate is shown as a current value.

* A release said to be put off or called off ("출시를 연기", "공개가 지연") dates no release (claims.py ``not_near``).
* A bullet that opens with a condition of completion ("… 완공 시, …") plans the figures of its later sentences.
* "…받는 방향으로 전환": a direction taken, a plan.
* A chart titled "… (추정)" and a model table: a figure of their caption lines is an estimate.
* The total of a year not over ("올해 출하량은 최소 3만 개") is a forecast.
* In an announced table of deals, money of a row named an investment ("대미 투자") is planned; an export is not.
* A caption line that chains steps ("… → 동작 예측 → …") names a process, no status.
* "출시 예정인 X를 6개월 연기": the put-off is done (its own verb), the plan before it is what was put off.
Sentences and figures are our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from foundation.periods import parse_period
from ingest.model import Figure, Span
from petaflop.extract.claims import ClaimMiner, load_promotions
from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.prose_status import estimated_caption_lines, prose_status
from petaflop.extract.resolve import Resolver
from petaflop.extract.status_context import settle_statuses
from tests.test_table_reader import make_table

LOC = Location(10, 10, "VII", "test slide")


@pytest.fixture()
def miner(gaz):
    ex = Extraction()
    return ClaimMiner(Resolver(gaz, ex), load_promotions()), ex


def _release_dates(miner, sentence: str) -> list[str]:
    m, ex = miner
    m.mine(sentence, LOC, "", (), "test")
    return [f.obj for f in ex.facts if f.predicate == "releaseDate"]


def test_a_release_put_off_dates_no_release(miner):
    assert _release_dates(miner, "지난 3월 5일, DeepSeek가 R2 출시를 연기했다는 보도가 있었음.") == []


def test_a_release_called_off_dates_no_release(miner):
    assert _release_dates(miner, "지난 3월 5일, DeepSeek의 R2 공개가 취소됨.") == []


def test_a_release_that_happened_is_dated(miner):
    assert _release_dates(miner, "지난 3월 5일, DeepSeek가 R2를 출시.") == ["2025-03-05"]


LINE = "- 가나 2단계 완공 시, 3 GW 전력을 의미. 경쟁 클러스터 대비 50배 이상의 압도적 성능. 현재 1 GW 가동 중."


def test_a_bullet_opening_on_completion_plans_its_later_sentences():
    assert prose_status(LINE, "경쟁 클러스터 대비 50배 이상의 압도적 성능", False) == "planned"
    assert prose_status(LINE, "현재 1 GW 가동 중.", False) == ""  # what runs now


def test_a_condition_later_in_the_line_plans_nothing_before_it():
    line = "- 가나 클러스터는 50배 성능. 나중에 2단계 완공 시, 3 GW."
    assert prose_status(line, "가나 클러스터는 50배 성능", False) == ""


def test_a_direction_taken_is_a_plan():
    line = "MS는 기존 구조 대신 30~35% 수준의 지분을 받는 방향으로 전환. 다음 문장."
    assert prose_status(line, "구조 대신 30~35% 수준의 지분을", False) == "planned"
    assert prose_status("MS는 30~35% 수준의 지분을 보유. 다음 문장.", "MS는 30~35% 수준의 지분을", False) == ""


def _lines(n: int, at: dict[int, str]) -> list[str]:
    return [at.get(i, "") for i in range(1, n + 1)]


def test_the_caption_of_an_estimated_chart_or_a_model_table_holds_estimates():
    lines = _lines(30, {3: "가나의 호출 건수 (추정)", 4: "1년 반 만에 55배 이상 증가", 20: "비용 추산을 위한 여러 가정",
                        21: "가나는 총마진율 75% 이상"})
    chart = Figure("F-1", Span(3, 6), ["가나의 호출 건수 (추정)", "1년 반 만에 55배 이상 증가"])
    plain = Figure("F-2", Span(8, 10), ["가나의 호출 건수", "1년 만에 5배 증가"])
    model = make_table(["비용 추산을 위한 여러 가정", "가나는 총마진율 75% 이상"], ["항목", "값"], [["단가", "2"]], line=22)
    assert estimated_caption_lines([chart, plain], [model], lines) == {3, 4, 20, 21}


def _statement(kind: str, line: int, time: str | None = None, unit: str = "x") -> Statement:
    return Statement("acme", kind, Location(line, line, "IX", "IX. 테스트"), "test", value=Decimal(55), unit=unit,
                     raw="", time=parse_period(time) if time else None)


def test_a_figure_on_an_estimated_charts_caption_is_settled_as_an_estimate():
    lines = _lines(10, {3: "가나의 호출 건수 (추정)", 4: "1년 반 만에 55배 이상 증가", 8: "가나는 55배 증가"})
    chart = Figure("F-1", Span(3, 6), ["가나의 호출 건수 (추정)", "1년 반 만에 55배 이상 증가"])
    ex = Extraction(statements=[_statement("multiple", 4), _statement("multiple", 8)])
    settle_statuses([], ex, lines, [chart])
    assert [s.status for s in ex.statements] == ["estimate", "actual"]


def test_the_total_of_a_year_not_over_is_a_forecast():
    ex = Extraction(statements=[_statement("shipments", 5, "2025", "count"), _statement("shipments", 6, "2024", "count"),
                                _statement("share", 7, "2025", "%")])
    settle_statuses([], ex, _lines(10, {}))
    assert [s.status for s in ex.statements] == ["forecast", "actual", "actual"]


def test_an_announced_tables_row_named_an_investment_plans_its_money():
    table = make_table(["가나와 라마간 주요 투자 계약"], ["분야", "금액", "성격"],
                       [["헬스케어", "58억 달러", "대미 투자"], ["항공기", "48억 달러", "미국 제품 수출"]])
    def money(*lines: int) -> list[Statement]:
        return [Statement("acme", "amount", Location(n, n, "VI", "VI. 테스트", "T-01-1", 0, 2), "test",
                          value=Decimal(5), unit="USD") for n in lines]

    ex = Extraction(statements=money(101, 102))
    settle_statuses([table], ex)
    assert [s.status for s in ex.statements] == ["planned", "actual"]
    plain = make_table(["가나의 사업부별 현황"], ["분야", "금액", "성격"], [["헬스케어", "58억 달러", "대미 투자"]])
    ex = Extraction(statements=money(101))
    settle_statuses([plain], ex)
    assert [s.status for s in ex.statements] == ["actual"]


def test_a_caption_that_chains_steps_gives_no_status():
    from petaflop.extract.cell_text import caption_for_status
    steps = ["가나 방식: 영상 → 트랜스포머 → 동작 예측 → 모터 제어 → 반복"]
    assert caption_for_status(steps, "비용 구조") == ""
    assert caption_for_status(["가나의 매출 전망", "A → B"], "매출") == "가나의 매출 전망 A → B"


def _put_off(text_reader, sentence: str) -> list[tuple]:
    r, ex = text_reader
    r.read(sentence, LOC, ())
    return [(s.value, s.unit, s.status) for s in ex.statements if ":duration-took:" in s.rule]


def test_a_put_off_is_done_though_what_was_put_off_was_planned(text_reader):
    assert _put_off(text_reader, "마이크로소프트는 출시 예정인 Maia 200 칩을 최소 6개월 연기.") == [
        (Decimal(6), "month", "actual")]


def test_a_put_off_still_to_come_is_planned(text_reader):
    assert _put_off(text_reader, "마이크로소프트는 Maia 200 칩을 6개월 연기할 예정.") == [(Decimal(6), "month", "planned")]


@pytest.mark.parametrize("sentence", ["지난 8월 DeepSeek가 R2 출시를 연기.", "DeepSeek의 R2 출시가 8월로 지연.",
                                      "8월 DeepSeek는 R2 공개를 취소."])
def test_a_release_put_off_in_prose_is_no_event(text_reader, sentence):
    r, ex = text_reader
    r.read(sentence, LOC, ())
    assert [s for s in ex.statements if s.kind.endswith("Date")] == []


def test_a_release_in_prose_is_an_event(text_reader):
    r, ex = text_reader
    r.read("8월 DeepSeek는 R2를 출시.", LOC, ())
    assert {(s.subject, s.kind, s.time.text, s.status) for s in ex.statements if s.kind.endswith("Date")} == {
        ("deepseek-r2", "releaseDate", "2025-08", "actual")}


def test_a_release_put_off_still_names_its_maker(text_reader):
    r, ex = text_reader
    r.read("DeepSeek는 8월에 R2 출시를 연기.", LOC, ())
    assert {(f.subject, f.obj) for f in ex.facts if f.predicate == "developedBy"} == {("deepseek-r2", "deepseek")}
    assert [s for s in ex.statements if s.kind.endswith("Date")] == []
