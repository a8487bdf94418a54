"""Percentages written right after names, in parentheses, in a sentence about one measure.

"현재 SF2의 추정 수율은 40~45%. … TSMC N2(70% 이상)와 인텔 18A(50~55%)에 비해", "점유율은 TSMC(70.2%),
삼성(7.3%) 순", "OpenAI의 API 매출 비중(27%)과 비교해": when a sentence names exactly one measure of
percentages (its word in the attribute lexicon: 수율, 점유율, 비중, 성장률 …), a percentage (or a range)
alone in the parentheses after a name — or after the name's genitive and the words of that measure — is
that name's value of the measure — a list of parallel figures; a sentence naming no measure takes the
one the previous sentence of its block names, and the time that sentence's frame states ("현재 …", "2분기에 …":
:func:`petaflop.extract.figure_time.with_bases`) when it names no date and no other time of its own. A score (벤치마크, 점수) is
text_scores.py's. Figures of a sentence that compares them with the previous sentence's measure ("이는 … 에
비해") when that sentence gives it as an estimate ("추정 수율은 40~45%") are estimates too. A sign ("(+5%)", "(-1.7%)") is a change, not a level, and is not read. Rule
``text:paren-measure``, judged by the gate.
"""

from __future__ import annotations

import re
from decimal import Decimal

from foundation.periods import Period
from ingest.date_periods import figure_period
from ingest.quantities import find_quantities
from petaflop.extract.facts import Location, Statement
from petaflop.extract.figure_time import FRAME, OTHER_TIME, with_bases
from petaflop.extract.resolve import is_a
from petaflop.extract.table_market_scope import market_of
from petaflop.extract.text_frames import Mention_

_NUM = r"\d{1,3}(?:\.\d{1,2})?"
_PAREN_PERCENT = re.compile(rf"\s?\(\s?(?:약\s?)?(?P<lo>{_NUM})\s?%?(?:\s?[~∼–]\s?(?P<hi>{_NUM}))?\s?%"
                            rf"\s?(?P<bound>이상|이하|초과|미만)?\s?\)")
_SCORE_CUE = re.compile(r"벤치마크|[Bb]enchmark|시험|점수|스코어")
_ESTIMATE = re.compile(r"추정|추산|예상")
#: a sentence comparing its figures with the previous one's: "이는 … 에 비해", "… 대비", "… 보다"
_COMPARED = re.compile(r"에\s?비해|에\s?비하면|대비|보다|와\s?비교|과\s?비교")
#: the genitive and at most three words ending right before the parentheses (one of them the measure's)
_OWNED_MEASURE = re.compile(r"\s?의\s((?:[가-힣A-Za-z0-9]+\s){0,2}[가-힣A-Za-z0-9]+)(?=\s?\()")


class ParenMeasureReader:
    """Mixed into the text reader (``self.ex``, ``self.lex``, ``self.prefix``)."""

    def _sentence_measure(self, s: str):
        """The one percentage measure the sentence names, else None."""
        found = {}
        for e in self.lex.values:
            if e.dimension != "percent":
                continue
            for m in e.match.finditer(s):
                if not (e.veto and e.veto.search(s[max(0, m.start() - 6):m.end() + 6])):
                    found.setdefault(e.kind, e)
                    break
        return next(iter(found.values())) if len(found) == 1 else None

    def _paren_measures(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        own = self._sentence_measure(s)
        dates = [q for q in find_quantities(s) if q.kind in ("date", "period") and q.date_start and q.date_end]
        carried = getattr(self, "_paren_carry", (None, None, None, False))
        self._paren_carry = (loc, own, _frame_time(self, s, dates), bool(own and _ESTIMATE.search(s)))
        if "(" not in s or _SCORE_CUE.search(s):
            return
        # "SF2의 추정 수율은 40~45%. 이는 TSMC N2(70% 이상)와 …": the block's previous sentence names it
        entry = own or (carried[1] if carried[0] == loc else None)
        if entry is None:
            return
        # … and its frame's time, unless this sentence names a time of its own
        time = carried[2] if own is None and not dates and not OTHER_TIME.search(s) else None
        # "SF2의 추정 수율은 40~45%. 이는 TSMC N2(70% 이상)에 비해 …": figures compared with an estimate are estimates
        compared_estimate = own is None and carried[3] and bool(_COMPARED.search(s))
        for m in mentions:
            pm, gm = _PAREN_PERCENT.match(s, m.end), None
            if pm is None and m.role == "genitive":  # "OpenAI의 API 매출 비중(27%)": the name's measure word first
                gm = _OWNED_MEASURE.match(s, m.end)
                pm = _PAREN_PERCENT.match(s, gm.end()) if gm and entry.match.search(gm.group(1)) else None
            if pm is None:
                continue
            if entry.subject and not any(is_a(m.type, c) for c in entry.subject):
                continue
            lo, hi = Decimal(pm.group("lo")), pm.group("hi")
            bound = {"이상": "lower", "초과": "lower", "이하": "upper", "미만": "upper"}.get(pm.group("bound") or "", "")
            self.ex.statements.append(Statement(
                m.entity, entry.kind, loc, f"{self.prefix}:paren-measure", value=lo,
                high=Decimal(hi) if hi and Decimal(hi) != lo else None, unit="%",
                status="estimate" if compared_estimate or _ESTIMATE.search(s[max(0, m.start - 12):pm.end()]) else "actual",
                bound=bound, sources=sources, raw=s[m.start:pm.end()][:60], time=time,
                scope=market_of(gm.group(1)) if gm and entry.kind == "marketShare" else "",  # "엔터프라이즈 시장점유율"
                metric=gm.group(1) if gm and entry.metric_from_label else "",  # "API 매출 비중": what the share is of
            ))  # fmt: skip


def _frame_time(reader: object, s: str, dates: list) -> Period | None:
    """The time of the one date framing sentence ``s`` (its own, or the "현재" opening it: ``reader._now``)."""
    frames = [d for d in [*getattr(reader, "_now", []), *with_bases(s, dates)] if FRAME in d.qualifiers]
    return figure_period(frames[0]) if len(frames) == 1 else None
