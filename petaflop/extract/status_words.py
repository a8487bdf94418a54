"""Which words of a sentence may give a prose figure its status (the cues are text_frames' ``_STATUS_CUES``).

* **An aside with a figure of its own** ("2호(95일 목표로 시공 중) + Megapack 208대", "5 GW 확보(10GW라는
  목표에서 …)"): parentheses that hold a number are about that number; their words (목표, 추정, 예정) are no
  cue for a figure outside them. Parentheses without a number ("50억 달러 (추정)") still qualify the figure.
* **A figure inside such an aside** ("… 55만 개(약 500만 개의 A100과 동일한 것으로 추정)이 투입될 예정",
  "11만 개 목표치 (… 39개 프로젝트)"): only the aside's own words give it a status, and a plan or goal of
  the sentence around it is not its own.
* **A claim's window** (24 characters before the figure, the figure, 8 after): only the figure's own clause
  ("… 계획. 프로젝트 목표는 2.2GW이고, 현재로서는 1.3GW 이상" is a goal of 2.2 GW, not of 1.3 GW; "…(10GW라는
  목표에서 절반 이상을 확보). 5GW급" no goal of the 5 GW of the next sentence).
* **The words of a planned event** (:mod:`petaflop.extract.text_dates`): a goal ("출시 목표인",
  "출시를 목표로") makes its date a ``target``; what is said to come ("출시될 것이라는 루머",
  "출시될 것으로") a ``forecast``; any other plan (예정, 계획, 할 것) ``planned``.
* **What already runs**: a clause that says the thing is in operation or speaks of now ("…을 가동 중이고",
  "운영 중인", "이미 …", "현재로서는"; not "현재의 100배", a multiple of now) states actual figures; a plan named later in the sentence ("… 추가 투입될 예정") is not theirs.
"""

from __future__ import annotations

import re

from petaflop.extract.text_frames import status_of_words

__all__ = ["clause_words", "frames_a_measure", "plan_status", "sentence_plan", "window_words"]

#: Parentheses (not nested) that hold a figure of their own.
_ASIDE = re.compile(r"\([^()]*\d[^()]*\)")
#: "4년 동안의 총 소유 비용": a span framing the measure after it (the status words after it are the measure's)
_SPAN_OF = re.compile(r"\s?(?:동안|간)의\s")
#: A clause about what already runs or is in hand.
_RUNNING = re.compile(r"(?:가동|운영|운용|사용)\s?중(?!단)|이미\s|현재(?!의\s?[\d.,]+\s?배)")


def _enclosing_aside(text: str, at: int, end: int) -> tuple[int, int] | None:
    """The span of the parentheses with a figure that enclose ``text[at:end]``, or None."""
    for m in _ASIDE.finditer(text):
        if m.start() < at and end <= m.end() - 1:
            return m.start() + 1, m.end() - 1
    return None


def _find(text: str, raw: str) -> int:
    at = text.find(raw) if raw else -1
    return at if at >= 0 and text.count(raw) == 1 else -1


def clause_words(clause: str, raw: str) -> str:
    """The words of ``clause`` that may give the figure written ``raw`` its status: the aside that holds the
    figure when it stands in one, else the clause without the asides of other figures; the whole clause
    when the figure cannot be placed in it."""
    at = _find(clause, raw)
    if at < 0:
        return clause
    if _SPAN_OF.match(clause, at + len(raw)):
        return clause[:at]  # "4년 동안의 총 비용은 … 로 추정": the span the cost is reckoned over is not estimated
    inside = _enclosing_aside(clause, at, at + len(raw))
    if inside is not None:
        return clause[inside[0]:inside[1]]
    return _strip_other_asides(clause, at, at + len(raw))


#: a span of time ending before "동안의"/"간의": "4년 동안의", "10년간의"
_SPAN_FIGURE = re.compile(r"\d[\d.,]*\s?(?:년|개월|주|일|시간)(?=\s?(?:동안|간)의\s)")


def frames_a_measure(raw: str) -> bool:
    """True when the span whose window (20 characters before, 8 after: text_reader) is ``raw`` frames the
    measure after it ("… 계산, 4년 동안의 총 소"): what is estimated or planned of the measure is not the span's."""
    found = list(_SPAN_FIGURE.finditer(raw))
    return bool(found) and found[-1].end() >= len(raw) - 9


def _strip_other_asides(text: str, at: int, end: int) -> str:
    """``text`` without the asides that do not overlap the figure at ``text[at:end]``."""
    out, last = [], 0
    for m in _ASIDE.finditer(text):
        if m.end() <= at or m.start() >= end:
            out.append(text[last:m.start()])
            out.append(" ")
            last = m.end()
    out.append(text[last:])
    return "".join(out)


def sentence_plan(sentence: str, clause: str, raw: str) -> str:
    """The plan, goal or forecast (``planned``, ``target``, ``forecast``: "V14는 인간보다 2~3배, V15는 10배 안전할
    것") that ``sentence`` states for all its figures, as the status
    of the figure written ``raw`` in ``clause`` whose own words gave none; "" when the sentence states none
    outside the asides of figures, when the figure stands in an aside of its own, or when its clause says
    the thing already runs."""
    at = _find(clause, raw)
    if (at >= 0 and _enclosing_aside(clause, at, at + len(raw)) is not None) or _RUNNING.search(clause):
        return ""
    status = status_of_words(_ASIDE.sub(" ", sentence))
    return status if status in ("planned", "target", "forecast") else ""


#: After "될 것": what is said or expected, not what is to be done.
_SAID = re.compile(r"\s?(?:이라는|이라고|으로)")


def plan_status(plan: str | None, after: str) -> str:
    """The status the words of plan ``plan`` after an event's verb give its date (``after``: the text that
    follows them): ``target`` for a goal, ``forecast`` for what is said to come, else ``planned``; "" when
    no such words were read."""
    if not plan:
        return ""
    if "목표" in plan:
        return "target"
    if "될" in plan and _SAID.match(after):
        return "forecast"
    return "planned"



#: A sentence or clause break in a claim's window.
_BREAK = re.compile(r"[.;,]\s")
#: How a claim's window ends: 8 characters after the figure.
WINDOW_AFTER = 8


def window_words(raw: str) -> str:
    """The words of a claim's window ``raw`` that are the figure's own clause: from the last sentence or clause
    break before the figure's end to the first one after it, without the asides of other figures."""
    end = max(0, len(raw) - WINDOW_AFTER)
    cut = max((m.end() for m in _BREAK.finditer(raw, 0, end)), default=0)
    stop = _BREAK.search(raw, end)
    return _ASIDE.sub(" ", raw[cut:stop.start() if stop else len(raw)])
