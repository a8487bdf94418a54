"""A name marked as the case a sentence speaks of: "엔비디아 제품의 경우, …", "텍사스 전력망(ERCOT)의 경우, …".
"<X>의 경우" ("in the case of X") is a topic construction written with the genitive: what follows is said of
X as of a name marked with 은/는, so the name is the clause's topic, not the owner of the noun "경우". A
parenthetical gloss ("(ERCOT)") or the word for X's products ("제품") may stand between the name and "의";
a case named inside parentheses is an aside's, not the text's.
A name given in a naming clause ("부지의 공식 명칭은 “가나” …": its official name is 가나) is likewise what
the rest of the sentence is said of. So is a name singled out by "한 곳만" / "하나만(으로도)" ("<X> 한 곳만 1GW":
X alone, one site, takes 1GW): the delimiter 만 stands where 은/는 would, and the figure after is X's."""

from __future__ import annotations

import re

#: after a name: an optional gloss in parentheses or "제품", then "의 경우"
CASE_TOPIC = re.compile(r"['’”\"]?\s?(?:\([^()]{1,20}\))?(?:\s?제품)?의\s?경우(?![가-힣])")

#: after a name: "한 곳만", "하나만으로도" (X alone, the one of its kind), with an optional gloss in parentheses
ALONE = re.compile(r"['’”\"]?\s?(?:\([^()]{1,20}\)\s?)?(?:한\s?곳|하나)만(?:으로도|으로는)?(?![가-힣])")
#: before a name: "(공식) 명칭은 “" / "이름은 " (the thing's name is X): X is the topic of what follows
NAMED_AS = re.compile(r"(?<![가-힣])(?:공식\s?)?(?:명칭|이름)[은는]\s?[“\"‘']?$")


def case_topic(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start``–``end`` is followed by "의 경우" (the sentence's topic); not inside
    parentheses (an aside's case, "(RTX4070의 경우 시간당 0.12 달러, 여기에 70% 할인)", is no topic of the text)."""
    if text.count("(", 0, start) > text.count(")", 0, start):
        return False
    return CASE_TOPIC.match(text, end) is not None or ALONE.match(text, end) is not None \
        or NAMED_AS.search(text, max(0, start - 12), start) is not None
