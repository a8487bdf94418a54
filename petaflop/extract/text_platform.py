"""A model used through another firm's platform: "<F> 같은 클라우드 플랫폼에서 즉시 사용 가능",
"제 3자 플랫폼 (<F> 등)을 포함한 … 사용량", a price cell "0.1 달러 (<F> 경유)".

A firm the words call a platform — "<F> 같은/등(의) [클라우드·제3자·외부] 플랫폼", a third-party, external
or cloud "플랫폼 (<F> 등)" — or the route a figure is got through ("(<F> 경유)") offers the model the
sentence is about (``offeredBy``): the one model the sentence names outside parentheses, else the
sentence's (or the table row's) topic when it is a model. Nothing when the firm is the model's own
developer's name, or the subject is no model (a firm's "이커머스 플랫폼(아마존)" is a market, not a
route to a model). One construction, one rule (``text:platform-offer``): the words name the platform,
and the model is the one the sentence is about.
"""

from __future__ import annotations

import re
from typing import Any

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

RULE = "text:platform-offer"
_QUALIFIER = r"(?:클라우드|제\s?3자|서드\s?파티|외부|추론|API)"
#: after the firm: "같은 (클라우드) 플랫폼", "등(의) 플랫폼"; or its route "경유"
#: (the platform word with its particle, not a compound: "플랫폼 기업" is a kind of firm, no route)
_AFTER = re.compile(r"['’”\"]?\s?(?:(?:와\s|과\s)?같은|등(?:의|과\s같은)?)\s(?:" + _QUALIFIER + r"\s?)?플랫폼"
                    r"(?=에서|에|을|를|으로|로|\s?\(|[,.·]|$)|['’”\"]?\s?경유")
#: before the firm: a third-party, external or cloud platform and an opening parenthesis (other names may come first)
_BEFORE = re.compile(_QUALIFIER + r"\s?플랫폼\s?\((?:[^()]{0,30}?(?:,|·)\s?)?$")
#: after the firm inside those parentheses: "등" or the closing one (other names may follow)
_CLOSE = re.compile(r"\s?(?:등\s?)?(?:[,·][^()]{0,30})?\)")
_MODEL = ("AIModel",)


def _model(s: str, mentions: list[Mention_], firm: Mention_, topic: Mention_ | None) -> Mention_ | None:
    """The one model the sentence names outside parentheses, else its topic when that is a model."""
    named = {m.entity: m for m in mentions if m is not firm and any(is_a(m.type, t) for t in _MODEL)
             and s.count("(", 0, m.start) <= s.count(")", 0, m.start)}
    if len(named) == 1:
        return next(iter(named.values()))
    if named or topic is None or not any(is_a(topic.type, t) for t in _MODEL):
        return None
    return topic


def platform_offers(ex: Any, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                    sources: tuple[str, ...]) -> int:
    """Add ``offeredBy`` links from the model to each firm named as its platform (see the module doc)."""
    made = 0
    for m in mentions:
        if not is_a(m.type, "Firm"):
            continue
        via = _AFTER.match(s, m.end) or (_BEFORE.search(s, 0, m.start) and _CLOSE.match(s, m.end))
        if not via:
            continue
        model = _model(s, mentions, m, topic)
        if model is None or model.entity == m.entity or ex.entities.get(model.entity) is None:
            continue
        if any(f.subject == model.entity and f.obj == m.entity and f.predicate == "developedBy" for f in ex.facts):
            continue  # the model's own maker: not a platform it is offered through
        ex.add(Fact(model.entity, "offeredBy", m.entity, True, loc, RULE, sources, raw=s[m.start:m.end + 16][:60]))
        made += 1
    return made
