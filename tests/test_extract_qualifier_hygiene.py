"""Qualifier hygiene: a figure's metric and scope read cleanly. A row's list number ("60. 순이익률") or a
bullet heading a label is no part of what it measures; a dash cell beside a label and a table's total
column are not words of the label; a population's predicate drops the way it is reported ("… 초과한다고
응답"); a loanword ending in 이 ("다이") is no subject particle; a topic marked before a rank is not its
ranking. Tables and sentences of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.model import Cell, Row, Span, Table
from petaflop.extract.facts import Extraction, Location, Statement, clean_qualifier
from petaflop.extract.resolve import Resolver
from petaflop.extract.text_counts import _counted_noun
from petaflop.extract.text_population import _predicate

LOC = Location(10, 10, "X", "test slide")


@pytest.mark.parametrize(("text", "clean"), [
    ("60. 순이익률 (Net Margin)", "순이익률 (Net Margin)"),
    ("3) 차량 수명", "차량 수명"),
    ("① 전력 비용", "전력 비용"),
    ("- 운영 비용", "운영 비용"),
    ("• 광고 수익", "광고 수익"),
    ("연산 성능 -", "연산 성능"),
    ("1Q25 실제 매출", "1Q25 실제 매출"),  # a quarter, not a list number
    ("2.5 GHz 클럭", "2.5 GHz 클럭"),
    ("3가지 변수", "3가지 변수"),
    ("-", "-"),  # nothing else: kept as it is
])
def test_a_list_marker_or_a_dangling_dash_is_no_part_of_a_qualifier(text, clean):
    assert clean_qualifier(text) == clean


def test_a_statement_keeps_its_metric_and_scope_clean():
    st = Statement("x", "share", LOC, "r", value=Decimal(50), unit="%", metric="60. 순이익률", scope="- 미국 내")
    assert (st.metric, st.scope) == ("순이익률", "미국 내")


def _table(header, rows, caption="테스트 표"):
    line = 100
    return Table("T-01-1", Span(line - 1, line + len(rows)), [caption],
                 [Cell(h, h, line, j + 1) for j, h in enumerate(header)],
                 [Row(line + i + 1, [Cell(t, t, line + i + 1, j + 1) for j, t in enumerate(r)])
                  for i, r in enumerate(rows)], chapter="VII", slide_title="VII. 테스트", column_labels=header)


def _read(gaz, table):
    from petaflop.extract.table_reader import TableReader

    ex = Extraction()
    TableReader(Resolver(gaz, ex), lambda t: ()).read(table)
    return ex


def test_a_numbered_row_label_gives_its_metric_without_the_number_nor_the_total(gaz):
    ex = _read(gaz, _table(["항목(unit)", "A100", "H100", "전체"], [
        ["2. 운영 비용 (백만달러)", "$157", "$230", "$387"]]))
    metrics = {(s.subject, s.metric) for s in ex.statements if s.subject in ("nvidia-a100", "nvidia-h100")}
    assert metrics and all(not m.startswith("2.") and "$" not in m for _, m in metrics)
    assert ("nvidia-a100", "운영 비용 (백만달러)") in metrics


def test_a_dash_cell_beside_a_label_is_not_a_word_of_it(gaz):
    ex = _read(gaz, _table(["사양", "NVIDIA H100", "NVIDIA B200", "비교"], [
        ["연산 성능", "4 PFLOPs (FP8)", "9 PFLOPs (FP8)", "-"]]))
    metrics = {s.metric for s in ex.statements if s.kind == "computePerformance"}
    assert metrics and not any(m.endswith("-") for m in metrics)


@pytest.mark.parametrize(("after", "said"), [
    ("는 전력 연결을 위해 4년 이상 기다려야 하는 것으로 추산.", "전력 연결을 위해 4년 이상 기다려야"),
    ("는 GW에 이미 도달했다고 응답.", "GW에 이미 도달"),
    ("는 평균 대기 시간이 10년을 초과한다고 응답.", "평균 대기 시간이 10년을 초과"),
    ("가 중국 출신으로 나타남", "중국 출신"),
    ("가 AI 도구에 비용 지불", "AI 도구에 비용 지불"),
])
def test_a_population_predicate_drops_how_it_is_reported(after, said):
    assert _predicate(after) == said


@pytest.mark.parametrize(("text", "noun"), [
    ("4개 컴퓨트 다이 + 16개 HBM4E 스택", "컴퓨트 다이"),
    ("2개의 디스플레이를 탑재", "디스플레이"),
    ("3개의 GPU가 탑재", "GPU"),  # a particle after a name still ends it
])
def test_a_loanword_ending_in_i_is_no_particle_and_a_plus_ends_the_noun(text, noun):
    assert _counted_noun(text, 2)[0] == noun


def test_a_topic_marked_before_a_rank_is_not_its_ranking(text_reader):
    r, ex = text_reader
    r.read("테슬라 배터리는 점유율 전세계 8위.", LOC, ())
    scopes = [s.scope for s in ex.statements if s.kind == "rank"]
    assert scopes and all("배터리는" not in sc for sc in scopes)


def test_a_time_clause_before_the_whole_of_a_share_is_no_part_of_it(text_reader):
    r, ex = text_reader
    r.read("웨이모는 작년 서비스를 시작한 이후 시장의 4분의 1 차지.", LOC, ())
    r.read("웨이모는 서비스를 시작한 이후 시장의 25%를 차지.", LOC, ())
    shares = [(s.scope, s.metric) for s in ex.statements if s.kind == "share"]
    assert ("시장", "share of 시장") in shares and not any("시작한" in sc for sc, _ in shares)


def test_a_span_read_by_the_word_of_taking_is_time_taken_not_the_bare_word(text_reader):
    r, ex = text_reader
    r.read("앤트로픽은 같은 구간에 5달이 소요.", LOC, ())
    metrics = [s.metric for s in ex.statements if s.kind == "duration"]
    assert metrics and all(m.startswith("time taken") for m in metrics), metrics


def test_a_verdict_column_after_the_entities_is_no_word_of_the_label():
    from petaflop.extract.table_columns import label_texts

    def cells(*texts):
        return [Cell(t, t, 100, j + 1) for j, t in enumerate(texts)]

    # "항목 | 테슬라 | 웨이모 | 현재 승자": the winner's name after the entity columns is not the label's
    assert label_texts(cells("요금", "$3.8", "$21.5", "테슬라"), {1: "tesla", 2: "waymo"}, None) == ["요금"]
    # a total column and a dash cell are none either
    assert label_texts(cells("운영 비용", "$157", "$230", "$387"), {1: "a", 2: "b"}, 3) == ["운영 비용"]
    assert label_texts(cells("연산 성능", "5 PF", "4 PF", "-"), {1: "a", 2: "b"}, None) == ["연산 성능"]
    # a group label and its sub-label before the entities both head it
    assert label_texts(cells("메모리 용량", "온칩 SRAM", "256 MB", "128 MB"), {2: "a", 3: "b"}, None) == [
        "메모리 용량", "온칩 SRAM"]
    # with the entity first, the label after it is still the label
    assert label_texts(cells("테슬라", "요금"), {0: "tesla"}, None) == ["요금"]
