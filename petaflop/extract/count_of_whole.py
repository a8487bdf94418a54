"""A part counted out of a whole in one phrase: "N개 중 M개", "N개 중에서 M개가", "N개 … 중 X는 단 M석".

"5개 워킹그룹 의장직 중 중국은 단 1석", "LLM 3,755개 중에서 1,509개가 중국산", "중국의 영향력은 5개 중 1개
분야로", "A는 6문제 중 5개를 해결": the part M is what one firm or country holds of the N (its ``unitCount``,
the whole's noun — or the part's own, "1개 분야" — its metric, "N개 중" its scope), or, when the part is
solved ("해결", "풀"), the model's ``benchmarkScore`` out of N problems. The owner is

* a firm or country marked as the topic between the whole and the part ("… 중 중국은 단 1석"),
* a country of origin right after the part ("M개가 중국산"),
* the clause's marked topic or subject before the whole, or the owner of the topic ("X의 영향력은 N개 중").

People ("2명 중 1명") are a proportion of respondents, not a holding, and are left alone; the part must be
smaller than the whole. One rule, ``text:count-of-whole``, in prose and cells (the construction states the
count whoever owns it; the owner must be named in the sentence).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from petaflop.extract.cell_text import quantity_period
from petaflop.extract.facts import Location, Statement
from petaflop.extract.figure_context import figure_context
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_, clause_starts_of
from petaflop.extract.values import find_quantities

RULE = "text:count-of-whole"
#: a classifier of things (not of people): a seat ("석") counts too
_CLS = r"(?:개|곳|석|건|종|대|기)"
#: the whole (its figure, a classifier or a noun stuck to it, up to two words), "중"/"가운데", the words up to
#: the part, and the part with its classifier
_OF_WHOLE = re.compile(
    r"(?:(?P<pre>[가-힣A-Za-z]+)\s)?(?<![\d.,])(?P<n>\d[\d,]*)\s?(?P<cn>" + _CLS + r"|[가-힣]{1,2}(?=\s))?(?P<noun>(?:\s[가-힣A-Za-z]+){0,2}?)"
    r"\s(?:중|가운데)(?:에서)?\s(?P<mid>[^\d.,]{0,16}?)(?P<m>\d[\d,]*)\s?(?P<cm>" + _CLS + r")(?![월년배])")
_SOLVED = re.compile(r"(?:[을를]\s?)?(?:해결|풀|맞[히춰])")
#: "M개(…)가 중국산": the country of origin of the part
_ORIGIN = re.compile(r"(?:\([^)]{0,30}\))?(?:이|가)\s")
#: a part handed on, not held: "GPU 10개 중 8개를 공급" is a share of a flow
_FLOW = re.compile(r"(?:\([^)]{0,30}\))?(?:[을를이가]\s?)?(?:공급|판매|수출|출하|생산|납품)")
_TOPIC_AFTER = re.compile(r"(?:은|는|이|가)\s")
#: "X의 영향력은 ": a genitive whose head noun, marked as the topic, ends right before the whole
_TOPIC_HEAD = re.compile(r"의\s[가-힣]+[은는]\s$")
#: the part's own noun after it: "1개 분야로"
_PART_NOUN = re.compile(r"\s([가-힣A-Za-z]{1,8}?)(?:으로|로|를|을|가|이|는|은|에)?(?=[\s,.]|$)")
_OWNERS = ("Organization", "Country")


def _plain(word: str) -> str:
    """The noun before a whole's figure ("LLM 3,755개"), '' when it carries a particle ("영향력은 5개")."""
    return "" if re.search(r"(?:은|는|이|가|을|를|의|에|도|로)$", word) else word


def _owner(s: str, m: re.Match[str], mentions: list[Mention_]) -> tuple[Mention_ | None, bool]:
    """The part's owner and whether it is a topic before the whole (a model may own a score only then)."""
    starts = clause_starts_of(s)
    c0 = max(c for c in starts if c <= m.start("n"))
    mid = [x for x in mentions if m.start("mid") <= x.start and x.end <= m.start("m") and _TOPIC_AFTER.match(s, x.end)]
    if mid:
        return mid[-1], False
    after = _ORIGIN.match(s, m.end())
    if after:
        origin = next((x for x in mentions if x.start == after.end() and s.startswith("산", x.end)), None)
        if origin is not None:
            return origin, False
    before = [x for x in mentions if c0 <= x.start and x.end <= m.start("n")]
    marked = [x for x in before if x.role in ("topic", "subject") and _TOPIC_AFTER.match(s, x.end)]
    if marked:
        return marked[-1], True
    if before and _TOPIC_HEAD.search(s[before[-1].end:m.start("n")]) and s.count(" ", before[-1].end, m.start("n")) <= 2:
        return before[-1], True
    return None, False


def _context(reader: Any, s: str, at: int) -> tuple[str, Any]:
    """The status and time of the part's figure at ``at``, as the text reader's figures have them."""
    qs = find_quantities(s)
    q = next((x for x in qs if x.start == at and x.value is not None), None)
    if q is None or not hasattr(reader, "_time"):
        return "actual", getattr(reader, "default_time", None)
    dates = [x for x in qs if x.kind in ("date", "period") and x.date_start and x.date_end]
    values = [x for x in qs if x.kind not in ("date", "period") and x.value is not None]
    starts = clause_starts_of(s)
    c0 = max(c for c in starts if c <= at)
    c1 = min([c for c in starts if c > at] or [len(s)])
    status, time, _ = figure_context(reader, s, q, dates, c0, c1, values)
    before = [d for d in dates if c0 <= d.start and d.end <= at]
    if time is None and len(before) == 1:  # "A는 2025년 올림피아드의 6문제 중 5개": the one date of the clause
        time = quantity_period(before[0])
    return status, time


def whole_parts(reader: Any, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
    for m in _OF_WHOLE.finditer(s):
        n, part = Decimal(m.group("n").replace(",", "")), Decimal(m.group("m").replace(",", ""))
        if not 0 < part < n:
            continue
        owner, before = _owner(s, m, mentions)
        if owner is None or _FLOW.match(s, m.end()):
            continue
        cn = m.group("cn") or ""
        whole_noun = (m.group("noun") or "").strip() or (cn if len(cn) > 1 else "") or _plain(m.group("pre") or "")
        if _SOLVED.match(s, m.end()) and before and is_a(owner.type, "AIModel"):
            kind, unit, metric = "benchmarkScore", "", f"{whole_noun or '문제'} 해결"
        elif any(is_a(owner.type, t) for t in _OWNERS):
            own = _PART_NOUN.match(s, m.end())
            kind, unit, metric = "unitCount", "count", whole_noun or (own.group(1) if own else "")
        else:
            continue
        status, time = _context(reader, s, m.start("m"))
        reader.ex.statements.append(Statement(
            owner.entity, kind, loc, RULE, value=part, unit=unit, status=status, metric=metric[:40],
            scope=f"{m.group('n')}{m.group('cn') or ''} 중", time=time,
            sources=sources, raw=s[max(0, m.start() - 10):m.end() + 10].strip()[:60],
        ))  # fmt: skip
