"""The subject a figure's caption names on its first line ("<X> 수주잔고 (단위: …)", "… 핵심 'X' 서버 랙").

A chart or picture is titled by a caption whose first line names what it is about; the figures of the
caption's lines (the same line's or the next ones') are about that thing, not about the topic carried from
the bullets before the figure. The head is the one entity the first line names outside a place, object,
means or coordination ("X에", "X를", "X로", "X와") and outside parentheses; a comparison ("대비", "vs"), two
different entities, none, or a first line that is a full sentence (ending with a stop: prose, not a title)
name no head. A line's own topic still wins over the head, as over any carried topic.

The head is carried into the caption's lines with role ``caption``; whatever a reader then states of it
(a value, a count, a span) is one construction for the precision gate, rule ``text:caption-topic``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import HOW, Mention_

RULE = "text:caption-topic"
#: a caption comparing things names no single subject
_COMPARISON = re.compile(r"대비|비교|vs\.?|VS|대결|경쟁")
#: what only a firm has: a caption headed by a product or a site does not give it these (its maker's figures)
_FIRMS_OWN = frozenset({"revenue", "profit", "valuation", "marketCap", "stockPrice", "employeeCount"})
#: roles of a mention that cannot be the caption's head
_NOT_HEAD = ("place", "object", "means", "with")


def caption_head(first_line: str, mentions: Callable[[str], Sequence[Any]]) -> Any | None:
    """The one mention (of ``mentions(first_line)``) heading the caption's first line, else None."""
    line = first_line.strip()
    if not line or line.endswith((".", "다")) or _COMPARISON.search(line):
        return None
    heads = [m for m in mentions(line) if m.role not in _NOT_HEAD and line.count("(", 0, m.start) <= line.count(")", 0, m.start)]
    if len({m.entity for m in heads}) != 1:
        return None
    return heads[0]


def caption_topic(reader: Any, caption: Sequence[str]) -> Callable[[Any], Any]:
    """Make the caption's head the topic carried into its lines (``reader.block_topic``, role ``caption``).

    Returns what to call after the lines are read, with the block topic then: it files the statements and
    facts read of the head under :data:`RULE` and gives back the topic carried before the caption (unless a
    line set one of its own)."""
    before = getattr(reader, "block_topic", None)
    head = caption_head(caption[0], reader._mentions) if caption else None
    if head is None:
        return lambda now: now
    reader.block_topic = Mention_(head.entity, head.type, -1, -1, "caption")
    reader.caption_before = before  # what a reader needing another class may still take (a release's maker)
    ex = reader.ex
    n_statements, n_facts = len(ex.statements), len(ex.facts)
    firm = is_a(head.type, "Organization")  # "X 칩의 출하량 전망 / 작년 전체 매출(N달러)": a firm's sales, not the chip's

    def done(now: Any) -> Any:
        ex.statements[n_statements:] = [f for s in ex.statements[n_statements:] if (f := _filed(s, firm, before)) is not None]
        ex.facts[n_facts:] = [replace(f, rule=RULE) if f.rule.endswith(":caption-topic") else f for f in ex.facts[n_facts:]]
        reader.caption_before = None
        return before if now is not None and now.role == "caption" else now

    return done


def _filed(s: Any, firm: bool, before: Any) -> Any:
    """A statement read of the caption's head, under :data:`RULE`; a firm's own figure (sales, value) read of a
    head that is no firm goes back to the firm carried before the caption ("X 칩의 출하량 전망 / 작년 전체 매출"), by
    the rule that topic gives; with no such firm it is dropped (None)."""
    if not s.rule.endswith(":caption-topic"):
        return s
    if s.kind not in _FIRMS_OWN or firm:
        return replace(s, rule=RULE)
    if before is None or not is_a(before.type, "Organization") or before.role not in HOW:
        return None
    return replace(s, subject=before.entity, rule=s.rule.removesuffix("caption-topic") + HOW[before.role])
