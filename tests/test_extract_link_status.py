"""Links with a status (docs/statements.md, "Links with a status"): the words right after a link's span
give it a status (link_status.py), an announced acquisition is a planned link, and a link that is not
actual is a link statement in the graph, never the plain triple — read back with its status by the
evaluator."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from foundation.namespaces import PFA, PFID, RDF
from ingest.model import Cell, Row, Span, Table
from petaflop.evaluate.graphfacts import read_graph
from petaflop.extract.facts import EntityRecord, Extraction, Fact, Location
from petaflop.extract.gate import Gate, RuleRecord
from petaflop.extract.link_status import added_after_name, link_status_after, settle_link_statuses
from petaflop.graph import G_FACTS, extraction_quads, to_nquads

LOC = Location(3, 3, "VI", "test slide")


@pytest.mark.parametrize(("line", "raw", "status"), [
    ("- 오사카에 데이터센터 및 새 사무소 신설 예정", "- 오사카에 데이터센터 및 새 사무소 신설", "planned"),
    ("- 엔비디아는 상하이에 R&D 센터 설립까지 추진.", "상하이에 R&D 센터 설립", "planned"),
    ("- 오라클이 3만 개의 MI355X 도입 계획을 발표", "오라클이 3만 개의 MI355X 도입", "planned"),
    ("A사는 B에 총 80억 달러를 투자하기로 약속", "A사는 B에 총 80억 달러를 투자", "planned"),
    ("910D는 H20 성능을 초과할 것을 목표", "910D는 H20 성능을 ", "target"),
    ("Spectrum-X 플랫폼으로 확장 추정", "Spectrum-X 플랫폼으로 ", "estimate"),
    # the span ends with its clause's verb: a measure under review, a possibility
    ("정부는 UAE에 대한 '수출 쿼터'를 검토.", "정부는 UAE에 대한 '수출 쿼터'를 검토.", "planned"),
    ("PCIe 6.0 기반으로 연결될 가능성 - 최대 8개", "PCIe 6.0 기반으로 연결될 가능", "estimate"),
    # not the link's own words: a plan of something else, a figure's estimate, nothing after it
    ("백악관이 발표한 미국의 AI 실행 계획", "백악관이 발표한 미국의", ""),
    ("AI6를 공급하게 됨. 27년 가동 목표인 센터", "AI6를 공급하게 됨.", ""),
    ("TSMC 3nm (N3E 추정)", "TSMC 3nm", ""),
    ("GTC를 하반기 워싱턴 DC에서도 개최하기로 결정", "GTC를 하반기 워싱턴 DC에서도 개최", ""),
    ("- 오사카에 데이터센터 신설", "- 오사카에 데이터센터 신설", ""),
])
def test_the_words_right_after_a_links_span_give_its_status(line, raw, status):
    assert link_status_after(line, raw) == status


def _link(s: str, p: str, o: str, raw: str = "", rule: str = "site:locatedIn", quals: tuple[str, ...] = ()) -> Fact:
    return Fact(s, p, o, True, LOC, rule, raw=raw, qualifiers=quals)


def test_settling_gives_event_links_their_status_but_not_what_a_thing_is():
    ex = Extraction()
    line = "사우디 DataVolt는 미국에 AI 데이터센터를 구축 예정"
    ex.add(_link("site-x", "locatedIn", "united-states", "미국에 AI 데이터센터를 구축"))
    ex.add(_link("datavolt", "headquarteredIn", "saudi-arabia", "사우디 DataVolt", "text:home-country:modifier"))
    ex.add(_link("site-x", "operatedBy", "datavolt", "미국에 AI 데이터센터를 구축", quals=("estimate",)))
    assert settle_link_statuses(ex, ["", "", line]) == 1
    assert [f.link_status for f in ex.facts] == ["planned", "", "estimate"]


def _row(line: int, *texts: str) -> Row:
    return Row(line, [Cell(t, t, line, j) for j, t in enumerate(texts, 1)])


def test_a_table_link_is_planned_by_its_rows_label_not_by_its_columns():
    table = Table("IV-11-1", Span(1, 4), [], [], [_row(2, "미래 계획", "2026년 Trainium3으로 업그레이드"),
                                                 _row(3, "하드웨어", "Trainium2 칩"),
                                                 _row(4, "Phase 1", "6.4만개 GB200 랙")],
                  column_labels=["단계", "GPU 배치 계획"])
    ex = Extraction()
    for line, s, o, raw in ((2, "rainier", "aws-trainium3", "Trainium3으로 업그레이드"),
                            (3, "rainier", "aws-trainium2", "Trainium2 칩"),
                            (4, "phase-1", "nvidia-gb200", "6.4만개 GB200 랙")):
        loc = Location(line, line, "IV", "t", table_id="IV-11-1", row=line - 1, column=2)
        ex.add(Fact(s, "usesChip", o, True, loc, "text-cell:adopts:row", raw=raw))
    assert settle_link_statuses(ex, ["x"] * 4, [table]) == 1
    assert [f.link_status for f in ex.facts] == ["planned", "", ""]


def test_a_facilitys_links_are_planned_when_its_row_in_an_announced_table_is_an_investment():
    table = Table("VI-06-1", Span(1, 3), ["발표된 대미 투자 정리"], [],
                  [_row(2, "헬스케어", "A사", "58억 달러", "A사가 생산 시설을 미시간 주에 건설", "대미 투자"),
                   _row(3, "반도체", "B사", "10억 달러", "B사가 공장을 텍사스 주에 건설", "수출")],
                  column_labels=["분야", "기업", "금액", "내용", "비고"])
    ex = Extraction()
    for line, s, p, o in ((2, "site-a-plant", "locatedIn", "michigan"), (2, "a-corp", "usesChip", "nvidia-h100"),
                          (3, "site-b-plant", "locatedIn", "texas")):
        loc = Location(line, line, "VI", "t", table_id="VI-06-1", row=line - 1, column=4)
        ex.add(Fact(s, p, o, True, loc, "site:locatedIn", raw="생산 시설을 미시간 주에 건설"))
    assert settle_link_statuses(ex, ["x"] * 3, [table]) == 1
    assert [f.link_status for f in ex.facts] == ["planned", "", ""]


@pytest.mark.parametrize(("cell", "names", "status"), [
    ("수력 100%, Statnett 420 kV 루프 증설", ("Statnett 420 kV loop", "420 kV 루프"), "planned"),
    ("그리드 N+1 구성 + 테슬라 Megapack 추가도입", ("Tesla Megapack", "Megapack"), "planned"),
    ("RTE 225 kV 신규 서브스테이션", ("RTE 225 kV substation", "225 kV 신규 서브스테이션"), "planned"),
    ("수력 100%, Statnett 420 kV 루프 증설", ("Hydropower", "수력"), ""),  # the other item of the cell
    ("변전소 1호 + Megapack 증설 완료", ("Tesla Megapack", "Megapack"), ""),  # done
])
def test_a_cells_link_is_planned_when_its_objects_name_is_followed_by_an_addition(cell, names, status):
    assert added_after_name(cell, EntityRecord("x", ("GridConnection",), names[0], "", names[1:])) == status


def test_an_announced_acquisition_is_a_planned_link_of_its_own_rule(text_reader):
    reader, ex = text_reader
    reader.read("구글이 20억 달러에 인수를 발표한 CentML의 창업자", LOC, ())
    found = {(f.subject, f.predicate, str(f.obj), f.link_status) for f in ex.facts
             if f.rule == "text:acquisition-announced"}
    assert found == {("google", "acquired", "centml", "planned")}
    assert not [f for f in ex.facts if f.rule == "text:acquisition"]


def _quads(facts: list[Fact], gate: Gate) -> list[ox.Quad]:
    ex = Extraction()
    for f in facts:
        ex.add(f)
    return extraction_quads(ex, [], gate)


def _gate(*rules: str) -> Gate:
    return Gate(rules={r: RuleRecord(5, 5) for r in rules})


def test_a_planned_link_is_a_link_statement_not_the_plain_triple():
    planned = _link("openai", "acquired", "windsurf", "OpenAI가 인수를 발표한 Windsurf", "r", ("planned",))
    actual = _link("google", "acquired", "centml", "구글이 인수한 CentML", "r")
    quads = _quads([planned, actual], _gate("r"))
    facts = {(q.subject, q.predicate, q.object) for q in quads if q.graph_name == G_FACTS}
    node = next(o for s, p, o in facts if p == ox.NamedNode(PFA.linkStatement))
    assert (ox.NamedNode(PFID + "openai"), ox.NamedNode(PFA.acquired), ox.NamedNode(PFID + "windsurf")) not in facts
    assert (ox.NamedNode(PFID + "google"), ox.NamedNode(PFA.acquired), ox.NamedNode(PFID + "centml")) in facts
    assert {(p.value, o.value) for s, p, o in facts if s == node} == {
        (RDF.type, PFA.LinkStatement),
        (PFA.linkProperty, PFA.acquired), (PFA.linkObject, PFID + "windsurf"), (PFA.statementStatus, PFA.Planned)}


def test_a_planned_link_below_the_gate_is_a_claim_carrying_its_status():
    planned = _link("openai", "acquired", "windsurf", "OpenAI가 인수를 발표한 Windsurf", "weak", ("planned",))
    quads = _quads([planned], _gate())
    claim = next(q.object for q in quads if q.predicate == ox.NamedNode(PFA.hasClaim) and q.graph_name == G_FACTS)
    assert ox.Quad(claim, ox.NamedNode(PFA.statementStatus), ox.NamedNode(PFA.Planned), G_FACTS) in quads
    assert not any(q.predicate == ox.NamedNode(PFA.acquired) and q.graph_name == G_FACTS for q in quads)


def test_the_evaluator_reads_a_link_statement_as_a_link_with_its_status(tmp_path):
    planned = _link("openai", "acquired", "windsurf", "OpenAI가 인수를 발표한 Windsurf", "r", ("planned",))
    actual = _link("google", "acquired", "centml", "구글이 인수한 CentML", "r")
    path = tmp_path / "atlas.nq"
    path.write_bytes(to_nquads(_quads([planned, actual], _gate("r"))))
    links = {(f.subject.rsplit("/", 1)[-1], f.relation, f.object.rsplit("/", 1)[-1], f.qualifiers.get("status", ""),
              tuple(sorted(f.lines)), tuple(sorted(f.rules)))
             for f in read_graph(path).facts if f.relation_kind == "link"}
    assert links == {("openai", "acquired", "windsurf", "planned", (3,), ("r",)),
                     ("google", "acquired", "centml", "", (3,), ("r",))}
