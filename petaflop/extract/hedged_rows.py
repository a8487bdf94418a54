"""A table row whose subject is only guessed asserts nothing of it: "아직 모름 (아마도 A)", "A?", "probably A".

The cell naming a row's thing may hedge the name it gives: the writer does not know which thing the row is about
and guesses one ("2026 | 아직 모름 (아마도 A 클러스터) | 1.5M | 2GW 이상"). The row's figures are then not the named
thing's facts but the writer's guess at whose they are: each fact and statement read from such a row about a thing
the hedged cell names stays a claim (its rule marked ``unsure``, gate.py); a text fact of it (a text cell:
"the year it led") is dropped, as no text literal is gated.

A hedge is a word of guessing or not knowing in the cell ("아마도", "모름", "미정", "불확실", "probably", "maybe",
"possibly", "unknown", "TBD") or a question mark right after the name ("A?"). A cell that only marks an estimate
("메타 Hypernova (추정)") is left to the status readers (link_status.py): the thing is named, its figures guessed.

Run after every reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ingest.model import Table
from petaflop.extract.facts import Extraction, Fact
from petaflop.extract.gate import UNGATED_PREDICATES, unsure

__all__ = ["hedged_cell", "settle_hedged_subjects"]

#: a word of guessing or of not knowing in a name's cell
_HEDGE = re.compile(r"(?i)아마(?:도)?\s|모름|미정|불확실|불분명|(?<![A-Za-z])(?:probably|maybe|possibly|perhaps|unknown|TBD)(?![A-Za-z])")


def hedged_cell(text: str, names: Iterable[tuple[int, int]]) -> bool:
    """True when a cell ``text`` naming a thing at one of ``names`` (spans) hedges it: a word of guessing or not
    knowing anywhere in the cell, or a question mark right after the name."""
    spans = list(names)
    if not spans:
        return False
    return bool(_HEDGE.search(text)) or any(re.match(r"\s?\?", text[end:]) for _, end in spans)


def settle_hedged_subjects(tables: Iterable[Table], ex: Extraction, find_mentions) -> int:
    """Make a claim of each fact and statement of a table row about a thing a hedged cell of the row names, or drop
    it when it is a text literal (``find_mentions``: the gazetteer's mention finder); returns how many changed."""
    hedged: dict[tuple[str, int], set[str]] = {}
    for t in tables:
        for r, row in enumerate(t.rows, 1):
            for cell in row.cells:
                found = find_mentions(cell.text)
                if found and hedged_cell(cell.text, [(m.start, m.end) for m in found]):
                    hedged.setdefault((t.id, r), set()).update(m.entity_id for m in found)
    changed = 0
    for items in (ex.facts, ex.statements):
        kept = []
        for x in items:
            loc = x.location
            if getattr(x, "predicate", "") in UNGATED_PREDICATES or not loc.table_id \
                    or x.subject not in hedged.get((loc.table_id, loc.row), ()) or unsure(x.rule) == x.rule:
                kept.append(x)  # a name's type or label: the thing exists, whoever the row is about
                continue
            changed += 1
            if isinstance(x, Fact) and not x.obj_is_entity and x.datatype in ("", "string"):
                continue  # a text literal is never gated (graph.py): no claim of it can be made, so it is dropped
            kept.append(replace(x, rule=unsure(x.rule)))
        items[:] = kept
    return changed
