"""Wave 34: a share or a rank by share read from one market's survey names the market (its scope), or it reads
as the firm's overall share: the market of a caption title the share's line stands under ("2025년 기업용 LLM API
시장 점유율 변화" / "A의 점유율이 12%에서 32%로"), and for a rank by share naming no whole, the market whose share
the sentence before names. Sentences are our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "III", "test slide")


def _shares(ex) -> list[tuple]:
    return sorted((s.subject, s.value, s.scope) for s in ex.statements if s.kind == "marketShare")


def test_a_caption_lines_share_is_of_the_market_its_title_names(text_reader):
    r, ex = text_reader
    r.caption_market = "기업용 LLM API 시장"  # set by the pipeline from the title (pipeline.py)
    r.read("Anthropic의 점유율이 12%에서 32%로 급증", LOC, ())
    assert ("anthropic", Decimal(32), "기업용 LLM API 시장") in _shares(ex)
    # the earlier value is of the same market (audit 29 A n=109): "earlier value", then the market
    assert ("anthropic", Decimal(12), "earlier value, 기업용 LLM API 시장") in _shares(ex)


def test_the_earlier_value_of_a_from_to_pair_keeps_the_market_and_its_own_year(text_reader):
    r, ex = text_reader
    r.caption_market = "클라우드 GPU 임대 시장"  # an invented caption title's market
    r.read("Google의 점유율은 2023년 41%에서 2025년 18%로 하락", LOC, ())
    got = sorted((s.value, s.scope, s.time.text if s.time else None) for s in ex.statements if s.kind == "marketShare")
    assert got == [(Decimal(18), "클라우드 GPU 임대 시장", "2025"), (Decimal(41), "earlier value, 클라우드 GPU 임대 시장", "2023")]


def test_an_earlier_value_under_no_market_stays_earlier_value_alone(text_reader):
    r, ex = text_reader
    r.read("Google의 점유율은 41%에서 18%로 하락", LOC, ())
    assert ("google", Decimal(41), "earlier value") in _shares(ex)


def test_without_a_caption_market_the_share_has_no_scope(text_reader):
    r, ex = text_reader
    r.read("Anthropic의 점유율이 12%에서 32%로 급증", LOC, ())
    assert ("anthropic", Decimal(32), "") in _shares(ex)


def test_a_rank_by_share_takes_the_market_the_sentence_before_names(text_reader):
    r, ex = text_reader
    r.read("OpenAI의 엔터프라이즈 시장점유율 데이터(72%)부터 불분명. B 설문에 따르면, Anthropic이 32%로 1위.", LOC, ())
    ranks = [(s.subject, s.value, s.scope) for s in ex.statements if s.kind == "rank"]
    assert ranks == [("anthropic", Decimal(1), "by share of 엔터프라이즈 시장")]


def test_a_rank_by_share_after_a_sentence_naming_no_market_stays_by_share(text_reader):
    r, ex = text_reader
    r.read("유럽은 존재감이 미미. 미국은 75%를 차지하고, 중국이 15%로 2위를 차지.", LOC, ())
    ranks = [(s.subject, s.value, s.scope) for s in ex.statements if s.kind == "rank"]
    assert ranks == [("china", Decimal(2), "by share")]


def test_the_market_of_a_caption_title():
    from petaflop.extract.table_market_scope import market_of

    assert market_of("", ["2025년 기업용 LLM API 시장 점유율 변화"]) == "기업용 LLM API 시장"
    assert market_of("", ["2025년 주요 모델 점유율 변화"]) == ""


def test_a_caption_restating_a_cell_takes_the_cells_market_too():
    from foundation.periods import parse_period
    from ingest.model import Span, Table
    from petaflop.extract.caption_restates import settle_caption_times
    from petaflop.extract.facts import Extraction, Statement

    ex = Extraction()
    cell = Location(12, 12, "IX", "s", "T1", 1, 6)
    ex.statements = [Statement("tsmc", "marketShare", cell, "table-reader:marketShare@79", Decimal("70.2"), unit="%",
                               time=parse_period("2025-Q2"), scope="파운드리 시장"),
                     Statement("tsmc", "marketShare", Location(10, 10, "IX", "s"), "text:value", Decimal(70), unit="%")]
    table = Table("T1", Span(10, 13), ["TSMC의 점유율은 70%를 초과"], [], [], caption_lines=Span(10, 10))
    lines = [""] * 9 + ["TSMC의 점유율은 70%를 초과", "", "순위\t기업명\t2Q25 점유율", "1\tTSMC\t70.2%"]
    assert settle_caption_times([table], ex, lines) == 1
    assert (ex.statements[-1].time.text, ex.statements[-1].scope) == ("2025-Q2", "파운드리 시장")
