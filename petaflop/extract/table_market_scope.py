"""Names in a table's row label that only say where a figure holds, shared by the key-value readers
(table_reader.py and the mapped one in tables.py): in "중국 AI 인프라 시장 점유율" the place says which
market, and in a share's label the market itself is where the share is held — neither is whose it is.

The same words are the figure's scope (``label_scope``, ``market_before``): a share of a named market
("중국 AI 인프라 시장", from the label, else from the caption's "기업용 LLM API 시장 점유율"; in prose
"엔터프라이즈 시장점유율") holds in that market, and a count under "미국 내 고용 숫자" holds in that
place ("미국 내"). A scoped share is not a firm's one truthy market share (ontology/truthy_policy.toml):
the market is the scope, the measure stays the share."""

from __future__ import annotations

import re
from collections.abc import Iterable

_MARKET = re.compile(r"시장|[Mm]arket")
_SHARE = re.compile(r"점유율|[Ss]hare")
#: "내" after a place word opening a label: "미국 내 고용 숫자"
_WITHIN = re.compile(r"^([가-힣A-Za-z]{1,12} 내)\s")
#: "시장 점유율", "시장점유율", "시장 M/S": a share of the market named before it
_MARKET_SHARE = re.compile(r"시장\s?(?:점유율|M/S)")
#: a word of a market's name ("AI", "인프라", "기업용", "LLM", "B2B")
_WORD = re.compile(r"[가-힣A-Za-z0-9·/&+\-]+")
#: words before 시장 that name no market ("관련 시장", "전체 시장") or open the sentence ("특히")
_NOT_NAME = frozenset("관련 해당 전체 전 동 이 그 이번 같은 주요 특히 또한 또 현재 기존 향후 각".split())
#: a time ("2025년", "1Q25", "'23년") before the market's name
_TIME = re.compile(r"^(?:'?\d{2,4}년|\d{1,2}월|[1-4]Q\d{2}|\d{2}Q[1-4]|[12]H\d{2}|\d{4}E?)$")
#: a particle ending a word: the word is a clause's owner or topic ("OpenAI의", "메타는"), not the market's name
_PARTICLE = re.compile(r"(?:의|은|는|을|를|에서|에게|에|와|과|도|로|으로)$")
_SUBJECT = re.compile(r"..+(?:이|가)$")


def scope_classes(label: str) -> tuple[str, ...]:
    """The classes whose names in ``label`` scope its figure rather than own it."""
    if not _MARKET.search(label):
        return ("Place",) if _WITHIN.match(label) else ()  # "미국 내 고용 숫자": the place says where
    return ("Place", "MarketSegment") if _SHARE.search(label) else ("Place",)


def market_before(text: str, at: int) -> str:
    """The market named by the words right before ``at`` (where its 시장 is written), with 시장:
    "중국 AI 인프라 시장", "기업용 LLM API 시장"; "" when no word before names it."""
    kept: list[str] = []
    for word in reversed(text[:at].split()[-4:]):
        if (not _WORD.fullmatch(word) or word in _NOT_NAME or _TIME.match(word) or _PARTICLE.search(word)
                or _SUBJECT.fullmatch(word)):
            break
        kept.insert(0, word)
    return f"{' '.join(kept)} 시장"[:40] if kept else ""


def market_of(label: str, captions: Iterable[str] = ()) -> str:
    """The market a share label names ("중국 내 클라우드 시장 점유율"), else the one its table's title or
    caption names before "시장 점유율"; "" when none does."""
    for text in (label, *captions):
        m = _MARKET_SHARE.search(text or "")
        if m and (market := market_before(text, m.start())):
            return market
    return ""


#: a row label naming an accounting assumption, not a property of the thing: "감가상각연수(년)", "내용연수"
_ASSUMED = re.compile(r"(?:감가\s?상각|내용)\s?(?:연수|기간)|[Dd]epreciation (?:period|life)")
#: a caption naming the model its table computes: "DeepSeek AI TCO 계산, …", "로보택시 DCF 모델"
_MODEL = re.compile(r"((?:[가-힣A-Za-z0-9]+\s){0,3}(?:TCO|DCF|[Mm]odel|모델|시나리오)(?:\s?(?:계산|추정|분석))?)")


def label_scope(kind: str, label: str, captions: Iterable[str] = ()) -> str:
    """Where a figure read under ``label`` holds: a share's market, an assumption of the model the caption
    names ("감가상각연수 (DeepSeek AI TCO 계산)": a depreciation period assumed, not the thing's lifetime),
    else a place opening the label ("미국 내")."""
    if kind == "marketShare" and (market := market_of(label, captions)):
        return market
    if assumed := _ASSUMED.search(label):
        model = next((m.group(1) for c in captions if c and (m := _MODEL.search(c))), "")
        name = re.sub(r"\s?\([^)]*\)$", "", label.strip())[:30] or assumed.group(0)
        return f"{name} ({model})"[:60] if model else name
    within = _WITHIN.match(label)
    return within.group(1) if within else ""


#: a market named only by pointing back: "관련 시장 점유율도 32%", "해당 시장 점유율" (its market is an earlier one's)
_BACK = re.compile(r"(?:^|\s)(관련|해당|동|이|그|같은)\s?시장\s?$")
#: in the sentence before, what a market is made of: "엔터프라이즈 채택(…)이 급증", "기업 고객 수요"
_MARKET_OF = re.compile(r"([가-힣A-Za-z]{2,12})\s?(?:채택|고객|수요|부문)")
BACK = "관련 시장"


def prose_market(sentence: str, at: int) -> str:
    """A share's market in prose: "엔터프라이즈 시장점유율", "프로그래밍 시장 점유율은" (``at``: its 점유율); ``BACK``
    when the market is only pointed back to ("관련 시장 점유율": :func:`market_back` names it)."""
    if _BACK.search(sentence[:at]):
        return BACK
    m = re.search(r"시장\s?$", sentence[:at])
    return market_before(sentence, m.start()) if m else ""


def market_back(before: str) -> str:
    """The market a share pointed back to ("관련 시장 점유율") is of: the last one the sentence ``before`` names
    ("… 기업용 LLM 시장"), else what it names a market by ("엔터프라이즈 채택이 급증": "엔터프라이즈 시장");
    "" when it names none (the share's market is unknown)."""
    for m in reversed(list(re.finditer(r"시장", before))):
        if (market := market_before(before, m.start())):
            return market
    before = re.sub(r"\([^()]*\)", " ", before)  # "엔터프라이즈 채택(… 계약 고객 …)이": not what is in the note
    words = [m.group(1) for m in _MARKET_OF.finditer(before) if m.group(1) not in _NOT_NAME
             and not _PARTICLE.search(m.group(1))]
    return f"{words[-1]} 시장" if words else ""
