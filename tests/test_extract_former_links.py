"""Ended affiliations (docs/statements.md, "Links with a status"): a person's former employer or past role is
no current link — read from a column of past roles ("이전 경력", "출신", "OpenAI 때 직책/소속"), from a name the
words mark as past ("前 메타/구글브레인", "ScaleAI 출신", "애플 … 헤드였던", "애플 → 메타") or from a person
said to have left, it is a link statement of status ``former``; the evaluator reads the gold's
``role=former …`` as that status. On tables and sentences of our own."""

from __future__ import annotations

from ingest.model import Cell, Row, Span, Table
from petaflop.evaluate.graphfacts import read_graph
from petaflop.evaluate.score import _link_status
from petaflop.extract.facts import EntityRecord, Extraction, Fact, Location
from petaflop.extract.gate import Gate, RuleRecord
from petaflop.extract.link_status import marked_former, settle_link_statuses
from petaflop.graph import extraction_quads, to_nquads

ORGS = {e.id: e for e in (
    EntityRecord("openai", ("AILab",), "OpenAI", "", ()),
    EntityRecord("meta", ("Firm",), "Meta", "메타", ()),
    EntityRecord("apple", ("Firm",), "Apple", "애플", ()),
    EntityRecord("google-brain", ("AILab",), "Google Brain", "구글브레인", ()),
    EntityRecord("scale-ai", ("Firm",), "Scale AI", "", ("ScaleAI",)),
)}


def _table(labels: list[str], *rows: list[str]) -> tuple[Table, list[str]]:
    cells = [Row(2 + i, [Cell(t, t, 2 + i, j) for j, t in enumerate(r, 1)]) for i, r in enumerate(rows)]
    table = Table("T-1", Span(1, 1 + len(rows)), ["표"], [Cell(t, t, 1, j) for j, t in enumerate(labels, 1)], cells,
                  column_labels=labels)
    return table, ["\t".join(labels), *("\t".join(r) for r in rows)]


def _at(line: int, column: int) -> Location:
    return Location(line, line, "III", "t", table_id="T-1", row=line - 1, column=column)


def _settled(facts: list[Fact], lines: list[str], tables=()) -> list[str]:
    ex = Extraction()
    ex.entities.update(ORGS)
    for f in facts:
        ex.add(f)
    settle_link_statuses(ex, lines, list(tables))
    return [f.link_status for f in ex.facts]


def test_a_column_of_past_roles_makes_its_affiliations_former_but_not_a_column_of_achievements():
    table, lines = _table(["이름", "이전 경력(주요)", "주요 경력·성과", "OpenAI 때 직책/소속"],
                          ["Tao Zhu", "OpenAI MTS", "메타에서 Chief Scientist로 임명", "공동창업자"])
    facts = [Fact("tao-zhu", "affiliatedWith", "openai", True, _at(2, 2), "r", raw="OpenAI MTS"),
             Fact("tao-zhu", "affiliatedWith", "meta", True, _at(2, 3), "r", raw="메타에서 Chief Scientist로 임명"),
             Fact("tao-zhu", "affiliatedWith", "openai", True, _at(2, 4), "r:header", raw="공동창업자"),
             Fact("tao-zhu", "usesChip", "openai", True, _at(2, 2), "r", raw="OpenAI MTS")]  # only affiliations
    assert _settled(facts, lines, [table]) == ["former", "", "former", ""]
    career, lines = _table(["이름", "주요 경력·성과"], ["Shengjia Zhao", "메타에서 Chief Scientist로 임명. OpenAI 내 팀 총괄"])
    facts = [Fact("shengjia-zhao", "affiliatedWith", "meta", True, _at(2, 2), "r", raw="메타에서"),
             Fact("shengjia-zhao", "affiliatedWith", "openai", True, _at(2, 2), "r", raw="OpenAI 내 팀 총괄")]
    assert _settled(facts, lines, [career]) == ["", "former"]
    origin, lines = _table(["이름", "출신", "주특기"], ["Jason Wei", "OpenAI", "추론"])
    assert _settled([Fact("jason-wei", "affiliatedWith", "openai", True, _at(2, 2), "r", raw="OpenAI")],
                    lines, [origin]) == ["former"]


def test_a_column_of_backgrounds_makes_a_founding_former_but_not_a_role_said_to_be_now():
    table, lines = _table(["역할 구분", "핵심 인물", "주요 배경 및 역량"], ["실행가", "Alexandr Wang", "ScaleAI 창업자 산업화 전문가"],
                          ["설계자", "Tao Zhu", "현재 메타 AI 총괄"])
    facts = [Fact("alexandr-wang", "affiliatedWith", "scale-ai", True, _at(2, 3), "r", raw="ScaleAI 창업자"),
             Fact("tao-zhu", "affiliatedWith", "meta", True, _at(3, 3), "r", raw="현재 메타 AI 총괄")]
    assert _settled(facts, lines, [table]) == ["former", ""]


def test_a_move_in_a_cell_makes_the_employer_left_former_and_the_new_one_current():
    table, lines = _table(["순위", "선수", "클럽"], ["추정", "Ruoming Pang", "애플 → 메타"])
    facts = [Fact("ruoming-pang", "affiliatedWith", "apple", True, _at(2, 3), "r", raw="애플 → 메타"),
             Fact("ruoming-pang", "affiliatedWith", "meta", True, _at(2, 3), "r", raw="애플 → 메타")]
    assert _settled(facts, lines, [table]) == ["former", ""]


def test_names_the_words_mark_as_past():
    brain, meta, apple, scale = (ORGS[k] for k in ("google-brain", "meta", "apple", "scale-ai"))
    assert marked_former("창업자 A는 칭화대/카네기멜론, 前 메타/구글브레인 출신.", brain)
    assert marked_former("창업자 A는 칭화대/카네기멜론, 前 메타/구글브레인 출신.", meta)
    assert marked_former("ScaleAI 출신 핵심 임원 B가 퇴사", scale)
    assert marked_former("애플의 ‘파운데이션 모델팀’ 헤드였던 C가 이직", apple)
    assert not marked_former("메타 AI의 수장이었던 D의 비판", meta)  # a past role: the person may still be there
    assert not marked_former("메타의 수장이었던 D. 그는 회사를 떠났다", meta)  # leaving in another sentence
    assert not marked_former("메타의 CEO 마크가 말했다", meta)
    assert not marked_former("전 세계 메타 사용자 수", meta)
    assert not marked_former("OpenAI는 애플 디자이너 총괄이었던 E의 회사를 인수", ORGS["openai"])


def test_a_sentence_link_is_former_by_the_name_its_reader_read():
    line = "- 애플 디자이너 총괄이었던 조니가 퇴사해 회사를 세움. 조니는 OpenAI의 디자인을 총괄."
    loc = Location(1, 1, "III", "t")
    facts = [Fact("jony", "affiliatedWith", "apple", True, loc, "r", raw="애플 디자이너 총괄이었던 조니"),
             Fact("jony", "affiliatedWith", "openai", True, loc, "r", raw="조니는 OpenAI의 디자인을 총괄")]
    assert _settled(facts, [line]) == ["former", ""]


def test_a_person_said_to_have_left_and_a_former_title_are_former_affiliations(text_reader):
    r, ex = text_reader
    slide = Location(10, 10, "III", "III. 플레이어 분석: 엔비디아, 빠른 성장")
    r.start_slide(slide.slide_title)
    r.read("- 최근 인력 이탈 발생. CFO 리사 수가 재직 4개월 만에 회사를 떠났고, 주가는 하락.", slide, ())
    r.read("- CTO 일론 머스크는 새 칩을 발표.", Location(11, 11, "III", slide.slide_title), ())
    assert {f.link_status for f in ex.facts if f.subject == "lisa-su"} == {"former"}  # the reader's own
    r.read("- 공동 창립자이자 유명 엔지니어인 샘 알트만도 퇴사.", slide, ())
    assert {(f.predicate, f.link_status) for f in ex.facts if f.subject == "sam-altman"} == {("affiliatedWith", "former")}
    past = "테슬라의 ‘오토파일럿팀’ 헤드였던 샘 알트만이 메타로 이직했다."
    r.read(past, Location(12, 12, "III", "t"), ())
    settle_link_statuses(ex, [""] * 11 + [past])
    got = {(f.subject, str(f.obj), f.link_status) for f in ex.facts if f.predicate == "affiliatedWith"}
    assert got == {("lisa-su", "nvidia", "former"), ("elon-musk", "nvidia", ""), ("sam-altman", "tesla", "former"),
                   ("sam-altman", "nvidia", "former"), ("sam-altman", "meta", "")}


def test_a_former_link_is_a_link_statement_the_evaluator_reads_with_its_status(tmp_path):
    ex = Extraction()
    ex.add(Fact("jason-wei", "affiliatedWith", "openai", True, _at(2, 2), "r", raw="OpenAI", qualifiers=("former",)))
    ex.add(Fact("jason-wei", "affiliatedWith", "meta", True, _at(2, 1), "r", raw="Jason Wei"))
    quads = extraction_quads(ex, [], Gate(rules={"r": RuleRecord(5, 5)}))
    statuses = {q.object.value.rsplit("#", 1)[-1] for q in quads if q.predicate.value.endswith("#statementStatus")}
    assert statuses == {"Former"}
    plain = {q.object.value.rsplit("/", 1)[-1] for q in quads if q.predicate.value.endswith("#affiliatedWith")}
    assert plain == {"meta"}  # no current link to the former employer
    path = tmp_path / "atlas.nq"
    path.write_bytes(to_nquads(quads))
    links = {(f.object.rsplit("/", 1)[-1], f.qualifiers.get("status", "")) for f in read_graph(path).facts
             if f.relation == "affiliatedWith"}
    assert links == {("openai", "former"), ("meta", "")}
    assert _link_status({"role": "former member of technical staff"}) == "former"
    assert _link_status({"role": "CFO (left)"}) == "former"
    assert _link_status({"role": "hired by Meta"}) == "actual"
    assert _link_status({"role": "CTO"}, "former OpenAI role (a table of ex-staff)") == "former"
    assert _link_status({"status": "estimate", "stake": "9 %"}) == "estimate"


def test_the_firm_a_person_moved_from_is_a_former_affiliation(text_reader):
    r, ex = text_reader
    r.read("샘 알트만이 구글에서 엔비디아로 이직.", Location(10, 10, "I", "t"), ())
    r.read("리사 수는 테슬라에 합류했다.", Location(11, 11, "I", "t"), ())
    got = {(f.subject, str(f.obj), f.link_status) for f in ex.facts if f.rule == "text:person-moved"}
    assert got == {("sam-altman", "google", "former"), ("sam-altman", "nvidia", ""), ("lisa-su", "tesla", "")}
