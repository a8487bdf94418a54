"""The venue a carried topic's figures are measured on: "X는 OpenRouter에서 최상위권 유지 / 특히 프로그래밍
시장 점유율은 50% 이상" — the share the next sentences give their topic is its share of the usage of the
platform its topic sentence named with "에서", not of the whole market.

The sentence handing a topic on (``handed_topic``) names, after its topic, an organisation with "에서" (a
place that is a firm: a platform, a store, a marketplace, not a country or a city); the market share read for that
topic by a later sentence of the block (the topic carried, role ``previous`` or ``block``) gets the venue's
name before its market in ``scope`` ("OpenRouter 프로그래밍 시장")."""

from __future__ import annotations

import re

from petaflop.extract.resolve import is_a
from petaflop.extract.table_market_scope import BACK, market_back
from petaflop.extract.table_states import EARLIER
from petaflop.extract.text_frames import Mention_

#: the kinds a venue scopes: a share measured on the platform's usage
_SCOPED = ("marketShare",)
#: the scope of a share whose market is only pointed back to and not named before: the reader drops it
UNKNOWN = "?"


def venue_of(sentence: str, mentions: list[Mention_], topic: Mention_) -> tuple[str, str] | None:
    """(the topic's entity, the venue's words) when ``sentence``'s own ``topic`` is placed at an organisation
    right after it ("Grok Code는 OpenRouter에서 …"), else None."""
    if topic.start < 0:
        return None
    venue = next((m for m in mentions if m.start >= topic.end and m.role == "place" and is_a(m.type, "Organization")
                  and re.match(r"['’”\"]?\s?에서(?!는|도)", sentence[m.end:])), None)
    return (topic.entity, sentence[venue.start:venue.end].strip()) if venue is not None else None


def venue_scope(reader, subject: Mention_, kind: str, scope: str, earlier: bool = False) -> str:
    """``scope`` with the venue of ``subject`` before it, when ``subject`` is a carried topic whose sentence
    named one (:func:`venue_of`, kept on the reader as ``venue``) and the figure is a share of a market.
    The first figure of "X에서 Y로" (``earlier``) is an earlier value of the same measure: scope "earlier value",
    followed by the market or part the sentence names for both ("earlier value, 기업용 LLM API 시장"); a market
    only pointed back to and not found leaves it "earlier value" alone."""
    if earlier:
        found = venue_scope(reader, subject, kind, scope)
        return f"{EARLIER}, {found}"[:60] if found and found != UNKNOWN else EARLIER
    if kind in _SCOPED and scope == BACK:  # "관련 시장 점유율": the market the sentence before names, else unknown
        return market_back(getattr(reader, "previous_sentence", "") or "") or UNKNOWN
    if kind in _SCOPED and not scope and (market := getattr(reader, "caption_market", "")):
        return market  # a caption line under "기업용 LLM API 시장 점유율 변화": a share of the title's market
    venue = getattr(reader, "venue", None)
    if kind not in _SCOPED or subject.role not in ("previous", "block") or venue is None or venue[0] != subject.entity:
        return scope
    return f"{venue[1]} {scope or '시장'}".strip()[:40]
