"""A table row whose subject is only guessed ("아직 모름 (아마도 A)", "A?") asserts nothing of it (hedged_rows.py) —
on an invented slide."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.parser import parse_text
from petaflop.extract.facts import Extraction, Fact, Location, Statement
from petaflop.extract.gate import is_unsure
from petaflop.extract.hedged_rows import hedged_cell, settle_hedged_subjects
from tests.test_extract_heading_place import SLIDES  # its table's 2026 row only guesses the supercomputer


@pytest.mark.parametrize(("text", "hedged"), [
    ("아직 모름 (아마도 xAI Colossus)", True),
    ("xAI Colossus?", True),
    ("probably xAI Colossus", True),
    ("xAI Colossus", False),
    ("메타 Hypernova (추정)", False),  # an estimate's marker: the status readers' (link_status.py)
])
def test_a_cell_hedging_its_name(gaz, text, hedged):
    assert hedged_cell(text, [(m.start, m.end) for m in gaz.find_mentions(text)]) is hedged


def test_the_figures_of_a_row_whose_subject_is_guessed_are_claims(gaz):
    doc = parse_text(SLIDES)
    table = doc.tables[0]
    guessed, named = Location(17, 17, table_id=table.id, row=1, column=3), Location(18, 18, table_id=table.id, row=2, column=3)
    ex = Extraction()
    rule = "table:x:powerCapacityMW"
    ex.statements += [Statement("colossus", "powerCapacity", guessed, rule, value=Decimal(2000), unit="MW"),
                      Statement("colossus", "powerCapacity", named, rule, value=Decimal(300), unit="MW")]
    ex.facts += [Fact("colossus", "leadingSupercomputerYear", "2026", False, guessed, "table:x:year", lang="en"),
                 Fact("colossus", "leadingSupercomputerYear", "2025", False, named, "table:x:year", lang="en")]
    assert settle_hedged_subjects(doc.tables, ex, gaz.find_mentions) == 2
    assert [(st.value, is_unsure(st.rule)) for st in ex.statements] == [(Decimal(2000), True), (Decimal(300), False)]
    assert [f.obj for f in ex.facts] == ["2025"]  # a text literal is never gated: the guessed row's is dropped
