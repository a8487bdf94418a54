"""People with an organisation's title: a title in the past ("<org> <title>이었던 <person>") says the person
worked there (``affiliatedWith``), not that they lead it now; "총괄" and "헤드" are titles of staff, a team's
quoted name may stand before them; and a cell listing two people who share a surname ("다리오 & 다니엘라
아모데이") names both — on sentences and tables of our own."""

from __future__ import annotations

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Location

LOC = Location(10, 10, "I", "test slide")


def links(ex, prop: str) -> set[tuple[str, str, str]]:
    return {(f.subject, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity and f.predicate == prop}


def test_a_title_in_the_past_is_an_affiliation_not_a_lead(text_reader):
    r, ex = text_reader
    r.read("엔비디아 서버 설계 총괄이었던 리사 수는 새 회사를 세웠다.", LOC, ())
    r.read("구글의 수장이었던 샘 알트만이 돌아왔다.", LOC, ())
    r.read("테슬라의 ‘오토파일럿팀’ 헤드였던 일론 머스크가 떠났다.", LOC, ())
    # a past role without words of leaving: the tie is unsure (judged apart); "떠났다": an ended affiliation
    past, left = "text:appositive:past-title", "text:appositive:affiliatedWith"
    assert links(ex, "affiliatedWith") == {("lisa-su", "nvidia", past), ("sam-altman", "google", past),
                                           ("elon-musk", "tesla", left)}
    assert links(ex, "leads") == set()


def test_a_present_head_still_leads_and_a_title_without_a_person_names_no_one(text_reader):
    r, ex = text_reader
    r.read("구글의 수장 샘 알트만이 말했다.", LOC, ())
    r.read("엔비디아 총괄 매니저 역할을 맡았다.", LOC, ())
    assert links(ex, "leads") == {("sam-altman", "google", "text:appositive:leads")}
    assert {o for _, o, rule in links(ex, "affiliatedWith") if rule.startswith("text:appositive")} == set()


def test_two_people_sharing_a_surname_in_one_cell_are_both_listed(table_reader):
    r, ex = table_reader
    header = ["인물", "OpenAI 때 직책/소속", "핵심 증언"]
    rows = [["다리오 & 다니엘라 아모데이", "부사장", "증언"], ["제프리 어빙", "기술 직원", "증언"]]
    cells = [Row(101 + i, [Cell(t, t, 101 + i, j + 1) for j, t in enumerate(row)]) for i, row in enumerate(rows)]
    r.read(Table("T-01-1", Span(99, 102), ["OpenAI 전직 직원 증언"], [Cell(h, h, 100, j + 1) for j, h in enumerate(header)],
                 cells, chapter="III", slide_title="III. 테스트: 표", column_labels=header))
    listed = {s for s, o, rule in links(ex, "affiliatedWith") if o == "openai" and ":listed" in rule}
    assert listed == {"dario-amodei", "daniela-amodei"}
