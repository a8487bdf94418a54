"""Figures listed after "각각" (respectively): "A와 B의 점유율은 각각 60%, 12%", "task 각각 40개, 50개 생성(X, Y)".

"각각" before two or more figures joined by commas or "와/과/및" pairs each figure, in order, with one of as many
items: the names coordinated before it ("A와 B의 …", "A, B는"), else a list in parentheses right after the figures
("(X, Y)"). The readers see one figure at a time and give it the clause's subject — the last name, or the row's
entity — as if it were said of that subject alone. Once a sentence is read, each statement read from such a figure
is settled here:

* paired with a named item: the statement is that item's (a reader that took the other item is corrected; one
  that took a name outside the list is no pairing: unsure);
* paired with an unnamed item (a task, a country written as a word): the item narrows the statement's scope
  ("task: X"); the noun before "각각" names the items, not what the figure counts, so it leaves the metric for the
  word of doing after the figures ("생성": what was made);
* with no list of items the figures pair with, its rule is marked unsure (gate.py): it stays a claim, never the
  first figure asserted of the subject alone.

"각각 40개씩" (one figure: each has 40) is no list and is left as read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.quantities import Quantity
from petaflop.extract.gate import unsure

__all__ = ["respective_figures"]

_EACH = re.compile(r"각각\s?$")
#: between two figures of a list: a comma, "와/과", "및", a slash or a middle dot
_JOIN = re.compile(r"\s?(?:,|와|과|및|/|·)\s?")
#: a list in parentheses after the figures, a few words at most between: "40개, 50개 생성(X, Y)"
_PAREN_LIST = re.compile(r"[^().,;\n]{0,15}?\(([^()]{1,80})\)")
_ITEM_SEP = re.compile(r"\s?[,·/]\s?")
#: between two coordinated names before "각각": "A와 B", "A, B", "A 및 B"
_NAME_JOIN = re.compile(r"\s?(?:,|와|과|및|·)\s?")
#: the word of doing right after the figures: "40개, 50개 생성(…)"
_DOING = re.compile(r"\s?([가-힣]{2,4})(?:[(\s,.]|$)")


def _lists(s: str, values: list[Quantity]) -> list[list[Quantity]]:
    """The figures of each "각각" list of ``s``: two or more of one kind, joined."""
    out: list[list[Quantity]] = []
    for i, q in enumerate(values):
        if not _EACH.search(s, 0, q.start) or any(q in g for g in out):
            continue
        group = [q]
        for v in values[i + 1:]:
            if v.kind != q.kind or not _JOIN.fullmatch(s, group[-1].end, v.start):
                break
            group.append(v)
        if len(group) >= 2:
            out.append(group)
    return out


def _items(s: str, group: list[Quantity], mentions) -> list[tuple[str, str]] | None:
    """(name, entity id or '') of each item the figures of ``group`` pair with, in order, or None."""
    each = s.rfind("각각", 0, group[0].start)
    named = sorted((m for m in mentions if m.end <= each and m.start >= 0), key=lambda m: m.start)
    chain: list = []
    for m in reversed(named):  # the names coordinated last before "각각"
        if chain and not _NAME_JOIN.fullmatch(s, m.end, chain[0].start):
            break
        chain.insert(0, m)
    if len(chain) == len(group) and len({m.entity for m in chain}) == len(chain):
        return [(s[m.start:m.end], m.entity) for m in chain]
    pm = _PAREN_LIST.match(s, group[-1].end)
    if pm:
        items = [x.strip() for x in _ITEM_SEP.split(pm.group(1)) if x.strip()]
        if len(items) == len(group):
            return [(x[:30], "") for x in items]
    return None


def respective_figures(reader, s: str, values: list[Quantity], first: int) -> None:
    """Settle the statements read since ``first`` from the figures of a "각각" list of ``s`` (see the module)."""
    statements = reader.ex.statements
    for group in _lists(s, values):
        items = _items(s, group, getattr(reader, "_sentence_mentions", []))
        names = {e for _, e in items or () if e}
        for i in range(first, len(statements)):
            st = statements[i]
            at = [j for j, q in enumerate(group) if st.value is not None and q.value is not None
                  and abs(st.value) in (q.value, q.high) and (not st.raw or q.raw.strip() in st.raw)]
            if len(at) != 1:
                continue
            name, entity = items[at[0]] if items else ("", "")
            if items is None or (entity and st.subject != entity and st.subject not in names):
                statements[i] = replace(st, rule=unsure(st.rule))
            elif entity:
                statements[i] = replace(st, subject=entity)
            else:
                kind_noun = re.sub(r"\s?각각$", "", st.metric).strip()
                doing = _DOING.match(s, group[-1].end)
                metric = doing.group(1) if st.metric.endswith("각각") and doing else st.metric
                item = f"{kind_noun}: {name}" if st.metric.endswith("각각") and kind_noun else name
                statements[i] = replace(st, metric=metric, scope=f"{st.scope}; {item}" if st.scope else item)
