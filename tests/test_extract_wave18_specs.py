"""Sentences and tables of our own for six small constructions: a timeline cell that only announces
("… 전격 발표") is prose; a state body written unmarked right before a measure's name issues it (a
destination marked 對 never does); a "scalability" row counts the chips of a scale-up domain; an
I/O die's node named after the compute die's ("N3(연산) N4(I/O)"); a maker read from a name's first
word yields to the maker the name's table states a row below; a version compared with an earlier
version of the same thing ("ROCm 7은 ROCm 6 대비") is the subject of the multiple."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.cell_text import prose_cell
from petaflop.extract.facts import Extraction, Location
from tests.test_table_reader import make_table

LOC = Location(10, 10, "VIII", "test slide")


def test_a_cell_that_only_announces_is_prose():
    assert prose_cell("High (자체개발: 가나다 X100 추론용 칩 전격 발표)")
    assert not prose_cell("High") and not prose_cell("가나다전자")


def test_a_state_body_right_before_the_measure_issues_it(mined):
    got = mined("High (對中 규제: 美 상무부 B100·H800 수출 금지 발표)")
    assert ("2022-a100-h100-export-ban", "issuedBy", "us-department-of-commerce", "relation:measure-issuer") in got
    assert not {(s, o) for s, p, o, _ in got if p == "issuedBy" and o == "china"}


def test_a_destination_marked_toward_issues_nothing(mined):
    got = mined("정부는 GPU에 대한 새로운 對중국 수출 허가 요건을 적용했다.")
    assert not {(s, o) for s, p, o, _ in got if p == "issuedBy" and o == "china"}


def test_a_scalability_row_counts_the_chips_of_a_scale_up_domain(table_reader):
    r, ex = table_reader
    t = make_table(["인터커넥트 비교"], ["FEATURES", "UALINK 1.0", "NVLINK 5.0"],
                   [["MAXIMUM SCALABILITY", "2048 GPUs (4x)", "512 GPUs"]], transposed=True)
    r.read(t)
    assert {(s.subject, s.kind, s.value) for s in ex.statements if s.kind == "scaleUpDomainSize"} == {
        ("ualink", "scaleUpDomainSize", Decimal(2048)), ("nvlink-5-0", "scaleUpDomainSize", Decimal(512))}


def test_the_io_die_node_after_the_compute_die_node(gaz):
    found = [(m.entity_id, m.alias) for m in gaz.find_mentions("N3(연산) N4(I/O)")]
    assert found == [("tsmc-n3", "N3"), ("tsmc-n4", "N4")]
    assert not gaz.find_mentions("N4 등급의 차량")


def _maker(subject: str, obj: str, line: int, rule: str):
    from petaflop.extract.facts import Fact
    return Fact(subject, "designedBy", obj, True, Location(line, line, "VIII"), rule)


def test_a_name_s_first_word_yields_to_the_maker_its_table_states():
    from petaflop.extract.name_maker import settle_name_makers

    ex = Extraction()
    ex.facts[:] = [_maker("x100", "gana-cloud", 100, "text:name-maker:designedBy@329"),
                   _maker("x100", "gana", 101, "table:asics:designedBy"),
                   _maker("x200", "gana", 100, "text:name-maker:designedBy@329"),
                   _maker("x200", "gana", 101, "table:asics:designedBy"),
                   _maker("x300", "gana-cloud", 100, "text:name-maker:designedBy@329"),
                   _maker("x300", "gana", 400, "table:asics:designedBy")]
    settle_name_makers(ex)
    assert {(f.subject, f.obj, f.rule.split(":")[1]) for f in ex.facts} == {
        ("x100", "gana", "asics"), ("x200", "gana", "name-maker"), ("x200", "gana", "asics"),
        ("x300", "gana-cloud", "name-maker"), ("x300", "gana", "asics")}


def test_a_version_against_an_earlier_version_of_the_same_thing(text_reader):
    r, ex = text_reader
    r.read("ROCm 7은 ROCm 6 대비 학습 처리량 2.5배 향상.", LOC, ())
    assert {(s.subject, s.kind, s.value, s.metric) for s in ex.statements} == {
        ("rocm", "multiple", Decimal("2.5"), "학습 처리량 higher vs ROCm 6")}


def test_the_same_name_twice_is_still_no_subject_of_its_own_multiple(text_reader):
    r, ex = text_reader
    r.read("ROCm은 ROCm 대비 2.5배 향상.", LOC, ())
    assert not [s for s in ex.statements if s.kind == "multiple"]
