"""One rule id per construction, whatever way its subject was found inside the sentence.

A prose rule finds the subject of its figure in one of several ways: the clause marks it (``A는``,
``A가``: "clause-topic"), it owns the measure that carries the particle (``A의 매출은``:
"measure-owner"), or a table cell's row names it ("row"). These ways name the subject in the words
the figure belongs to, so they are one construction for the gate (as ``text:rank:named`` already is);
a subject inherited from an earlier sentence, block, slide or chapter keeps its own id, because
its precision differs.
"""

from __future__ import annotations

#: the ways of finding a subject that name it in the figure's own clause or row
NAMED_WAYS = frozenset({"clause-topic", "measure-owner", "row"})


def construction_rule(prefix: str, family: str, how: str, named: frozenset[str] = NAMED_WAYS) -> str:
    """``text:<family>:named`` for a subject named in the clause or row, else ``<prefix>:<family>:<how>``."""
    return f"text:{family}:named" if how in named else f"{prefix}:{family}:{how}"
