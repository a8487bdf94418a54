"""A share of a maker's demand: "메타와 구글이 엔비디아 GPU 수요의 약 40%를 차지", "A와 … B, 두 회사가 엔비디아
칩 수요의 30% 차지" — the firms that make up that share of the maker's demand buy from it: each is the
maker's customer. One family with the customer lists ("A, B 등을 고객으로", "고객사인 A") and the
provisions ("A에 … 제공"), so one rule with them (``<prefix>:customer``).

The buyers are the clause's subject right before the maker (with the firms listed with it by 와/과), or,
when a count closes the list ("…, 두 회사가"), the firms listed before the count — as many as it says
(a firm in another role between, "아마존으로부터 … 공급받는 B", is not one of them).
"""
from __future__ import annotations

import re
from typing import Any

from petaflop.extract.resolve import is_a

_FIRMS = ("Firm", "AILab")
# after the maker: the thing demanded, then the share it takes ("칩 수요의 30% 차지", "GPU 수요의 약 40%를 차지")
_SHARE = re.compile(r"\s?(?:의\s)?(?:(?:AI\s)?(?:칩|GPU|가속기|반도체|제품)\s?)?수요의\s(?:약\s)?\d+(?:\.\d+)?\s?%"
                    r"(?:\s?(?:이상|가량|정도))?(?:를|을)?\s?(?:차지|점유)")
# a count closing the list of buyers: "A와 … B, 두 회사가"
_COUNT_GAP = re.compile(r"['’”\"]?,?\s?(?P<n>두|세|네)\s(?:회사|기업|업체|곳)(?:가|이|는|은)\s")
_SUBJECT_GAP = re.compile(r"['’”\"]?\s?(?:이|가|은|는)\s")
_COUNTS = ("두", "세", "네")


def _firm(m: Any) -> bool:
    return any(is_a(m.type, c) for c in _FIRMS)


def demand_shares(s: str, mentions: list[Any], link: Any, prefix: str, loc: Any, sources: tuple[str, ...]) -> None:
    for i, maker in enumerate(mentions):
        if i == 0 or not _firm(maker) or maker.role or not _SHARE.match(s, maker.end):
            continue
        last = mentions[i - 1]
        gap = s[last.end:maker.start]
        if _SUBJECT_GAP.fullmatch(gap) and last.role in ("subject", "topic"):
            buyers = [last]  # "메타와 구글이 엔비디아 …": the subject and the firms joined to it by 와/과
            for prev in reversed(mentions[:i - 1]):
                if prev.role != "with" or not re.fullmatch(r"\s?(?:와|과)\s|,\s", s[prev.end:buyers[0].start]):
                    break
                buyers.insert(0, prev)
        elif (count := _COUNT_GAP.fullmatch(gap)) is not None:
            # "A와 … B, 두 회사가": B and the firms joined by 와/과 before it, as many as counted
            buyers = [*(m for m in mentions[:i - 1] if m.role == "with"), last]
            if len(buyers) != _COUNTS.index(count.group("n")) + 2:
                continue
        else:
            continue
        if not all(_firm(b) for b in buyers) or any(b.entity == maker.entity for b in buyers):
            continue
        for b in buyers:
            link(b, "customerOf", maker, f"{prefix}:customer", loc, sources, s[buyers[0].start:maker.end + 12])
