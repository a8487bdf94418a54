"""Status and time of values (wave 23): a header's period repeated by a slip, a column label's period in
parentheses, a product's release date that does not date its specs, a horizon counted from the report's date,
a date that frames a sentence, a capacity dated later that no word calls expected, a part of the sentence
before ("그중 …"), and a figure a model table quotes. Tables and sentences are our own."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from petaflop.extract.facts import Location
from petaflop.extract.period_columns import slipped_period, trailing_period
from petaflop.extract.prose_status import prose_deadline
from petaflop.extract.table_status import LEADING_PERIOD, table_status
from tests.test_table_reader import make_table

LOC = Location(10, 10, "IV", "test slide")

SHARES = ["순위", "회사", "2Q25 매출", "1Q25 매출", "QoQ(%)", "1Q25 점유율", "1Q25 점유율"]


def _period(labels: list[str], column: int) -> str | None:
    p = slipped_period(labels, column, LEADING_PERIOD)
    return p.text if p is not None else None


def test_a_period_repeated_by_a_slip_takes_its_place_among_another_measures_periods():
    assert [_period(SHARES, c) for c in (6, 7)] == ["2025-Q2", "2025-Q1"]
    t = make_table(["파운드리 순위"], SHARES, [["1", "가나파운드리", "300", "250", "20%", "70.1%", "68.2%"]])
    status = table_status({t.id: t})[t.id]
    assert [(p.text if (p := status.period(c, 101)) else None) for c in (3, 4, 6, 7)] == \
        ["2025-Q2", "2025-Q1", "2025-Q2", "2025-Q1"]


def test_a_repeated_period_stays_undated_when_no_other_measure_says_which_is_which():
    assert _period(["회사", "1Q25 점유율", "1Q25 점유율"], 2) is None  # no other measure
    assert _period(["회사", "2Q25 매출", "1Q25 매출", "1Q25 점유율", "3Q25 점유율"], 3) is None  # labels disagree
    assert _period(["회사", "2Q25 매출", "2Q25 매출", "1Q25 점유율", "1Q25 점유율"], 3) is None  # both repeat
    assert _period(["회사", "2Q25 매출", "1Q25 매출", "4Q24 매출", "1Q25 점유율", "1Q25 점유율"], 4) is None  # 3 vs 2


def test_a_products_release_date_does_not_date_or_project_its_specs(gaz):
    from petaflop.extract.claims import ClaimMiner
    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver
    from petaflop.extract.status_context import settle_statuses
    from petaflop.extract.table_map import load_mappings
    from petaflop.extract.tables import TableExtractor
    from petaflop.extract.text_reader import TextReader

    ex = Extraction()
    res = Resolver(gaz, ex)
    text = TextReader(res, use_kiwi=False)
    text.start_slide("")
    mapping = next(m for m in load_mappings() if m.id == "nvidia-products")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], res, ClaimMiner(res, []), lambda t: (), text=text)
    t = make_table(["가나다전자의 다음 칩들"], ["제품명", "출시일자", "다이 구성", "제조 공정", "패키징", "HBM 구성",
                                         "HBM 스택", "TDP (W)"],
                   [["Kappa 900", "2027년 하반기", "듀얼 다이", "TSMC N3P", "CoWoS-L", "HBM4 512GB", "12 채널 6개 스택", "1,800"]])
    te._rows(t, mapping)
    settle_statuses([t], ex)
    memory = [f for f in ex.facts if f.predicate == "memoryGB"]
    assert [(f.obj, f.as_of, tuple(f.qualifiers)) for f in memory] == [(Decimal(512), "", ())]
    stacks = [s for s in ex.statements if s.kind == "unitCount" and s.value == 6]
    assert stacks and all((s.status, s.time) == ("actual", None) for s in stacks)
    released = [(s.time.text if s.time else None, s.status) for s in ex.statements if s.kind == "releaseDate"]
    assert released == [("2027-H2", "planned")]  # the date itself is read as before


def test_a_horizon_counted_in_months_from_the_reports_date_dates_a_forecast():
    line = "몬테카를로 기반 6개월 후 가나 주가 시뮬레이션에서 가장 잦은 구간은 약 120~125달러 범위"
    p = prose_deadline(line, "잦은 구간은 약 120~125달러 범위")
    assert p is not None and p.text == "2026-03"
    p = prose_deadline("4개월 뒤 가나의 매출은 12억 달러로 예상", "가나의 매출은 12억 달러로 예상")
    assert p is not None and p.text == "2026-01"
    assert prose_deadline("지난 6개월 동안 매출은 12억 달러로 늘어", "매출은 12억 달러로 늘어") is None


def test_a_column_label_with_its_period_in_parentheses_dates_its_cells():
    t = make_table(["기업용 모델 점유율"], ["구분", "점유율(2025)", "세부 내용"],
                   [["전체 기준", "35%", "가나리서치가 올해 설문"], ["경쟁사", "가나AI 25%, 다라AI 20%", "-"]])
    status = table_status({t.id: t})[t.id]
    assert [(p.text if (p := status.period(c, 101)) else None) for c in (2, 3)] == ["2025", None]
    assert [(p.text if (p := trailing_period(label)) else None)
            for label in ("매출 (2024년)", "출하량 (2Q25)", "점유율(%)", "X100 (2023)")] == ["2024", "2025-Q2", None, None]


def _times(text_reader, sentence: str) -> dict[tuple[str, Decimal], str | None]:
    r, ex = text_reader
    r.read(sentence, LOC, ())
    return {(s.kind, s.value): (s.time.text if s.time else None) for s in ex.statements}


def test_a_date_that_opens_the_sentence_set_off_by_a_comma_frames_its_later_clauses(text_reader):
    got = _times(text_reader, "올 3분기, 인텔은 처음으로 분기 매출 50억 달러를 돌파했으며, 이는 전년 동기 대비 12% 증가한 수치.")
    assert got == {("revenue", Decimal("5E+9")): "2025-Q3", ("growthRate", Decimal(12)): "2025-Q3"}


def test_no_frame_when_another_time_follows_or_the_date_is_not_set_off(text_reader):
    got = _times(text_reader, "올 3분기, 인텔은 매출 50억 달러를 기록했고, 현재 직원 수는 10만 명.")
    assert got[("revenue", Decimal("5E+9"))] is None and got[("employeeCount", Decimal(100000))] is None
    got = _times(text_reader, "인텔은 올 3분기 출시를 앞두고, 매출 50억 달러를 기록.")  # the date does not open it
    assert got.get(("revenue", Decimal("5E+9"))) is None


def _settled(text_reader, sentence: str) -> dict[tuple[str, Decimal], str]:
    from petaflop.extract.status_context import settle_statuses

    r, ex = text_reader
    r.read(sentence, LOC, ())
    settle_statuses([], ex, [""] * 9 + [sentence])  # LOC is line 10
    return {(s.kind, s.value): s.status for s in ex.statements}


def test_a_capacity_that_only_its_later_date_made_a_forecast_is_planned(text_reader):
    got = _settled(text_reader, "블룸에너지는 제조능력을 2GW/년 → 4GW/년(2027년 말)로 두 배 증설하고 있음.")
    assert got[("manufacturingCapacity", Decimal(4000))] == "planned"
    # the pair's ratio is the same plan (status_context._pair_planned); a lone multiple stays as read
    assert got[("multiple", Decimal(2))] == "planned"


def test_a_capacity_said_to_be_expected_stays_a_forecast(text_reader):
    got = _settled(text_reader, "블룸에너지의 제조능력은 2027년 4GW/년에 이를 것으로 전망.")
    assert got == {("manufacturingCapacity", Decimal(4000)): "forecast"}


def _settled_times(text_reader, sentence: str) -> dict[tuple[str, Decimal], str | None]:
    from petaflop.extract.status_context import settle_statuses

    r, ex = text_reader
    r.read(sentence, LOC, ())
    settle_statuses([], ex, [""] * 9 + [sentence])
    return {(s.kind, s.value): (s.time.text if s.time else None) for s in ex.statements}


def test_a_part_of_what_the_sentence_before_said_holds_when_that_sentence_does(text_reader):
    got = _settled_times(text_reader, "가나벤처 투자는 2025년에만 500억 달러에 달하는 자본을 AI 스타트업에 쏟아붓고 있음. 그중 미국 비중 70%.")
    assert got[("share", Decimal(70))] == "2025"


def test_no_time_for_a_part_when_the_sentence_before_has_no_one_date_or_the_part_is_not_marked(text_reader):
    got = _settled_times(text_reader, "투자는 2024년 300억 달러에서 2025년 500억 달러로 늘어났음. 그중 미국 비중 70%.")
    assert ("share", Decimal(70)) in got and got[("share", Decimal(70))] is None
    text_reader[1].statements.clear()
    got = _settled_times(text_reader, "가나벤처 투자는 2025년에만 500억 달러에 달하는 자본을 쏟아붓고 있음. 미국 비중 70%.")
    assert ("share", Decimal(70)) in got and got[("share", Decimal(70))] is None


def test_a_model_table_quotes_another_owners_figure_as_stated_and_keeps_its_own_as_estimates(table_reader):
    from petaflop.extract.status_context import settle_statuses

    r, ex = table_reader
    t = make_table(["가나 로보택시 차량당 수익 모델 (가정)"], ["항목", "단위", "값", "비고"],
                   [["배달 요금 (마일당)", "$/마일", "0.50", "건당 요금 가능 (DoorDash 요금은 마일당 $1, 여기에 50% 할인)"]])
    r.read(t)
    settle_statuses([t], ex)
    got = {(s.subject, s.kind, s.value): s.status for s in ex.statements}
    assert got[("doordash", "unitPrice", Decimal(1))] == "actual"  # quoted: DoorDash's own fee
    assert got[("tesla-robotaxi", "unitPrice", Decimal("0.5"))] == "estimate"  # the model's assumption
    assert got[("tesla-robotaxi", "relativeDifference", Decimal(-50))] == "estimate"


def test_a_row_of_expectations_does_not_make_another_products_current_price_an_estimate(table_reader):
    from petaflop.extract.status_context import settle_statuses

    r, ex = table_reader
    t = make_table(["B40 주요 사양"], ["항목", "내용"],
                   [["제품명", "B40"], ["예상 가격", "\\$5,000 ~ \\$6,000 - 현재 주력 모델인 H20(\\$1만~\\$1.2만)보다도 50% 낮은 가격."]])
    r.read(t)
    settle_statuses([t], ex)
    got = {(s.subject, s.kind, s.value): s.status for s in ex.statements}
    assert got[("nvidia-h20", "unitPrice", Decimal(10000))] == "actual"  # the other chip's price, now
    assert got[("nvidia-rtx-pro-6000d", "unitPrice", Decimal(5000))] == "estimate"  # the row's own expected price
