"""Parts of a whole counted in the next sentence: "X는 16개의 랙에 분산. 이 중 컴퓨팅을 담당하는 랙 12개 …
나머지 4개의 랙은 …", "연간 5천억 달러를 지출. 이 중 5백억 달러가 전력 인프라에 필요".

A sentence opening with "이 중"/"그중"/"나머지" gives a part of the figure stated just before it (in the same
line, at most two sentences back): its first figure is a statement of the whole's subject and kind, its
status, time and per kept, its scope the sentence's words. Only counts (the same counted noun next to both
figures) and money (the same currency), a part smaller than its whole; a share ("이 중 90%가 X 몫") names
another measure and is left alone. Rule ``text:part-of-whole``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ingest.quantities import find_quantities

if TYPE_CHECKING:
    from petaflop.extract.facts import Extraction, Statement

RULE = "text:part-of-whole"
_PART = re.compile(r"^\s*(?:이\s?중|그\s?중|나머지)\s")
_NOUN_AFTER = re.compile(r"^\s*(?:의\s)?([가-힣A-Za-z]+)")
_LEAD = re.compile(r"^\s*(?:의|은|는|이|가|에는|에)\s")
_PARTICLE_END = re.compile(r"(?<=[가-힣A-Za-z)])(?:에서|에는|에|으로|로|은|는|을|를)$")
_NOUN_BEFORE = re.compile(r"([가-힣A-Za-z]+)\s$")


def _sentences(line: str) -> list[tuple[int, str]]:
    out, at = [], 0
    for m in re.finditer(r"\.(?:\s+|$)", line):
        out.append((at, line[at:m.start() + 1]))
        at = m.end()
    if at < len(line):
        out.append((at, line[at:]))
    return out


def _noun(text: str, start: int, end: int) -> str:
    """The noun a count counts: "16개의 랙" → 랙, "랙 12개" → 랙."""
    after = _NOUN_AFTER.match(text[end:])
    if after and not re.match(r"^\s*[가-힣]*[은는이가에를을]$", text[end:end + 2]):
        word = re.sub(r"(?:은|는|이|가|에는|에|을|를|으로|로)$", "", after.group(1))
        if word:
            return word
    before = _NOUN_BEFORE.search(text[:start])
    return before.group(1) if before else ""


def _after_scope(after: str, noun: str) -> str:
    """"가 전력 인프라에 필요하다고 함" → "전력 인프라": the words after a part's figure up to the first one a
    particle ends (what the part goes to), not the clause's predicate, past the counted noun ("서버는 저장용")."""
    words, m = [], None
    for w in after.strip().rstrip(".").split():
        m = _PARTICLE_END.search(w)
        if not words and m and w[:m.start()] == noun:  # "서버는 저장용": the counted noun, then what it is for
            continue
        words.append(w[:m.start()] if m else w)
        if m or len(words) == 4:
            break
    return "" if m is None and len(words) == 4 else " ".join(words).strip()


def _whole(stmts: list[Statement], line: str, upto: int) -> Statement | None:
    """The last statement of the line whose figure sits before ``upto``."""
    best, at = None, -1
    for st in stmts:
        pos = line.find(st.raw.strip()[:24]) if st.raw.strip() else -1
        if 0 <= pos < upto and pos >= at:
            best, at = st, pos
    return best


def add_part_counts(ex: Extraction, lines: list[str]) -> None:
    by_line: dict[int, list[Statement]] = {}
    for st in ex.statements:
        if not st.location.table_id and st.value is not None and st.unit and st.rule != RULE:
            by_line.setdefault(st.location.line_start, []).append(st)
    for n, stmts in by_line.items():
        line = lines[n - 1]
        if not any(w in line for w in ("이 중", "이중", "그중", "그 중", "나머지")):
            continue
        sents = _sentences(line)
        for i, (start, sent) in enumerate(sents):
            if i == 0 or not _PART.match(sent):
                continue
            whole = _whole(stmts, line, start)
            if whole is None or whole.value is None or line.find(whole.raw.strip()[:24]) < sents[max(0, i - 2)][0]:
                continue
            qs = [q for q in find_quantities(sent) if q.value is not None and q.unit == whole.unit]
            if not qs or qs[0].value >= whole.value:
                continue
            q = qs[0]
            if q.kind not in ("count", "money") or "%" in q.raw:
                continue
            if q.kind == "count":
                wpos = line.find(whole.raw.strip()[:24])
                wtext = line[wpos:wpos + len(whole.raw)]
                wq = next((x for x in find_quantities(wtext) if x.value == whole.value), None)
                if wq is None or not _noun(wtext, wq.start, wq.end) or _noun(wtext, wq.start, wq.end) != _noun(sent, q.start, q.end):
                    continue
            mark = _PART.match(sent)
            assert mark is not None
            scope = sent[mark.end():q.start].strip() or _after_scope(_LEAD.sub("", sent[q.end:]), _noun(sent, q.start, q.end))
            if mark.group(0).strip() == "나머지":
                scope = "나머지" + (f": {scope}" if scope else "")
            ex.statements.append(replace(whole, value=q.value, high=None, rule=RULE, scope=scope[:40], bound="",
                                         approximate=False, raw=sent[max(0, q.start - 20):q.end + 20]))
