"""A person's record cell names what they made, not what they only used or studied (cell_works.py),
and a memory product a firm shows is its own development (text_links.py, the release frame)."""
from __future__ import annotations

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.cell_works import unmade_works
from petaflop.extract.facts import Extraction, Location


def _table(rows: list[list[str]]) -> Table:
    header = ["이름", "출신", "주요 경력"]
    head = [Cell(h, h, 100, j + 1) for j, h in enumerate(header)]
    body = [Row(101 + i, [Cell(t, t, 101 + i, j + 1) for j, t in enumerate(r)]) for i, r in enumerate(rows)]
    return Table("T-09-1", Span(99, 100 + len(rows)), ["연구원 리스트"], head, body, chapter="IV",
                 slide_title="IV. 테스트: 표", column_labels=header)


def _made(ex: Extraction) -> set[tuple[str, str]]:
    return {(f.subject, str(f.obj)) for f in ex.facts if f.predicate == "developedBy"}


def test_a_model_the_record_says_was_run_or_studied_is_not_the_persons_work(table_reader):
    r, ex = table_reader
    r.read(_table([["Jason Wei", "OpenAI", "가나다랩에서 Gopher를 더 크게 돌리는 방법을 연구한 전문가"],
                   ["Jack Rae", "구글", "Chinchilla를 활용한 연구, 'Gopher'를 이끈 경력"],
                   ["Lucas Beyer", "OpenAI", "Codex-mini를 공동 개발하고 연구"]]))
    # run or studied: not made; led or developed (the first verb after the object): made
    assert _made(ex) == {("gopher", "jack-rae"), ("codex-mini", "lucas-beyer")}


def test_a_model_whose_part_the_record_says_was_made_is_not_the_persons_work(table_reader):
    r, ex = table_reader
    r.read(_table([["Huiwen Chang", "구글", "Codex-mini 이미지 편집 기능을 공동 개발한 연구자"],
                   ["Ji Lin", "OpenAI", "Codex-mini 추론 엔진 등 핵심 백엔드를 구축"],
                   ["Lucas Beyer", "OpenAI", "GPT-4o 및 mini 모델들을 공동 개발"]]))
    # a feature or engine of the model made: not the model; the model itself made: the model
    assert _made(ex) == {("gpt-4o", "lucas-beyer")}


def test_a_named_part_and_a_name_listed_before_a_kind_noun_are_the_persons_work(table_reader):
    r, ex = table_reader
    r.read(_table([["Huiwen Chang", "구글", "GPT-4o 이미지 생성 기능을 공동 개발한 연구자"],
                   ["Ji Lin", "OpenAI", "Codex-mini와 Kimi 엔진 등 핵심 백엔드를 구축"]]))
    # the feature has a name of its own (the gazetteer's): it is the work; "X 등 <kind noun>": X is one of the things made
    assert _made(ex) == {("gpt-4o-image-generation", "huiwen-chang"), ("codex-mini", "ji-lin"),
                         ("kimi-engine", "ji-lin")}


def test_only_the_inverse_developer_link_is_filtered(gaz):
    text = "Gopher를 연구한 전문가"
    mentions = gaz.find_mentions(text)
    assert unmade_works("developedBy", True, text, mentions) == {"gopher"}
    assert unmade_works("developedBy", False, text, mentions) == set()
    assert unmade_works("usesChip", True, text, mentions) == set()


def test_a_memory_product_a_firm_shows_is_its_development_and_announcement(text_reader):
    r, ex = text_reader
    r.read("화웨이는 지난달 “AI SSD”를 공개.", Location(10, 10, "VI", "test slide"), ())
    got = {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.obj_is_entity}
    assert ("huawei-ai-ssd", "developedBy", "huawei", "text:release-by:developedBy") in got
    assert ("huawei-ai-ssd", "announcedBy", "huawei", "text:release-by:announcedBy") in got
