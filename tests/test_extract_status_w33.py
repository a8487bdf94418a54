"""Statuses, wave 33: a requirement's premise count is planned, a site only to open has planned links, a
cell that opens with a possibility and a rival surpassed in a column of goals give their links a status,
an announced table's pledged deal has planned parties, "…하게 되는 거래" plans the link before it, and a cost
named on the caption of a table of reckoned costs is an estimate.
Sentences and tables are our own (in the report's style)."""

from __future__ import annotations

from decimal import Decimal

from foundation.periods import parse_period
from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Extraction, Fact, Location, Statement
from petaflop.extract.link_status import cell_link_status, link_status_after, settle_link_statuses
from petaflop.extract.prose_status import names_a_cost, prose_status, supposed_figure
from petaflop.extract.status_context import settle_statuses


def _raw(line: str, figure: str) -> str:
    """The window a prose reader keeps: 20 characters before the figure, the figure, 8 after."""
    at = line.index(figure)
    return line[max(0, at - 20):at + len(figure) + 8].strip()[:60]


def _row(line: int, *texts: str) -> Row:
    return Row(line, [Cell(t, t, line, j) for j, t in enumerate(texts, 1)])


def _loc(line: int, column: int, table: str) -> Location:
    return Location(line, line, "VI", "t", table_id=table, row=line - 1, column=column)


def test_a_requirements_premise_count_is_planned_unless_its_clause_speaks_of_now():
    line = "- 다만 제약이 있음. 55만 개의 GB200만으로도 수 GW가 필요하고, 송전망이 필수."
    raw = _raw(line, "55만 개")
    assert supposed_figure(line, raw)  # scoped a scenario, as before
    assert prose_status(line, raw, False) == "planned"
    now = "- 현재 운영 중인 10만 개의 H100만으로도 150MW가 필요."
    assert supposed_figure(now, _raw(now, "10만 개"))
    assert prose_status(now, _raw(now, "10만 개"), False) == ""
    condition = "- 이용률을 78%로만 올려도 연간 전력 생산이 크게 늘어남."  # a condition's figure: no plan
    assert prose_status(condition, _raw(condition, "78%"), False) == ""


def test_a_site_only_to_open_has_planned_place_and_operator_but_an_open_site_keeps_them():
    ex = Extraction()
    lines = ["x", "- 올해 일본에 새 데이터센터 개설", "- 필리핀에 새 거점 개설"]
    for line, site, place in ((2, "site-a-japan", "japan"), (3, "site-b-philippines", "philippines")):
        raw = lines[line - 1]
        ex.add(Fact(site, "locatedIn", place, True, _loc(line, 2, "T-9"), "site:locatedIn", raw=raw))
        ex.add(Fact(site, "operatedBy", "a-cloud", True, _loc(line, 2, "T-9"), "site:holder:named", raw=raw))
    ex.statements.append(Statement("site-a-japan", "operationDate", _loc(2, 2, "T-9"), "site:terms",
                                   time=parse_period("2025"), status="planned"))
    # another reader's date of a campus under way does not plan its place
    ex.add(Fact("campus-c", "locatedIn", "texas", True, _loc(3, 0, ""), "text:located", raw="텍사스에 위치한 캠퍼스"))
    ex.statements.append(Statement("campus-c", "operationDate", _loc(3, 0, ""), "text:event-plan", status="planned"))
    assert settle_link_statuses(ex, lines) == 2
    assert [(str(f.subject), f.predicate, f.link_status) for f in ex.facts] == [
        ("site-a-japan", "locatedIn", "planned"), ("site-a-japan", "operatedBy", "planned"),
        ("site-b-philippines", "locatedIn", ""), ("site-b-philippines", "operatedBy", ""), ("campus-c", "locatedIn", "")]


def test_a_cell_that_opens_with_a_possibility_makes_each_of_its_links_an_estimate():
    cell = "PCIe 6.0 기반으로 연결될 가능성 - 최대 8개 GPU: X-NIC을 통해 연결 - 그 이상: Y로 확장"
    table = Table("T-1", Span(1, 3), [], [], [_row(2, "멀티 GPU 구성", cell), _row(3, "GPU 간 연결", "X-NIC을 통해 연결")],
                  column_labels=["항목", "내용"])
    assert cell_link_status(table, 2, 2) == "estimate"
    assert cell_link_status(table, 3, 2) == ""  # a plain cell
    ex = Extraction()
    ex.add(Fact("chip-b", "usesNetwork", "x-nic", True, _loc(2, 2, "T-1"), "text-cell:adopts:row",
                raw="X-NIC을 통해 연결 - 그 이상"))
    ex.add(Fact("chip-b", "usesNetwork", "x-nic", True, _loc(3, 2, "T-1"), "text-cell:adopts:row", raw="X-NIC을 통해 연결"))
    assert settle_link_statuses(ex, ["x"] * 3, [table]) == 1
    assert [f.link_status for f in ex.facts] == ["estimate", ""]


def test_a_rival_surpassed_in_a_column_of_goals_is_a_target_but_a_rival_replaced_is_not():
    table = Table("T-2", Span(1, 4), [], [], [_row(2, "칩 A", "H20 성능 일부 초과", "5월 말 첫 샘플"),
                                             _row(3, "칩 B", "H20 대체", "하반기 램프업"),
                                             _row(4, "칩 C", "H20 성능 초과", "출시")],
                  column_labels=["칩 모델", "목표 성능 추정", "공급 일정"])
    assert [cell_link_status(table, n, 2) for n in (2, 3)] == ["target", ""]
    plain = Table("T-3", Span(1, 2), [], [], [_row(2, "칩 C", "H20 성능 초과")], column_labels=["칩 모델", "성능"])
    assert cell_link_status(plain, 2, 2) == ""  # no column of goals: what the chip does


def test_an_announced_tables_pledged_deal_has_planned_parties_but_a_plain_tables_deal_keeps_them():
    announced = Table("T-4", Span(1, 2), ["백악관이 발표한 주요 거래"], [], [_row(2, "A사·B사", "5,000억", "AI 인프라")],
                      column_labels=["투자 주체", "투자액(달러)", "세부 분야"])
    plain = Table("T-5", Span(3, 4), ["주요 투자 현황"], [], [_row(4, "C사", "300억", "데이터센터")],
                  column_labels=["투자 주체", "투자액(달러)", "세부 분야"])
    ex = Extraction()
    for table, line, deal, who in (("T-4", 2, "deal-ab", "a-corp"), ("T-5", 4, "deal-c", "c-corp")):
        ex.add(Fact(deal, "hasInvestor", who, True, _loc(line, 1, table), f"table:{table}:hasInvestor"))
        ex.add(Fact(deal, "hasInvestee", "project-x", True, _loc(line, 1, table), f"table:{table}:hasInvestee"))
        status = ("planned",) if table == "T-4" else ()  # the table's status reading has planned the pledged sum
        ex.add(Fact(deal, "amountUSD", "500000000000", False, _loc(line, 2, table), f"table:{table}:amountUSD",
                    qualifiers=status))
    lines = ["x", "A사·B사\t5,000억\tAI 인프라", "x", "C사\t300억\t데이터센터"]
    assert settle_link_statuses(ex, lines, [announced, plain]) == 2
    assert [(str(f.subject), f.predicate, f.link_status) for f in ex.facts if f.obj_is_entity] == [
        ("deal-ab", "hasInvestor", "planned"), ("deal-ab", "hasInvestee", "planned"),
        ("deal-c", "hasInvestor", ""), ("deal-c", "hasInvestee", ""),
        ("deal-ab", "hasParty", "")]  # the pledger: an actual party to the pledge, its investing planned


def test_what_a_deal_would_bring_about_is_planned_but_what_came_of_it_is_not():
    line = "- G사는 그 물량의 80%를 다시 M사와 같은 미국 기업에 제공하게 되는 거래 구조."
    assert link_status_after(line, "M사와 같은 미국 기업에 제공") == "planned"
    done = "- 결국 추론 단계에서만 H사 칩을 사용하게 되는 것으로 귀결."
    assert link_status_after(done, "H사 칩을 사용") == ""



def test_a_cost_named_on_the_caption_of_a_table_of_reckoned_costs_is_an_estimate_but_its_power_is_not():
    line = "A사 랙은 B사 랙에 비해 비용은 6배에 달하고, 전력 소비는 무려 11배"
    assert names_a_cost(line, _raw(line, "6배"), Decimal(6))
    assert not names_a_cost(line, _raw(line, "11배"), Decimal(11))
    table = Table("T-6", Span(1, 6), [line], [], [_row(4, "스위치", "$1,000", "5,400W"), _row(5, "광모듈", "$0", "0")],
                  source_line=6, caption_lines=Span(1, 1), column_labels=["항목", "A 비용", "A 전력"])
    lines = [line, "", "항목\tA 비용\tA 전력", "스위치\t$1,000\t5,400W", "광모듈\t$0\t0", "자료: X사",
             "", "두 회사의 부품에 가상의 총이익률을 적용하여 비용을 추산.", "", "VI. 다음 장"]
    ex = Extraction()
    for value, figure, rule in ((6, "6배", "text:multiple:named"), (11, "11배", "text:multiple:carried")):
        ex.statements.append(Statement("a-rack", "multiple", Location(1, 1), rule, value=Decimal(value), unit="x",
                                       raw=_raw(line, figure)))
    settle_statuses([table], ex, lines)
    assert [(st.value, st.status) for st in ex.statements] == [(Decimal(6), "estimate"), (Decimal(11), "actual")]


def test_a_total_of_this_year_already_reached_is_no_projection():
    reached = "- 현재 A사 스마트 글라스 누적 판매량은 200만 대 돌파."
    running = "- 올해 A사 스마트 글라스 판매량은 최소 300만 대."
    ex = Extraction()
    for n, line, figure, value in ((1, reached, "200만 대", 2000000), (2, running, "300만 대", 3000000)):
        ex.statements.append(Statement("a-glasses", "shipments", Location(n, n), "text:value:compound",
                                       value=Decimal(value), unit="count", time=parse_period("2025"),
                                       raw=_raw(line, figure)))
    settle_statuses([], ex, [reached, running])
    assert [st.status for st in ex.statements] == ["actual", "forecast"]
