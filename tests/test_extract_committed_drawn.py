"""A committed sum partly drawn (committed_drawn.py): a row's sum whose note says how much of it was drawn is a
pledge (planned), the drawn part its own actual amount — tables and notes of our own (invented figures)."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from petaflop.extract.committed_drawn import drawn_pairs, settle_drawn_sums
from petaflop.extract.facts import Extraction
from petaflop.extract.resolve import Resolver
from petaflop.extract.table_map import load_mappings
from petaflop.extract.tables import TableExtractor
from tests.test_table_reader import make_table


def read(gaz, rows: list[list[str]]):
    ex = Extraction()
    mapping = next(m for m in load_mappings() if m.id == "stargate-investors")
    te = TableExtractor(SimpleNamespace(chapters=[]), [mapping], [], Resolver(gaz, ex),
                        SimpleNamespace(mine=lambda *a, **k: []), lambda t: ())
    table = make_table(["Stargate 투자자 현황"], ["투자자", "역할", "투자액 (억 달러)", "투자 형태", "현재 상황"], rows)
    te._rows(table, mapping)
    settle_drawn_sums([table], ex)
    return ex


def amounts(ex) -> list[tuple]:
    return sorted((f.predicate, f.obj, "planned" in f.qualifiers, f.rule, f.location.column)
                  for f in ex.facts if f.predicate == "amountUSD")


def test_a_sum_of_which_part_was_drawn_is_a_pledge_and_the_part_paid(gaz):
    ex = read(gaz, [["Oracle", "전략 투자자", "250", "지분", "초기 250억 중 30억 자금 집행, 추가 여지"]])
    assert amounts(ex) == [("amountUSD", Decimal("3000000000"), False, "table:stargate-investors:drawn", 5),
                           ("amountUSD", Decimal("25000000000"), True, "table:stargate-investors:amountUSD", 3)]


def test_no_drawn_part_without_the_rows_sum_or_a_verb_of_drawing(gaz):
    ex = read(gaz, [["Oracle", "전략 투자자", "250", "지분", "초기 300억 중 30억 집행"],  # not the row's sum
                    ["SoftBank", "전략 투자자", "120", "지분", "120억 중 30억은 지분 형태"]])  # nothing drawn
    assert amounts(ex) == [("amountUSD", Decimal("12000000000"), False, "table:stargate-investors:amountUSD", 3),
                           ("amountUSD", Decimal("25000000000"), False, "table:stargate-investors:amountUSD", 3)]


def test_the_pairs_a_note_states():
    assert drawn_pairs("약정 50억 달러 중 12억 달러 집행") == [(Decimal("5000000000"), Decimal("1200000000"), "USD")]
    assert drawn_pairs("초기 190억 중 40억 유동성 사용, 추가 증자 여지") == [
        (Decimal("19000000000"), Decimal("4000000000"), "")]
    assert drawn_pairs("50억 달러 중 12억 유로 집행") == []  # two currencies
    assert drawn_pairs("직원 500명 중 40명 이동") == []
    assert drawn_pairs("1차 대출 71억 실행, 추가 최대 1,000억 목표") == []  # no sum the part is of


def test_the_generic_readers_sum_of_which_part_was_drawn(table_reader):
    r, ex = table_reader
    table = make_table(["AI 인프라 투자 현황"], ["기업", "투자액 (억 달러)", "현재 상황"],
                       [["Oracle", "250", "초기 250억 중 30억 집행"], ["Cohere", "80", "협상 중"]])
    r.read(table)
    settle_drawn_sums([table], ex)
    assert sorted((s.subject, s.value, s.status, s.rule.split("@")[-1], s.location.column) for s in ex.statements) == [
        ("cohere", Decimal("8000000000"), "actual", "111", 2),
        ("oracle", Decimal("3000000000"), "actual", "111:drawn", 3),
        ("oracle", Decimal("25000000000"), "planned", "111", 2)]
