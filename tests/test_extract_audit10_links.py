"""Audit 10 (wave 34): a site's visits are no users, and a link takes the status of what it was read from — an
estimated holding's purchase is an estimate, the chips of a planned count are a planned use, the links of a table
row whose thing is only to be (every figure planned) are planned, and a link a text reader read in a cell of a
column of measures to be taken is planned (docs/statements.md, "Links with a status")."""

from __future__ import annotations

from decimal import Decimal

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.count_links import USES_RULE, add_count_procurements, settle_count_links
from petaflop.extract.facts import EntityRecord, Extraction, Fact, Location, Statement
from petaflop.extract.lexicon import load_lexicon
from petaflop.extract.link_status import settle_link_statuses


def test_a_header_of_visitors_counts_visits_not_users():
    lex = load_lexicon()
    visits = lex.value_for("5월 방문자 수")
    assert (visits.kind, visits.id.rsplit("@", 1)[-1]) == ("unitCount", "675")
    assert visits.metric_at("5월 방문자 수", 0) == "방문자 수"
    assert lex.value_for("월간 방문 숫자").kind == "unitCount"
    assert lex.value_for("月방문 횟수").kind == "unitCount"
    assert lex.value_for("월간 활성 사용자").kind == "userCount"  # users stay users
    assert lex.value_for("유료 구독자 수").kind == "userCount"


def _loc(line: int, column: int = 0, table: str = "") -> Location:
    return Location(line, line, "VI", "t", table_id=table, row=line - 1 if table else 0, column=column)


def _records(ex: Extraction, *records: tuple[str, str]) -> None:
    for eid, kind in records:
        ex.entities[eid] = EntityRecord(eid, (kind,), name_en=eid)


def test_an_estimated_holdings_purchase_is_an_estimate_and_an_actual_one_plain():
    ex = Extraction()
    _records(ex, ("deepseek", "AILab"), ("nvidia-h20", "GPU"), ("xai", "AILab"), ("nvidia-h100", "GPU"))
    ex.statements.append(Statement("deepseek", "chipCount", _loc(5, 3, "T-1"), "table-reader:chipCount@134",
                                   value=Decimal(30000), status="estimate", item="nvidia-h20", raw="30,000"))
    ex.statements.append(Statement("xai", "chipCount", _loc(9), "text:count-item", value=Decimal(200000),
                                   item="nvidia-h100", raw="20만 개의 H100"))
    assert add_count_procurements(ex, []) == 2
    assert sorted((str(f.subject), f.predicate, str(f.obj), f.link_status, f.rule) for f in ex.facts) == [
        ("deepseek", "procures", "nvidia-h20", "estimate", "derived:count-procures:estimate"),
        ("xai", "procures", "nvidia-h100", "", "derived:count-procures")]


def test_the_chips_of_a_count_settled_as_planned_are_a_planned_use():
    ex = Extraction()
    raw = "B200, RTX Pro 등 1만 개 GPU"
    loc = _loc(4, 6, "T-1")
    ex.statements.append(Statement("factory", "chipCount", loc, "text-cell:count-item:row", value=Decimal(10000),
                                   status="planned", raw=raw))
    ex.statements.append(Statement("colossus", "chipCount", _loc(8), "text:count-item", value=Decimal(110000),
                                   item="nvidia-gb200", raw="11만 개의 GB200"))
    for chip in ("nvidia-b200", "nvidia-rtx-pro"):
        ex.add(Fact("factory", "usesChip", chip, True, loc, USES_RULE, raw=raw))
    ex.add(Fact("colossus", "usesChip", "nvidia-gb200", True, _loc(8), USES_RULE, raw="11만 개의 GB200"))
    assert settle_count_links(ex) == 2
    assert [(str(f.obj), f.link_status) for f in ex.facts] == [
        ("nvidia-b200", "planned"), ("nvidia-rtx-pro", "planned"), ("nvidia-gb200", "")]


def _row(line: int, *texts: str) -> Row:
    return Row(line, [Cell(t, t, line, j) for j, t in enumerate(texts, 1)])


HEADER = ["시점 · 발표 주체", "국가", "프로젝트", "설비 용량", "전력망 확충·연계 방안", "칩 스펙"]
ROWS = [("6월 엔비디아", "독일", "AI Factory (뮌헨)", "60 MW", "바이에른주 110 kV 라인 증설", "B200 등 1만 개 GPU"),
        ("5월 Orange", "프랑스", "Cloud Zone", "36 MW", "REE 110 kV 노드 병행, EDF SMR pilot 2기", "B100")]


def _projects() -> tuple[Extraction, Table, list[str]]:
    table = Table("VI-04-1", Span(1, 4), ["유럽의 AI 데이터센터 확충 노력"], [Cell(h, h, 1, j) for j, h in enumerate(HEADER, 1)],
                  [_row(2 + i, *r) for i, r in enumerate(ROWS)], column_labels=HEADER)
    lines = ["\t".join(HEADER), *("\t".join(r) for r in ROWS)]
    ex = Extraction()
    _records(ex, ("factory", "ComputeCluster"), ("zone", "ComputeCluster"), ("germany", "Country"),
             ("munich", "Region"), ("ree-node", "GridConnection"), ("ree", "UtilityOrGridOperator"),
             ("edf-smr", "NuclearPlant"), ("edf", "UtilityOrGridOperator"), ("meta", "Firm"), ("bavaria", "Region"))
    for subject, line, kind, column, status in (
            ("factory", 2, "announcedDate", 1, "actual"), ("factory", 2, "powerCapacity", 4, "planned"),
            ("zone", 3, "powerCapacity", 4, "actual")):
        ex.statements.append(Statement(subject, kind, _loc(line, column, table.id), "table", status=status))
    ex.statements.append(Statement("ree-node", "gridVoltage", _loc(3), "text:name-figure:voltage", value=Decimal(110)))
    return ex, table, lines


def test_the_links_of_a_row_whose_thing_is_only_to_be_are_planned_but_not_its_maker():
    ex, table, lines = _projects()
    cell = lambda line, column: _loc(line, column, table.id)  # noqa: E731
    ex.add(Fact("factory", "usesChip", "nvidia-b200", True, cell(2, 6), "table:usesChip", raw="B200 등 1만 개 GPU"))
    ex.add(Fact("factory", "locatedIn", "germany", True, cell(2, 2), "table:locatedIn", raw="독일"))
    ex.add(Fact("factory", "developedBy", "meta", True, cell(2, 3), "table:maker", raw="AI Factory (뮌헨)"))
    ex.add(Fact("zone", "usesChip", "nvidia-b100", True, cell(3, 6), "table:usesChip", raw="B100"))  # 36 MW: actual
    # a text reader's link in the project's cell (no cell of its own): the row's thing is only to be
    ex.add(Fact("factory", "locatedIn", "munich", True, _loc(2), "adjacent:place-apposition", raw="AI Factory (뮌헨)"))
    ex.add(Fact("munich", "locatedIn", "bavaria", True, _loc(2), "adjacent:place-prefix", raw="뮌헨"))
    settle_link_statuses(ex, lines, [table])
    assert [(str(f.subject), str(f.obj), f.link_status) for f in ex.facts] == [
        ("factory", "nvidia-b200", "planned"), ("factory", "germany", "planned"), ("factory", "meta", ""),
        ("zone", "nvidia-b100", ""), ("factory", "munich", "planned"), ("munich", "bavaria", "")]


def test_a_text_readers_link_in_a_column_of_measures_is_planned_unless_its_thing_has_an_actual_figure():
    ex, table, lines = _projects()
    ex.add(Fact("edf-smr", "operatedBy", "edf", True, _loc(3), "adjacent:grid-operator", raw="EDF SMR pilot 2기"))
    ex.add(Fact("ree-node", "operatedBy", "ree", True, _loc(3), "adjacent:grid-operator", raw="REE 110 kV 노드"))
    settle_link_statuses(ex, lines, [table])
    assert [(str(f.subject), f.link_status) for f in ex.facts] == [("edf-smr", "planned"), ("ree-node", "")]


TRAFFIC = ("주요 AI 서비스 웹 트래픽 변화\n\n챗봇 도메인\t2월 방문자 수\t5월 방문자 수\t변동률\n"
           "ChatGPT\t39억 500만\t54억 9,200만\t41%\nClaude\t7,300만\t1억\t37%\n\n자료: SimilarWeb\n")


def test_a_traffic_tables_visitors_are_visits_of_each_service_not_its_users():
    from ingest.parser import parse_text
    from petaflop.extract.pipeline import extract

    ex = extract(parse_text("I. 시험 장: 서비스\n\nVII. 중국 AI: 트래픽\n\n" + TRAFFIC))
    counts = {(s.subject, s.kind, int(s.value)) for s in ex.statements if s.kind in ("userCount", "unitCount")}
    assert counts == {("chatgpt", "unitCount", 3905000000), ("chatgpt", "unitCount", 5492000000),
                      ("claude", "unitCount", 73000000), ("claude", "unitCount", 100000000)}
