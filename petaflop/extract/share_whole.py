"""What a share is a share of: found in its sentence, else the share stays a claim.

A ``share`` (ontology: "a part of a whole …; metric= says of what") is read by many constructions: a genitive
whole ("세계 수요의 60%"), a metric word with its nouns ("API 매출 비중": measured_noun.py), a table's column or
row label ("GPU 비용 비중"), a survey's answer. A share whose whole none of them found — metric empty or only the
word for a share ("share", "비중", "비율") — reads as the subject's share of everything: "China 15 %" of what?
Such a statement is kept, but as a claim (its rule marked ``unsure``, gate.py), never an asserted fact.

One more place names the whole: the domain the shares are taken in, "X에서", before the part in its sentence
("세계 AI 슈퍼컴퓨터 성능에서 미국은 75%를 차지"), or in the block's sentence just before when that one gives no
figure of its own ("유럽은 세계 AI 슈퍼컴퓨터 성능에서 미미. 미국은 75%를 차지하며 …"). A domain that is only a
name ("중국에서 30%") is where, not of what.
"""

from __future__ import annotations

import re
from dataclasses import replace

from petaflop.extract.facts import Statement
from petaflop.extract.gate import unsure

#: the words that only say "a share" (what is left when they are taken away names the whole)
_SHARE_WORDS = re.compile(r"(?i)\bshare\b|\bof\b|비중|비율|구성비|점유율|몫|[\s:()·,.\-]")
_FIGURE = re.compile(r"\d\s?%")
_DOMAIN = re.compile(r"[가-힣A-Za-z0-9·/\-]에서(?:의)?\s")


def names_whole(metric: str) -> bool:
    """The metric says what the share is of (more than the word for a share)."""
    return bool(_SHARE_WORDS.sub("", metric or ""))


def unsure_unknown_wholes(statements: list[Statement]) -> list[Statement]:
    """Every ``share`` statement whose metric does not say of what, as a claim (its rule ``…:unsure``)."""
    return [replace(st, rule=unsure(st.rule)) if st.kind == "share" and not names_whole(st.metric) else st
            for st in statements]


def ranked_whole(s: str, upto: int) -> str:
    """The whole a share is of, when the sentence names it as "X에서" before the clause
    ("전세계 AI 슈퍼컴퓨터 성능에서 … 중국이 15%로 2위"): its words, else ''."""
    wm = re.search(r"((?:[가-힣A-Za-z0-9·/\-]{1,14}\s){0,3}[가-힣A-Za-z0-9·/\-]{1,14})에서(?:의)?\s", s[:upto])
    if not wm:
        return ""
    words = [w for w in wm.group(1).split() if re.search(r"[가-힣A-Za-z0-9]", w)]  # not a bullet's dash
    marked = [i for i, w in enumerate(words) if re.search(r"(?:은|는|이|가|을|를|도)$", w)]
    return " ".join(words[marked[-1] + 1:] if marked else words)[:30]


def domain_whole(s: str, upto: int, previous: str, is_name) -> str:
    """The whole named as the domain "X에서" before ``upto`` in ``s``, else in ``previous`` (the block's sentence
    before, when it gives no percentage); '' when there is none or it is only a name (``is_name(words)``)."""
    for text, end in ((s, upto), (previous if previous and not _FIGURE.search(previous) else "", None)):
        # the last domain before the figure: an earlier one may be a modifier's ("체스판에서 한 축인 A는 …")
        ends = [m.end() for m in _DOMAIN.finditer(text, 0, len(text) if end is None else end)] if text else []
        piece = text[ends[-2] if len(ends) > 1 else 0:ends[-1]] if ends else ""
        whole = ranked_whole(piece, len(piece)).strip() if piece else ""
        if whole and not is_name(whole):
            return whole
    return ""
