"""A product, device, platform or model built on a model, in the constructions Korean uses for it:
"<model> 기반(의) <product>", "<model>을 기반으로 한 <product>", "<model>을 계승한 … <model>", "<model>에서
파생된 <product>", "<model>을 탑재한 <device>", "<model>로부터 증류된 <model>", and the other way round,
"<product>는 <model>을 기반으로 개발", "<product>에 <model>을 사용/탑재", or the model in the product's parentheses ("<platform>(<model> 기반의 …)").
The product is ``basedOnModel`` the model. Rule ``text:based-on:basedOnModel``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a

if TYPE_CHECKING:
    from petaflop.extract.text_frames import Mention_

RULE = "text:based-on:basedOnModel"
_BUILT = ("AIProduct", "AIModel", "SoftwarePlatform", "Hardware")
_Q = r"['’”\"]?"
# the construction after the model: its particle, then the verb of building on it
_ON = (_Q + r"(?:\s?기반(?:의|인|으로 한|으로 하는)?|(?:을|를)\s(?:기반|바탕|토대)으로\s?(?:한|하는|만든|개발한|개발된|구축한|구축된)?"
       r"|(?:을|를)\s(?:계승한|탑재한|미세\s?조정한|파인\s?튜닝한|증류한)|에서\s(?:파생된|파생한|증류된|증류한)"
       r"|(?:으로|로)부터\s(?:파생된|증류된|증류한)|\s위에\s(?:구축된|구축한|만든))")
# before the product: at most three short words ("비추론 모델", "범용 AI 에이전트") and a quote
_BEFORE = re.compile(_ON + r"\s(?:[가-힣A-Za-z]{1,8}\s){0,3}['‘“\"]?")
# the product is the clause's topic and the model is built on at the verb: "<product>는 … <model>을 기반으로 개발"
_AFTER = re.compile(_Q + r"(?:을|를)\s(?:기반|바탕|토대)으로\s?(?:개발|구축|제작|학습|만들|설계)"
                    r"|" + _Q + r"에서\s(?:파생|증류)|" + _Q + r"(?:을|를)\s(?:계승|미세\s?조정|파인\s?튜닝)")
_PAREN = re.compile(r"\([^()]*\)")
# the model put into the product: "<product>에 (경쟁사인 …의) <model>을 사용/탑재/적용"
_PUT = re.compile(_Q + r"(?:을|를)\s(?:사용|탑재|적용|통합|채택)")
_INTO = re.compile(_Q + r"에\s(?:[^\s,.;]{1,12}\s){0,3}$")


def _of(m: Mention_, classes: tuple[str, ...]) -> bool:
    return any(is_a(m.type, c) for c in classes)


def based_on_model(ex, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
    """The frame (see the module doc)."""
    flat = _PAREN.sub(lambda m: " " * len(m.group()), s)  # an aside in parentheses is no word between
    made: set[tuple[str, str]] = set()

    def add(product: Mention_, model: Mention_) -> None:
        if product.entity != model.entity and (product.entity, model.entity) not in made:
            made.add((product.entity, model.entity))
            ex.add(Fact(product.entity, "basedOnModel", model.entity, True, loc, RULE, sources,
                        raw=s[min(product.start, model.start):max(product.end, model.end)][:60]))

    for i, model in enumerate(mentions):
        if not _of(model, ("AIModel",)):
            continue
        inside = flat[model.start] == " "  # the model stands inside parentheses
        nxt = next((m for m in mentions[i + 1:] if m.start >= model.end), None)
        gap = re.sub(r"\s+", " ", flat[model.end:nxt.start]) if nxt is not None else ""
        if nxt is not None and not inside and _of(nxt, _BUILT) and _BEFORE.fullmatch(gap):
            add(nxt, model)  # "<model> 기반의 <product>"
            continue
        if inside and re.match(_ON, s[model.end:]):  # "<platform>(<model> 기반의 …)"
            opened = s.rfind("(", 0, model.start)
            owner = next((m for m in reversed(mentions[:i]) if m.end == opened or s[m.end:opened] in ("'", "’", "”", '"')),
                         None)
            if owner is not None and _of(owner, _BUILT):
                add(owner, model)
            continue
        if not inside and _PUT.match(s, model.end):  # "<product>에 <model>을 사용"
            into = next((m for m in reversed(mentions[:i]) if _INTO.fullmatch(flat[m.end:model.start])), None)
            if into is not None and _of(into, _BUILT):
                add(into, model)
                continue
        if not inside and _AFTER.match(s, model.end):  # "<product>는 … <model>을 기반으로 개발"
            topic = next((m for m in reversed(mentions[:i]) if m.role in ("topic", "subject")), None)
            if topic is not None and _of(topic, _BUILT) and not re.search(r"[,.;]", flat[topic.end:model.start]):
                add(topic, model)
