"""A model's size written as a modifier of the model: "320억 개의 활성 파라미터를 가진 Kimi K2", "'1조 파라미터의
오픈소스' 모델 Kimi K2", "'Qwen3-Coder'라는 코딩 전문 모델은 전체 4,800억, 활성 350억 파라미터의 …".

A count of parameters ("N (개의) (활성) 파라미터") is the size of the model the phrase modifies: the model named
right after "…를 가진" / "…의 (…) 모델", else the model the clause is about before the figure (its marked topic
or subject, or "X라는 … 모델은"). "활성" before the word (or before the figure) makes it the active count
(``activeParameterCount``), "전체"/"총" or none the total (``parameterCount``). One rule,
``text:parameters-of-model``, judged by the gate; the figure is consumed (no other subject reads it).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.quantities import Quantity
from petaflop.extract.facts import Location, Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

RULE = "text:parameters-of-model"
#: the parameter word right after the figure: "N개의 활성 파라미터를 가진", "N 파라미터의", "N, 활성 M 파라미터의"
_PARAMS = re.compile(r"\s?(?:개\s?)?(?:의\s?)?(?P<active>활성\s?)?(?:파라미터|매개변수)(?P<mod>를\s?가진|을\s?가진|의)?")
#: "전체 4,800억, 활성 350억 파라미터": a total, then the active count that carries the word
_TOTAL_THEN_ACTIVE = re.compile(r"\s?,\s?활성\s?[\d.,]+\s?[조억만천]?\s?(?:개\s?)?(?:의\s?)?(?:파라미터|매개변수)")
_ACTIVE_BEFORE = re.compile(r"활성\s?$")
#: what may stand between the phrase and the model it modifies: a few words ("오픈소스' 모델", "더 큰 MoE 모델")
_BETWEEN = re.compile(r"[^,.;:()\[\]]{0,24}")
#: "'X'라는 코딩 전문 모델은": the model the clause introduces before its figures
_NAMED_MODEL = re.compile(r"['’\"”]?\s?(?:이라는|라는)\s[^,.]{0,16}?모델(?:은|는|이|가)\s")


def _model_after(s: str, end: int, mentions: list[Mention_]) -> Mention_ | None:
    after = [m for m in mentions if m.start >= end]
    if not after or not is_a(after[0].type, "AIModel") or not _BETWEEN.fullmatch(s, end, after[0].start):
        return None
    return after[0]


def _model_before(s: str, c0: int, start: int, mentions: list[Mention_]) -> Mention_ | None:
    before = [m for m in mentions if m.end <= start and is_a(m.type, "AIModel")]
    for m in reversed(before):
        if (m.start >= c0 and m.role in ("topic", "subject")) or _NAMED_MODEL.match(s, m.end):
            return m
    return None


def model_parameters(s: str, q: Quantity, c0: int, mentions: list[Mention_], status: str, loc: Location,
                     sources: tuple[str, ...]) -> Statement | None:
    """The parameter count a figure states of a model, or None when it is no such phrase."""
    if q.kind not in ("count", "number") or q.value is None:
        return None
    pm = _PARAMS.match(s, q.end)
    total_first = None if pm else _TOTAL_THEN_ACTIVE.match(s, q.end)
    if pm is None and total_first is None:
        return None
    active = bool(pm and (pm.group("active") or _ACTIVE_BEFORE.search(s, 0, q.start)))
    model = _model_after(s, pm.end(), mentions) if pm and pm.group("mod") else None
    if model is None:
        model = _model_before(s, c0, q.start, mentions)
    if model is None:
        return None
    kind = "activeParameterCount" if active else "parameterCount"
    return Statement(model.entity, kind, loc, RULE, value=Decimal(q.value), unit="count", status=status,
                     sources=sources, raw=s[q.start:(pm or total_first).end()][:60])
