"""A rate or a span of power plants of one type keeps the type: "작년 화력 150GW의 평균 가동시간은 4,000시간".

A country's "평균 가동시간" or "설비이용률" read without the type of plant it is of says it holds for every plant of
the country, when the sentence says it holds for one type (화력, 석탄, 원전, 수력, 태양광, 풍력 …). So a prose
``share`` or ``duration`` whose metric names no plant type takes the one

* its own sentence writes as the genitive owner before the figure ("화력 150GW의 평균 가동시간은 4,000시간",
  "석탄 발전소의 가동률은 50%"), or
* the sentence right before writes so, when the figure's sentence opens on its bare measure and names no owner
  ("… 화력 150GW의 평균 가동시간은 4,000시간. 설비이용률은 약 45%로 …": the same plants' capacity factor).

The metric becomes "<type> <metric>" ("화력 설비이용률"). Run after the readers, on the report's lines.
"""

from __future__ import annotations

import re
from dataclasses import replace

from petaflop.extract.facts import Extraction
from petaflop.extract.sentence_split import sentences

__all__ = ["plant_owner", "settle_plant_measures"]

_PLANT = r"(?:석탄\s?화력|가스\s?화력|화력|석탄|가스|LNG|원전|원자력|수력|양수|태양광|풍력|지열|열병합)"
#: a plant type in the genitive, with its capacity or "발전(소)": "화력 150GW의 ", "석탄 발전소의 "
_OWNER = re.compile(r"(?<![가-힣A-Za-z])(" + _PLANT + r")(?:\s?발전(?:소|기|설비)?)?(?:\s?[\d.,]+\s?[A-Za-z]{1,3})?의\s")
_NAMES_PLANT = re.compile(_PLANT)
_KINDS = frozenset({"share", "duration"})


def plant_owner(text: str) -> str:
    """The plant type ``text`` writes as a genitive owner ("화력 150GW의 …" → "화력"), '' when none or several."""
    found = {re.sub(r"\s", "", m.group(1)) for m in _OWNER.finditer(text)}
    return found.pop() if len(found) == 1 else ""


def _plant_of(said: list[str], raw: str, metric: str) -> str:
    for k, sentence in enumerate(said):
        at = sentence.find(raw)
        if at < 0 or sentence.count(raw) != 1:
            continue
        if own := plant_owner(sentence[:at + len(raw)]):
            return own
        opens = sentence.lstrip(" -–·•*").startswith(metric)  # "설비이용률은 약 45%로 …": its bare measure first
        if k and opens and not _NAMES_PLANT.search(sentence):
            return plant_owner(said[k - 1])
        return ""
    return ""


def settle_plant_measures(ex: Extraction, lines: list[str]) -> int:
    """Prefix the plant type to the metric of each prose share or duration the module describes; returns how many."""
    changed = 0
    by_line: dict[int, list[str]] = {}
    for i, st in enumerate(ex.statements):
        loc = st.location
        if st.kind not in _KINDS or loc.table_id or not st.metric or _NAMES_PLANT.search(st.metric) or not st.raw \
                or not 0 < loc.line_start <= len(lines) or loc.line_start != loc.line_end:
            continue
        if loc.line_start not in by_line:
            by_line[loc.line_start] = list(sentences(lines[loc.line_start - 1].replace("\\$", "$")))
        raw = st.raw.strip()
        if plant := _plant_of(by_line[loc.line_start], raw, st.metric):
            ex.statements[i] = replace(st, metric=f"{plant} {st.metric}"[:60])
            changed += 1
    return changed
