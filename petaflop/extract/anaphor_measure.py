"""The measure of a multiple said of an anaphor: "A는 15조 토큰의 데이터셋으로 학습. 이는 이전 버전의 2배 규모",
"B는 500MW의 전력을 확보했으며, 이는 C의 1.6배에 달하는 수준".

"이는" stands for what the clause before says, and a multiple of it compares that clause's figure with the base.
When the multiple's own clause names no measure (its metric is only "vs <base>", which says what is compared
with but not what is measured), the measure is the one of the antecedent's figure — the last figure of the clause
before (of the sentence before when "이는" opens the sentence):

* the statement read from that figure for the same subject: its kind's label ("number of tokens"), or its metric
  when the kind alone measures nothing in particular (``unitCount``, ``amount`` …);
* else the noun phrase the figure is the genitive of ("300PFLOP의 고밀도 BF16 컴퓨팅을" → "고밀도 BF16 컴퓨팅").

A multiple whose antecedent has no figure, or one whose measure neither names, compares nothing one can check:
its rule is marked unsure (gate.py), so it stays a claim.
"""

from __future__ import annotations

import re

from ingest.quantities import Quantity, find_quantities
from ontology.model import load_model
from petaflop.extract.facts import Location
from petaflop.extract.gate import unsure

__all__ = ["anaphor_measure"]

#: kinds whose label names no measure of their own: the statement's metric does
_GENERIC = frozenset({"amount", "quantity", "share", "unitCount", "multiple", "duration"})
#: a figure relative to another, never the antecedent's measure
_RELATIVE = frozenset({"multiple", "growthRate", "relativeDifference"})
#: "300PFLOP의 고밀도 BF16 컴퓨팅을": the unit's letters after the figure, the genitive, the noun phrase up to its particle
_GENITIVE_NOUN = re.compile(r"\s?[A-Za-z가-힣/]{0,8}\s?의\s((?:[가-힣A-Za-z0-9.\-]+\s){0,2}?[가-힣A-Za-z0-9.\-]+?)"
                            r"(?:을|를|이|가|은|는|으로|로|에|과|와)(?=[\s,.]|$)")


def _figure(text: str) -> Quantity | None:
    """The last figure of ``text`` that can be measured (no date, no multiple)."""
    return next((q for q in reversed(find_quantities(text)) if q.kind not in ("date", "period", "multiple")
                 and q.value is not None), None)


def _measure_of(reader, text: str, q: Quantity, subject: str, loc: Location) -> str:
    """The measure of the figure ``q`` of ``text`` (see the module), or ''."""
    raw = q.raw.strip()
    for st in reversed(reader.ex.statements):
        if st.subject != subject or st.location != loc or st.value is None or st.kind in _RELATIVE \
                or raw not in st.raw:
            continue
        if st.kind not in _GENERIC:
            kind = load_model().kinds.get(st.kind)
            return kind.label_en if kind is not None and kind.label_en else ""
        if st.metric:
            return st.metric
        break
    noun = _GENITIVE_NOUN.match(text, q.end)
    return noun.group(1) if noun else ""


def anaphor_measure(reader, how: str, s: str, c0: int, subject: str, loc: Location, metric: str, base_words: str,
                    rule: str) -> tuple[str, str]:
    """(metric, rule) of a multiple: unchanged unless its subject was found as the antecedent of an anaphor ("이는",
    ``how`` "anaphora") opening the clause at ``c0`` of ``s`` and its ``metric`` names no measure (it is only
    ``base_words``, "vs <base>"); then the antecedent figure's measure before the metric, or the rule marked unsure
    when none is named."""
    if how != "anaphora" or metric != base_words:
        return metric, rule
    text = s[:c0] if c0 > 0 else getattr(reader, "previous_sentence", "") or ""
    q = _figure(text)
    measure = _measure_of(reader, text, q, subject, loc) if q is not None else ""
    return (f"{measure[:40]} {metric}", rule) if measure else (metric, unsure(rule))
