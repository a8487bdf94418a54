"""A prose figure's status from the words of its clause (petaflop.extract.prose_status) and the period a
table's rank, change or row label gives its cells (petaflop.extract.table_status). Sentences and tables
are our own."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.cell_text import cell_period
from petaflop.extract.facts import Extraction, Fact, Location, Statement
from petaflop.extract.prose_status import cell_per, prose_deadline, prose_status, supposed_figure
from petaflop.extract.status_context import settle_statuses
from petaflop.extract.table_status import table_status
from tests.test_table_reader import make_table


def _raw(line: str, figure: str) -> str:
    """The window a prose reader keeps: 20 characters before the figure, the figure, 8 after."""
    at = line.index(figure)
    return line[max(0, at - 20):at + len(figure) + 8].strip()[:60]


def test_guidance_before_a_figure_makes_it_a_forecast():
    line = "현금흐름\t올해 조정 FCF 가이던스 중간값 30억 달러. 전년 대비 개선"
    assert prose_status(line, _raw(line, "30억 달러"), False) == "forecast"
    row = "올해 매출 가이던스\t-\t$7.1 – $7.3 billion (+120%)"
    assert prose_status(row, "$7.1 – $7.3 billion (+120%)", False, cell=True) == "forecast"


def test_a_figure_computed_on_guidance_or_in_another_cell_is_not_a_guidance():
    line = "멀티플\t45배 (올해 매출 가이던스 기준)\t12배"
    assert prose_status(line, "45배 (올해 매출 가이던스 기준)", False, cell=True) == ""
    row = "매출\t올해 가이던스 9억 달러\t올해 연환산 매출(ARR)은 40억 달러"
    assert prose_status(row, "올해 연환산 매출(ARR)은 40억 달러", False, cell=True) == ""


def test_what_is_to_be_done_after_the_figure_is_planned_and_what_is_said_to_happen_a_forecast():
    plan = "- Acme는 연말까지 20만 개 이상의 GPU를 가동할 것이나, 경쟁사는 더 늦음."
    assert prose_status(plan, _raw(plan, "20만 개"), False) == "planned"
    later = "- 4분기 내 8만개의 GB300(약 100만개의 A100과 동일한 것으로 추정)이 추가 투입될 예정."
    assert prose_status(later, _raw(later, "8만개"), False) == "planned"
    rumour = "- 모델이 10월에 출시될 것이라는 커뮤니티 루머가 돌았음."
    assert prose_status(rumour, _raw(rumour, "10월"), False) == "forecast"


def test_a_figure_of_a_clause_that_is_done_keeps_no_status():
    done = "- Acme는 5만개의 H100을 가동 중이고, 내년에는 10만개를 투입할 예정."
    assert prose_status(done, _raw(done, "5만개"), False) == ""
    assert prose_status("매출은 3억 달러를 기록.", "", False) == ""


def test_a_claim_fact_takes_the_status_of_its_clause_as_a_qualifier():
    line = "- Acme는 연말까지 20만 개 이상의 GPU를 가동할 것이나, 경쟁사는 더 늦음."
    fact = Fact("acme", "gpuCount", Decimal(200000), False, Location(1, 1, "IV", "IV. 테스트"), "claim:org-gpus:marked",
                (), raw=_raw(line, "20만 개"))
    ex = Extraction(facts=[fact])
    settle_statuses([], ex, [line])
    assert "planned" in ex.facts[0].qualifiers


def test_a_rank_or_a_change_on_the_previous_quarter_is_of_the_latest_period_column():
    table = make_table(["파운드리 매출 순위"], ["순위", "기업명", "2Q24 매출", "1Q24 매출", "QoQ(%)"],
                       [["1", "A", "30", "25", "20%"]])
    status = table_status({table.id: table})[table.id]
    assert status.period(1).text == "2024-Q2" and status.period(5).text == "2024-Q2"
    assert status.period(2) is None  # the company column is not dated


def test_a_rank_beside_projected_period_columns_is_not_dated():
    table = make_table(["출하량"], ["순위", "기업", "2025", "2026E"], [["1", "A", "3", "5"]])
    assert table_status({table.id: table})[table.id].period(1) is None


def test_a_row_label_opening_with_a_period_dates_its_row_when_no_column_is_a_period():
    table = make_table(["주요 재무 사항"], ["항목", "금액", "단위"],
                       [["1Q24 실제 매출", "0.05", "십억 달러"], ["2023년 EBITDA", "4.2", "십억 달러"],
                        ["RTX 5090 가격", "2", "천 달러"]])
    status = table_status({table.id: table})[table.id]
    assert status.period(2, 101).text == "2024-Q1"
    assert status.period(2, 102).text == "2023"
    assert status.period(2, 103) is None  # not a period's row
    assert status.period(1, 101) is None  # the label itself is not dated
    timeline = make_table(["타임라인"], ["날짜", "내용"], [["8월 초", "라이선스 발급(20,000개 한도)"]])
    assert table_status({timeline.id: timeline})[timeline.id].period(2, 101) is None  # when an event happened


def test_a_plan_or_forecast_holds_by_the_deadline_its_clause_names():
    plan = "- Acme는 연말까지 20만 개 이상의 GPU를 가동할 것이나, 경쟁사는 더 늦음."
    assert prose_deadline(plan, _raw(plan, "20만 개")).text == "2025"
    quarter = "- 3분기 내 8만개의 GB300이 추가 투입될 예정."
    assert prose_deadline(quarter, _raw(quarter, "8만개")).text == "2025-Q3"
    year = "- 전력 수요는 2030년까지 두 배로 늘어나 90GW에 이를 것으로 예상."
    assert prose_deadline(year, _raw(year, "90GW")).text == "2030"
    other_clause = "- 2030년까지 확대하겠다고 했으며, 현재 5만 개를 가동."
    assert prose_deadline(other_clause, _raw(other_clause, "5만 개")) is None


def test_a_prose_plan_without_time_is_dated_by_its_deadline():
    line = "- Acme는 연말까지 20만 개 이상의 GPU를 가동할 것이나, 경쟁사는 더 늦음."
    st = Statement("acme", "gpuCount", Location(1, 1, "IV", "IV. 테스트"), "test", value=Decimal(200000),
                   status="planned", raw=_raw(line, "20만 개"))
    ex = Extraction(statements=[st])
    settle_statuses([], ex, [line])
    assert ex.statements[0].time.text == "2025"


def test_a_cell_opening_with_what_its_figure_is_per_gives_the_per():
    assert cell_per("칩당 최대 2,300 TFLOPS") == "chip"
    assert cell_per("샘플당 $0.12") == "sample"
    assert cell_per("칩당 96GB, 총 4,096개 칩 0.4PB") == ""  # several figures: whose per is it
    assert cell_per("매출 30억 달러") == ""


def test_what_may_happen_or_a_simulation_projects_is_a_forecast():
    may = "- 수율이 오르면, 약 2천 개의 시스템이 연말까지 구축될 수도 있음. 다만 변수가 많음."
    assert prose_status(may, _raw(may, "2천 개"), False) == "forecast"
    sim = "몬테카를로 기반 3개월 후 ACME 주가 시뮬레이션 분포에서 가장 높은 구간은 약 120~130달러"
    assert prose_status(sim, _raw(sim, "120~130달러"), False) == "forecast"
    done = "- Acme의 시뮬레이션 엔진은 작년에 2천 개 기업이 도입."
    assert prose_status(done, _raw(done, "2천 개"), False) == ""  # a simulator's users are a fact


def test_an_assumed_figure_in_a_cell_is_an_estimate():
    row = "부문 매출 멀티플\t8배로 가정 (보수적)"
    assert prose_status(row, "8배로 가정 (보수적)", False, cell=True) == "estimate"
    assert prose_status("부문 매출 멀티플\t8배 (가정은 아래)", "8배 (가정은 아래)", False, cell=True) == ""


def test_a_row_that_says_it_is_estimated_or_expected_gives_its_figures_that_status():
    table = make_table(["기기 비교"], ["제품", "카메라", "가격"],
                       [["Acme Glass (추정)", "12MP", "$799"], ["Acme Band", "8MP", "$299"],
                        ["추정", "Kim", "825,000"], ["예상 가격", "-", "$6,500"]])
    status = table_status({table.id: table})[table.id]
    ref = "2025-09-03"
    assert status.status("unitPrice", None, 101, 3, ref) == "estimate"
    assert status.status("unitPrice", None, 102, 3, ref) is None
    assert status.status("amount", None, 103, 3, ref) == "estimate"
    assert status.status("unitPrice", None, 104, 3, ref) == "estimate"
    later = cell_period("2026")
    assert status.status("unitPrice", later, 104, 3, ref) == "forecast"


def test_a_column_of_reference_times_dates_the_other_cells_of_its_row():
    table = make_table(["클라우드 지표"], ["구분", "수치", "기준 시점", "비고"],
                       [["시장 점유율", "33%", "2025년 Q1", "1위"], ["성장률", "15%", "최근", "-"],
                        ["투자 계획", "$5B", "2024년", "2024년과 2025년"]])
    status = table_status({table.id: table})[table.id]
    assert status.period(2, 101).text == "2025-Q1"
    assert status.period(4, 101).text == "2025-Q1"
    assert status.period(2, 102) is None  # "최근" names no period
    assert status.period(2, 103).text == "2024"
    assert status.period(3, 101) is None  # the time cell itself is not dated by itself


def test_a_change_from_one_figure_to_another_over_years_dates_both_ends():
    line = "- 지난 2년간 Acme의 직원 수가 500명에서 1,500명으로 세 배 증가."
    loc = Location(1, 1, "IV", "IV. 테스트")
    ex = Extraction(statements=[
        Statement("acme", "employeeCount", loc, "text:value-from", value=Decimal(500), raw=_raw(line, "500명")),
        Statement("acme", "employeeCount", loc, "text:value-from-to", value=Decimal(1500), raw=_raw(line, "1,500명")),
    ])
    settle_statuses([], ex, [line])
    assert [st.time.text for st in ex.statements] == ["2023", "2025"]
    other = "- Acme의 직원 수가 500명에서 1,500명으로 증가."  # no span: no date
    ex = Extraction(statements=[Statement("acme", "employeeCount", loc, "text:value-from", value=Decimal(500),
                                          raw=_raw(other, "500명"))])
    settle_statuses([], ex, [other])
    assert ex.statements[0].time is None


def test_what_is_intended_or_headed_for_is_planned():
    intent = "- Acme는 3년간 2 GW 규모 인프라를 구축하고 100억 달러를 투입하겠다는 계획을 공개."
    assert prose_status(intent, _raw(intent, "100억 달러"), False) == "planned"
    toward = "- 다음 단계로 약 20만 개의 GPU 탑재로 나아가는 중."
    assert prose_status(toward, _raw(toward, "20만 개"), False) == "planned"
    enough = "- 터빈 전력은 10만 개의 GPU를 구동하기에 충분한 수준."
    assert prose_status(enough, _raw(enough, "10만 개"), False) == "planned"
    done = "- Acme는 작년에 2 GW 규모 인프라를 구축하고 100억 달러를 투입."
    assert prose_status(done, _raw(done, "100억 달러"), False) == ""


def test_money_in_a_row_that_says_it_is_to_be_done_is_planned():
    table = make_table(["투자 목록"], ["분야", "기업", "금액", "세부 내용"],
                       [["데이터센터", "Acme", "20억 달러", "Acme는 내년 데이터센터를 구축 예정"],
                        ["헬스케어", "Beta", "5억 달러", "Beta가 공장을 건설"]])
    status = table_status({table.id: table})[table.id]
    assert status.status("amount", None, 101, 3, "2025-09-03") == "planned"
    assert status.status("amount", None, 102, 3, "2025-09-03") is None
    assert status.status("gpuCount", None, 101, 3, "2025-09-03") is None  # only money


def test_an_outlook_tables_figure_of_a_period_already_over_is_no_forecast():
    table = make_table(["클라우드 주요 지표 및 전망"], ["구분", "수치", "기준 시점"],
                       [["시장 점유율", "23%", "2024년"], ["연간 성장률", "15%", "2026년"], ["매출 전망", "$3B", "2024년"]])
    loc = lambda line: Location(line, line, "IV", "IV. 테스트", table_id=table.id, column=2)  # noqa: E731
    ex = Extraction(statements=[
        Statement("acme", "marketShare", loc(101), "t", value=Decimal(23), unit="%", status="forecast"),
        Statement("acme", "growthRate", loc(102), "t", value=Decimal(15), unit="%", status="forecast"),
        Statement("acme", "revenue", loc(103), "t", value=Decimal(3), unit="USD", status="forecast"),
    ])
    settle_statuses([table], ex, ["", ""])
    assert [(st.time.text, st.status) for st in ex.statements] == [
        ("2024", "actual"), ("2026", "forecast"), ("2024", "forecast")]  # the row itself says 전망


def test_a_figure_supposed_in_a_condition_is_a_scenarios():
    line = "설비이용률은 약 39%로, 절반 이상이 놀고 있다는 뜻. 이용률을 78%로만 올려도 연간 생산이 늘어남."
    assert supposed_figure(line, "이용률을 78%로만 올려도 연")  # "if only raised to 78%": no figure there is
    assert not supposed_figure(line, "설비이용률은 약 39%로, 절반")  # what there is
    assert prose_status(line, "이용률을 78%로만 올려도 연", False) == ""  # its status is not what makes it so
    ex = Extraction()
    ex.statements.append(Statement("china", "share", Location(7, 7), "text:value:country-topic", value=Decimal(78),
                                   unit="%", raw="이용률을 78%로만 올려도 연"))
    settle_statuses([], ex, ["", "", "", "", "", "", line])
    assert [(st.scope, st.status) for st in ex.statements] == [("scenario", "actual")]


def test_a_figure_taken_as_a_requirements_premise_is_a_scenarios_and_planned():
    # "even 550k chips alone need several GW": the count is a premise, not a count there is — the count a need
    # is reckoned for, one is to have (planned)
    line = "- 다만, 제약 요인이 있음. 55만 개의 GB200만으로도 수 GW가 필요하고, 전력망도 필수."
    raw = "55만 개의 GB200만으로도 수"
    assert supposed_figure(line, raw)
    assert not supposed_figure("- 55만 개의 GB200을 가동 중이며, 수 GW가 필요.", "55만 개의 GB200을 가동 중이")
    ex = Extraction()
    ex.statements.append(Statement("acme", "chipCount", Location(2, 2), "text:count-item:block-topic",
                                   value=Decimal(550000), unit="count", raw=raw))
    settle_statuses([], ex, ["", line])
    assert [(st.scope, st.status) for st in ex.statements] == [("scenario", "planned")]


def test_an_expectation_closing_the_figure_in_a_noun_is_a_forecast():
    line = "- 40GW (정식 주문)이며, 연말까지 최소 45GW 예상 - 납기 3년"
    assert prose_status(line, _raw(line, "45GW"), False) == "forecast"
    line = "매출은 약 200억 달러 수준 전망. 다음 분기는 미정"
    assert prose_status(line, _raw(line, "200억 달러"), False) == "forecast"
    line = "출하량 3만 대 증가 예측, 이어서 신규 라인 가동"
    assert prose_status(line, _raw(line, "3만 대"), False) == "forecast"
    # a figure against an expectation is no expectation
    for line in ("매출은 200억 달러로 예상보다 높은 실적을 기록", "매출 200억 달러 예상을 상회한 실적"):
        assert prose_status(line, _raw(line, "200억 달러"), False) == ""


def test_a_figure_read_as_prose_in_a_bullet_cell_takes_its_status_from_the_cell_sentence():
    # the report line has the cell's HTML bullets; the cell text (and the reader's raw) has them as "; "
    line = '수주잔고\t<ul style="list-style-type: none"> - 40GW (정식 주문)이며, 연말까지 최소 45GW 예상 - 납기 3년</ul>'
    table = make_table(["터빈 공급"], ["구분", "내용"], [["수주잔고", "40GW (정식 주문)이며, 연말까지 최소 45GW 예상; 납기 3년"]])
    cell = table.rows[0].cells[1].text
    at = cell.index("45GW")
    raw = cell[at - 20:at + len("45GW") + 8]  # the reader's window: 20 characters before, the figure, 8 after
    assert raw not in line  # the line cannot place the figure: only its cell can
    st = Statement("acme", "quantity", Location(101, 101, "IV", "IV. 테스트", table_id=table.id, row=1, column=2),
                   "text-cell:value:row", value=Decimal(45000), unit="MW", raw=raw)
    ex = Extraction(statements=[st])
    settle_statuses([table], ex, [""] * 100 + [line])
    assert ex.statements[0].status == "forecast"
