"""Where a chip is made, on sentences and tables of our own: a nominal "<node> 기반." sentence after the
sentence that ends with a chip says the chip is built on that node; a node named by its size ("TSMC 7nm")
gives the chip's process node in nanometres; an hourly price of use in a table naming one GPU model is
that model's price, not the table subject's."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.node_foundry import SIZE_RULE, add_node_sizes
from tests.test_table_reader import make_table

LOC = Location(10, 10, "IX", "test slide")


def fabrications(ex: Extraction) -> set[tuple[str, str, str, str]]:
    return {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.predicate.startswith("fabricated")}


def test_a_node_based_sentence_after_a_chip_makes_the_chip_on_that_node(text_reader):
    r, ex = text_reader
    r.read("가나다전자의 새 태블릿에 들어가는 AP는 Trainium2 칩. TSMC 3nm(N3E 추정) 기반.", LOC, ())
    assert fabrications(ex) == {("aws-trainium2", "fabricatedOn", "tsmc-3nm", "text:foundry:process-node")}


def test_a_node_based_clause_names_its_chip_in_the_same_sentence(text_reader):
    r, ex = text_reader
    r.read("라마바 보드의 Trainium2 칩은 TSMC 3nm 기반.", LOC, ())
    assert fabrications(ex) == {("aws-trainium2", "fabricatedOn", "tsmc-3nm", "text:foundry:process-node")}


def test_based_on_a_firm_or_after_a_sentence_not_ending_with_a_chip_is_no_fabrication(text_reader):
    r, ex = text_reader
    r.read("Trainium2 칩은 엔비디아 기반.", LOC, ())
    r.read("가나다전자는 Trainium2 칩을 샀다. TSMC 3nm 기반.", LOC, ())
    r.read("Trainium2 칩. TSMC 3nm 기반 설계를 검토.", LOC, ())
    assert fabrications(ex) == set()


def test_a_node_named_by_its_size_gives_the_chips_process_node(gaz):
    ex = Extraction()
    ex.add(Fact("aws-trainium2", "fabricatedOn", "tsmc-7nm", True, LOC, "text:foundry:process-node"))
    ex.add(Fact("aws-trainium2", "fabricatedOn", "tsmc-7nm", True, LOC, "table:some-table:fabricatedOn"))
    ex.add(Fact("nvidia-rubin", "fabricatedOn", "tsmc-n3p", True, LOC, "table:some-table:fabricatedOn"))
    assert add_node_sizes(ex, gaz) == 1  # once per chip and place; a code name ("N3P") says no size
    assert [(s.subject, s.kind, s.value, s.unit, s.rule) for s in ex.statements] == [
        ("aws-trainium2", "processNode", Decimal(7), "nm", SIZE_RULE)]


def test_an_hourly_price_in_a_table_naming_one_gpu_is_that_gpus_price(table_reader):
    r, ex = table_reader
    r.read(make_table(["GR00T Dreams 실험 사양"], ["항목", "수치", "비고"],
                      [["GPU 모델", "H100", ""], ["클라우드 시간당 비용", "\\$2.50/시간", ""],
                       ["총 비용", "\\$900", ""]]))
    prices = {(s.subject, s.kind, s.value, s.unit) for s in ex.statements if s.unit == "USD"}
    assert prices == {("nvidia-h100", "unitPrice", Decimal("2.50"), "USD"),
                      ("gr00t-dreams", "amount", Decimal(900), "USD")}
    assert next(s.rule for s in ex.statements if s.kind == "unitPrice").endswith(":model-row")


def test_a_derived_size_takes_the_status_of_the_size_read_on_its_line(gaz):
    from dataclasses import replace

    from petaflop.extract.facts import Statement
    from petaflop.extract.node_foundry import settle_node_sizes

    ex = Extraction()
    ex.add(Fact("aws-trainium2", "fabricatedOn", "tsmc-7nm", True, LOC, "table:some-table:fabricatedOn"))
    add_node_sizes(ex, gaz)
    ex.statements.append(Statement("aws-trainium2", "processNode", replace(LOC, column=3), "table-reader:processNode",
                                   value=Decimal(7), unit="nm", status="planned"))
    assert settle_node_sizes(ex) == 1
    assert [(s.rule, s.status) for s in ex.statements] == [(SIZE_RULE, "planned"), ("table-reader:processNode", "planned")]
    assert settle_node_sizes(ex) == 0
