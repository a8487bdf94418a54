"""A thing said to surpass (or match) another of its kind competes with it: "DeepSeek-Coder-V2는
평가에서 GPT-4 Turbo 능가", "Ascend 910D는 H20 성능을 동등/초과할 것을 목표", a cell "H20 성능 일부
초과" in the row of a chip, "B와 동률 수준까지 추격", "B과 대등하거나 경쟁 가능한 수준에 도달". The one surpassing is the clause's topic or subject (in a table cell, the
row's thing); both must be things of one kind (two models, two chips, two organisations).

One rule, ``text:surpass``, so the precision gate judges the construction alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from petaflop.extract.facts import Location
from petaflop.extract.text_frames import Mention_, clause_starts_of

RULE = "text:surpass"
# after the surpassed thing: its measure, a particle, a degree word, then the verb ("능가", "초과", "추월")
_SURPASS = re.compile(r"['’”\"]?\s?(?:\([^)]{0,20}\))?\s?(?:의\s)?(?:성능|점수|수준)?\s?(?:을|를|마저|도|보다)?\s?"
                      r"(?:(?:일부|크게|훨씬|빠르게|동등\s?/\s?|동등하거나|대등하거나)\s?){0,2}(능가|초과|추월|앞지르|앞질|추격)"
                      # matched (or chased to a tie): "B와 동률 수준까지 추격", "B과 대등하거나 경쟁 가능한 수준에 도달"
                      r"|['’”\"]?\s?(?:\([^)]{0,20}\))?\s?(?:과|와)\s(?:동률|대등|동등)(?:한|하거나)?\s?(?:성능|수준)?\s?"
                      r"(?:까지|으로|에)?\s?(?:경쟁\s?가능한\s?수준에\s?)?(추격|도달|올라)")


def surpassed(s: str, mentions: list[Mention_], topic: Mention_ | None, in_cell: bool,
              kind: Callable[[str], str | None]) -> list[tuple[Mention_, Mention_]]:
    """(the one surpassing, the one surpassed) pairs of the sentence."""
    starts = clause_starts_of(s)
    out = []
    for i, b in enumerate(mentions):
        hit = _SURPASS.match(s, b.end) if kind(b.type) is not None else None
        if hit is None:
            continue
        c0 = max(c for c in starts if c <= b.start)
        marked = [a for a in mentions[:i] if a.start >= c0 and a.role in ("topic", "subject")]
        marked = [a for a in marked if kind(a.type) == kind(b.type)] or marked  # "구글(Gemini)은": the firm
        # a tie reached ("B와 동률 수준까지 추격"): else the sentence's one topic of b's kind, across the clauses
        # it carries on ("A는 …를 통해 우위를 점하며 B와 …"); a plain surpassing stays within its clause
        topics = {a.entity: a for a in mentions[:i] if a.role == "topic" and kind(a.type) == kind(b.type)
                  and s.count("(", 0, a.start) <= s.count(")", 0, a.start)} if hit.group(2) else {}
        if marked:
            a = marked[-1]
        elif len(topics) == 1:
            a = next(iter(topics.values()))
        elif in_cell and topic is not None and topic.role == "row" and not s[:b.start].strip():
            a = topic  # "H20 성능 일부 초과" in the row of a chip
        else:
            continue
        if a.entity != b.entity and kind(a.type) == kind(b.type):
            out.append((a, b))
    return out


def add_surpassed(reader, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                  sources: tuple[str, ...], kind: Callable[[str], str | None]) -> None:
    for a, b in surpassed(s, mentions, topic, reader.prefix == "text-cell", kind):
        reader._add_link(a, "competesWith", b, RULE, loc, sources, s[max(a.start, 0):b.end + 8])
