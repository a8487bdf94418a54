"""What a figure measures and where it holds, read from the words around it (sentences and tables of our own):
a percentage an adnominal part verb puts on a rate noun is that rate, no share (text_shares.py); a span "within"
a contract's term is a target bound, not the time something took (text_within.py); a caption's date of an
announcement does not date the cells (table_status.py); the original figure a revision replaced is an earlier
value (text_value_guards.py); a carried topic's share on a platform keeps the platform (text_venue.py); a table
of one car's economics gives its yearly sums per vehicle-year (table_per.py)."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Extraction, Location, Statement
from petaflop.extract.status_context import settle_statuses
from petaflop.extract.table_status import table_status
from petaflop.extract.text_reader import EARLIER
from petaflop.extract.text_value_guards import superseded
from tests.test_table_reader import make_table

LOC = Location(10, 10, "VI", "test slide")


def _of(ex: Extraction, kind: str) -> list[Statement]:
    return [s for s in ex.statements if s.kind == kind]


# --------------------------------------------------------------------------- a rate, not a share


def test_a_percentage_reaching_a_margin_is_no_share(text_reader):
    r, ex = text_reader
    r.read("반면 엔비디아는 57%에 달하는 높은 조정 FCF 마진을 기록 중.", LOC, ())
    r.read("구글은 40%에 육박하는 도입률을 보임.", LOC, ())
    assert [s for s in ex.statements if s.rule.startswith("text:share-verb")] == []


def test_a_percentage_reaching_a_share_noun_or_taken_is_still_a_share(text_reader):
    r, ex = text_reader
    r.read("엔비디아는 57%를 차지하는 1위 업체.", LOC, ())
    r.read("중국은 세계 수요의 30%에 달하는 비중.", LOC, ())
    assert [(s.subject, s.value, s.rule) for s in _of(ex, "share")] == [
        ("nvidia", Decimal(57), "text:share-verb:clause-topic"), ("china", Decimal(30), "text:share-verb:clause-topic")]


# --------------------------------------------------------------------------- a term within, not a span taken


def test_a_span_within_a_contracts_term_is_a_target_bound(text_reader):
    r, ex = text_reader
    r.read("블룸에너지는 오라클과 계약. 전력 공급까지 ‘약 90일 이내’라는 계약인 것.", LOC, ())
    assert [(s.subject, s.value, s.unit, s.status, s.bound) for s in _of(ex, "duration")] == [
        ("bloom-energy", Decimal(90), "day", "target", "upper")]


def test_a_span_something_took_within_stays_actual(text_reader):
    r, ex = text_reader
    r.read("엔비디아는 설치가 5분 안에 완료.", LOC, ())
    assert [(s.subject, s.value, s.status, s.bound) for s in _of(ex, "duration")] == [
        ("nvidia", Decimal(5), "actual", "upper")]  # "안에": at most 5 minutes (ingest/bound_words.py)


# --------------------------------------------------------------------------- a caption dating an announcement


def _period(caption: str):
    table = make_table([caption], ["항목", "내용"], [["투자", "10억 달러"]])
    return table_status({table.id: table})[table.id].period(2, 101)


def test_a_captions_date_of_an_announcement_does_not_date_the_cells():
    assert _period("작년 12월 행사에서 공식 발표된 “Rainier”") is None
    assert _period("2024년 12월 컨퍼런스에서 공개된 신형 칩") is None
    assert _period("2024년 중국 AI 서비스 비교").text == "2024"  # a caption of the cells' year dates them


# --------------------------------------------------------------------------- a superseded figure


def test_the_original_figure_a_revision_replaced_is_superseded():
    s = "원래 목표 2.2 GW → 8개 캠퍼스(1.2 GW)로 완공 목표"
    assert superseded(s, 6, 12) and not superseded(s, s.index("1.2"), s.index("1.2") + 6)
    s = "2.2GW → 1.2GW로 하향 조정"
    assert superseded(s, 0, 5)
    s = "1GW → 2GW로 확대"  # a growth, no revision: the first figure is not called the original
    assert not superseded(s, 0, 3)


def test_a_superseded_target_read_in_prose_is_an_earlier_value(text_reader):
    r, ex = text_reader
    r.read("스타게이트는 원래 목표 5 GW → 3 GW로 완공 목표.", LOC, ())
    got = sorted((s.value, s.scope) for s in _of(ex, "powerCapacity"))
    assert got == [(Decimal(3000), ""), (Decimal(5000), EARLIER)]


# --------------------------------------------------------------------------- a share on a platform


def test_a_carried_topics_share_on_a_platform_keeps_the_platform(text_reader):
    r, ex = text_reader
    r.read("출시 직후 Grok Code는 OpenRouter에서 최상위권 유지", LOC, ())
    r.read("특히 프로그래밍 시장 점유율은 50% 이상으로 압도적", LOC, ())
    assert [(s.subject, s.value, s.scope) for s in _of(ex, "marketShare")] == [
        ("grok-code-fast-1", Decimal(50), "OpenRouter 프로그래밍 시장")]


def test_a_carried_topics_share_without_a_platform_keeps_its_market(text_reader):
    r, ex = text_reader
    r.read("출시 직후 Grok Code는 최상위권 유지", LOC, ())
    r.read("특히 프로그래밍 시장 점유율은 50% 이상으로 압도적", LOC, ())
    assert [(s.subject, s.scope) for s in _of(ex, "marketShare")] == [("grok-code-fast-1", "프로그래밍 시장")]


# --------------------------------------------------------------------------- one thing's economics


def _settled(remark: str) -> list[str]:
    table = make_table(["로보택시 현금흐름 추산"], ["항목", "값", "설명"],
                       [["연간 매출 (USD)", "50,000", remark], ["평균 승차 요금 (USD)", "8", "한 번 탑승할 때 요금"]])
    at = [Location(line, line, "IX", "IX. 테스트: 표", table.id, line - 100, 2) for line in (101, 102)]
    ex = Extraction(statements=[Statement("acme", "revenue", at[0], "t", value=Decimal(50000), unit="USD", per="year"),
                                Statement("acme", "unitPrice", at[1], "t", value=Decimal(8), unit="USD")])
    settle_statuses([table], ex, [])
    return [s.per for s in ex.statements]


def test_a_table_of_one_cars_economics_gives_its_yearly_sums_per_vehicle_year():
    assert _settled("차량 1대의 연간 매출 총합") == ["vehicle-year", "ride"]  # a fare is per ride, not per car
    assert _settled("연간 매출 총합") == ["year", "ride"]  # no one thing counted: per year only
