"""Link statuses, second pass (docs/statements.md, "Links with a status"): a pledged deal's parties are
planned link statements (and the evaluator reads the deal's links with that status), a name marked as a
guess in a row ("X (추정)"; not "X(지분율 9% 추정)", the figure's guess) makes the row's links of it estimates, and a seller's
prospective relative clause ("…가 내년에 판매할 X") a planned offer."""

from __future__ import annotations

import pyoxigraph as ox

from foundation.namespaces import PFA, PFID, RDF
from ingest.model import Cell, Row, Span, Table
from petaflop.evaluate.graphfacts import read_graph
from petaflop.extract.facts import EntityRecord, Extraction, Fact, Location
from petaflop.extract.gate import Gate, RuleRecord
from petaflop.extract.link_status import estimated_name, settle_link_statuses
from petaflop.graph import G_FACTS, extraction_quads, to_nquads


def _row(line: int, *texts: str) -> Row:
    return Row(line, [Cell(t, t, line, j) for j, t in enumerate(texts, 1)])


def _loc(line: int, column: int, table: str = "T-1") -> Location:
    return Location(line, line, "VI", "t", table_id=table, row=line - 1, column=column)


def _deal_facts() -> list[Fact]:
    facts = []
    for line, deal, party in ((2, "deal-a", "google"), (2, "deal-a", "uber"), (3, "deal-b", "datavolt")):
        facts.append(Fact(deal, "hasParty", party, True, _loc(line, 2), "table:deals:hasParty", raw=party))
    return facts


DEAL_LINES = ["분야\t주요 기업\t금액\t세부 내용",
              "첨단 기술\t구글, 우버 등\t800억 달러\t양국에 총 800억 달러를 투자하기로 약속",
              "AI 데이터센터\tDataVolt\t200억 달러\tDataVolt가 미국에 데이터센터를 구축 예정"]


def test_a_pledged_deals_parties_are_planned_but_not_a_deal_whose_project_is_planned():
    ex = Extraction()
    for f in _deal_facts():
        ex.add(f)
    assert settle_link_statuses(ex, DEAL_LINES) == 2
    assert [(str(f.subject), str(f.obj), f.link_status) for f in ex.facts] == [
        ("deal-a", "google", "planned"), ("deal-a", "uber", "planned"), ("deal-b", "datavolt", "")]


def test_a_letter_of_intent_or_money_not_put_in_makes_an_investments_parties_planned():
    lines = ["투자자\t역할\t현재 상황", "MGX\t잠재 LP\t투자는 아직 의향서 수준", "SoftBank\t전략 투자자\t자금 미투입",
             "OpenAI\t스폰서\t초기 190억 중 40억 사용"]
    ex = Extraction()
    for line, node, who in ((2, "inv-mgx", "mgx"), (3, "inv-sb", "softbank"), (4, "inv-oa", "openai")):
        ex.add(Fact(node, "hasInvestor", who, True, _loc(line, 1), "table:investors:hasInvestor", raw=who))
        ex.add(Fact(node, "hasInvestee", "stargate", True, _loc(line, 1), "table:investors:hasInvestee", raw=who))
    assert settle_link_statuses(ex, lines) == 4
    assert [f.link_status for f in ex.facts[:6]] == ["planned"] * 4 + ["", ""]
    # the pledger stays a party to the pledge (actual), under a rule of its own: only its investing is planned
    assert [(str(f.subject), f.predicate, str(f.obj), f.link_status, f.rule) for f in ex.facts[6:]] == [
        ("inv-mgx", "hasParty", "mgx", "", "table:investors:hasInvestor:pledger"),
        ("inv-sb", "hasParty", "softbank", "", "table:investors:hasInvestor:pledger")]


def test_a_pledged_deal_is_written_with_link_statements_and_read_back_with_its_status(tmp_path):
    ex = Extraction()
    for f in _deal_facts():
        ex.add(f)
    settle_link_statuses(ex, DEAL_LINES)
    gate = Gate(rules={"table:deals:hasParty": RuleRecord(5, 5)})
    quads = extraction_quads(ex, [], gate)
    for deal in ("deal-a", "deal-b"):
        quads.append(ox.Quad(ox.NamedNode(PFID + deal), ox.NamedNode(RDF.type), ox.NamedNode(PFA.Deal), G_FACTS))
    plain = {(q.subject.value, q.object.value) for q in quads if q.predicate == ox.NamedNode(PFA.hasParty)}
    assert plain == {(PFID + "deal-b", PFID + "datavolt")}  # a pledge's party is no plain party
    path = tmp_path / "atlas.nq"
    path.write_bytes(to_nquads(quads))
    parties = {(f.subject.rsplit("/", 1)[-1], f.object.rsplit("/", 1)[-1], f.qualifiers.get("status", ""))
               for f in read_graph(path).facts if "deal" in f.qualifiers}
    assert parties == {("google", "deal-a", "planned"), ("uber", "deal-a", "planned"), ("datavolt", "deal-b", "")}


def test_a_name_marked_as_a_guess_in_a_row_makes_its_links_there_estimates():
    tencent = EntityRecord("tencent", ("Organization",), "Tencent", "텐센트", ())
    glasses = EntityRecord("glasses-x", ("AIProduct",), "Glasses X", "", ("X글래스",))
    assert estimated_name("알리바바(지분율 36%), 텐센트(지분 추정)", tencent)
    assert estimated_name("알리바바, 텐센트 (N3E 추정)", tencent)
    # a guess that follows a figure is the figure's (the stake is a guess, not that Tencent invests)
    assert not estimated_name("알리바바(지분율 36%), 텐센트(지분율 9% 추정)", tencent)
    assert not estimated_name("텐센트(약 3억 추정)", tencent)
    assert not estimated_name("알리바바(지분율 9% 추정), 텐센트(지분율 36%)", tencent)
    assert estimated_name("메타 X글래스 (추정)", glasses)
    table = Table("T-2", Span(1, 3), [], [], [_row(2, "주요 투자자", "알리바바(지분율 36%), 텐센트(지분율 9% 추정)"),
                                               _row(3, "메타 X글래스 (추정)", "스냅드래곤 AR1")],
                  column_labels=["항목", "내용"])
    ex = Extraction()
    for e in (tencent, glasses):
        ex.entities[e.id] = e
    cell = "알리바바(지분율 36%), 텐센트(지분율 9% 추정)"
    ex.add(Fact("moonshot", "fundedBy", "tencent", True, _loc(2, 2, "T-2"), "r", raw=cell))
    ex.add(Fact("moonshot", "fundedBy", "alibaba", True, _loc(2, 2, "T-2"), "r", raw=cell))
    ex.add(Fact("glasses-x", "usesChip", "snapdragon-ar1", True, _loc(3, 2, "T-2"), "r", raw="스냅드래곤 AR1"))
    # the maker read from the label itself is no guess
    ex.add(Fact("glasses-x", "offeredBy", "meta", True, _loc(3, 1, "T-2"), "r", raw="메타 X글래스 (추정)"))
    lines = ["x", "\t".join(c.text for c in table.rows[0].cells), "\t".join(c.text for c in table.rows[1].cells)]
    assert settle_link_statuses(ex, lines, [table]) == 1
    # "텐센트(지분율 9% 추정)": the stake is the guess, Tencent's link is stated plainly
    assert [f.link_status for f in ex.facts] == ["", "", "estimate", ""]


def test_a_sellers_prospective_relative_clause_is_a_planned_offer(text_reader):
    reader, ex = text_reader
    reader.read("엔비디아가 내년에 본격 판매할 Spectrum-X 스위치", Location(3, 3, "VI", "t"), ())
    reader.read("엔비디아가 판매하는 Spectrum-X 스위치", Location(4, 4, "VI", "t"), ())
    offers = sorted((f.location.line_start, f.subject, str(f.obj), f.link_status) for f in ex.facts
                    if f.rule == "text:made-by-relative")
    assert offers == [(3, "spectrum-x", "nvidia", "planned"), (4, "spectrum-x", "nvidia", "")]
