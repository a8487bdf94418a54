"""Wave 18, area B: four small readings of figures the readers dropped.

* a table cell that is a size, two lengths across each other ("25.6mm x 16.4mm"), states both lengths
  (``figures_by_precision`` in petaflop/extract/table_figures.py), under the cell's own rule;
* "사용량" (usage) is no "용량" (capacity): "전력 사용량 (kWh)" names the energy a thing uses
  (``energyConsumption``, attribute_lexicon.toml), not its power or memory capacity;
* a list item's figure followed by a parenthesis opening with a period word ("아마존: 1,000억 달러 (분기별
  250억 달러 수준)") states the item's measure again, per that period (``_list_item`` in text_money.py);
* the first figure of a from-to pair in a parallel clause ("A는 12%에서 32%로, B는 50%에서 25%로") is
  judged with the pair's first figures (``text:value-from``), whatever carried its measure (that test is
  tests/test_text_figures.py::test_a_parallel_clause_measures_what_the_previous_did_and_falling_to_a_level_keeps_its_sign)."""

from __future__ import annotations

import re
from decimal import Decimal

from petaflop.extract.facts import Extraction, Location
from petaflop.extract.resolve import Resolver
from petaflop.extract.table_figures import figures_by_precision
from tests.test_table_reader import make_table

LOC = Location(10, 10, "III", "test slide")


def _read(gaz, caption, header, rows):
    from petaflop.extract.table_reader import TableReader

    ex = Extraction()
    TableReader(Resolver(gaz, ex), lambda t: ()).read(make_table(caption, header, rows, line=300))
    return {(s.subject, s.kind, s.value, s.unit, re.sub(r"@\d+", "@N", s.rule)) for s in ex.statements}


def test_a_size_cell_states_both_lengths(gaz):
    got = _read(gaz, ["칩 사양 비교"], ["항목", "B200", "H100"], [["다이 크기", "30.5mm x 26.1mm", "28mm × 27mm"]])
    assert {g for g in got if g[1] == "quantity"} == {
        ("nvidia-b200", "quantity", Decimal("30.5"), "mm", "table-reader:quantity@unit:header-entities"),
        ("nvidia-b200", "quantity", Decimal("26.1"), "mm", "table-reader:quantity@unit:header-entities"),
        ("nvidia-h100", "quantity", Decimal(28), "mm", "table-reader:quantity@unit:header-entities"),
        ("nvidia-h100", "quantity", Decimal(27), "mm", "table-reader:quantity@unit:header-entities")}


def test_only_a_bare_size_is_two_lengths():
    assert [q.value for q in figures_by_precision("12mm x 9mm", "length")] == [Decimal(12), Decimal(9)]
    assert figures_by_precision("12mm x 9mm (패키지 포함 40mm)", "length") == []
    assert figures_by_precision("12mm", "length") == []
    assert figures_by_precision("12mm x 9mm", "compute") == []


def test_energy_used_is_read_in_a_table_row(gaz):
    got = _read(gaz, ["Grok 4 질의 비용 추산"], ["항목", "값"],
                [["Grok 4", "-"], ["전력 사용량 (kWh)", "52,000"]])
    assert ("grok-4", "energyConsumption", Decimal(52), "MWh", "table-reader:energyConsumption@N") in got


def test_usage_is_no_capacity_in_prose(text_reader):
    r, ex = text_reader
    r.read("Grok 4는 질의 한 번에 소모되는 전력 사용량이 평균 0.5 Wh 수준. B200의 하루 전력 사용량은 약 12 kWh.", LOC, ())
    assert [(s.subject, s.kind, s.value, s.unit) for s in ex.statements] == [
        ("grok-4", "energyConsumption", Decimal("5E-7"), "MWh"),
        ("nvidia-b200", "energyConsumption", Decimal("0.012"), "MWh")]



def test_a_list_items_figure_per_period_in_parentheses(text_reader):
    r, ex = text_reader
    r.lead_in = ("빅테크들의 올해 CAPEX 전망", "")
    r.read("- 아마존: 1,000억 달러 (분기별 250억 달러 수준) / 구글: 700억 달러 (기존 600억 달러에서 상향)", LOC, ())
    assert [(s.subject, s.kind, s.value, s.per, s.rule) for s in ex.statements if s.kind == "capex"] == [
        ("amazon", "capex", Decimal(10) ** 11, "", "text-money:capex"),
        ("amazon", "capex", Decimal(25) * 10 ** 9, "quarter", "text-money:capex"),
        ("google", "capex", Decimal(7) * 10 ** 10, "", "text-money:capex"),
        ("google", "capex", Decimal(6) * 10 ** 10, "", "text-money:capex")]  # the figure it was revised from
