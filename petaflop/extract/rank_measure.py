"""A rank keeps what is ranked: a place in a ranking is of some measure, not of a place alone.

"세계 1위", "글로벌 4위", "국내 2위" say where the ranking is held, not what it ranks. Read alone they make the
subject the world's (or the country's) number one at everything. The measure is most often written before the
place, in the same sentence: the domain the ranking is held in ("AI 훈련용 클러스터 규모에서 … 세계 1위"), its basis
("LongBench 기준 순위를 보면 … 1등"), its field ("코딩 부문에서 1위"). A rank whose scope (or metric) names only a place,
or nothing, takes that phrase with its place (in a table's cell, else the label of its row: "글로벌 클라우드 시장 점유율
| 4% | 글로벌 4위") ("세계 · AI 훈련용 클러스터 규모"); a rank whose ranked measure cannot
be found stays a claim (its rule marked ``unsure``, gate.py).

Run after every reader, on the ``rank`` statements.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from petaflop.extract.facts import Extraction
from petaflop.extract.gate import unsure
from petaflop.extract.resolve import is_a

__all__ = ["names_measure", "ranked_measure", "row_label", "row_place", "settle_rank_measures"]

#: words of where a ranking is held, not of what it ranks (a country's or region's name is one too)
_PLACE_WORD = re.compile(r"(?i)(?:전세계|세계적?|글로벌|국내|해외|국제|world(?:wide)?|global|domestic)?")
#: what a place word may carry: "국내에서", "세계의", "미국 내"
_PARTICLE = re.compile(r"(?:내|중|에서(?:의)?|의|은|는|이|가|도)?$")
#: the phrase naming what a ranking ranks, ending right before the place or the rank: "X에서", "X 기준", "X 부문"
_MEASURE = re.compile(r"((?:[^\s,.;:()]{1,14}\s){0,3}[^\s,.;:()]{1,14}?)\s?(?:에서(?:의)?|기준(?:으로)?|부문(?:에서)?|분야(?:에서)?)"
                      r"(?=[\s,])")
#: a basis of time is no measure: "월 기준", "2025년 기준", "현재 기준"
_TIME = re.compile(r"^(?:\d|월|연|연간|년|분기|일|주|현재|시점|환율|당시)|(?:\d{2,4}년|\d월|분기)$")
#: the figure of a rank: "1위", "1등", "2번째"
_RANK_FIGURE = r"(?<![\d.,]){n}\s?(?:위|등|번\s?째)"
#: where a sentence or a table's cell begins
_SENTENCE_BREAK = re.compile(r"[.!?。](?=\s)|\t")
#: a subject's particle closing the measure phrase's first words: "A는 X에서 1위" (X is the measure, A the subject)
_MARKED = re.compile(r"(?:은|는|이|가|을|를|도)$")


def _place_only(text: str, is_place: Callable[[str], bool]) -> bool:
    """True when ``text`` names nothing but a place (or nothing at all)."""
    words = [_PARTICLE.sub("", w, count=1) for w in re.split(r"[\s·,()/:\-]+", text or "") if w]
    return all(_PLACE_WORD.fullmatch(w) or is_place(w) for w in words)


def names_measure(scope: str, metric: str, is_place: Callable[[str], bool]) -> bool:
    """The scope or metric of a rank says what is ranked (more than where)."""
    return not (_place_only(scope, is_place) and _place_only(metric, is_place))


def ranked_measure(text: str, raw: str, value: int, is_place: Callable[[str], bool]) -> str:
    """The phrase before the rank ``value`` (read as ``raw`` in ``text``) in its sentence naming what is ranked: its
    domain ("X에서"), basis ("X 기준") or field ("X 부문"), not a time basis nor a place; '' when there is none."""
    at = text.find(raw) if raw else -1
    if at < 0:
        return ""
    fig = re.search(_RANK_FIGURE.format(n=value), text[at:at + len(raw)])
    if fig is None:
        return ""
    end = at + fig.start()
    s0 = max((m.end() for m in _SENTENCE_BREAK.finditer(text, 0, end)), default=0)
    for m in reversed(list(_MEASURE.finditer(text, s0, end))):
        words = [w.strip("“”\"'‘’") for w in m.group(1).split() if re.search(r"[가-힣A-Za-z0-9]", w)]
        marked = [i for i, w in enumerate(words) if _MARKED.search(w)]
        words = words[marked[-1] + 1:] if marked else words
        phrase = " ".join(words)
        if phrase and not _TIME.search(phrase) and not _place_only(phrase, is_place):
            return phrase[:30]
    return ""


def row_label(text: str, type_of: Callable[[str], str | None]) -> str:
    """The label a table row opens with, when it names a measure ("클라우드 시장 점유율 | 4% | 글로벌 4위": the rank of
    the row's measure): no figure, no name (``is_place`` tells names too), no place alone; else ''."""
    label = text.split("\t", 1)[0].strip() if "\t" in text else ""
    if not label or re.search(r"\d", label) or type_of(label) is not None \
            or _place_only(label, lambda w: type_of(w) is not None):
        return ""
    return label[:30]


def row_place(text: str, scope: str, metric: str, type_of: Callable[[str], str | None],
              is_place: Callable[[str], bool]) -> str:
    """The place a table row's measure label names ("중국 AI 인프라 시장 점유율 | 23% | AI IaaS 시장 1위": 중국) when
    a rank read from a cell of the row names a measure but no place of its own (its ranking is held there); else ''."""
    label = row_label(text, type_of)
    words = [_PARTICLE.sub("", w, count=1) for w in re.split(r"[\s·,()/:\-]+", label) if w]
    places = [w for w in words if (_PLACE_WORD.fullmatch(w) and w) or is_place(w)]
    own = [_PARTICLE.sub("", w, count=1) for w in re.split(r"[\s·,()/:\-]+", f"{scope} {metric}") if w]
    if not places or not scope or any((_PLACE_WORD.fullmatch(w) and w) or is_place(w) for w in own):
        return ""
    return " ".join(dict.fromkeys(places))


def settle_rank_measures(ex: Extraction, lines: list[str], type_of: Callable[[str], str | None]) -> int:
    """Give each rank that names only a place the measure its sentence ranks by, else make it a claim (see the
    module doc); ``type_of`` gives the type of a name (None for a word no name); returns how many it changed."""
    def is_place(w: str) -> bool:
        return (t := type_of(w)) is not None and is_a(t, "Place")

    changed = 0
    for i, st in enumerate(ex.statements):
        if st.kind == "rank" and st.value is not None and st.location.table_id and (
                place := row_place(st.location.text_in(lines), st.scope, st.metric, type_of, is_place)):
            ex.statements[i] = st = replace(st, scope=f"{place} · {st.scope}"[:40] if st.scope else st.scope)
            changed += 1  # "중국 AI 인프라 시장 점유율 | 23% | AI IaaS 시장 1위": China's market, not the world's
        if st.kind != "rank" or st.value is None or names_measure(st.scope, st.metric, is_place):
            continue
        text = st.location.text_in(lines)
        measure = ranked_measure(text, st.raw, int(st.value), is_place) or (
            row_label(text, type_of) if st.location.table_id else "")
        place = st.scope.strip()
        ex.statements[i] = replace(st, scope=f"{place} · {measure}"[:40] if place and place not in measure else measure) if measure \
            else replace(st, rule=unsure(st.rule))
        changed += 1
    return changed
