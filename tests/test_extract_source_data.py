"""A cited study named by its quoted title (source_titles.py) and the data it rests on, described in a line
of its slide (source_data.py): on documents of our own."""

from __future__ import annotations

from ingest.parser import parse_text
from petaflop.extract.gazetteer import Entity, Gazetteer
from petaflop.extract.pipeline import extract
from petaflop.extract.source_data import RULE
from petaflop.extract.source_titles import titled_source


def _doc(line: str, source: str = '엔비디아 논문 "DREAMGEN"') -> str:
    return "\n".join(["III. 시험 장: 로봇", "", "[참고] 로봇 학습 데이터에 관한 논문", "", line, "",
                      "- 합성 데이터가 실제 시연 데이터를 대체하기 시작.", "", "로봇 학습 데이터의 규모 추이", "", "", "",
                      f"자료: {source}, 미래에셋증권 리서치센터", ""])


def _statements(doc: str) -> set[tuple]:
    ex = extract(parse_text(doc))
    return {(s.subject, s.kind, float(s.value), s.unit) for s in ex.statements if s.rule == RULE}


GAZ = Gazetteer([Entity("paper-dreamgen", "Source", "Paper: DreamGen", aliases=("DREAMGEN",)),
                 Entity("titans", "AIModel", "Titans", aliases=("Titans",)),
                 Entity("ioi-2025", "Source", "IOI 2025", aliases=("IOI 2025",))])


def test_a_source_line_names_a_known_source_by_its_quoted_title_or_bracketed_full_name():
    assert titled_source('엔비디아 논문 "DREAMGEN"', GAZ).id == "paper-dreamgen"
    assert titled_source("엔비디아 논문 “DREAMGEN”", GAZ).id == "paper-dreamgen"
    assert titled_source("IOI 2025 (International Olympiad in Informatics 2025)", GAZ).id == "ioi-2025"


def test_a_quoted_title_naming_a_thing_of_another_kind_or_nothing_known_is_no_known_source():
    assert titled_source("구글 논문 “Titans”", GAZ) is None  # a model's name: the paper stays a source of its own
    assert titled_source('하버드 논문 "Unknown Title"', GAZ) is None
    assert titled_source("미래에셋증권 리서치센터", GAZ) is None


def test_the_cited_paper_is_the_known_source_not_a_new_node():
    ex = extract(parse_text(_doc("- 로봇이 새 동작을 배우는 데 걸린 시간이 크게 감소.")))
    assert "paper-dreamgen" in ex.entities
    assert not any(e.startswith("source-") and "dreamgen" in e for e in ex.entities)


def test_the_counts_and_span_of_the_data_line_are_the_study_s():
    got = _statements(_doc("지난 5년 간 3.2만 개의 美 기업에 재직 중인 1,500만 명의 이력서 데이터"))
    assert got == {("paper-dreamgen", "unitCount", 32000.0, "count"),
                   ("paper-dreamgen", "unitCount", 15000000.0, "count"),
                   ("paper-dreamgen", "duration", 5.0, "year")}


def test_no_study_data_without_a_cited_study_or_a_line_that_only_describes_data():
    # the slide cites no paper, study, report or survey
    assert _statements(_doc("지난 5년 간 3.2만 개의 美 기업 데이터", source="가나다리서치")) == set()
    # the line does not end on the data's noun: it says something else
    assert _statements(_doc("지난 5년 간 3.2만 개의 美 기업이 AI를 도입")) == set()
    # the line opens on a named subject: its counts are that subject's
    assert _statements(_doc("메타는 3.2만 개의 이미지 데이터")) == set()
