"""Compute facilities on slides and tables of our own: a chip count under a sub-heading naming the
topic lab's cluster is the cluster's (section_facility.py), and the clusters a caption lists as a
firm's own ("<org>의 AI 데이터센터") are developed by it (caption_maker.py)."""
from __future__ import annotations

import pytest

from ingest.model import Cell, Row, Span, Table
from ingest.parser import parse_text
from petaflop.extract.facts import Extraction
from petaflop.extract.pipeline import extract

HOLDS = "- 연산은 규모의 싸움. xAI는 대형 클러스터인 “Colossus”를 보유했기 때문."
COUNTS = "- 실제 GPU 숫자는 12만 개: H100 70,000개 + GB200 50,000개"


def _slide(*blocks: str) -> Extraction:
    text = "I. 시험 장: 연산 자원\n\nIII. AI 플레이어: xAI의 보유 자원\n\n" + "\n\n".join(blocks) + "\n"
    return extract(parse_text(text))


def _counts(ex: Extraction) -> set[tuple]:
    out = {(f.subject, f.predicate, str(f.obj), "", f.rule) for f in ex.facts if f.predicate == "gpuCount"}
    out |= {(s.subject, s.kind, str(s.value), s.item, s.rule) for s in ex.statements if s.kind == "chipCount"}
    return out


def _uses(ex: Extraction) -> set[tuple[str, str]]:
    return {(f.subject, str(f.obj)) for f in ex.facts if f.predicate == "usesChip"}


def test_counts_under_a_heading_naming_the_topic_labs_cluster_are_the_clusters():
    ex = _slide("보유 자원: Colossus & 기타", HOLDS, COUNTS)
    moved = "claim:org-gpus:slide:section-facility"
    items = "text:count-item:block-topic:section-facility"
    assert _counts(ex) == {
        ("colossus", "gpuCount", "120000", "", moved), ("colossus", "gpuCount", "70000", "", moved),
        ("colossus", "gpuCount", "50000", "", moved),
        ("colossus", "chipCount", "70000", "nvidia-h100", items),
        ("colossus", "chipCount", "50000", "nvidia-gb200", items)}
    assert _uses(ex) == {("colossus", "nvidia-h100"), ("colossus", "nvidia-gb200")}


@pytest.mark.parametrize("heading", [
    "",  # no sub-heading: the slide is about the lab
    "보유 자원: Stargate & 기타",  # a cluster the topic lab does not hold
    "보유 자원: Colossus & Stargate",  # two clusters: which one is not said
])
def test_counts_stay_with_the_lab_without_its_one_clusters_heading(heading):
    ex = _slide(*([heading] if heading else []), HOLDS, COUNTS)
    assert {c[0] for c in _counts(ex)} == {"xai"}
    assert not any(c[4].endswith(":section-facility") for c in _counts(ex))


def test_a_count_whose_clause_names_its_subject_is_not_moved():
    ex = _slide("보유 자원: Colossus & 기타", HOLDS, "- xAI는 GPU 12만 개를 보유.")
    assert ("xai", "gpuCount", "120000", "", "claim:org-gpus:marked") in _counts(ex)
    assert {c[0] for c in _counts(ex)} == {"xai"}


def _table(caption: str) -> Table:
    header = ["프로젝트명", "지역", "전력 (GW)"]
    rows = [["Colossus", "테네시", "1"], ["Colossus 2", "테네시", "2"]]
    head = [Cell(h, h, 100, j + 1) for j, h in enumerate(header)]
    body = [Row(101 + i, [Cell(t, t, 101 + i, j + 1) for j, t in enumerate(r)]) for i, r in enumerate(rows)]
    return Table("T-01-1", Span(99, 102), [caption], head, body, chapter="IV", slide_title="IV. 시험: 표",
                 column_labels=header)


def _developers(ex: Extraction) -> set[tuple[str, str]]:
    return {(f.subject, str(f.obj)) for f in ex.facts if f.rule == "table-reader:maker@caption"}


def test_clusters_listed_as_a_labs_data_centers_are_developed_by_it(table_reader):
    reader, ex = table_reader
    reader.read(_table("xAI의 AI 데이터센터는 전체 3GW 규모"))
    assert _developers(ex) == {("colossus", "xai"), ("colossus-2", "xai")}
    assert {f.predicate for f in ex.facts if f.rule == "table-reader:maker@caption"} == {"developedBy"}


@pytest.mark.parametrize("caption", [
    "xAI의 전략 자산은 전체 3GW 규모",  # not a list of its data centers
    "xAI 대비 경쟁사의 AI 데이터센터",  # a comparison
])
def test_no_developer_when_the_caption_does_not_list_the_labs_data_centers(table_reader, caption):
    reader, ex = table_reader
    reader.read(_table(caption))
    assert not _developers(ex)
