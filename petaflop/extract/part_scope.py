"""The part of a thing a figure measures, when a spec line names it before the measure: "CPU 최대 클럭 3.1 GHz",
"16개의 CPU 코어, 최대 클럭 3.1 GHz • 2개의 NPU, 최대 클럭 1.8 GHz". One chip's two clocks are its parts' (its
CPU's, its NPU's), not two clocks of the chip: each figure's scope is the part its line names (so neither is
the chip's own clock, and they are no conflict). Read for the generic measures (a ``quantity`` named by its
metric word, :meth:`petaflop.extract.lexicon.ValueEntry.scope_at`); a kind that names its part itself
("메모리 대역폭": memory bandwidth) needs none.

Where: the part right before the metric word ("CPU 클럭", "NPU의 최대 클럭"), or the part that opens the line
and is closed by a comma or a colon, counted or not ("16개의 CPU 코어, 최대 클럭 …", "GPU: 클럭 …"). A line is
the text since the last bullet, semicolon or sentence end. Two parts joined ("CPU·GPU 클럭", "CPU와 GPU 클럭")
name no one part: no scope.
"""

from __future__ import annotations

import re

#: the parts of a chip or a system a spec line may give a figure of (data: add a part here)
PARTS = (r"CPU|GPU|NPU|TPU|DPU|IPU|ISP|DSP|VPU|SoC|HBM\d?[A-Za-z]?|DRAM|SRAM|LPDDR\d[A-Za-z]?|GDDR\d[A-Za-z]?"
         r"|메모리|캐시|[Mm]emory|[Cc]ache")
_PART = rf"(?<![A-Za-z0-9])({PARTS})(?![A-Za-z0-9])(?:\s?코어)?"
#: the words a measure of a part may open with: "최대 클럭", "부스트 클럭"
_MODIFIER = r"(?:(?:최대|최고|기본|부스트|평균|동작)\s?)?"
_RIGHT_BEFORE = re.compile(rf"{_PART}\s?(?:의\s?)?{_MODIFIER}$")
_LINE_HEAD = re.compile(rf"\s*(?:[-–*]\s*)?(?:(?:약\s?)?\d[\d,]*\s?개의?\s?)?{_PART}\s?[,:]\s?{_MODIFIER}")
#: what closes a line of a spec list: a bullet, a semicolon (a cell's bullets joined), a sentence's end
_LINE_END = re.compile(r"[•;▪\n]|[.。](?=\s)")
#: parts listed together: "CPU·GPU", "CPU/GPU", "CPU와 GPU", "CPU 및 GPU"
_JOINED = re.compile(r"(?:[·/&+]|와|과|및)\s?$")


def part_scope(text: str, at: int) -> str:
    """The part ("CPU") a spec line names for the measure whose metric word starts at ``at``, else ""."""
    start = max((m.end() for m in _LINE_END.finditer(text, 0, at)), default=0)
    head = text[start:at]
    m = _LINE_HEAD.fullmatch(head) or _RIGHT_BEFORE.search(head)
    if m is None or _JOINED.search(head, 0, m.start(1)):
        return ""
    return m.group(1)


#: the kinds a business of the firm may scope: its margin, revenue, profit, cost
BUSINESS_KINDS = frozenset({"grossMargin", "revenue", "profit", "annualOpex", "charge"})
#: the business a figure is of, right before its metric word: "추론(Inference) 서비스에서의 총마진율",
#: "클라우드 사업의 매출", "데이터센터 부문 매출" — one or two words (no particle) then 서비스/사업/부문
_BUSINESS = re.compile(r"(?<![^\s])((?:[가-힣A-Za-z0-9]+(?:\([^()]{1,30}\))?\s){0,2}?[가-힣A-Za-z0-9]*(?:서비스|사업|부문))"
                       r"\s?(?:에서의|에서|의)?\s?$")
_WORD_PARTICLE = re.compile(r"(?:은|는|이|가|을|를|의|에|에서|와|과|로|도)$")


def business_scope(text: str, at: int) -> str:
    """The business ("추론(Inference) 서비스") a margin, revenue or cost whose metric word starts at ``at`` is
    of, when the words right before it name one; else "" (the firm's own figure)."""
    start = max((m.end() for m in _LINE_END.finditer(text, 0, at)), default=0)
    m = _BUSINESS.search(text[start:at])
    if m is None:
        return ""
    words = m.group(1).split(" ")
    while words and _WORD_PARTICLE.search(re.sub(r"\([^()]*\)$", "", words[0])):
        words.pop(0)  # "OpenAI는 추론 서비스": the topic is the firm, not the business
    scope = " ".join(words)
    return "" if scope in ("서비스", "사업", "부문") else scope
